"""Word senses and parties met in news that holds no conflict (disease, an oil spill, the arts
pages): acts done by no one, to things or to animals, and people no article names as
officials, give no event; the conflict readings of the same words stay events.

Every sentence here is the team's own, written to one definition each; none is copied from
gold data or from the articles of the off-topic suite.
"""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.extract.senses import _known
from flashpoint.extract.titled import titled_names
from flashpoint.extract.wordlists import word_list
from flashpoint.records import Mention

PUBLISHED = "2025-03-07"  # a Friday


def mentions(text: str) -> list[Mention]:
    return flashpoint.extract(text, published=PUBLISHED)


def verdict(text: str, event_type: str) -> str:
    """The drop code of the text's candidate of this type, "" if kept."""
    found = [m for m in mentions(text) if m.type == event_type]
    assert found, f"no candidate in {text!r}: {[m.type for m in mentions(text)]}"
    return found[0].dropped.split(":", 1)[0]


DROPPED = [
    # deaths by disease, weather or accident are no one's attack
    ("The heat killed hundreds of elderly people this week.", "attack"),
    # things are not people killed, seized or freed
    ("Engineers finally killed the well on Thursday.", "attack"),
    ("The firm captured most of the leaking oil on Sunday.", "non_state_overtakes_territory"),
    ("Skimmers rounded up the oil near the shore on Monday.", "arrest"),
    # other senses: striking, engaged to perform, a document handed in, words that attack
    ("Critics praised this colorful and arresting work on Monday.", "arrest"),
    ("The band was booked for a summer festival on Monday.", "arrest"),
    ("The doctor surrendered his passport to the court on Monday.", "surrender"),
    # submission to God, or giving in to a feeling, is no armed side laying down its arms
    ("The pilgrims prayed that unto Him they had surrendered on Friday.", "surrender"),
    ("Exhausted, the old man surrendered to despair on Monday.", "surrender"),
    ("Protesters waved banners attacking the minister on Monday.", "attack"),
    ("Volunteers combated the pollution along the river on Sunday.", "armed_clash"),
    ("I protested until I was hoarse on Monday.", "peaceful_protest"),
    ("The family welcomed the coroner's findings on Friday.", "visit"),
    # a danger from things, a forecast or a pledge about others, is no threat
    ("Oil gushed into the bay on Monday, threatening the coast.", "threat"),
    ("Officials warned the coming storm season could be the worst on record.", "threat"),
    # lives and notes are not property
    ("Workers whose lives were destroyed will get nothing.", "property_destruction"),
    # music, products and proofs
    ("The band opened with a funeral march on Monday.", "peaceful_protest"),
    ("A critic reviewed this week's movie releases on Monday.", "release"),
    ("The drug has been demonstrated to reduce deaths in trials.", "peaceful_protest"),
    ("The firm was engaged in the construction of a bridge last year.", "armed_clash"),
    ("The minister told a businessmen's meeting that rates would fall.", "meeting"),
    # a finding, a campaign's target and a preference report no act
    ("A study found that many suicide bombers were graduates.", "disrupted_weapons_use"),
    ("He joined a campaign against the sanctions on Monday.", "sanction"),
    ("The party favoured executing the prisoners on Monday.", "attack"),
    # time moves on, help rallies: no place taken, no rally held
    ("By then the talks had moved into Sunday.", "non_violent_territory_transfer"),
    ("Donors were rallying to the aid of the flood victims.", "peaceful_protest"),
    # a private person or the writer visits or meets, whatever country is named
    ("My parents visited Egypt last month.", "visit"),
    ("A girl on the same trip to Mexico was also infected.", "visit"),
    # a person the article never titles is no official: no visit, no talks
    ("Jo Smith visited a children's hospital on Tuesday.", "visit"),
    ("Ann Cole met Tom Reed for lunch in Leeds on Tuesday.", "meeting"),
    # only a party threatens or visits: a thing or a turn of events does neither
    ("The clumsy response threatens to make a bad situation worse.", "threat"),
    ("The merger threatens hundreds of jobs at the plant.", "threat"),
    ("The new rig ordered by the government arrived in the Gulf on Monday.", "visit"),
    ("The band toured Israel and the occupied territories last month.", "visit"),
    ("My grandfather arrived in Israel in 1948 with the army.", "visit"),
    # a warning of a danger, a forecast or advice is no threat
    ("Health officials warned that the number of cases may be underestimated.", "threat"),
    ("The ministry warned people not to shake hands when they meet.", "threat"),
    ("The health minister warned of rising prices in the capital on Monday.", "threat"),
    ("The minister has been warning about the firm's reliance on a toxic chemical.", "threat"),
    # a substance spreads, a firm struggles, a patient goes home
    ("About 200,000 barrels of oil had dispersed by Monday.", "protest_with_intervention"),
    ("The company is battling to stop the oil gushing from the well.", "armed_clash"),
    ("The battle to bring the firm to account intensified on Monday.", "armed_clash"),
    ("Five were treated and released on Monday.", "release"),
    # what a thing is of does not make it people: a document about a firm is released
    ("The safety board released a damning indictment of Shell on Tuesday.", "release"),
    # an epidemic fought, a struggle to do something, a dispute over access: no combat
    ("The health director fought SARS and bird flu in Hong Kong last year.", "armed_clash"),
    ("The president is fighting to prevent the spill from becoming a disaster.", "armed_clash"),
    # blame laid on a cause, not on a party, accuses no one
    ("The finance minister on Monday blamed the cold weather for the slump.", "accusation"),
    ("On Tuesday the senator blamed his absence on a stomach bug.", "accusation"),
    ("Officials on Monday blamed the explosion on a gas leak.", "accusation"),
    # rescuers, teams and means moved to a disaster are no forces deployed
    ("British rescuers in the capital have been redeployed to the coast on Monday.", "deployment"),
    ("The charity deployed dozens of rescuers on Monday.", "deployment"),
    # a return home, a survivor pulled out: no visit, no retreat
    ("The foreign minister arrived home on Monday after talks in Cairo.", "visit"),
    ("After five days in the rubble she was finally pulled out by Turkish teams.", "withdrawal"),
    # a substance dispersed or let out, a sum handed over, people moving house
    (
        "The oil spread, and crews tried dispersing it with dispersants.",
        "protest_with_intervention",
    ),
    ("A valve failure caused a gas release at the plant on Monday.", "release"),
    (
        "The chief executive handed over $3 million to the state on Monday.",
        "non_violent_territory_transfer",
    ),
    (
        "Cleanup workers moved into a trailer near the beach on Monday.",
        "non_violent_territory_transfer",
    ),
    # a deal, an accord pressed for is aimed at, not reached
    ("The leak increased pressure for the party to reach a deal on Monday.", "agreement"),
    ("The minister came under pressure to sign the accord on Monday.", "agreement"),
    # a set read through to its members: taking part in crimes, not combat
    ("The aides were engaged in a string of corrupt acts, the court heard.", "armed_clash"),
    # a count of a set read through to its members: news outlets demand access, no crowd
    ("Scores of news outlets were demanding access to the rig on Monday.", "peaceful_protest"),
    # meetings, labour and a company's future are no combat and no ground taken
    ("Their first face-to-face encounter with the executives came on Monday.", "armed_clash"),
    ("Many staff are now engaged in security labour, the study found.", "armed_clash"),
    (
        "The scientists met on Monday before engaging in a long brainstorming session.",
        "armed_clash",
    ),
    (
        "The firm hopes to move into the future with its new chief.",
        "non_violent_territory_transfer",
    ),
    # an attack in words: by people whose weapon is words, by means of words, for conduct
    ("Two senators attacked the oil company on Tuesday.", "attack"),
    ("The committee attacked the firm on Tuesday by accusing it of cutting corners.", "attack"),
    ("The chief executive was attacked by critics for his handling of the leak.", "attack"),
    ("The minister was widely attacked on Monday for his remarks on the strike.", "attack"),
    ("The slick was attacking the marshes along the coast on Monday.", "attack"),
    # a purchase, a stockpile handed out, a press release, a spread, animals moved or eating
    ("The region ordered two million doses of the vaccine on Monday.", "order_directive"),
    ("The agency released some of its fuel stockpiles on Monday.", "release"),
    ("The release was issued through a wire service on Monday.", "release"),
    ("The virus has moved into the southern provinces.", "non_violent_territory_transfer"),
    (
        "Farmers struggled to move the cattle into trucks on Monday.",
        "non_violent_territory_transfer",
    ),
    ("Locusts destroyed the wheat fields on Monday.", "property_destruction"),
    # a task passed on, an engagement shown
    (
        "The envoy handed over control of the cleanup to his deputy on Monday.",
        "non_violent_territory_transfer",
    ),
    ("The ministry scrambled to demonstrate its engagement on Monday.", "peaceful_protest"),
    # a demand of armed men is no crowd's; a treaty flouted or renegotiated is not signed
    ("The kidnappers demanded a ransom for the engineer on Monday.", "peaceful_protest"),
    ("The rebels flouted the treaty on Monday.", "treaty_signed"),
    ("The ministry said the firms still had to meet new safety rules.", "meeting"),
    # a well killed with mud, scientists hired, a slick fought, oil recaptured, support rallied
    ("Engineers will try to kill the well with heavy mud on Monday.", "attack"),
    ("The firm has been engaging academic scientists for its defence.", "armed_clash"),
    ("The battle against the oil slick claimed the life of a worker on Monday.", "armed_clash"),
    ("The leaking oil was recaptured on Monday.", "government_regains_territory"),
    ("The minister used the crisis to rally support for the bill on Monday.", "peaceful_protest"),
    # an illness named as a syndrome is fought as any other
    (
        "The doctor fought influenza and Acute Respiratory Syndrome in the capital last year.",
        "armed_clash",
    ),
]


@pytest.mark.parametrize(("text", "event_type"), DROPPED)
def test_no_event_from_other_senses_and_private_people(text: str, event_type: str) -> None:
    assert verdict(text, event_type) in ("other_sense", "not_political", "irrealis")


@pytest.mark.parametrize(
    "text",
    [
        "Thirty passengers were killed in a commuter train crash on Monday.",
        "Nine people died and 40 were hurt when a bus crash blocked the motorway on Monday.",
        "Four people were killed when a train derailed near the capital on Monday.",
    ],
)
def test_deaths_in_a_road_or_rail_crash_give_no_attack(text: str) -> None:
    # an accident's toll: type_rules.tsv refines an attack with no attacker named
    assert "attack" not in {m.type for m in mentions(text) if not m.dropped}


def test_a_container_that_exploded_with_no_attacker_is_an_accident() -> None:
    # type_rules.tsv: the industrial row reads containers and cylinders too
    text = "A container of virus samples packed in dry ice exploded on a train on Tuesday."
    kept = {m.type for m in mentions(text) if not m.dropped}
    assert "remote_explosive" not in kept and "man_made_disaster" in kept


def test_deaths_in_a_quake_report_that_names_relief_forces_are_the_quake_s_toll() -> None:
    """Troops, soldiers and police sent for relief are no words of conflict (type_rules.tsv,
    rival row): an agentless toll in a report on an earthquake is still the quake's."""
    text = (
        "The earthquake struck the capital on Tuesday evening. US troops and police helped "
        "rescuers search the rubble on Wednesday, and soldiers handed out water. More troops "
        "arrived on Thursday, and the police guarded the port. Thousands of people were "
        "killed, officials said on Thursday. Aid agencies said the earthquake had left a "
        "million people homeless."
    )
    toll = [m for m in mentions(text) if m.trigger.text == "killed"]
    assert [m.type for m in toll] == ["natural_disaster"]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The state mobilized 600 National Guard troops to help cope with the storm.", None),
        ("The army deployed 5,000 soldiers for flood relief work on Monday.", None),
        # unrest named beside the hazard: the forces may be sent for both
        ("Troops were deployed to cope with the flood and the looting on Monday.", "deployment"),
        ("The army deployed troops to help deal with the protests on Monday.", "deployment"),
    ],
)
def test_forces_sent_to_a_natural_hazard_are_no_deployment(
    text: str, event_type: str | None
) -> None:
    # type_rules.tsv: a refine row makes the move the hazard's response
    kept = {m.type for m in mentions(text) if not m.dropped}
    assert ("deployment" in kept) == (event_type == "deployment")


@pytest.mark.parametrize(
    "text",
    [
        "The virus has killed at least 60 people since Monday.",
        "A new strain of flu, which has killed 80 people, is spreading.",
    ],
)
def test_deaths_by_a_disease_give_no_attack(text: str) -> None:
    """The sense row (kill active_subject @illness) reads the disease as what killed; a text
    that names the disease in its lead is a report on it, so the toll is a natural disaster,
    a context type the default view leaves out (type_rules.tsv frame rows)."""
    from flashpoint.extract.senses import other_sense
    from flashpoint.nlp import load_nlp

    killed = next(t for t in load_nlp()(text) if t.lemma_ == "kill")
    assert other_sense(killed).startswith("other_sense: ")
    assert {m.type for m in mentions(text) if not m.dropped} <= {"natural_disaster"}


KEPT = [
    ("Gunmen killed 12 villagers in an attack on Monday.", "attack"),
    ("Rebels were engaged in a series of battles with troops on Monday.", "armed_clash"),
    ("Soldiers had a brief encounter with the rebels near the border on Monday.", "armed_clash"),
    (
        "Hundreds of students marched and demanded the resignation of the rector on Monday.",
        "peaceful_protest",
    ),
    ("Militants killed three soldiers near the border on Tuesday.", "armed_clash"),
    ("Rebels captured the oil field on Monday.", "non_state_overtakes_territory"),
    ("Rebels moved into the town on Sunday.", "non_violent_territory_transfer"),
    ("Thousands rallied in the capital on Sunday.", "peaceful_protest"),
    ("Police rounded up dozens of suspects after the riot on Monday.", "arrest"),
    ("The rebels surrendered their weapons to the army on Friday.", "surrender"),
    ("The last fighters surrendered to the army on Friday.", "surrender"),
    ("North Korea warned it would retaliate against any provocation.", "threat"),
    ("Hamas vowed that its fighters would avenge the killing.", "threat"),
    ("Iran warned that any attack could be met with force.", "threat"),
    ("The army warned that militants would be crushed.", "threat"),
    (
        "Foreign Minister Jo Smith arrived in Cairo on Monday. Smith met Ann Cole on Tuesday.",
        "meeting",
    ),
    ("Ann Cole, the defence minister, visited the border town on Tuesday.", "visit"),
    ("Soldiers destroyed the old market on Monday.", "property_destruction"),
    ("Students demonstrated to demand reforms on Monday.", "peaceful_protest"),
    ("Officials in Cairo ordered troops to the border on Monday.", "order_directive"),
    ("Egypt and Israel held talks in Cairo on Monday.", "meeting"),
    ("I met President Assad yesterday, the envoy said.", "meeting"),
    # the conflict readings an independent review found the first rules took away
    (
        "Thousands demonstrated in Belgrade on Saturday to bring down the government.",
        "peaceful_protest",
    ),
    ("The garrison surrendered the fort to the rebels on Monday.", "surrender"),
    ("Rebels stole millions from the central bank in Goma on Tuesday.", "looting"),
    ("A police post attacked by militants in Bannu was abandoned.", "armed_clash"),
    ("Security forces killed an entire Islamic State cell in Kirkuk on Monday.", "armed_clash"),
    ("Taliban fighters killed two Navy SEALs in Kunar on Monday.", "armed_clash"),
    ("Rebels captured the seat of Ituri province on Monday.", "non_state_overtakes_territory"),
    ("Police booked five youths for a fight between two communities in Meerut.", "arrest"),
    ("Police rounded up dozens of opposition figures on Monday.", "arrest"),
    (
        "Heavy machine-gun fire destroyed two vehicles at the checkpoint on Monday.",
        "property_destruction",
    ),
    ("The junta announced a record release of 9,000 prisoners on Monday.", "release"),
    ("Three armed men crossed the border into Israel from Lebanon on Monday.", "border_crossing"),
    ("Student leaders met army chief General Waker-uz-Zaman in Dhaka on Monday.", "meeting"),
    ("Gaddafi's son Saif al-Islam met Russian officials in Moscow on Monday.", "meeting"),
    (
        '"We agreed on aid. I met the Egyptian president on Tuesday. We left," Blinken said.',
        "meeting",
    ),
    (
        "Hamas leader Ismail Haniyeh's aide said so. Haniyeh met Nasrallah in Beirut on Tuesday.",
        "meeting",
    ),
    ("Hochstein held talks with the new rulers in Damascus on Monday.", "meeting"),
    ("Hezbollah vowed that the killing of its commander would not go unpunished.", "threat"),
    # the conflict readings of the words the rows of 2026-12-07 read otherwise: attacks by
    # armed committees and officials, for motives; a country is no animal; a crowd's
    # protest to an office; a charge for a decision; a release of captives noted
    ("Popular committees attacked rebel positions near the port on Monday.", "attack"),
    ("The mayor attacked a reporter with an iron bar on Monday.", "attack"),
    ("Militants attacked the school on Monday for its policy of teaching girls.", "armed_clash"),
    ("Rebels launched a withering attack on the garrison on Monday.", "attack"),
    ("Troops attacked the town on Monday by calling in helicopter gunships.", "armed_clash"),
    ("Turkey destroyed PKK positions in northern Iraq on Monday.", "property_destruction"),
    ("Turkey moved troops into northern Iraq on Monday.", "deployment"),
    ("The general was charged on Monday with deciding to shell the villages.", "arrest"),
    ("Rebels seized most of the north on Monday.", "non_state_overtakes_territory"),
    ("The release of 200 prisoners on Monday adds momentum to the talks.", "release"),
    ("The senator was attacked by gunmen outside his home on Monday.", "attack"),
    (
        "Police dispersed the oil workers' protest with tear gas on Monday.",
        "protest_with_intervention",
    ),
    ("Rebels released some of the hostages on Monday.", "release"),
    (
        "US forces handed over control of the base to Iraqi troops on Monday.",
        "non_violent_territory_transfer",
    ),
    ("Hundreds of villagers protested to the district office on Monday.", "peaceful_protest"),
    ("Thousands of workers demanded higher wages in Dhaka on Monday.", "peaceful_protest"),
    ("Troops recaptured the town on Monday.", "government_regains_territory"),
    ("The opposition rallied its supporters in the capital on Monday.", "peaceful_protest"),
    ("Iran warned that Israeli officials could be targeted abroad.", "threat"),
    # and those a second review found
    ("Iran warned Israel that any attack could be met with a crushing response.", "threat"),
    ("The army warned residents that the area could be shelled.", "threat"),
    ("Families of Israeli hostages met Prime Minister Benjamin Netanyahu on Monday.", "meeting"),
    ("The son of the former dictator visited Tripoli on Monday.", "visit"),
    ("Students held talks with the army chief on Monday.", "meeting"),
    ("Hardliners in Tehran ordered the closure of the newspaper on Monday.", "order_directive"),
    ("Ten people were booked for their role in the violence.", "arrest"),
    ("Troops combating terrorism in the Sahel killed 20 militants on Monday.", "armed_clash"),
    (
        "Residents rallied to the call of the cleric and blocked roads on Monday.",
        "peaceful_protest",
    ),
    ("The union said it demonstrated outside parliament on Monday.", "peaceful_protest"),
    ("A friendly-fire accident killed three Israeli soldiers on Monday.", "armed_clash"),
    ("Gunmen slaughtered cattle and villagers on Monday.", "attack"),
    ("Rebels destroyed lives and homes in the village on Monday.", "property_destruction"),
    (
        "The UN envoy for Yemen, Hans Grundberg, spoke. Grundberg met Ali Saleh on Monday.",
        "meeting",
    ),
    ("dm anil singh met the protesters on monday.", "meeting"),
    # and those a third review found
    ("North Korea's leader Kim Jong Un spoke. Kim visited a munitions factory on Monday.", "visit"),
    (
        "Israel's military chief Eyal Zamir spoke. Zamir ordered troops north on Monday.",
        "order_directive",
    ),
    ("So said Ukraine's defence minister, Rustem Umerov. Umerov met Witkoff on Monday.", "meeting"),
    ("Egyptian President al-Sisi spoke. Sisi met Abbas in Cairo on Monday.", "meeting"),
    ("The Houthis warned US warships could be targeted in the Red Sea.", "threat"),
    ("Supporters rallied to the defence of the ousted president on Monday.", "peaceful_protest"),
    ("A police squad raided the hideout on Monday, battling the gunmen for hours.", "armed_clash"),
    (
        "He protested outside the Russian embassy on Monday and was arrested.",
        "protest_with_intervention",
    ),
    ("The heat and the siege killed 40 children in Al-Fashir on Monday.", "attack"),
    # and the titles a fourth review found missing
    ("Taoiseach Micheal Martin met Starmer in Belfast on Monday.", "meeting"),
    ("Kremlin aide Yuri Ushakov spoke. Ushakov met Witkoff in Riyadh on Tuesday.", "meeting"),
    ("Mullah Abdul Ghani Baradar visited Kabul on Monday.", "visit"),
    ("Sergeant John Miller ordered his men to fire on the crowd on Monday.", "order_directive"),
    ("Shri Amit Shah visited Imphal on Monday.", "visit"),
    # a day names one act: "this year" then compares it, it totals nothing
    ("Gunmen killed 20 people on Monday in the deadliest attack this year.", "attack"),
    ("The foreign minister's visit to Cairo ended on Monday.", "visit"),
    # a party threatens and visits; a warning of a hostile act, or one that deters a party
    ("The rebels threatened to storm the capital on Monday.", "threat"),
    ("The foreign minister arrived in Kabul on Sunday for talks.", "visit"),
    ("North Korea warned of stronger countermeasures if the drills go ahead.", "threat"),
    ("The White House warned the company it faces billions of dollars in fines.", "threat"),
    ("The authorities warned against any attempt by the opposition to hold the rally.", "threat"),
    ("Riot police dispersed the rally outside parliament on Monday.", "protest_with_intervention"),
    ("Rebels released a group of prisoners on Monday.", "release"),
    ("Troops fought it out with the rebels for two days near the border.", "armed_clash"),
    # a struggle for ground or against a party is combat; gas breaks up a crowd; a number of
    # people, a party's statement, a party made to act are parties
    ("The battle to control the city intensified on Monday.", "armed_clash"),
    ("Kurdish fighters battled to halt the militants' advance on Monday.", "armed_clash"),
    ("Herders and farmers fought over access to water on Monday.", "armed_clash"),
    ("Tear gas dispersed the crowd outside parliament on Monday.", "protest_with_intervention"),
    ("Hundreds of protesters threatened to storm the parliament on Monday.", "threat"),
    ("A video from the Taliban threatened new attacks on Monday.", "threat"),
    ("The crisis prompted Iran to threaten a closure of the strait on Monday.", "threat"),
    ("North Korea warned of grave repercussions on Monday.", "threat"),
    # blame laid on a party, whatever the act blamed, is an accusation
    ("Police on Monday blamed the bombing on separatist militants.", "accusation"),
    (
        "The interior minister on Monday blamed the armed wing of the movement for the raid.",
        "accusation",
    ),
    ("On Tuesday the governor blamed the unrest on outsiders.", "accusation"),
    # forces, arms and officials moved
    ("The army deployed two battalions to the border on Monday.", "deployment"),
    ("Russia deployed missiles near the border on Monday.", "deployment"),
    ("Police deployed a team of commandos at the stadium on Monday.", "deployment"),
    ("The president landed in the capital on Thursday.", "visit"),
    ("The envoy arrived back in Moscow on Thursday for more talks.", "visit"),
    ("Troops pulled out of the town on Monday.", "withdrawal"),
    ("The government and the rebels reached a deal to end the fighting on Monday.", "agreement"),
    ("Police dispersed the crowd with tear gas on Monday.", "protest_with_intervention"),
    (
        "Police dispersed protesters with chemicals in the capital on Tuesday.",
        "protest_with_intervention",
    ),
    (
        "Civilians and soldiers moved into the village after the rebels withdrew.",
        "non_violent_territory_transfer",
    ),
    ("Troops moved into the town on Monday.", "non_violent_territory_transfer"),
    ("The two presidents signed the treaty in the capital on Monday.", "treaty_signed"),
    # what would cause an act leaves the act told ("no provocation to prompt the firing")
    ("There was no provocation to prompt police firing in the market on Monday.", "attack"),
]


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_the_conflict_readings_stay_events(text: str, event_type: str) -> None:
    assert verdict(text, event_type) == ""


@pytest.mark.parametrize(
    "text",
    [
        "Militants have killed more than 300 soldiers since March 2023.",
        "Air strikes have killed 1,200 civilians this year, according to figures out on Tuesday.",
        "Air strikes have killed 250 civilians this year as of Monday.",
        "Clashes have killed 80 people since March 1.",
    ],
)
def test_a_day_in_another_clause_or_a_month_alone_leaves_a_total(text: str) -> None:
    found = [m for m in mentions(text) if m.type in ("armed_clash", "attack", "air_strike")]
    assert found and all(m.dropped.startswith("statistic") for m in found)


def test_villagers_who_kill_rebels_in_a_mob_are_a_mob() -> None:
    found = mentions("Villagers killed three suspected rebels in a mob attack in Ituri on Monday.")
    assert [m.type for m in found if not m.dropped] == ["mob_violence"]


def test_a_villager_killed_by_gunmen_is_attacked_not_in_a_riot() -> None:
    found = mentions("Gunmen shot dead two villagers near the market on Monday.")
    assert [m.type for m in found if not m.dropped] == ["attack"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Prime Minister David Cameron spoke.", {"david", "cameron"}),
        ("He met Secretary of State Hillary Clinton. Nick Shapiro left.", {"hillary", "clinton"}),
        ("Nick Shapiro, a White House spokesman, said so.", {"shapiro"}),
        ("Lt. Gen. Jones and defence minister Ehud Barak met.", {"jones", "ehud", "barak"}),
        ("Obama, who met the president, left.", set()),
        ("Mr Obama and Dr Murray spoke. Tony Hayward, a BP engineer, said.", set()),
        ("General Abdel Fattah al-Burhan left.", {"abdel", "fattah", "al-burhan", "burhan"}),
        ("Hamas leader Ismail Haniyeh's aide spoke.", {"ismail", "haniyeh"}),
        ("No officer I met had a ballot. Sergeant John Miller left.", {"john", "miller"}),
    ],
)
def test_titled_names_are_those_given_a_political_title(text: str, names: set[str]) -> None:
    assert titled_names(text) == names


def test_a_misspelt_relation_is_refused_with_the_table_named() -> None:
    with pytest.raises(ValueError, match=r"sense_rules\.tsv: unknown relation 'objet'"):
        _known("objet")


def test_a_word_list_another_table_names_must_exist() -> None:
    assert "journalist" in word_list("@people")
    with pytest.raises(ValueError, match="no word list '@peple'"):
        word_list("@peple")


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Students occupied the university's main building on Monday.", "peaceful_protest"),
        ("Protesters occupied the forecourts of petrol stations on Saturday.", "peaceful_protest"),
        ("Rebels occupied the town on Monday.", "non_state_overtakes_territory"),
        (  # the sit-in's own refine rows still apply: police broke it up
            "Students occupied the main hall on Monday until police fired tear gas.",
            "protest_with_intervention",
        ),
    ],
)
def test_an_occupation_by_protesters_or_civilians_is_a_protest(text: str, event_type: str) -> None:
    """ACLED: only an armed group overtakes territory; people who occupy a building or a
    square hold a sit-in (type_rules.tsv, agent rows), refined as any protest is."""
    occupied = [m for m in mentions(text) if m.trigger.text == "occupied" and not m.dropped]
    assert [m.type for m in occupied] == [event_type]


@pytest.mark.parametrize(
    ("text", "event_type", "agent"),
    [
        ("Police killed one of the gunmen in the market on Monday.", "attack", "Police Forces"),
        ("Soldiers killed two gunmen near the border on Monday.", "armed_clash", "Military Forces"),
        ("Two gunmen were killed by troops near the border on Monday.", "armed_clash", ""),
    ],
)
def test_the_killing_of_armed_men_is_told_by_the_act_not_by_the_men(
    text: str, event_type: str, agent: str
) -> None:
    """A word for the act outranks a word for the people it befalls in the same clause: the
    gunmen killed name no act of theirs, so the killing must not be dropped with them."""
    kept = [m for m in mentions(text) if not m.dropped]
    assert [(m.type, m.trigger.text) for m in kept] == [(event_type, "killed")]
    assert kept[0].actor1 is not None and kept[0].actor1.name.startswith(agent)


def test_a_law_signed_is_a_legislative_act_not_a_treaty() -> None:
    """event_cues.tsv: 'sign law', 'sign bill' and 'sign legislation' are the head of state
    enacting a law; only a treaty, a pact or an accord signed is a treaty_signed."""
    types = {m.type for m in mentions("The president signed a law on prison terms on Monday.")}
    assert "legislative_act" in types and "treaty_signed" not in types


def test_a_reflexive_joined_to_an_object_is_no_second_object() -> None:
    """The parser may join 'as well as itself' to a released report as a conjunct; a
    reflexive stands for the clause's subject, so the report alone is what was released."""
    from spacy.tokens import Doc

    from flashpoint.extract.senses import load_sense_rules, other_sense
    from flashpoint.nlp import load_nlp

    words = ["The", "firm", "released", "a", "report", "as", "well", "as", "itself", "."]
    doc = Doc(
        load_nlp().vocab,
        words=words,
        heads=[1, 2, 2, 4, 2, 4, 7, 4, 4, 2],
        deps=["det", "nsubj", "ROOT", "det", "dobj", "cc", "advmod", "cc", "conj", "punct"],
        tags=["DT", "NN", "VBD", "DT", "NN", "RB", "RB", "IN", "PRP", "."],
        pos=["DET", "NOUN", "VERB", "DET", "NOUN", "ADV", "ADV", "SCONJ", "PRON", "PUNCT"],
        lemmas=["the", "firm", "release", "a", "report", "as", "well", "as", "itself", "."],
    )
    assert "release" in load_sense_rules()
    assert other_sense(doc[2]).startswith("other_sense: 'released' object 'report'")
