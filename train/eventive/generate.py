"""Write the eventiveness training sentences from the team's own templates and word lists.

Every sentence is the team's own text: templates written for each kind of report (positive)
and each kind of hard negative the issue lists, filled from hand-written lists of actors,
places (every inhabited continent), dates and numbers. Nothing is read from ../shared.
A fixed seed makes the file the same on every run: ``python train/eventive/generate.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261201
PER_TEMPLATE = 3  # fillings drawn per template
DROP_SLOT = 0.35  # share of fillings that leave out the place (or the date)

STATE = [
    "police", "soldiers", "government troops", "security forces", "the army", "border guards",
    "paramilitary police", "Colombian troops", "Malian soldiers", "Philippine marines",
    "Myanmar's army", "Ukrainian forces", "Somali police", "Nigerian troops", "Kenyan police",
    "Peruvian riot police", "Afghan commandos", "Sudanese soldiers", "Congolese soldiers",
    "Indonesian police", "Mexican federal police", "Pakistani Rangers", "Ethiopian federal forces",
    "Sri Lankan navy sailors", "Thai rangers", "Bolivian police", "Turkish troops",
    "Iraqi security forces", "Egyptian police", "Bangladeshi police", "Nepalese police",
    "Cameroonian soldiers", "Venezuelan national guardsmen", "Russian troops", "Indian troops",
]
ARMED = [
    "gunmen", "rebels", "militants", "insurgents", "armed men", "bandits", "jihadists",
    "separatist fighters", "FARC dissidents", "al-Shabaab fighters", "Boko Haram fighters",
    "M23 rebels", "Houthi fighters", "Taliban fighters", "a militia", "suspected Maoists",
    "gang members", "ISIS fighters", "Tuareg rebels", "Arakan Army fighters", "RSF fighters",
    "a pro-government militia", "unidentified attackers", "masked men",
]
CROWD = [
    "protesters", "students", "farmers", "workers", "opposition supporters", "demonstrators",
    "teachers", "residents", "women's groups", "taxi drivers", "miners", "garment workers",
]
VICTIMS = [
    "civilians", "villagers", "farmers", "students", "worshippers", "passengers", "traders",
    "aid workers", "schoolchildren", "fishermen", "herders", "policemen", "soldiers",
]
PLACES = [
    "in Mopti", "near Goma", "in Kharkiv", "in the town of Marawi", "outside Mogadishu",
    "in Cauca province", "in Chiapas", "in Kandahar", "in Sittwe", "in Tigray",
    "in Borno state", "in Karachi", "in Jenin", "in Port-au-Prince", "in North Darfur",
    "in Cabo Delgado", "in Quetta", "in Imphal", "in Oaxaca", "in Tripoli", "in Idlib",
    "in Bamenda", "in La Paz", "in Dhaka", "near Bunia", "in Sinai", "in Mindanao",
    "in Puno", "in Tillaberi", "in Bujumbura", "in Kirkuk", "in Donetsk", "in Rakhine state",
    "in Zamfara", "near Lake Chad", "in Tumaco", "in Narathiwat", "in Jaffna", "in Kathmandu",
    "in Marib", "in Benghazi", "in the Kivu region", "in Caracas", "near the Afghan border",
]
DATES = [
    "on Tuesday", "on Sunday night", "early on Friday", "yesterday", "last night",
    "on March 3", "on 14 June", "this morning", "on Saturday", "late on Wednesday",
    "on Monday", "on Thursday evening", "overnight", "on 2 October", "at dawn on Monday",
]
NUMS = ["two", "three", "four", "five", "seven", "at least 12", "more than 20", "six", "nine",
        "at least 30", "eleven", "dozens of", "14", "23"]
COUNTRIES = [
    "Kenya", "Peru", "Pakistan", "Nigeria", "Colombia", "Indonesia", "Ethiopia", "Mali",
    "Thailand", "Ukraine", "Bolivia", "Sudan", "Bangladesh", "Iraq", "Mexico", "Nepal",
    "Chad", "Algeria", "Azerbaijan", "Armenia", "Cambodia", "Venezuela", "Somalia", "Niger",
]
OFFICIALS = [
    "The foreign minister", "The president", "The interior minister", "The prime minister",
    "A government spokesman", "The defence minister", "The governor", "The army chief",
]
CLAIMANTS = ["the army said", "police said", "officials said", "witnesses said",
             "a local official said", "residents said", "the military said in a statement",
             "a hospital source said", "according to local media"]

# (kind, family, template). Kinds other than "positive" are hard negatives.
POSITIVE = [
    ("violence", "{S} killed {N} {V} {P} {D}."),
    ("violence", "{A} attacked a police post {P} {D}, killing {N} officers."),
    ("violence", "{N} {V} were killed when {A} opened fire on a market {P} {D}."),
    ("violence", "{A} ambushed a military convoy {P} {D}, {c}."),
    ("violence", "{S} and {A} clashed {P} {D}, leaving {N} people dead."),
    ("violence", "{A} stormed a village {P} {D} and shot dead {N} {V}."),
    ("violence", "{A} abducted {N} {V} {P} {D}, {c}."),
    ("violence", "Fighting broke out between {S} and {A} {P} {D}."),
    ("violence", "{A} seized control of a district headquarters {P} {D}."),
    ("violence", "{S} recaptured the town {P} {D} after heavy fighting."),
    ("violence", "A local journalist was shot dead by {A} {P} {D}."),
    ("violence", "{A} kidnapped a district official {P} {D}."),
    ("explosion", "A roadside bomb exploded {P} {D}, killing {N} {V}."),
    ("explosion", "An air strike hit a school {P} {D}, {c}."),
    ("explosion", "{S} shelled rebel positions {P} {D}."),
    ("explosion", "A suicide bomber blew himself up at a checkpoint {P} {D}, killing {N} people."),
    ("explosion", "A drone strike killed {N} {A} {P} {D}."),
    ("explosion", "A grenade was thrown into a crowded bus station {P} {D}, wounding {N} people."),
    ("explosion", "Mortar rounds struck a camp for displaced people {P} {D}."),
    ("explosion", "A car bomb went off outside a hotel {P} {D}."),
    ("protest", "Thousands of {K} marched {P} {D} to demand higher wages."),
    ("protest", "Hundreds of {K} protested outside the parliament {P} {D}."),
    ("protest", "{K} staged a sit-in {P} {D} against the new tax."),
    ("protest", "{S} fired tear gas to disperse {K} {P} {D}."),
    ("protest", "{K} blocked a highway {P} {D} to protest against power cuts."),
    ("protest", "Protests erupted {P} {D} after the election results were announced."),
    ("riot", "A mob set fire to a police station {P} {D}."),
    ("riot", "Rioters looted shops and burned cars {P} {D}."),
    ("riot", "Rival groups clashed with stones and sticks {P} {D}, leaving {N} injured."),
    ("arrest", "{S} arrested {N} suspects {P} {D}."),
    ("arrest", "{N} men were detained by {S} {P} {D}."),
    ("arrest", "An opposition leader was arrested {P} {D}, {c}."),
    ("arrest", "{S} detained a journalist at the airport {P} {D}."),
    ("arrest", "Police said they had arrested the driver of the truck {D}."),
    ("strategic", "{A} released {N} hostages {P} {D}."),
    ("strategic", "{N} {A} surrendered to {S} {P} {D}."),
    ("strategic", "The government imposed a curfew {P} {D} after the unrest."),
    ("strategic", "{S} defused a bomb planted near a mosque {P} {D}."),
    ("strategic", "{A} burned down a health centre {P} {D}."),
    ("posture", "{C} deployed troops to its border with {C2} {D}."),
    ("posture", "{S} withdrew from their positions {P} {D}."),
    ("posture", "A column of tanks crossed the border into {C2} {D}, {c}."),
    ("posture", "{S} fired warning shots at a fishing boat {D}."),
    ("political", "{O} condemned the attack {D}."),
    ("political", "{O} met the {C2n} ambassador {P}."),
    ("political", "{O} condemned the killing of {N} {V}, {c}."),
    ("political", "Talks between {C} and {C2} ended in {P} without a statement."),
    ("political", "{C} has recalled its ambassador to {C2} for consultations."),
    ("political", "{C} recalled its ambassador from {C2} {D}."),
    ("political", "{C} and {C2} signed a ceasefire agreement {D}."),
    ("political", "{O} visited the flooded region {D}."),
    ("political", "{C} imposed sanctions on {C2} {D}."),
    ("political", "{C} accused {C2} of shelling border villages {D}."),
    ("political", "{C} expelled two {C2n} diplomats {D}."),
    ("political", "Government negotiators met rebel leaders {P} {D}."),
    ("claimed", "{A} said they had shot down a military helicopter {P} {D}."),
    ("claimed", "State media said {S} had killed {N} {A} {P} {D}."),
    ("claimed", "{A} claimed responsibility for the bombing {P} {D}."),
    ("sourced", "According to witnesses, {S} fired on the crowd {P} {D}."),
    ("sourced", "{S} raided a house {P} {D} and seized weapons, {c}."),
    ("headline", "{Sc} kill {N} {A} {P}"),
    ("headline", "{N} dead in bomb blast {P}"),
    ("headline", "Police arrest {N} after clashes {P}"),
    ("noun", "The attack {P} {D} left {N} people dead."),
    ("noun", "{D2}'s bombing of a market {P} killed {N} people."),
    ("noun", "The raid {D} was the third on the camp this month."),
    ("noun", "Two explosions rocked the centre of the city {P} {D}."),
    ("passive", "{N} {V} were killed {P}, {c}."),
    ("passive", "A {V2} has been released after two weeks in captivity {P}."),
    ("passive", "The attacks targeted army posts {P} {D}."),
    ("passive", "{N} people were injured in the blast {P}."),
    ("passive", "A police station was set on fire {P}, {c}."),
    ("passive", "Dozens of homes were destroyed in the shelling {P}."),
    ("passive", "The bodies of {N} {V} were found {P} after the raid, {c}."),
    ("passive", "The kidnapped {V} have been freed, {c}."),
    ("perfect", "{A} have killed {N} {V} in an attack {P}, {c}."),
    ("perfect", "{S} have arrested {N} people over the bombing, {c}."),
    ("perfect", "{K} have blocked the main road {P} since dawn."),
    ("perfect", "{C} has closed its border with {C2} after the clashes."),
    ("noun", "The bombing destroyed a bridge {P}."),
    ("noun", "The clashes left {N} dead, {c}."),
    ("noun", "Witnesses described the shooting as chaotic."),
    ("noun", "The protest ended peacefully in the evening."),
]
NEGATIVE = [
    ("modal", "{O} said {D} that {A} could attack again."),
    ("modal", "{S} said they were ready to arrest the leaders of the protest."),
    ("negated", "{S} said {D} they had found no evidence of an attack."),
    ("statistic", "The report said attacks on journalists rose sharply last year."),
    ("irrealis", "{O} said {D} that the killers must be arrested."),
    ("opinion", "{O} said the protests were the work of foreign agents."),
    ("generic", "{O} said protests were a normal part of democracy."),
    ("negated", "No arrests have been made so far."),
    ("negated", "{S} made no arrests after the clashes {P} {D}."),
    ("negated", "{A} did not attack the convoy {P} {D}, {c}."),
    ("negated", "{S} have not been able to arrest the suspects."),
    ("negated", "There were no signs of a ceasefire {P}."),
    ("negated", "No one was killed in the incident, {c}."),
    ("negated", "{S} did not fire on the protesters, {c}."),
    ("negated", "{S} prevented the march from reaching the palace."),
    ("negated", "The rebels never attacked the town."),
    ("negated", "No casualties were reported."),
    ("negated", "Nobody has been detained in connection with the killing."),
    ("negated", "The army failed to capture the bridge."),
    ("modal", "{A} could attack {P} in the coming days."),
    ("modal", "{S} will arrest anyone who joins the protest {P} {D}, {c}."),
    ("modal", "{K} plan to march {P} {D}."),
    ("modal", "{C} may deploy troops to its border with {C2}."),
    ("modal", "More sanctions will likely be forthcoming."),
    ("modal", "{S} are expected to withdraw from {P} next month."),
    ("modal", "Analysts warn that the violence may spread to {P}."),
    ("modal", "The government will deploy more troops {P} next week."),
    ("modal", "{C} plans to impose a curfew if the unrest continues."),
    ("modal", "The opposition intends to hold a rally on Friday."),
    ("modal", "Officials said the talks might resume later this year."),
    ("modal", "{O} is scheduled to visit {C2} in May."),
    ("modal", "The court granted police 20 days to arrest the accused."),
    ("hypothetical", "If the talks fail, the rebels may resume attacks {P}."),
    ("hypothetical", "Will {S} withdraw before the election?"),
    ("hypothetical", "If {A} attack {P}, {S} are ready to respond, {c}."),
    ("hypothetical", "What would happen if {S} arrested the opposition leader?"),
    ("hypothetical", "Had the bomb exploded, dozens of people would have died."),
    ("hypothetical", "Any attack on the convoy would be met with force, {O2} warned."),
    ("irrealis", "The opposition urged supporters to join protests {P}."),
    ("irrealis", "Residents {P} fear further attacks by {A}."),
    ("irrealis", "{O} urged {S} to arrest the killers {P}."),
    ("irrealis", "{C} called on {C2} to withdraw its troops {D}."),
    ("irrealis", "Activists called for the arrest of the officers involved."),
    ("irrealis", "{O} demanded the release of all political prisoners."),
    ("irrealis", "{C} threatened to expel the diplomats."),
    ("irrealis", "Rights groups want an inquiry into the killings."),
    ("irrealis", "Human rights groups appealed for an end to the shelling."),
    ("generic", "Protests are common in the capital."),
    ("generic", "{S} often detain activists without charge {P}."),
    ("generic", "{A} frequently attack buses on the road {P}."),
    ("generic", "Protests by {K} are common {P}."),
    ("generic", "Kidnapping is a lucrative business for armed groups {P}."),
    ("generic", "Attacks on aid workers undermine relief efforts."),
    ("generic", "Roadside bombs are a constant danger for travellers {P}."),
    ("generic", "Soldiers routinely search cars at checkpoints {P}."),
    ("generic", "Riot police usually use tear gas against crowds."),
    ("generic", "Arrests of journalists are rarely reported in the local press."),
    ("generic", "Cattle raids between herding communities happen every dry season."),
    ("generic", "The militia recruits children and attacks villages at night."),
    ("statistic", "More than 150,000 people have fled {P} since the war began."),
    ("statistic", "The death toll {P} has risen to 400 since March."),
    ("statistic", "{S} have arrested more than 3,000 people {P} since the start of the year."),
    ("statistic", "{A} have killed at least 900 {V} {P} since 2020."),
    ("statistic", "Some 3,000 people have been arrested this year."),
    ("statistic", "Attacks on schools rose by 20 percent in 2019."),
    ("statistic", "At least 2,000 civilians have been killed in the conflict so far."),
    ("statistic", "Bombings have killed more than 500 people {P} over the past decade."),
    ("statistic", "Kidnappings doubled last year, according to a new report."),
    ("background", "The region has a long history of ethnic violence."),
    ("background", "Relations between {C} and {C2} have been tense for decades."),
    ("background", "Since independence, the country has seen repeated coups."),
    ("background", "The conflict has displaced millions of people over the years."),
    ("furniture", "We welcome comments that advance the story."),
    ("furniture", "Sign the petition to stop the war."),
    ("furniture", "Click here to follow our live coverage of the protests."),
    ("furniture", "Share this story about the attack on Facebook and Twitter."),
    ("furniture", "Read more: our full coverage of the conflict."),
    ("furniture", "Comments on this story are closed."),
    ("furniture", "Subscribe to our newsletter for the latest on the fighting."),
    ("furniture", "Report abuse or offensive comments here."),
    ("furniture", "Vote in our poll: should the army withdraw?"),
    ("comment", "when NATO assassinates Gadhafi the war will finally end lol"),
    ("comment", "Posted by dave77: the police should arrest all of them."),
    ("comment", "I think the protesters are right, we need to march too!!"),
    ("comment", "Reply: you people support the killing of innocents, shame on you"),
    ("comment", "Great article, but why does nobody talk about the bombing of our villages?"),
    ("opinion", "Violence is never the answer."),
    ("opinion", "War is a failure of politics, the editorial argued."),
    ("opinion", "Sanctions rarely change the behaviour of regimes."),
    ("opinion", "Critics say the crackdown on dissent is a sign of weakness."),
    ("sense", "Redknapp's attacking options are limited this season."),
    ("sense", "{O} discussed the crisis in a television interview {D}."),
    ("sense", "The company held talks with investors about the merger {D}."),
    ("sense", "The winner claimed the prize money {D}."),
    ("sense", "The ministry released new unemployment figures {D}."),
    ("sense", "The coach met the press after the defeat {D}."),
    ("sense", "Shareholders voted to approve the takeover {D}."),
    ("sense", "The singer was arrested by the beauty of the landscape."),
    ("sense", "The film's release was delayed until the spring."),
    ("sense", "The football club signed a new striker {D}."),
    ("sense", "The bank announced a strike price for the bonds."),
    ("sense", "The union and the airline reached an agreement on pensions {D}."),
    ("sense", "Fans rallied behind the team after the loss."),
    ("sense", "The euro's pullback continued in early trading."),
    ("sense", "He suffered a cardiac arrest and died in hospital."),
    ("sense", "Stocks rallied after the central bank cut rates."),
    ("sense", "The company released its quarterly figures {D}."),
    ("sense", "The striker fired a shot past the keeper in the final minute."),
    ("sense", "Her speech struck a chord with young voters."),
    ("sense", "Oil prices crashed to a five-year low."),
    ("sense", "The firm launched a hostile takeover bid for its rival."),
    ("sense", "He shot the film in Morocco last year."),
    ("sense", "The team captured the title with two games to spare."),
    ("sense", "The minister came under attack from his own party."),
    ("sense", "The bill was killed in committee."),
    ("sense", "Shares in the mining group exploded after the merger news."),
    ("sense", "The band's debut album was a bomb at the box office."),
    ("sense", "Inflation is the silent killer of savings."),
    ("sense", "The senator fought off a challenge in the primary."),
    ("sense", "The march 15 deadline for applications has passed."),
    ("sense", "The drug arrests the growth of cancer cells."),
    ("sense", "A flu outbreak forced schools to close."),
    ("sense", "The bank seized on the opportunity to raise rates."),
]

# Hand-written sentences, one per line: label, kind, text. Not templated.
HAND = HERE / "handwritten.tsv"


def _fill(template: str, rng: random.Random) -> str:
    state = rng.choice(STATE)
    c1, c2 = rng.sample(COUNTRIES, 2)
    slots = {
        "S": state,
        "Sc": state[:1].upper() + state[1:],
        "A": rng.choice(ARMED),
        "K": rng.choice(CROWD),
        "V": rng.choice(VICTIMS),
        "V2": rng.choice(["journalist", "aid worker", "priest", "businessman", "student"]),
        # Place and date are left out of some fillings, so that neither alone marks a report.
        "P": rng.choice(PLACES) if rng.random() > DROP_SLOT else "",
        "D": rng.choice(DATES) if rng.random() > DROP_SLOT else "",
        "D2": rng.choice(["Tuesday", "Sunday", "Friday", "Monday"]),
        "N": rng.choice(NUMS),
        "C": c1,
        "C2": c2,
        "C2n": c2,
        "O": rng.choice(OFFICIALS),
        "O2": rng.choice(OFFICIALS).lower().replace("the ", "the ", 1),
        "c": rng.choice(CLAIMANTS),
    }
    text = " ".join(template.format(**slots).split())
    text = text.replace(" ,", ",").replace(" .", ".").replace(" ?", "?")
    return text[:1].upper() + text[1:]


def generate() -> list[dict[str, object]]:
    rng = random.Random(SEED)
    rows: list[dict[str, object]] = []
    seen: set[str] = set()

    def add(text: str, label: int, kind: str, how: str) -> None:
        if text not in seen:
            seen.add(text)
            rows.append({"text": text, "label": label, "kind": kind, "how": how})

    for family, template in POSITIVE:
        for _ in range(PER_TEMPLATE):
            add(_fill(template, rng), 1, family, "template")
    for kind, template in NEGATIVE:
        for _ in range(PER_TEMPLATE if "{" in template else 1):
            add(_fill(template, rng), 0, kind, "template")
    for line in HAND.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, kind, text = line.split("\t")
            add(text, int(label), kind, "hand")
    return rows


def main() -> None:
    rows = generate()
    with open(HERE / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    pos = sum(int(r["label"]) for r in rows)  # type: ignore[call-overload]
    print(f"{len(rows)} sentences ({pos} eventive, {len(rows) - pos} not)")


if __name__ == "__main__":
    main()
