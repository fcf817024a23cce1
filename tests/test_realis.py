"""Eventiveness: which candidates report a specific, real event, and why the others do not.

Every sentence here is the team's own, written to one definition each (realis, word sense,
genericity, statistics, roles); none is copied from gold data.
"""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.records import Mention

PUBLISHED = "2025-03-07"  # a Friday


def mentions(text: str) -> list[Mention]:
    return flashpoint.extract(text, published=PUBLISHED)


def verdict(text: str, event_type: str | None = None) -> str:
    """The drop code of the sentence's candidate of this type (or its first), "" if kept."""
    found = [m for m in mentions(text) if event_type is None or m.type == event_type]
    assert found, f"no candidate in {text!r}: {[m.type for m in mentions(text)]}"
    return found[0].dropped.split(":", 1)[0]


KEPT = [
    # 'as' alone tells what happens meanwhile, not a time to come
    ("The crisis may deepen as protesters gather in the capital on Monday.", "peaceful_protest"),
    ("Hundreds of villagers protested to the authorities on Monday.", "peaceful_protest"),
    ("The foreign minister made a trip to Cairo on Monday.", "visit"),
    ("Clashes in Cairo.", "armed_clash"),
    ("The army released dozens of prisoners on Monday.", "release"),
    ("Police rounded up opposition figures on Monday.", "arrest"),
    ("The foreign minister began a three-day trip to Cairo on Monday.", "visit"),
    ("The monarch's trip to the capital on Monday ended the crisis.", "visit"),
    ("The three soldiers killed in Iraq were buried on Monday.", "armed_clash"),
    ("Troops flushed out the militants from the village on Friday.", None),
    ("The rebels capitulated to the army on Friday after a siege.", "surrender"),
    # 'advised that' informs; an armed cell attacks; what a party uses to attack attacks for it
    ("The ministry advised that two soldiers had been killed in an ambush on Monday.", None),
    ("A militant cell attacked a police station on Monday.", None),
    ("Police used dogs to attack protesters on Monday.", "attack"),
    ("Rebels plundered the state treasury after seizing the capital on Monday.", "looting"),
    ("Gunmen stole funds from a bank after overrunning the town on Monday.", None),
    # property looted in disorder, a bank too; what an official takes from the state is not
    ("Rioters looted shops and a bank in the city centre on Friday.", "looting"),
    # the noun a past participle follows is what was done to it: people shot are shot
    ("Two men shot at the checkpoint on Friday were buried on Monday.", None),
    ("The soldiers killed in Iraq on Monday were buried.", "armed_clash"),
    ("The EU sanctioned four commanders on Monday.", "sanction"),
    # an -ing reduced relative names its accuser; a copula's purpose is no narrative; an act
    # asked for is not one told after it; 'ever' marks a first time; an act of arson is one
    ("Human Rights Watch issued a report accusing the army of torture.", "accusation"),
    ("The US envoy is in Kabul to meet Afghan leaders.", "meeting"),
    ("The mayor requested troops after the riot on Monday.", "violent_demonstration"),
    ("It was the first time rebels had ever managed to capture a provincial capital.", None),
    ("Two men were arrested over an act of arson at the mosque.", "property_destruction"),
    # a verb cue's goal may hang anywhere
    ("The envoy arrived with a delegation in Kabul on Monday.", "visit"),
    # a crime a charge or an arrest is for, dated in its own phrase, is that day's act
    ("Police arrested three men over Monday's killing of a shopkeeper.", "attack"),
    # a frequency on a finite clause above is that clause's, not the act's
    ("He often says that police arrested his son on Monday.", "arrest"),
    # a plan told in the present is a plan now, not a habit
    ("The army plans to deploy 500 troops to the border on Monday, officials said.", None),
    # named acts with their toll are the acts; a place fought over is a battle
    ("The two attacks that have killed 30 people were claimed by the group.", "attack"),
    ("Rebels fought for the town on Monday.", "armed_clash"),
    # acts counted as occurrences are occurrences
    ("Two acts of sabotage were reported in the capital on Monday.", None),
    # a conjunct with its own tense, or one set against its head by 'but', is its own clause
    ("Ten men were not charged but released on bail on Monday.", "release"),
    ("Police did not attack the crowd and arrested ten men on Monday.", "arrest"),
    # a count of blows or shots of one act, or a dated count of occasions, stays
    ("He was shot three times in the chest by a sniper.", "attack"),
    ("Rebels shelled the base on two occasions on Monday.", "shelling"),
    # a period that the sentence's own date falls in does not date the act
    ("Troops shelled the town on Monday during the siege.", "shelling"),
    # deaths from an act are the act's, not a kind kept from
    ("Five deaths from fighting were reported in Homs on Monday.", "armed_clash"),
    # a physical charge is no charge of a crime: the killing it leads to is told
    (
        "Police charged into the crowd on Monday, killing two protesters.",
        "excessive_force_against_protesters",
    ),
    # a term of life is no span of acts
    ("He was jailed for life on Monday.", "arrest"),
    # a to-infinitive under a verb with no modal is told as tried or done; a verb's 'from' is
    # where the act was fled
    ("Troops tried to storm the building on Monday.", "armed_clash"),
    ("Families fled from fighting in Homs on Monday.", "armed_clash"),
    # a purpose clause under a done act stays as its head does; what its head blocks is the
    # road, not the aim
    ("Villagers blocked the highway on Monday to protest the killing.", "peaceful_protest"),
    ("Thousands travelled to Cairo on Friday to protest against the ban.", "peaceful_protest"),
    # 'was able to' tells an act that was done
    ("Troops were able to attack the town on Monday.", "armed_clash"),
    # a negating governor that is itself negated: the negations cancel, the act happened
    ("Police failed to stop the looting of the shops on Monday.", "looting"),
    ("Police did not prevent the attack on the shop on Monday.", "attack"),
    # a watching told in the past, with a date, reports what was watched
    ("Residents watched the clashes from their balconies on Monday.", "armed_clash"),
    # 'too' on the act's own adverb is no excess that rules it out
    ("Troops attacked the town too early on Monday, residents said.", "armed_clash"),
    # 'other than' names an exception that did happen
    ("Other than the attack on the base on Monday, the town was quiet.", "armed_clash"),
    # a 'before' clause under a main clause that reports a done act is told too
    ("Troops shelled the town before the rebels withdrew on Monday.", "withdrawal"),
    # a munition that hits, is fired or rains down, or one found as the event of its own type
    ("A rocket made abroad hit the town on Monday.", "shelling"),
    ("Mortars rained on the market on Monday.", "shelling"),
    ("Police found a bomb under the car on Monday.", "disrupted_weapons_use"),
    # a clause opening the sentence with a subject or a participle is no order
    ("Police arrested 20 people, the ministry said on Monday.", "arrest"),
    ("Fighting the rebels, troops killed 20 people near the town on Monday.", "armed_clash"),
    # the other senses of these words (DROPPED) leave the acts alone
    ("Troops engaged the rebels near the bridge on Monday.", "armed_clash"),
    ("Thousands joined a protest in the square on Monday.", "peaceful_protest"),
    ("Rebels killed three soldiers in a fierce battle near the town on Monday.", "armed_clash"),
    ("The group carried out bombings and kidnappings in the city on Monday.", "abduction"),
    ("The streets of the capital erupted in protest on Friday.", "peaceful_protest"),
    ("Traders closed their shops in protest on Monday.", "peaceful_protest"),
    ("Youths engaged in fights with the police on Monday.", "armed_clash"),
    ("Far from the protests on Monday, patience had long since run out.", "peaceful_protest"),
    ("A threat hung over the deployment of troops to the border on Monday.", "deployment"),
    # police on heightened watch: a raised alert (CAMEO 151), not a candlelight gathering
    ("Police kept a strict vigil in the border districts on Monday.", "deployment"),
    ("Fighter jets struck rebel positions near the town on Sunday.", "air_strike"),
    ("Government jets pounded the town on Sunday.", "air_strike"),
    ("The envoy met with rebel leaders in the capital on Monday.", "meeting"),
    ("The envoy was met by the foreign minister at the airport on Monday.", "meeting"),
    ("Police arrested two men on Monday for the murder of a trader on Sunday.", "attack"),
    ("The rebels claimed that they had shot down a helicopter on Monday.", "claim"),
    # an occurrence named by a weekday, by its doer or by its place: this story's own
    ("Police arrested two men after the Sunday bombing in the market.", "remote_explosive"),
    ("Hamas fired rockets after the Israeli air strikes.", "air_strike"),
    ("Five men were detained after the attack on the bus in Kandahar.", "attack"),
    ("The army abandoned its positions on the hill on Monday.", "non_violent_territory_transfer"),
    ("The US pulled out its troops from the town on Monday.", "withdrawal"),
    ("The army mobilised two reserve brigades on Monday.", "deployment"),
    ("The army issued a warning on Monday that it would strike the camps.", "threat"),
    ("Police picked up three suspects in the market on Monday.", "arrest"),
    ("UN aid workers visited the camp on Monday.", "visit"),
    ("He was jailed for ten years for the attack.", "arrest"),
    ("Troops retreated from the town on Monday.", "withdrawal"),
    ("The army warned on Monday that it would be ready to strike the camps.", "threat"),
    # the riders attack, not the animals the parser hangs the participle on
    ("On Wednesday there were thugs on camels attacking people in the square.", "attack"),
    ("On Wednesday we saw men on horses attacking protesters in the square.", "attack"),
    ("Artillery shells hit the town on Monday.", "shelling"),
    ("The town captured by the rebels on Monday was shelled.", "non_state_overtakes_territory"),
    ("Parliament passed legislation banning the group on Monday.", "legislative_act"),
    ("The legislation was approved by the senate on Tuesday.", "legislative_act"),
    ("Rebels fought the army for three days near the border.", "armed_clash"),
    ("The minister compared Monday's attack on the village to a war crime.", "attack"),
    ("The British foreign secretary visited the camp on Monday.", "visit"),
    # the senses and forms the drop rules below read otherwise
    ("Jets bombed the market on Tuesday.", "air_strike"),
    # a negative subject negates its own verb, not the act its adjunct names
    ("No one was injured in the shelling of the village on Monday.", "shelling"),
    ("The two sides agreed to a cease-fire on Monday.", "ceasefire"),
    # the noun of an instrument's hyphenated adjective stays the act's weapon
    ("Gunmen attacked the post with explosive-laden drones on Monday.", "remote_explosive"),
    ("Russia warned on Monday that it would retaliate against any strike.", "threat"),
    ("The president warned that arming the rebels would be a grave mistake.", "threat"),
    ("Three men were charged with killing the guard on Monday.", "arrest"),
    ("The hostages were released from captivity on Monday.", "release"),
    ("NATO raised its alert level on Monday.", "deployment"),
    # a verb says nothing of the act that is its subject: the clashes happened
    ("Monday's clashes in the north threaten the fragile truce, the envoy said.", "armed_clash"),
    # a reading the sentence rules out (a seizure of no weapon) leaves the word to another
    ("Militants seized the airport on Monday.", "non_state_overtakes_territory"),
    ("Rebels captured the oil town on Monday.", "non_state_overtakes_territory"),
    ("Russia raised the alert level at its bases on Monday.", "deployment"),
    # a judgement dated in the sentence, or an arrest, leaves the crime a report
    ("Two men were jailed on Monday for attacking a guard last week.", "attack"),
    ("Police arrested two men for attacking a guard on Sunday.", "attack"),
    # the same words read literally
    ("Police picked up three men near the market on Monday.", "arrest"),
    ("A rocket fired by militants hit the school on Monday.", "shelling"),
    ("The two clans fought over the well on Monday.", "armed_clash"),
    ("Police rounded up dozens of protesters on Monday.", "arrest"),
    ("Soldiers executed two prisoners on Monday.", None),
    ("The foreign ministers met in Brussels on Friday.", "meeting"),
    ("The council imposed an arms embargo on the junta on Monday.", "sanction"),
    ("The minister visited a class at the school on Monday.", "visit"),
    ("The president inspected the troops in the capital on Monday.", "visit"),
    ("Gunmen threatening the villagers were arrested on Monday.", "threat"),
    ("Troops built bunkers along the border last week.", "fortification"),
    ("The rebels released two hostages on Monday.", "release"),
    ("The attack on Monday was a surprise to the garrison.", "attack"),
    # 'going to' leads to the place, not to the clashes; 'went on to' reports what followed
    ("Rebels are going to the border after clashes erupted on Monday.", "armed_clash"),
    ("Troops combated the rebels near the river on Monday.", "armed_clash"),
    ("Troops fired a salvo of rockets at the town on Tuesday.", "shelling"),
    ("One of the attacks killed five soldiers in Basra on Monday.", "armed_clash"),
    ("The army vowed on Monday to crush the rebels in the north.", "threat"),
    ("The army imposed a curfew on the city on Monday.", "emergency_measure"),
    ("Police charged three men with murder on Monday.", "arrest"),
    ("Police dispersed the crowd with tear gas on Monday.", "protest_with_intervention"),
    ("The rebels surrendered to the army on Monday.", "surrender"),
    ("The detainees were tortured by the guards on Monday.", "attack"),
    ("The town was threatened by the rebels on Monday.", "threat"),
    (
        "Investigators are probing the bombing that killed 12 people in the market.",
        "remote_explosive",
    ),
    ("Artillery bombarded the town with shells on Monday.", "shelling"),
    ("The foreign minister discussed the crisis with his Russian colleague on Monday.", "meeting"),
    ("A militant threw a grenade at the patrol on Monday.", "grenade_attack"),
    ("The government said it reached an agreement with the rebels on Monday.", "agreement"),
    ("A hail of bullets killed two guards at the gate on Monday.", "attack"),
    ("Israel vowed retaliation for the attack on Monday.", "threat"),
    ("Thousands joined the march to the parliament on Friday.", "peaceful_protest"),
    ("In the case of the journalists detained on Monday, police gave no reason.", "arrest"),
    ("Police found two grenades in the car on Monday.", "disrupted_weapons_use"),
    ("Troops fended off an attack on the base on Monday.", "armed_clash"),
    ("The rebels began a battle for control of the airport on Monday.", "armed_clash"),
    ("Police rounded up 40 suspects on Sunday.", "arrest"),
    ("Rebels fought a fierce battle with government troops on Monday.", "armed_clash"),
    ("Rebels vacated the town of Ajdabiya on Monday.", "non_violent_territory_transfer"),
    ("Protesters hurled stones at the police on Friday.", "violent_demonstration"),
    ("Tehran warned on Monday that it could close the strait.", "threat"),
    ("Washington warned Iran of consequences if it attacked shipping.", "threat"),
    ("Iran warned Israel on Monday that it would hit back hard.", "threat"),
    ("Hamas issued a new threat against Israel on Monday.", "threat"),
    ("Students staged a sit-in outside the ministry on Monday.", "peaceful_protest"),
    ("Russia amassed troops on the border on Monday.", "deployment"),
    # an industrial blast is a disaster, even when workers 'died' (no 'ied' in it)
    ("Eleven rig workers died when the oil rig exploded on Tuesday.", "man_made_disaster"),
    # an attacker named in a crash's sentence keeps the attack
    ("Gunmen killed six passengers after the bus crash on Monday.", "attack"),
    ("Troops advanced on the city on Monday.", None),
    ("The suspect was charged with murdering two policemen on Monday.", "arrest"),
    ("The militia issued a threat against the town on Monday.", "threat"),
    ("Troops completed the liberation of the city on Monday.", "government_regains_territory"),
    ("Rebels battled government troops on Monday.", "armed_clash"),
    ("Police took the suspect into custody on Monday.", "arrest"),
    ("Thousands of workers demanded unpaid wages outside the ministry on Monday.", None),
    ("Students demanded the resignation of the dean on Monday.", "peaceful_protest"),
    ("The general warned on Monday that his troops could strike at any time.", "threat"),
    ("Soldiers cut the main road to the airport on Monday.", "infrastructure_demolition"),
    ("Rebels moved into the town on Monday.", "non_violent_territory_transfer"),
    ("Troops killed more rebels on Monday than in all of May.", None),
    ("More than 20 people were killed in the raid on Monday.", "attack"),
    ("The opposition accused the army on Monday of shelling the camp.", "accusation"),
    ("The minister was accused by the rebels of ordering the raid.", "accusation"),
    ("The rebels attacked the village and killed ten people on Monday.", None),
    # what the review of the rules above found they must leave alone
    ("Security forces rounded up several members of the banned party on Sunday.", "arrest"),
    ("Floods in the north killed 30 people on Monday.", "natural_disaster"),
    (
        "Rebels surrounded the villages and occupied them on Monday.",
        "non_state_overtakes_territory",
    ),
    ("The concert hall was bombed by militants on Friday.", "remote_explosive"),
    ("The air strike killed more civilians than militants, officials said.", "air_strike"),
    ("China warned Taiwan to stop its provocations or face consequences.", "threat"),
    ("The army was accused in a UN report of shelling the camp.", "accusation"),
    # only people and the craft that carry them are released; fighting is against a party
    ("The gunmen freed the trawler and its crew on Sunday.", "release"),
    ("Both reporters spoke to the press after being released on Friday.", "release"),
    ("The rebels released 18 soldiers on Tuesday.", "release"),
    ("Police fought back the strikers' attempts to enter the depot on Friday.", None),
    ("Tribal fighters fought the army near the pass on Monday.", "armed_clash"),
    ("Two aid workers went missing near the border on Monday.", "abduction"),
    ("Rebels abandoned the hilltop positions on Monday.", "non_violent_territory_transfer"),
    ("The prime minister traveled to Leeds on Monday.", "visit"),
    ("Police picked up three suspects in the market on Monday.", "arrest"),
    ("Hostilities resumed along the front on Monday.", "armed_clash"),
    ("Students staged a sit-in at the ministry on Monday.", "peaceful_protest"),
    # in lowercase text a name reads as a bare noun: it may be a person
    ("rahman was picked up by police from his home on monday.", "arrest"),
    ("officers were deployed at the railway stations on monday.", "deployment"),
    ("Envoys of the two Koreas met at the truce village on Tuesday.", "meeting"),
    # a work stoppage is a protest, never an air strike
    ("Dock workers went on strike in the port on Monday.", "peaceful_protest"),
    ("A strike by air traffic controllers shut the airport on Monday.", "peaceful_protest"),
    ("A strike spread among bus drivers in the capital on Monday.", "peaceful_protest"),
    ("An air strike hit the depot on Monday, the European Union said.", "air_strike"),
    # strikes that kill among a hospital's staff are no work stoppage
    ("Russian strikes killed dozens among hospital staff in Kharkiv on Monday.", "air_strike"),
    # a flood's destruction is a disaster, not a party's demolition
    ("Floodwaters broke through the dam and destroyed two bridges on Monday.", "natural_disaster"),
    ("The town fell to the rebels on Sunday.", "non_state_overtakes_territory"),
    ("Troops pulled out of the town on Monday.", "withdrawal"),
    ("Rebels occupied the airport on Monday.", "non_state_overtakes_territory"),
    ("Teachers staged a general strike on Monday.", "peaceful_protest"),
    ("Israel carried out a strike on the camp on Monday, killing five.", "air_strike"),
    # the grounds of a purpose happened ("a protest over the shelling"), and so did the act
    # that had the purpose
    (
        "The ministry summoned the envoy on Tuesday to lodge a protest over the shelling of "
        "two villages.",
        "shelling",
    ),
    ("The army sent troops on Monday to attack the rebel town.", "deployment"),
    # a purpose that says whom force was used on is one act with it
    ("Police fired tear gas on Friday to disperse the protesters.", "protest_with_intervention"),
    ("Ten people were killed in a storm of bullets on Monday.", "attack"),
    ("Police picked up five suspects for questioning on Monday.", "arrest"),
    ("A soldier was killed in an ambush near the border on Monday.", "armed_clash"),
    ("Iran signed on to the nuclear deal in Vienna on Tuesday.", "treaty_signed"),
    ("Thousands of students demonstrated their resolve in the streets on Friday.", None),
    ("Thousands demonstrated against the government in the capital on Friday.", "peaceful_protest"),
    ("The two governments signed on Monday a peace treaty.", "treaty_signed"),
    ("Rebels said the garrison town fell to their fighters on Sunday.", None),
    # a definite act presupposes it happened, whatever is asked about it
    (
        "Villagers demanded an inquiry into the police firing that killed two men on Sunday.",
        "attack",
    ),
    ("The soldiers had crossed the border two days before.", "border_crossing"),
    ("Troops had to fire warning shots at the border on Monday.", "warning_shots"),
    ("Police arrested 20 people in the town on Tuesday.", "arrest"),
    ("Troops engaged the rebels near the border on Monday.", "armed_clash"),
    ("Troops engaged the militants in Sangin on Tuesday.", "armed_clash"),
    ("Militants attacked soldiers in a border post on Tuesday, killing four.", None),
    ("Rioters stole clothes from shops in the town on Monday.", "looting"),
    # one person's statement in the perfect is news of an act, not a standing position
    ("A senior army spokesman has denied that troops fired on the crowd.", "denial"),
    ("The rebels took control of the town on Friday.", "non_state_overtakes_territory"),
    ("Police denied that officers had fired on the crowd on Monday.", "denial"),
    # the sense rules above leave these alone
    ("The army posted snipers on the city wall on Thursday.", "deployment"),
    ("Militants took control of the main market in the town on Friday.", None),
    ("The ministry denied the ill-treatment of prisoners at the jail.", "denial"),
    ("The election commission dismissed claims that police fired on voters on Sunday.", "denial"),
    ("Thousands joined protests that have spread to five cities since Friday.", None),
    ("Troops fired clouds of tear gas into the crowd on Monday.", None),
    ("The city police filed FIRs against two news channels on Tuesday.", "accusation"),
    ("Gunmen stole weapons from the army depot on Friday.", "looting"),
    ("Rebels attacked an army post near the border on Wednesday, killing three soldiers.", None),
    ("Thousands of protesters gathered in the capital on Thursday to demand new elections.", None),
    ("Two men were shot dead by police in the market on Monday.", None),
    ("The minister condemned the bombing on Thursday.", "condemnation"),
    ("Troops crossed the border early on Tuesday and withdrew after warning shots.", None),
    ("At least 10 landmine accidents have occurred this year, officials said.", None),
    # a negation does not reach into an adverbial clause
    ("The talks had not started until the rebels shelled the airport on Monday.", "shelling"),
    # officers who join a protest are protesters; "pro-government" names no actor
    ("Uniformed police officers joined the protest in the capital on Friday.", None),
    ("About 300 pro-government demonstrators gathered in the square on Friday.", None),
    # a caption's present tense with a date of its own, even an old one
    ("Students march through the capital on May 3, 2009.", None),
    # a headline drops the auxiliary: the participle is its predicate
    ("Two policemen charged in killing of shopkeeper", "accusation"),
    ("The rebels opened a new headquarters in the town on Monday.", "hq_established"),
    # an attempt to act is partly the act (not an aim only, like "a plot to bomb")
    ("Police broke up an attempt to march on the palace on Friday.", None),
    # the state force is the intervening party of a protest with intervention (actor 2),
    # and the perpetrator of excessive force (actor 1): neither is a state "protesting"
    ("Police dispersed the protesters with tear gas on Monday.", "protest_with_intervention"),
    (
        "Security forces opened fire on protesters in the square on Friday.",
        "excessive_force_against_protesters",
    ),
    ("Hundreds held a candlelight vigil for the victims on Sunday.", "peaceful_protest"),
    ("Several shops were burnt in the riots on Tuesday.", "property_destruction"),
    # hurt by a mine they were laying: ACLED's disrupted weapons use
    (
        "Two soldiers were wounded when a mine exploded while they were laying mines on Monday.",
        "disrupted_weapons_use",
    ),
    # a warning that tells what a party will do is a threat
    ("The army warned on Monday that it would respond with force.", "threat"),
    ("The ministry warned on Tuesday that Beijing would take resolute measures.", "threat"),
    # a verb-object cue in the passive ("tighten security"): the security apparatus is a
    # political party by its own words
    ("Security was tightened across the city on Friday.", "deployment"),
    ("Reinforcements were sent to the border on Monday.", "deployment"),
    ("Soldiers guarding the bridge returned fire on Monday.", "armed_clash"),
    # ACLED types fire by its weapon: mortars and artillery are shelling
    ("Troops opened fire with mortars on the village on Monday.", "shelling"),
    # the passive of a cue whose object is no person
    ("The ceasefire was violated on Monday night in the north.", "ceasefire_violation"),
    # a business named elsewhere in the sentence is not who raised security
    (
        "Security was beefed up at the airport on Monday, after a supplier of jet fuel "
        "received threats.",
        "deployment",
    ),
    ("Police lathi-charged the crowd outside the court on Monday.", "protest_with_intervention"),
    # the passive spans only its verb: an act named in its subject stays an act
    ("Security around the site of Monday's bombing was tightened on Tuesday.", "remote_explosive"),
    ("Security around the site of Monday's bombing was tightened on Tuesday.", "deployment"),
    # a person charged with a crime is a legal charge, whatever their office
    ("Prosecutors charged the former president with corruption on Tuesday.", "arrest"),
    # an act told with facts of its own is reported, whatever inquiry it is under
    ("An investigation into the attack, which killed 11 soldiers, has begun.", None),
    # kept beside the rules added at stop 36
    ("Journalists are being attacked in the capital, the group said.", "attack"),
    ("Police have registered a case against the six suspects.", "accusation"),
    ("The town fell to the rebels on Monday.", None),
    ("The general was placed under house arrest on Monday.", "arrest"),
    ("The general commanded his troops to fire on the crowd on Monday.", "order_directive"),
    ("Police said the gunmen had killed five people in the market.", None),
    ("Troops shelled the town on Monday as if it were a fortress.", "shelling"),
    ("He told reporters that troops shelled the town on Monday.", "shelling"),
    ("The opposition slammed the government on Monday.", "condemnation"),
    ("The rebels threatened the town with an attack on Monday.", "threat"),
    ("The army handed over the town to the police on Monday.", "non_violent_territory_transfer"),
    # what the review of the rules added at stop 36 found they must leave alone
    ("Police recovered a cache of rifles from a farmhouse on Monday.", "disrupted_weapons_use"),
    ("Police seized three shotguns from a shed on Monday.", "disrupted_weapons_use"),
    ("Angry student protests broke out in the city on Monday.", None),
    ("Thousands rallied behind the opposition leader in the square on Friday.", None),
    ("Nurses treated 20 people who had been wounded in the blast.", None),
    ("Villagers were afraid of the shelling, which killed six people on Monday.", "shelling"),
    ("Dozens of students are detained in the capital, a rights group says.", "arrest"),
    ("Four suspects were under arrest on Monday after the raid.", "arrest"),
    ("If confirmed, the air strike killed at least 40 civilians.", "air_strike"),
    ("Militants attacked the convoy, if witnesses are to be believed.", None),
    ("The army ended its previous deployment in the valley on Monday.", "deployment"),
    ("The foreign ministry expressed outrage over the shelling on Monday.", "condemnation"),
    ("Prosecutors charged the two officers with murder on Monday.", None),
    ("A farmer set himself on fire outside the governor's office on Monday.", "peaceful_protest"),
    ("Rebels attacked the convoy for the third time on Monday.", None),
    ("Police used tear gas to disperse the protesters on Friday.", None),
    ("Troops and rebels fought in the old district on Sunday.", "armed_clash"),
    ("Militants attacked the school for teaching girls, killing two teachers.", None),
    ("An earlier clash between the two militias left five dead.", "armed_clash"),
    ("In the wake of the latest attack, troops were deployed.", None),
    ("A mobile phone exploded in his hand, killing him.", None),
    ("The youth movement threatened to blockade the parliament.", "threat"),
    ("Rockets and mortars hit the base on Monday.", None),
    ("The activist was released from prison on Monday.", "release"),
    ("Two army officers defected to the nationalists with their units.", "surrender"),
    ("The soldiers who had clashed with the rebels were given leave.", "armed_clash"),
    ("Additional troops had been deployed in the old city to keep the peace.", "deployment"),
    # 'in the event' with no 'of' or 'that' after it is the occasion, not a condition
    ("Ten people were killed in the event, police said on Monday.", "attack"),
    ("Israel warned the Palestinians on Monday to stop firing rockets.", "threat"),
    # a relative clause on a definite noun is one act; so is a noun trigger with its determiner
    ("Police detained the gunmen who attacked the checkpoint on Sunday.", "armed_clash"),
    ("The raid, which was often described as reckless, killed four men on Friday.", None),
    # 'of' on an object that is no person names the act itself, not a crime judged
    (
        "Coalition jets executed a series of airstrikes on militant positions near Raqqa.",
        "air_strike",
    ),
    # a named or dated act inside a clause on 'any' is still one occurrence
    (
        "The army said it would punish any soldiers who took part in Monday's massacre.",
        "armed_clash",
    ),
    (
        "Police questioned any residents who witnessed the bombing of the market.",
        "remote_explosive",
    ),
    # acts of a kind that often turn deadly, told in the past with a date
    (
        "Clashes that often turn deadly erupted again between herders and farmers on Tuesday.",
        "armed_clash",
    ),
    # 'everyone' in an act told in the past is a known set, one act
    ("Gunmen killed everyone who was inside the mosque on Friday.", "attack"),
    ("Police arrested everyone at the scene on Monday.", "arrest"),
    # a charge with tear gas is force, no indictment: the tear gas is no crime judged
    (
        "Riot police charged the crowd of protesters with tear gas on Monday.",
        "protest_with_intervention",
    ),
    # the only option, taken
    ("An airstrike on the bridge was the only option left, the commander said.", "air_strike"),
    # 'not' on what a done act's subject verb says of it leaves the act done: presupposed
    ("The ambush on Monday did not kill anyone, the army said.", "armed_clash"),
    ("The shelling of the port on Monday was not as heavy as feared.", "shelling"),
    ("The losses caused by the bombing on Monday were not as high as feared.", None),
    ("The riots did not end until troops arrived on Tuesday.", None),
    ("The offensive did not begin until Monday, officials said.", "armed_clash"),
    ("The attack did not come as a surprise, officials said on Monday.", "attack"),
    # a judgement in the past may tell the act it judges; so does one of a 'that' clause, of
    # a perfect infinitive, or of a party for its own act
    ("It was wrong to attack the town on Monday, the minister said.", "attack"),
    ("It is unusual that the army attacked the town on Monday.", "armed_clash"),
    ("It is wrong to have bombed the hospital, the minister said.", None),
    ("The government is wrong to detain the activists, Amnesty said on Tuesday.", "arrest"),
]


def test_unrest_names_a_period_not_an_event() -> None:
    found = mentions("The unrest has spread to the provinces since the uprising began.")
    assert all(m.trigger.text != "unrest" for m in found)


def test_a_building_named_is_no_founding() -> None:
    found = mentions("Crowds gathered outside the ruling party headquarters on Monday.")
    assert all(m.type != "hq_established" for m in found)


@pytest.mark.parametrize(("text", "event_type"), KEPT)
def test_specific_real_events_are_kept(text: str, event_type: str | None) -> None:
    assert verdict(text, event_type) == ""


DROPPED = [
    # negation and prevention
    ("No arrests have been made so far in the case.", "arrest", "negated"),
    ("No one was arrested after the clashes on Monday.", "arrest", "negated"),
    # the noun of a hyphenated adjective names a kind of place, no occurrence
    ("Police patrolled the riot-hit districts on Monday.", "violent_demonstration", "not_an_act"),
    ("The minister toured the flood-hit villages on Monday.", "natural_disaster", "not_an_act"),
    # 'any' picks no act, whatever the clause's date
    (
        "Iran issued a warning to Israel about any attack on its soil on Monday.",
        "attack",
        "generic",
    ),
    # a time unit with 'each' or 'every' in the present tells a habit
    ("Eight people are killed on the roads each day, the charity said.", "attack", "generic"),
    ("Militants attack the border posts every week.", None, "generic"),
    # other senses in health news: advice, purchases, patients, disease, hurrying, receiving
    ("The Foreign Office warned against travel to the region on Monday.", "threat", "other_sense"),
    (
        "The ministry has ordered two million face masks for nurses.",
        "order_directive",
        "other_sense",
    ),
    ("Two tourists were released from hospital on Monday.", "release", "other_sense"),
    ("Health officials scrambled on Monday to contain the outbreak.", "deployment", "other_sense"),
    ("Port health officers met the flight at the airport on Monday.", "meeting", "other_sense"),
    (
        "Parents have been bombarded by conflicting advice, the panel said.",
        "shelling",
        "other_sense",
    ),
    # only places, positions, arms, people and craft are captured or seized in war
    ("The firm said on Monday it was capturing 5,000 barrels a day of oil.", None, "other_sense"),
    # a quarrel that explodes, a trade skirmish, a verbal clash: disputes, no violence
    ("The row between the two parties exploded on Monday.", "remote_explosive", "other_sense"),
    ("Trade skirmishes flared over pork imports on Monday.", "armed_clash", "other_sense"),
    # a danger to a state of things is no threat one party makes against another
    (
        "Crowds stormed the square, threatening the stability of the government.",
        "threat",
        "other_sense",
    ),
    # reflexive, a cause, a yearly toll, an approval: no arrest, fight, attack or penalty
    ("He fell on the slope but picked himself up.", "arrest", "other_sense"),
    ("I thought I was fighting for a better world, he says.", "armed_clash", "other_sense"),
    ("Thousands of migrants are killed annually by smugglers.", "attack", "generic"),
    (
        "With the sanction of such advice, the army interrogated captives.",
        "sanction",
        "other_sense",
    ),
    # a posture act moves armed forces: a health body raising its alert moves none
    ("The WHO raised its pandemic alert to phase five on Monday.", "deployment", "not_political"),
    (
        "The agency charged with tracking the outbreak asked for staff on Monday.",
        "arrest",
        "other_sense",
    ),
    ("Police have not been able to arrest the suspects.", "arrest", "negated"),
    ("Soldiers prevented the march from reaching the square on Friday.", None, "negated"),
    # modality, questions, conditions, wishes
    ("The rebels could attack the town again next week.", "attack", "hypothetical"),
    ("Will the army withdraw from the city?", None, "hypothetical"),
    ("Opposition leaders are likely to be arrested on Friday.", "arrest", "irrealis"),
    ('"We have to arrest the guilty," the minister said.', "arrest", "irrealis"),
    (
        "If police tried to stop us and arrest our leaders, there would be trouble.",
        "arrest",
        "hypothetical",
    ),
    ("This is a conspiracy to get our activists arrested.", "arrest", "irrealis"),
    # the experiential perfect tells of acts at some time, not of one event
    ("The militia has mined roads before to block army convoys.", "mine_laying", "generic"),
    ("The group has in the past denied targeting civilians.", "denial", "generic"),
    ("If the talks fail, the militia may attack the convoy.", "armed_clash", "hypothetical"),
    ("The opposition urged supporters to join protests after prayers.", None, "irrealis"),
    ("Residents fear attacks on the market.", "attack", "irrealis"),
    ("With another large protest predicted for Friday, shops closed early.", None, "irrealis"),
    ("What is needed now is a dialogue between the two governments.", None, "irrealis"),
    ("The cabinet reversed its decision to attack the rebels.", "attack", "irrealis"),
    ("Such criminals deserve to be arrested.", "arrest", "irrealis"),
    # a purpose: what an act was meant for, not what was done
    ("The army sent troops on Monday to attack the rebel town.", "armed_clash", "irrealis"),
    ("The ministry summoned the envoy on Tuesday to lodge a protest.", "condemnation", "irrealis"),
    ("Commandos were flown in on Friday to launch an assault on the camp.", None, "irrealis"),
    # genericity and habit
    ("Police often detain activists in the province.", "arrest", "generic"),
    # a period of activity "since" over a month is no incident (a campaign stays: mine laying)
    (
        "The two rebel groups have been fighting for control of the valley since mid-January.",
        "armed_clash",
        "generic",
    ),
    ("Protests there have been largely peaceful.", None, "generic"),
    ("Any attack on civilians is a crime.", "attack", "generic"),
    # what someone was ordered to do: the order is the event
    ("Officials ordered troops to shell the village on Monday.", "shelling", "not_specific"),
    # an act a copula calls a certainty or a possibility is expected, not reported
    ("Experts said an attack on the port was a certainty.", "attack", "irrealis"),
    ("Fresh clashes in the region are a real possibility.", None, "irrealis"),
    # a crime judged was done before its judgement
    ("He is serving a long sentence for attacking two guards.", "attack", "background"),
    ("A driver was convicted of the bombing of a bus.", "remote_explosive", "background"),
    # 'be going to' is the future, not a report
    ("The rebels are going to attack the town.", "attack", "not_specific"),
    ("Nobody knows who is going to attack them next.", "attack", "not_specific"),
    # 'about to' is imminent, not done
    ("Crowds fled, sure that they were about to be bombed.", "air_strike", "not_specific"),
    # a for-to complement of a demand is asked for, not done
    ("The ombudsman called for the four to be released immediately.", "release", "irrealis"),
    # a warning about events is a forecast; a threat to peace is a danger as judged
    (
        "The UN warned on Monday that the fighting could spread to the north.",
        "threat",
        "other_sense",
    ),
    ("Japan condemned the launch as a threat to peace on Monday.", "threat", "other_sense"),
    # grounds: a bare plural after "over" or "for" names a kind of act
    ("The EU imposed sanctions on Monday over attacks on civilians.", "attack", "generic"),
    # running totals
    ("The death toll from the fighting has risen to 400 since the war began.", None, "statistic"),
    (
        "The EU has sanctioned dozens of officials linked to the war since 2019.",
        "sanction",
        "statistic",
    ),
    # other word senses
    ("The club praised his attacking options in midfield.", None, "other_sense"),
    ("He died of a cardiac arrest at home.", "arrest", "other_sense"),
    ("The charity runs classes to combat stress among veterans.", "armed_clash", "other_sense"),
    ("Medics battled to revive the driver at the roadside.", "armed_clash", "other_sense"),
    ("The lobby group hijacked the debate on Tuesday.", "abduction", "other_sense"),
    ("Sales figures beat the forecast on Tuesday.", None, "other_sense"),
    ("The colonel, who is alleged to have sold the rifles, resigned.", "claim", "other_sense"),
    # an order is no report ("go and fight them")
    ("Our orders were clear: go and attack the convoy near the bridge.", None, "irrealis"),
    ("The ministry released figures on unemployment on Tuesday.", "release", "other_sense"),
    ("Stocks rallied on Wall Street on Tuesday.", None, "other_sense"),
    ("The euro's pullback hurt exporters.", None, "other_sense"),
    ("Harbor Air Lines ordered checks on its fleet of jets.", "order_directive", "not_political"),
    # a danger from a thing, told by a participle after it
    ("Crews raced to contain the oil slick threatening the coast.", "threat", "other_sense"),
    # markets, trade and spaceflight, not arrests, combat or weapons
    ("The Gulf war was fought for oil, the bishop said.", "armed_clash", "other_sense"),
    ("The doctor made my arm jump of its own accord.", "agreement", "other_sense"),
    ("Ministers went down into their bunker to prepare.", "fortification", "other_sense"),
    ("The embassy began to repatriate its nationals on Monday.", "release", "other_sense"),
    ("Nobody knows how long it will take to arrest the flow of oil.", "arrest", "other_sense"),
    ("The fault finally released its energy in one burst.", "release", "other_sense"),
    ("Globules of oil are falling to the bottom of the sea.", None, "other_sense"),
    ("The statue was carried around the square in a religious procession.", None, "other_sense"),
    ("Officials inspected ten million bushels of wheat for export.", "visit", "other_sense"),
    ("The paper warned that a sudden thaw was expected in the south.", "threat", "other_sense"),
    ("Firms fear the threat of foreign competition.", "threat", "other_sense"),
    ("Shares rose after a meeting of the board of directors on Monday.", "meeting", "other_sense"),
    ("The new envoy arrived on Monday and met reporters.", "meeting", "other_sense"),
    ("The premier spoke at the start of the weekly cabinet meeting.", "meeting", "other_sense"),
    ("Only a few cargoes were booked for April delivery.", "arrest", "other_sense"),
    ("The maker gave a demonstration of the new engine's power.", None, "other_sense"),
    ("The bank's reserves fell to two billion dollars in May.", None, "other_sense"),
    ("Deliveries should pick up sharply next month.", "arrest", "other_sense"),
    ("Hog futures rallied on the exchange on Tuesday.", None, "other_sense"),
    ("The firm executed service agreements with its managers.", "attack", "other_sense"),
    ("Rounding up the smaller lenders is costly, bankers say.", "arrest", "other_sense"),
    ("Two ministers fought the planned sale of the chip maker.", None, "other_sense"),
    ("Satellite makers say markets there are picking up.", "arrest", "other_sense"),
    ("The probe was placed in orbit by a Delta rocket.", "shelling", "other_sense"),
    ("To combat this, the central bank raised its lending rate.", None, "other_sense"),
    ("A grain broker said the buyers had booked two million tonnes of wheat.", None, "other_sense"),
    ("The agency plans to launch a weather satellite next year.", None, "other_sense"),
    ("The two trading blocs fought over tariff rules for years.", None, "other_sense"),
    ("The minister warned the new levy would lead to unrest.", "threat", "other_sense"),
    ("Critics say the austerity program would threaten democracy.", "threat", "other_sense"),
    ("The best way of combating fanaticism is education, the bishop said.", None, "other_sense"),
    (
        "Critics say Washington pulled the rug out from under its ally on Tuesday.",
        None,
        "other_sense",
    ),
    ("She was fighting for democracy all her life.", None, "other_sense"),
    ("This is the freedom that our grandparents were fighting for.", None, "other_sense"),
    (
        "The jackpot that officials say was claimed by his cousin was worth millions.",
        None,
        "other_sense",
    ),
    ("John Smith discussed the budget on a radio show on Monday.", None, "other_sense"),
    ("The army freed up two battalions for the offensive on Monday.", "release", "other_sense"),
    ('The paper called the fall of the town a "liberation" last week.', None, "other_sense"),
    ("Clashes erupted in the port city on Friday.", "natural_disaster", "other_sense"),
    ("The trouble erupted near the market on Friday.", "natural_disaster", "other_sense"),
    # water flushed through a marsh, a property shown, fluid pumped: no fighters, no protest
    ("The state diverted water to flush out the wetlands on Friday.", None, "other_sense"),
    ("The test was run to demonstrate the integrity of the seal.", None, "other_sense"),
    ("Engineers began shooting drilling fluid into the well on Friday.", None, "other_sense"),
    # the body's cells attack, no party (also as a to-infinitive's object: "causes ... to")
    ("A rare condition causes antibodies to attack white blood cells.", "attack", "other_sense"),
    # an index falls to a level, not a town to an army
    ("The benchmark fell 0.9 percent to 983.9 points on Monday.", None, "other_sense"),
    # advice is no act told done
    ("He advised the rebels to attack the base.", None, "irrealis"),
    # giving way to pressure or demands is no armed side laying down its arms
    ("The agency capitulated to pressure and changed its guidance.", "surrender", "other_sense"),
    ("The minister surrendered to the demands of the unions.", "surrender", "other_sense"),
    # a country or its economy looted by those who run it is embezzlement, no looting in disorder
    ("He looted his country for thirty years, the opposition said.", "looting", "other_sense"),
    ("Officials plundered the nation's economy for years.", "looting", "other_sense"),
    ("The party stole the election in 2009, the opposition said.", "looting", "other_sense"),
    # footage shot is filmed, also when the participle follows its noun
    ("The channel aired sequences shot by passers-by on Friday.", "attack", "other_sense"),
    # an act looked forward to is anticipated, not told done
    ("The envoy said he looks forward to meeting the rebels.", "meeting", "irrealis"),
    # a wave or a round of unrest breaks out too: no volcano
    ("A wave of protests erupted in the port city on Friday.", "natural_disaster", "other_sense"),
    (
        "A fresh round of fighting erupted near the dam on Friday.",
        "natural_disaster",
        "other_sense",
    ),
    # a watch kept, with no force named, is a deployment of no one
    ("The temples are kept under strict vigil, he said on Monday.", "deployment", "not_political"),
    ("A close vigil is being kept on the movements of the activists.", None, "other_sense"),
    ("The minister posted a video on his account on Monday.", "deployment", "other_sense"),
    ("Investigators released the photographs on Tuesday.", "release", "other_sense"),
    ("A blizzard warning was issued for the city on Monday.", "threat", "other_sense"),
    ("Officials raised the terror threat to its highest level on Monday.", "threat", "other_sense"),
    ("The senator is fighting extradition to the United States.", None, "other_sense"),
    ("The senator attacked the defence secretary in a speech on Monday.", None, "other_sense"),
    ("The columnist attacked the cost of the programme on Tuesday.", None, "other_sense"),
    ("The sergeant was engaged to be married in June.", "armed_clash", "other_sense"),
    ("The party has engaged in talks with the unions.", "armed_clash", "other_sense"),
    ("The opposition stole the ruling party's policies on Monday.", "looting", "other_sense"),
    ("Official results showed 98 percent voted for separation.", "legislative_act", "other_sense"),
    ("He collapsed and died after a training run on Monday.", None, "other_sense"),
    (
        "The gunmen arrived in the early afternoon and opened fire on traders.",
        "visit",
        "other_sense",
    ),
    ("Villagers were wounded when shells landed in the market on Monday.", "visit", "other_sense"),
    ("Police burst teargas shells to disperse the mob on Monday.", "shelling", "other_sense"),
    ("A bus travelling to the capital was hit on Monday.", "visit", "other_sense"),
    ("The opposition leader demanded the minister's resignation on Monday.", None, "other_sense"),
    ("Shareholders approved the merger at the annual meeting on Monday.", "meeting", "other_sense"),
    (
        "The militia demonstrated its capacity for violence when it bombed the market.",
        "peaceful_protest",
        "other_sense",
    ),
    ("The worshippers fell to their knees in the square on Friday.", None, "other_sense"),
    (
        "A soldier was killed in a road traffic accident in the city on Monday.",
        "attack",
        "other_sense",
    ),
    ("Two generals have signed on to help the president stay.", "treaty_signed", "other_sense"),
    # names of people or things, not acts
    ("The company builds parts for fighter jet programs.", None, "not_an_act"),
    ("Demonstrators told reporters they would march again next week.", None, "not_an_act"),
    # a cue word inside an organisation's name
    (
        "Amnesty International said on Monday that it had documented abuses.",
        "release",
        "not_an_act",
    ),
    # a business's talks are commerce, whoever it talks with
    ("Several companies are holding talks with the Soviet government.", None, "not_political"),
    ("The protesters have become more defiant.", None, "not_an_act"),
    # wishing and appraising are not the act the people noun names
    ("Today the protesters want a new government.", None, "not_an_act"),
    ("The blogger was hailed by fellow demonstrators as a hero.", None, "not_an_act"),
    # a demand is a protest only when a crowd makes it
    ("The lawyer demanded an apology from the committee on Monday.", None, "not_an_act"),
    ("A press freedom group demanded full disclosure on Monday.", None, "not_an_act"),
    # a verb-object cue read in the passive keeps the negation on its subject
    ("The two states remain at war because no peace treaty was signed.", None, "negated"),
    ("No arrests were made after the clashes on Monday.", "arrest", "negated"),
    # what an inquiry is into is its topic, reported elsewhere (unless told here, see KEPT)
    ("The minister ordered an inquiry into the shooting on Tuesday.", "attack", "generic"),
    # other senses of arrest cues: an accusation of conduct, keeping things, fearing,
    # a physical charge; mining
    (
        "The opposition leader charged the government with lying to parliament.",
        "arrest",
        "other_sense",
    ),
    ("The relics were kept in safe custody at the district office.", "arrest", "other_sense"),
    ("We were apprehending trouble after the verdict.", "arrest", "other_sense"),
    ("Police charged the crowd with batons on Monday.", "arrest", "other_sense"),
    # a business's security is no state's posture
    (
        "The bank said security was enhanced with two-factor authentication on Monday.",
        "deployment",
        "not_political",
    ),
    (
        "The minister of coal and mines visited the plant on Monday.",
        "landmine_explosion",
        "other_sense",
    ),
    ("The senator made a scathing attack on the minister on Monday.", "attack", "other_sense"),
    # a refusal or a court ruling is no denial that something happened
    ("Her application for a visa was denied on Monday.", "denial", "other_sense"),
    ("The border guards denied the reporters entry on Tuesday.", "denial", "other_sense"),
    ("A federal judge dismissed the lawsuit against the ministry on Friday.", None, "other_sense"),
    # control of a body or a process is no territory
    ("Hardliners took control of the ruling party on Sunday.", None, "other_sense"),
    # coordinated to-infinitives share their governor ("unlikely")
    (
        "A strike is unlikely to be limited to the airfields or to involve troops to occupy "
        "the capital.",
        "government_regains_territory",
        "irrealis",
    ),
    # a kind of act, and a running total, are not one event
    ("The militias are fighting the kind of war that suits their tactics.", None, "generic"),
    ("The minister spoke of raids that have killed hundreds of villagers.", None, "statistic"),
    # with the perfect and no date, a state's statement is a standing position
    ("The ministry has denied giving the rebels any weapons.", "denial", "generic"),
    ("The president has repeatedly denied that troops were sent.", "denial", "generic"),
    # other senses: a show that flops, a crowd that floods in, goods or people handed over,
    # a business moving in, people gathered, access cut off
    ("Her new film bombed.", "air_strike", "other_sense"),
    ("Thousands of supporters flooded into the square on Friday.", None, "other_sense"),
    (
        "The stolen money was recovered and handed over to the families on Monday.",
        "non_violent_territory_transfer",
        "other_sense",
    ),
    ("Foreign banks moved into the country after the ceasefire.", None, "other_sense"),
    ("The minister rounded up support for the bill on Sunday.", "arrest", "other_sense"),
    ("Soldiers cut off access to the main road on Monday.", None, "other_sense"),
    # a warning of what another party could do forecasts; the speaker's side threatens
    ("He warned on Monday that the rebels could regroup.", "threat", "other_sense"),
    (
        "An official warned on Monday that those trained in the camps could use their skills.",
        "threat",
        "other_sense",
    ),
    # being held is a state; the arrest is reported as "taken into custody"
    ("The former minister has been in custody since May.", "arrest", "other_sense"),
    # a danger assessed or met is no threat made
    ("The exiles posed a mortal threat to the regime.", "threat", "other_sense"),
    ("The army moved on Monday to counter the threat from the north.", "threat", "other_sense"),
    # a feeling of liberation, a legal struggle, a product released
    ("It was a sense of liberation for every villager.", None, "other_sense"),
    ("The two officers are battling abuse charges.", "armed_clash", "other_sense"),
    ("The studio is ready to release its mobile conversion of the game.", None, "other_sense"),
    # an illness fought, a team's comeback, a home left
    ("He died on Thursday after a battle with cancer.", "armed_clash", "other_sense"),
    ("Trailing by ten, the home side charged back after the break.", None, "other_sense"),
    ("She was given six months to vacate her home.", None, "other_sense"),
    # awaited, not done; a modal scopes over a coordinated verb
    ("Villagers spent the night waiting to be shelled.", "shelling", "irrealis"),
    (
        "The journalist could end up in prison or be executed, his lawyers say.",
        None,
        "hypothetical",
    ),
    # two totals compared; advice; a standing allegation; what happens in a kind of act
    (
        "More civilians have been killed by drones than by artillery, the report says.",
        "attack",
        "statistic",
    ),
    ("Residents were warned to stay indoors.", "threat", "other_sense"),
    ("The army stands accused of shelling the camp.", "accusation", "generic"),
    ("Raids in which homes are burned must be investigated.", "man_made_disaster", "generic"),
    # approval, advice, an aim, and an agreement in force that is broken
    ("The council gave its sanction to the plan on Monday.", "sanction", "other_sense"),
    ("They went with the intention of liberating the town.", None, "irrealis"),
    ("The pact between the two parties has been severed.", "treaty_signed", "other_sense"),
    # weather, a job, a licence, and an argument are no ground taken or left
    ("Snow was falling at 2 to 3 inches an hour in the north.", None, "other_sense"),
    ("The regulator announced the withdrawal of the channel's licence.", None, "other_sense"),
    ("The minister has fallen back on the claim that the city is safer.", None, "other_sense"),
    ("Smuggled rifles have fallen into the hands of the militia.", None, "other_sense"),
    # a work stoppage suspended, a parcel that arrives, a process taken part in
    (
        "The airline and the union agreed to suspend a strike until May.",
        "air_strike",
        "other_sense",
    ),
    ("His medal finally arrived in the post on Thursday.", None, "other_sense"),
    ("The parties seem less willing to engage in the peace process.", None, "other_sense"),
    # a thing released is published or let out; an aim or an ill fought is opposed
    ("Cables released by the website showed the deal.", "release", "other_sense"),
    ("A survey just released on Monday shows strong support for the plan.", None, "other_sense"),
    ("The deer bolted into the woods after being released from a trap.", None, "other_sense"),
    ("Farmers have long fought the new water rules.", "armed_clash", "other_sense"),
    ("The new mayor spent his first year fighting corruption in the port.", None, "other_sense"),
    # money that goes missing is lost; no one was hurt or held
    ("Millions of dollars went missing from the treasury.", "abduction", "other_sense"),
    ("In the end none of his platoon were killed.", "attack", "negated"),
    ("Neither of the two marchers was detained on Monday.", "arrest", "negated"),
    # a live page's time stamp; a plan given up
    ("(Posted 9:15 a.m.) Protesters gathered in the square.", "deployment", "other_sense"),
    ("The mayor has abandoned plans to close the market.", None, "other_sense"),
    # a thing picked up, records destroyed
    ("He picked up the phone to call the minister.", "arrest", "other_sense"),
    (
        "The officials destroyed the records of the inquiry before it began.",
        None,
        "other_sense",
    ),
    # words in print, and a great number of something
    ("The minister was attacked in the pages of a tabloid on Monday.", "attack", "other_sense"),
    ("The flood of refugees into the country went on all week.", "natural_disaster", "other_sense"),
    # a news summary, a feeling, a chair, letters signed
    ("A roundup of the day's news follows below.", "arrest", "other_sense"),
    ("There was a hostility in the room that I could not believe.", "armed_clash", "other_sense"),
    ("He was sitting in a red plastic chair when we met him.", "peaceful_protest", "other_sense"),
    ("The minister used a machine to sign condolence letters.", "treaty_signed", "other_sense"),
    # a place passed through is not a party to a visit
    ("His sister traveled to Leeds on Monday to see him.", "visit", "not_political"),
    # one 'to' over two coordinated infinitives: both are refused
    ("The minister has refused to confirm or deny the report.", "denial", "negated"),
    # added at stop 36: senses, orders and states found in a sample of shown events
    ("The two neighbours were fighting about the noise on Monday.", "armed_clash", "other_sense"),
    ("Try blaming the government for that mess!", "accusation", "irrealis"),
    ("About 9,000 French soldiers are deployed in the region.", "deployment", "generic"),
    ("The council has the opportunity to authorise the use of force.", None, "irrealis"),
    ("Two MPs defected to the Liberal Democrats on Monday.", "surrender", "other_sense"),
    ("The witness was forced to withdraw his report of abuse on Monday.", None, "other_sense"),
    ("The coach signed a contract extension on Monday.", "treaty_signed", "other_sense"),
    ("The crowd grew to 20,000 and then fell to 5,000 on Tuesday.", None, "other_sense"),
    ("The dissident has spent six years under house arrest.", "arrest", "other_sense"),
    ("Two councillors announced their defection to the Greens on Monday.", None, "other_sense"),
    ("His speech on Monday was a blast of hot air.", "remote_explosive", "other_sense"),
    ("The colonel commanded the rebel forces in the east.", "order_directive", "other_sense"),
    ("Women risk being attacked in the street if they go out alone.", "attack", "hypothetical"),
    ("The guards have a habit of detaining reporters at the gate.", "arrest", "generic"),
    ("The commander told his men to shell the village.", "shelling", "irrealis"),
    ("The remarks threatened a new rift between the allies.", "threat", "other_sense"),
    ("Their flights were booked for the next day.", "arrest", "other_sense"),
    ("Couriers face the risk of being attacked at night.", "attack", "irrealis"),
    ("The council authorised the allies to bomb the rebel bases.", "air_strike", "irrealis"),
    ("Nobody knows how much money the general amassed.", "deployment", "other_sense"),
    ("The storm slammed into the coast on Monday.", "condemnation", "other_sense"),
    ("The task of forming a cabinet has fallen to the speaker.", None, "other_sense"),
    ("The party picked a colonel to fight the minister in his constituency.", None, "other_sense"),
    ("The actress beat out two rivals for the award.", None, "other_sense"),
    ("The senator vowed to bring to book those responsible.", "arrest", "other_sense"),
    ("The army was attacking him with anonymous briefings.", None, "other_sense"),
    ("Had the convoy been ambushed there, no one would have survived.", None, "hypothetical"),
    ("Voters braved suicide bombs to reach the polls.", "suicide_bombing", "other_sense"),
    ("The troops camped out in the shell of the old palace.", "shelling", "other_sense"),
    ("She was a teacher who used to fight against the dam builders.", "armed_clash", "generic"),
    ("The ministry tends to respond to such reports by denying them.", "denial", "generic"),
    ("Guards tended to arrest the traders at the crossing.", "arrest", "generic"),
    (
        "In the aftermath of the attacks, the station began broadcasting messages.",
        "attack",
        "background",
    ),
    ("The town has been bracing for more protests after prayers.", "peaceful_protest", "irrealis"),
    ("The bombings were the worst outrages of the war.", "condemnation", "other_sense"),
    ("Riders charged on horseback into the square.", "accusation", "other_sense"),
    ("The trader protested that the price was fair.", None, "other_sense"),
    ("Protesters charged down the bridge towards the police lines.", "accusation", "other_sense"),
    ("The crowd overran two police trucks near the bridge.", None, "other_sense"),
    ("The two teams were battling it out in the final.", None, "other_sense"),
    ("The program helped free them of flashbacks.", "release", "other_sense"),
    ("The storm is potentially life-threatening for people outdoors.", "threat", "other_sense"),
    ("She showed a rose inked on her arm.", "treaty_signed", "other_sense"),
    ("The talks were a diplomatic lobbying exercise.", "military_exercise", "other_sense"),
    ("The government has deployed 2,000 doctors in the slums.", "deployment", "other_sense"),
    ("They talked of German-occupied France.", None, "other_sense"),
    ("The prime minister signed up to the war on terror.", "treaty_signed", "other_sense"),
    ("Critics want a deadline for withdrawing the troops.", "withdrawal", "irrealis"),
    ("The pundits love to shoot first and ask questions later.", None, "other_sense"),
    ("Columnists analysed the threat of militant Islam.", "threat", "other_sense"),
    ("The senator attacked the president for staying on holiday.", None, "other_sense"),
    ("He said he took nothing back.", None, "negated"),
    ("We are all sitting in our homes without work.", None, "other_sense"),
    ("The uprising was captured in real time.", None, "other_sense"),
    (
        "Seizing a rifle, the corporal charged the nearest enemy position.",
        "accusation",
        "other_sense",
    ),
    ("The paper had a scoop and other outlets picked it up.", "arrest", "other_sense"),
    (
        "The storm is coming, a release from the state emergency office said.",
        "release",
        "other_sense",
    ),
    ("Wet plaster, mortar and timber will need replacing.", "shelling", "other_sense"),
    ("The tanks carry a gun capable of firing 300 rounds a minute.", None, "irrealis"),
    (
        "The soldiers, with a previous deployment to Bosnia behind them, felt ready.",
        "deployment",
        "background",
    ),
    ("Shopkeepers fearful of looting boarded up their windows.", "looting", "irrealis"),
    ("The necklace was handed over to the police last week.", None, "other_sense"),
    ("The rebels are more willing to engage now.", "armed_clash", "irrealis"),
    ("The school was happy for the minister to visit a class.", "visit", "irrealis"),
    ("Navies patrol the gulf to enforce the arms embargo on the junta.", "sanction", "other_sense"),
    ("Traders were caught evading sanctions on the regime.", "sanction", "other_sense"),
    ("A company release on Sunday said the minister had called.", "release", "other_sense"),
    # a product or campaign put out, a policy deployed, a duty given, a pessimistic comment
    ("The prime minister attended a poster launch this morning.", "weapons_test", "other_sense"),
    ("The state deployed a policy of pre-emptive strikes.", "deployment", "other_sense"),
    ("The general charged with organising the new forces resigned.", "arrest", "other_sense"),
    ("The president warned of difficult days ahead on Tuesday.", "threat", "other_sense"),
    ("The agency warned the virus has the potential to spread widely.", "threat", "other_sense"),
    ("The presenter is sitting in for a colleague all week.", "peaceful_protest", "other_sense"),
    ("Families were sitting in the shade of the trees.", "peaceful_protest", "other_sense"),
    ("He amassed a fortune from arms deals.", "deployment", "other_sense"),
    (
        "The company began to drill a tunnel under the river on Monday.",
        "military_exercise",
        "other_sense",
    ),
    ("Its efforts were advancing on several fronts.", None, "other_sense"),
    ("A task force was set up to deal with the new threat.", "threat", "other_sense"),
    ("The country acted responsibly towards a world threat.", "threat", "other_sense"),
    ("The threat in mind was a new strain of flu.", "threat", "other_sense"),
    # a relative clause in the past perfect names someone by their history
    (
        "The envoy who had negotiated the hostages' release was recalled.",
        "meeting",
        "background",
    ),
    # a comparison with an act, an act ruled out, a danger as judged, a cause
    ("Seizing the port would be tantamount to attacking the whole country.", "attack", "irrealis"),
    # an act as the gerund subject of a modal is what the modal supposes
    ("Attacking the city would be a grave mistake, the minister said.", "attack", "hypothetical"),
    ("It would be impossible for the army to attack the city before spring.", None, "irrealis"),
    ("In the capital the militia is regarded as a critical threat.", "threat", "other_sense"),
    ("The students' battle for reform began on campus last spring.", None, "other_sense"),
    # one person accusing another, monitoring, fearing a role
    ("She charged the finance minister with wasting public money.", "arrest", "other_sense"),
    ("The chairman charged his rival with breaking every promise.", "arrest", "other_sense"),
    (
        "The embassy is keeping a close watch on the situation, a diplomat said.",
        "deployment",
        "other_sense",
    ),
    ("The senator apprehended the involvement of a foreign agency.", "arrest", "other_sense"),
    # commerce: a name with a corporate suffix, or 'it' standing for one; markets
    (
        "Ocean Drilling Ltd has agreed to buy a stake in the port operator.",
        "agreement",
        "not_political",
    ),
    ("Harbor Foods Inc said it reached an agreement to be acquired.", "agreement", "not_political"),
    ("Exports to the bloc fell 7 pct to 3.2 billion dlrs in May.", None, "other_sense"),
    (
        "Corn gained as the grain rally spread to oats on Tuesday.",
        "peaceful_protest",
        "other_sense",
    ),
    # an advance of a trend
    ("Farms gave way to the relentless march of agribusiness.", "peaceful_protest", "other_sense"),
    # a reason for another act, a pact broken, weather
    ("They imposed tariffs on the goods in retaliation for the breach.", "threat", "other_sense"),
    ("Officials accused the neighbour of a violation of the pact.", "treaty_signed", "other_sense"),
    ("Hailstorms and gale winds killed four farmers in the valley.", None, "other_sense"),
    # a condition opened by 'in case'
    (
        "Students carried their papers in case they were stopped and detained.",
        "arrest",
        "hypothetical",
    ),
    ("Residents were told to seal the windows in case of an attack.", None, "hypothetical"),
    # an outbreak fought, advice to the public, a private visit, a film
    ("She had years of experience fighting SARS and flu outbreaks.", "armed_clash", "other_sense"),
    ("Crews spent weeks fighting the oil spill off the coast.", "armed_clash", "other_sense"),
    ("A priest mobilised relief workers and doctors on Monday.", "deployment", "other_sense"),
    ("Officials warned Singaporeans for weeks to prepare for floods.", "threat", "other_sense"),
    ("A boy died on Monday while on a family visit to the capital.", "visit", "other_sense"),
    ("Released in cinemas on Friday, the film earned $20m.", "release", "other_sense"),
    # a danger someone poses, a device of argument
    ("Analysts weighed the threat posed by the militia's rockets.", "threat", "other_sense"),
    ("In the hearing he deployed a classic example of evasion.", "deployment", "other_sense"),
    ("Shelters will help in the event of a terrorist attack on the port.", None, "hypothetical"),
    ("In the event that troops attack the town, residents will flee.", None, "hypothetical"),
    # weapons had, a danger judged, a torment, a tradition
    (
        "Guards confiscated her radio, grenades and a pistol.",
        "grenade_attack",
        "other_sense",
    ),
    ("The general had long been a threat to his own party.", "threat", "other_sense"),
    ("The thought tortured him for weeks.", None, "other_sense"),
    ("The advocate is fighting in a long tradition of dissent.", None, "other_sense"),
    # talks with one's own kin
    ("Over dinner the farmer discussed the war with his daughter.", "meeting", "not_political"),
    # a flood of words, an act inquired into, how hard an act would be
    ("His plan was to bombard the regime with letters from abroad.", None, "other_sense"),
    ("Judges are probing the assassination of a former mayor.", None, "generic"),
    ("At first the critic was easy to dismiss.", None, "irrealis"),
    # a skill, a torment, a danger from things, a movement
    ("The recruits were trained in combat for six weeks.", None, "other_sense"),
    ("The pilot was tortured by guilt for years.", None, "other_sense"),
    ("Reefs near the port are threatened by the slick.", "threat", "other_sense"),
    ("The play sets the church against political liberation.", None, "other_sense"),
    # the law, a substance, a message, a ride
    ("The banker agreed to surrender to prosecutors next week.", "surrender", "other_sense"),
    ("Fans were installed to disperse the smoke and gas.", None, "other_sense"),
    ("A listener posted a query about the old mill on Monday.", None, "other_sense"),
    ("A helicopter picked up the crew of the rig on Monday.", "arrest", "other_sense"),
    # a phrasal verb of not doing
    ("The premier ruled out a withdrawal of the garrison this year.", "withdrawal", "negated"),
    ("The organisers called off the march on Friday.", "peaceful_protest", "negated"),
    # withholding, an atrocity named, a standing curfew
    (
        "The aim is to starve the cells and deny them support and money.",
        "denial",
        "other_sense",
    ),
    ("The blast was the latest outrage by the gang.", "condemnation", "other_sense"),
    (
        "Crowds stayed in the square all night, defying a curfew.",
        "emergency_measure",
        "other_sense",
    ),
    # a pledge, a people turning away
    ("The president vowed on Monday not to seek another term.", "threat", "other_sense"),
    ("The slump caused voters to retreat inward.", None, "other_sense"),
    # a share of many acts
    (
        "Investigators blamed the group for most of the suicide bombings.",
        "suicide_bombing",
        "generic",
    ),
    # a press release, a purchase
    (
        "A defence department release said the general had resigned.",
        None,
        "other_sense",
    ),
    ("The library ordered two copies of the atlas last week.", None, "other_sense"),
    # words, not gunfire or a missile
    ("Speaking at the launch of the party's manifesto, he said little.", None, "other_sense"),
    ("The senator rose on Tuesday, firing insults at the committee.", None, "other_sense"),
    ("She spent the debate attacking the hypocrisy of the cabinet.", None, "other_sense"),
    # an obstacle, a rescue, a reservation, a notice: other senses of protest, arrest and
    # withdrawal words
    ("The mountain road was blocked by fallen rocks on Monday.", "peaceful_protest", "other_sense"),
    ("Snow blocked the main road over the pass on Monday.", "peaceful_protest", "other_sense"),
    ("The dogs picked up on the scent of a survivor on Monday.", "arrest", "other_sense"),
    ("The two reporters were booked on a flight to Nairobi on Monday.", "arrest", "other_sense"),
    ("The town's mayor fell victim to a hoax on Monday.", None, "other_sense"),
    ("Volunteers rounded up the injured after the blast on Monday.", "arrest", "other_sense"),
    ("Rescuers pulled out three children from the rubble on Monday.", "withdrawal", "other_sense"),
    # 'car' is no acronym of a country in text with capitals, so it is a thing given up
    ("The driver had to abandon the car at the checkpoint on Monday.", None, "other_sense"),
    ("The charity mobilised volunteers and funds on Monday.", "deployment", "other_sense"),
    ("A think tank issued a warning that the navy would have to shrink.", "threat", "other_sense"),
    # persuasion, words, music and work against a leak: no combat
    ("The minister began a charm offensive in the capital on Monday.", None, "other_sense"),
    ("The spokesman answered with a bombardment of statistics.", None, "other_sense"),
    ("Listeners were bombarded with pop music all day.", None, "other_sense"),
    ("Crews were battling to stem the leak on Monday.", None, "other_sense"),
    ("The crew resumed shooting mud into the well on Monday.", None, "other_sense"),
    # a trade, a level, an involvement, a clean-up and criticism
    ("Traders said the five-year credit default swap widened sharply.", "release", "other_sense"),
    (
        "The amount of oil collected from the leak fell to 2,200 barrels a day.",
        "non_state_overtakes_territory",
        "other_sense",
    ),
    ("The federal government is fully engaged, the spokesman said.", None, "other_sense"),
    ("Cleanup crews attacked the slick with skimmers and booms on Monday.", None, "other_sense"),
    ("The commentator attacked the president for keeping his cool.", None, "other_sense"),
    (
        "The United States vowed support for the government's fight against the militants.",
        "threat",
        "other_sense",
    ),
    ("The magazine agreed on Monday to sub-license the article.", "agreement", "not_political"),
    ("The medic treated hundreds of wounded during his tour of duty.", "visit", "other_sense"),
    # what a participle describes is what is captured: oil, not ground
    (
        "The firm said the amount of oil captured by the new cap rose on Monday.",
        "non_state_overtakes_territory",
        "other_sense",
    ),
    (
        "Engineers hope to raise the rate captured by the funnel this week.",
        "non_state_overtakes_territory",
        "other_sense",
    ),
    # animals, flows, shells of the sea, a stay away, an effort, equipment, a fight with words
    ("A young dolphin was attacked by a shark near the beach on Monday.", "attack", "other_sense"),
    ("Oil was shooting from the broken well on Monday.", "attack", "other_sense"),
    ("The figures are shot through with guesses and rough estimates.", None, "other_sense"),
    ("Children collected tar balls instead of sea shells on Sunday.", "shelling", "other_sense"),
    ("The president's weekend retreat was cut short on Saturday.", "withdrawal", "other_sense"),
    ("The company said it would engage in the strongest response possible.", None, "other_sense"),
    (
        "The company has deployed a long suction tube to the larger leak.",
        "deployment",
        "other_sense",
    ),
    (
        "The state is fighting back against criticism that it was slow.",
        "armed_clash",
        "other_sense",
    ),
    # a frequency on the verb whose non-finite complement the act is
    (
        "Police often found themselves fighting with smugglers.",
        "armed_clash",
        "generic",
    ),
    ("Police often try to arrest the leaders.", "arrest", "generic"),
    # a frequency before the first of two verbs of one subject scopes over both
    ("They are always fighting each other, assassinating each other.", "assassination", "generic"),
    # the time of a habit is a habit too
    ("Race is rarely mentioned when discussing her rise to power.", "meeting", "generic"),
    # a bare purpose is told in its head's tense: a present with no date is a narrative
    (
        "In the extract the hero drives out of the city in the morning to visit his mother.",
        "visit",
        "generic",
    ),
    # a toll in the perfect on a set of wars or acts is a running total, the victims as subject
    ("We ended up in two wars in which thousands have been killed.", None, "statistic"),
    # warning against a danger is advice; fighting for one's country is service
    (
        "Then he became a reformer, warning against the dangers of the war.",
        "threat",
        "other_sense",
    ),
    ("He had gone abroad to fight for his country.", "armed_clash", "other_sense"),
    # a reduced relative that says who someone is: an allegation with no accuser
    (
        "She hired the lawyer of the translator accused of leaking the report.",
        "accusation",
        "generic",
    ),
    # a complementizer right after 'demonstrated', however parsed, makes it 'show'
    (
        "If nothing else, the deal has demonstrated that BAE deploys tactics with the ministry.",
        "peaceful_protest",
        "other_sense",
    ),
    # a visit requested is asked for, not made
    ("He said he requested on Friday a visit with the jailed soldier.", "visit", "irrealis"),
    # exercising a prerogative is no military exercise
    (
        "The government's exercise of its prerogatives was questioned.",
        "military_exercise",
        "other_sense",
    ),
    # a definite plural of people named by what befell them, with no number or day
    ("White crosses stand for the soldiers killed in Iraq.", "armed_clash", "generic"),
    # sanctioning an act authorises it; deploying charm is no deployment of forces
    ("The council sanctioned the use of force on Monday.", "sanction", "other_sense"),
    (
        "The envoy has worked hard, deploying his charm to persuade critics.",
        "deployment",
        "other_sense",
    ),
    # an act after 'into' on a noun is the topic of an inquiry, whatever the noun
    ("A report into the shooting was published on Monday.", "attack", "generic"),
    # a date in the clause of a charge or an arrest dates the charge, not the crime
    ("Police charged the men with murder on Monday.", "attack", "background"),
    (
        "Police arrested three men on Tuesday over the killing of a shopkeeper.",
        "attack",
        "background",
    ),
    # a classifier's 'of' names the kind of another act
    ("The desperate act of protest stunned the nation.", None, "generic"),
    # a part's 'of' is what the subject is: "much of the aid" sits, no sit-in
    (
        "Much of the food aid is still sitting in the port city.",
        "peaceful_protest",
        "other_sense",
    ),
    # a warning of a state, not of an act
    (
        "The charity has warned that it will be extremely difficult to deliver aid.",
        "threat",
        "other_sense",
    ),
    (
        "Doctors are warning that the children are at great risk from the cold.",
        "threat",
        "other_sense",
    ),
    (
        "The ministry warned on Monday that it was too early to lift the rules.",
        "threat",
        "other_sense",
    ),
    # an act told over years is a standing relation
    ("The company has clashed with the government for decades over spills.", None, "generic"),
    ("Rebels have fought the army for years in the hills.", None, "generic"),
    # an act that something is compared with is a likeness
    ("Residents likened the storm to a bombing raid.", "air_strike", "irrealis"),
    ("She compared the ruined town to the scene of a bomb blast.", None, "irrealis"),
    # rescuers, aid workers, doctors and reporters visit for no state, whatever their nation
    ("British aid workers arrived in the capital on Monday.", "visit", "not_political"),
    ("Two French doctors visited the hospital in the city on Monday.", "visit", "other_sense"),
    # 'engaged to' someone, 'engaged in' a cause: betrothed or committed, not in combat
    ("Engaged to a nurse and aged 31, he grew up in Leeds.", "armed_clash", "other_sense"),
    (
        "Some of the young men saw themselves as engaged in a struggle for their faith.",
        "armed_clash",
        "other_sense",
    ),
    # a bare singular noun after a preposition names a kind of act, no one occurrence
    ("Two board members resigned in protest on Monday.", "peaceful_protest", "other_sense"),
    ("The colonel checked on his men the night before battle.", "armed_clash", "other_sense"),
    ("At liberation, the town's factories stood empty.", None, "other_sense"),
    # a paper's publication stamp dates the report, not the acts a total counts
    (
        "Monday 14 February 2005 13.32 GMT More than 50 reporters have been killed in the"
        " country in the last two years.",
        "attack",
        "statistic",
    ),
    # a vigil kept by relatives moves no force
    ("Relatives kept vigil at the hospital on Monday.", "deployment", "not_political"),
    # a flight is no strike, a rhythm beaten no bombardment
    ("Two fighter jets flew low over the square on Sunday afternoon.", "air_strike", "other_sense"),
    ("Drummers lined the wall and pounded out a rhythm.", "air_strike", "other_sense"),
    # a fear is no naming
    ("The engineer had been missing and was feared kidnapped.", "abduction", "irrealis"),
    # 'in case' before a clause the parser hung beside it still opens a condition
    ("We stayed in case they were detained.", "arrest", "hypothetical"),
    (
        "The only reason he went there was in case the rebel leader was captured nearby.",
        "abduction",
        "hypothetical",
    ),
    # a guess, a likelihood: not a report
    (
        "There is speculation that the army has quietly taken control of the capital.",
        None,
        "irrealis",
    ),
    ("The crisis raised the probability of a military takeover.", None, "irrealis"),
    # 'long' on the act: a state over years
    ("They sang of a people long imprisoned and long tortured.", "arrest", "generic"),
    # what a work holds or a piece of writing says is no party's act of words
    (
        "The new documentary contains a fierce condemnation of the regime.",
        "condemnation",
        "other_sense",
    ),
    ("The article claimed that the damage was far worse than reported.", "claim", "other_sense"),
    # how something was received is no meeting
    ("The marchers were met with riot police and tear gas.", "meeting", "other_sense"),
    # the crime an arrest is for came before it
    ("Two colonels were arrested over the murder of the former mayor.", "attack", "background"),
    # what a case rests on, judged by the writer: no party denies
    ("The war was based on a huge fabrication, he wrote.", "denial", "other_sense"),
    (
        "He threw away his medals in protest and left the country.",
        "peaceful_protest",
        "other_sense",
    ),
    (
        "The letter urged them to make the compromises necessary to reach the peace settlement.",
        "agreement",
        "irrealis",
    ),
    # an act named as 'years of' it is a period
    ("The port, weakened by nine years of embargo, is short of fuel.", "sanction", "generic"),
    # a need or a duty judged is no act done
    ("It is sometimes necessary to kill in self-defence, he wrote.", "attack", "irrealis"),
    # a share of many acts holds for each conjunct
    (
        "The group has carried out some of the deadliest bombings and kidnappings in the region.",
        "abduction",
        "generic",
    ),
    # the standard of a comparison is what the news is measured against, not news
    (
        "More children died of hunger this year than were killed in the war.",
        "attack",
        "background",
    ),
    (
        "The storm killed more people than the bombing of the embassy.",
        "remote_explosive",
        "background",
    ),
    # the attention events get, in the present with no date: 'the world is watching'
    ("People around the world are watching these protests closely.", "peaceful_protest", "generic"),
    # an excess rules the act out: 'too weak to attack'
    ("The rebels were too weak to attack the town on Monday.", "attack", "negated"),
    # a fixed phrase of frequency tells a habit, in the past too
    ("Time and again police arrested the same men at the border.", "arrest", "generic"),
    # 'some' before a singular noun: an unspecified one
    ("The crisis was blamed on some outside threat to the regime.", "threat", "generic"),
    # what a 'before' or 'until' clause tells under a modal main clause has not happened
    (
        "Weeks can pass before the agency confirms that a reporter has been arrested.",
        "arrest",
        "hypothetical",
    ),
    ("The blockade will go on until the rebels surrender.", "surrender", "hypothetical"),
    # a clause of time in the present under a modal main clause tells a time still to come
    ("Aid will flow as soon as the hostages are released.", "release", "hypothetical"),
    ("Talks will resume once the prisoners are freed.", "release", "hypothetical"),
    # a munition held, found, traded or made, or listed with no verb, was fired by no one
    ("Police found mortars and rifles in the house on Monday.", "shelling", "not_an_act"),
    ("Mortars were seized at the port on Monday.", "shelling", "not_an_act"),
    ("The photograph showed a projectile made by a firm in Ohio.", "shelling", "not_an_act"),
    ("Arms dealers, old tanks, mortars.", "shelling", "not_an_act"),
    # an order opening the sentence, before the verb of saying or another order: a demand
    ("Arrest them all, the crowd chanted outside the court on Monday.", "arrest", "irrealis"),
    (
        '"Kidnap me, kidnap all my colleagues!" the editor shouted on Monday.',
        "abduction",
        "irrealis",
    ),
    # a participle coordinated with no subject or tense of its own shares its head's verb
    # group: the governor that scopes over one scopes over both
    (
        "No matter how many suspects are kidnapped and tortured, the war goes on.",
        "attack",
        "negated",
    ),
    ("Ten men were not arrested or charged on Monday.", "accusation", "negated"),
    # a modal on the verb whose to-infinitive the act is scopes over the act
    ("They must try to kill the guards.", "attack", "hypothetical"),
    # a bare act after 'against' or 'from' on a noun or an adjective is a kind kept from
    ("Japan could see nuclear weapons as its only insurance against assault.", "attack", "generic"),
    ("The town is now safe from attack.", "attack", "generic"),
    # a phrase of time that puts the act in a period of a conflict or a rule dates it there
    ("During the war, soldiers looted the museum.", "looting", "background"),
    (
        "In the first days of the invasion, missiles hit his compound, killing 43 people.",
        "attack",
        "background",
    ),
    ("At the height of the insurgency, rebels attacked the base.", "armed_clash", "background"),
    # an idea or a cause fought is no combat
    ("Killers are converging on Iraq to fight the advance of peace.", "armed_clash", "other_sense"),
    # acts over a lifetime
    ("He fought the regime all his life.", "armed_clash", "generic"),
    # the crime a charge names came before the charge
    ("Seven paratroopers were charged with the murder of a civilian.", "attack", "background"),
    # a charge of power or of a price is no accusation
    (
        "Protesters were charging their cellphones on the streets on Monday.",
        "accusation",
        "other_sense",
    ),
    ("The bank charged customers a fee on Monday.", "accusation", "other_sense"),
    # a purpose clause is no more real than its head
    (
        "Few are willing to rouse themselves to protest about anything.",
        "peaceful_protest",
        "irrealis",
    ),
    ("Rebels plan to travel to the capital to attack the palace.", "attack", "not_specific"),
    ("Unions refused to go to Dhaka on Monday to protest the ban.", "peaceful_protest", "negated"),
    # a for-to complement is what the negating verb rules out
    ("The judge refused for the men to be released on Monday.", "release", "negated"),
    # a count of occasions with no date tells a series of acts
    ("Rebels have shelled the base on several occasions.", "shelling", "generic"),
    ("He has sent troops into battle on five separate occasions.", "deployment", "generic"),
    ("Israel has attacked Gaza many times.", "attack", "generic"),
    # a modal on the copula of 'able' is the act's own
    ("Rebels would be able to attack the town.", "attack", "hypothetical"),
    ("Israel will be able to attack Iran within weeks.", "attack", "not_specific"),
    # an occurrence known by its place's name, in a phrase of time: what the story follows
    (
        "Security was tightened in the capital after the Lisbon bombings.",
        "remote_explosive",
        "background",
    ),
    # the act of a relative clause on 'anyone' or on a noun with 'any' is no one occurrence
    ("The colonel said his unit would hunt down anyone who shelled the base.", None, "generic"),
    ("Everyone who attacks the base will be punished, the colonel said.", None, "generic"),
    ("Riot police charged the crowd with tear gas on Monday.", "arrest", "other_sense"),
    ("Activists want a trial for any officers who took part in torture.", "attack", "generic"),
    # 'of' on the object of a verb of judging: the crime came before the verdict
    (
        "A court convicted the corporal of the murder of two officers last week.",
        "attack",
        "background",
    ),
    # a course of action predicated as an option is not one taken
    ("Aides said that bombing the depots was an option.", "air_strike", "irrealis"),
    ("An assault on the port is one option, the minister said.", "attack", "irrealis"),
    # a kind of act and what such acts often do
    ("Raids that often go unreported terrify the villagers.", None, "generic"),
    # a verb that tells the act took place denies it, and people's own act is theirs
    ("The planned strike on the depot did not happen, officials said.", "air_strike", "negated"),
    ("The march on Monday did not go ahead.", "peaceful_protest", "negated"),
    ("The rally did not take place on Friday.", "peaceful_protest", "negated"),
    ("Protesters did not march on the palace on Friday.", "peaceful_protest", "negated"),
    ("The offensive has not begun, a spokesman said on Monday.", "armed_clash", "negated"),
    ("Clashes did not break out during the vote on Sunday.", "armed_clash", "negated"),
    ("The bomb did not explode, police said on Monday.", "remote_explosive", "negated"),
    # 'not' on a report's verb may deny the report, and the act it tells
    ("Reports of an airstrike on the village did not prove accurate.", "air_strike", "negated"),
    # a passive's agent is read as before: 'not' denies it
    ("The town was not hit by an airstrike, officials said on Monday.", "air_strike", "negated"),
    # an adjective of judgement in the present judges a kind of act
    ("It is wrong to attack civilians, the minister said on Monday.", "attack", "irrealis"),
    ("It is unusual for the army to fire on crowds, the report said.", "armed_clash", "irrealis"),
    # other senses of meeting and travel words
    (
        "The government has met the concerns of its people, the minister said.",
        "meeting",
        "other_sense",
    ),
    ("The couple took a side trip to the coast on Sunday.", "visit", "other_sense"),
    (
        "The minister discussed the crisis on a morning show on Friday.",
        "meeting",
        "other_sense",
    ),
    # a count the row does not list is read through to what it counts
    ("Farmers killed hundreds of chickens on Monday to stop the outbreak.", None, "other_sense"),
    ("The group released thousands of documents on Monday.", "release", "other_sense"),
    # a sentence of one word: a cry, a label, a list item
    ("Arrested!", None, "fragment"),
    ("Protests.", None, "fragment"),
]


@pytest.mark.parametrize(("text", "event_type", "code"), DROPPED)
def test_candidates_that_report_no_event_are_dropped_with_a_reason(
    text: str, event_type: str | None, code: str
) -> None:
    assert verdict(text, event_type) == code


def test_every_drop_reason_is_a_known_code() -> None:
    from flashpoint.extract.realis import CODES

    for text, _type, _code in DROPPED:
        for m in mentions(text):
            if m.dropped:
                assert m.dropped.split(":", 1)[0] in CODES, m.dropped
                assert m.dropped.split(":", 1)[1].strip(), "a reason names the deciding words"


def test_agent_from_the_parse_not_from_proximity() -> None:
    (m,) = [m for m in mentions("97 people died in police firing in the city on Friday.")]
    assert m.actor1 is not None and m.actor1.role == "police"
    found = mentions("Syrian army shelling hit Homs on Monday, a Lebanese official said.")
    assert all(m.actor1 is None or "Lebanon" not in m.actor1.name for m in found)


@pytest.mark.parametrize(
    ("text", "strike"),
    [
        ("A blast killed five villagers near the market on Monday.", "remote_explosive"),
        ("An air strike killed five villagers on Monday.", "air_strike"),
        ("A bomb killed three soldiers at the checkpoint on Monday.", "remote_explosive"),
    ],
)
def test_a_strike_named_as_the_killer_is_the_one_event(text: str, strike: str) -> None:
    """The toll verb's subject is the act that killed (extract/tolls.py): the toll is that
    strike's, not a second event; villagers a blast killed are no mob (type_rules.tsv)."""
    kept = [m for m in mentions(text) if not m.dropped]
    assert kept and {m.type for m in kept} == {strike}
    mob = [m.type for m in mentions("An angry mob killed two villagers on Monday.")]
    assert "mob_violence" in mob


def test_the_object_of_a_light_verb_is_no_patient_of_the_act() -> None:
    """role_cues.tsv light_verb: with the act as subject, what 'have' or 'do' takes is no
    party the act was done to; a verb of harm's object still is."""
    text = "Ministers said the bombings of March 11 had nothing to do with Spain's role in Iraq."
    (bombing,) = [m for m in mentions(text) if m.trigger.text == "bombings"]
    assert bombing.actor2 is None
    (blast,) = [m for m in mentions("The explosion injured three soldiers on Monday.")]
    assert blast.actor2 is not None and blast.actor2.role == "military"


def test_an_object_beside_the_act_is_no_party_to_it() -> None:
    """Conjuncts are objects of the verb side by side: "covered Turkey and the shelling"
    names no party of the shelling; a modifier the conjuncts share after the act still does
    ("the arrest and torture of Hamas members")."""
    found = mentions("Reporters covered Turkey and the shelling of the port on Friday.")
    (shelling,) = [m for m in found if m.type == "shelling"]
    assert shelling.actor2 is None and shelling.actor1 is None
    found = mentions("The general ordered the arrest and torture of Hamas members on Monday.")
    torture = [m for m in found if m.trigger.text == "torture"]
    assert torture and all(m.actor2 is not None and "Hamas" in m.actor2.name for m in torture)


def test_the_noun_of_a_passive_relative_clause_underwent_the_act() -> None:
    """ "Two rebels who were captured": the rebels were taken, they took no one."""
    (capture,) = [m for m in mentions("Two rebels who were captured on Monday were questioned.")]
    assert capture.actor1 is None
    assert capture.actor2 is not None and capture.actor2.role == "rebels"


def test_who_reacts_to_an_act_did_not_do_it() -> None:
    (launch,) = [
        m
        for m in mentions("Japan condemned the missile launch on Friday.")
        if m.type == "weapons_test"
    ]
    assert launch.actor1 is None
    found = mentions("The UN condemned the attack by Russian forces on the city on Friday.")
    (attack,) = [m for m in found if m.type != "condemnation"]
    assert attack.actor1 is not None and "Russia" in attack.actor1.name


def test_passive_agent_is_actor1_and_patient_actor2() -> None:
    found = [m for m in mentions("Protesters were attacked by police in the capital on Monday.")]
    main = max(found, key=lambda m: m.confidence)
    assert main.actor1 is not None and main.actor1.role == "police"


def test_a_protest_with_intervention_puts_the_crowd_first() -> None:
    """ACLED's actor order: the protesters are actor 1, the force that broke them up actor 2."""
    (m,) = [
        m
        for m in mentions("Police dispersed the protesters with tear gas on Monday.")
        if m.type == "protest_with_intervention"
    ]
    assert m.actor1 is not None and m.actor1.role == "protesters"
    assert m.actor2 is not None and m.actor2.role == "police"


def test_police_firing_near_a_mob_stays_the_police_act() -> None:
    """A mob in the sentence makes an attack mob violence, but not the police's firing."""
    found = mentions("Two men died in police firing on Monday during clashes with a mob.")
    fire = [m for m in found if m.trigger.text == "police firing"]
    assert fire and fire[0].type == "attack" and fire[0].actor1 is not None
    assert fire[0].actor1.role == "police"


def test_a_relative_clause_takes_its_noun_as_the_agent() -> None:
    """ "the policemen who killed a worker": who is the noun the clause hangs on."""
    found = mentions("They demanded action against the policemen who killed a worker on Sunday.")
    (killed,) = [m for m in found if m.trigger.text == "killed"]
    assert killed.actor1 is not None and killed.actor1.role == "police"


def test_object_control_gives_the_agent_of_the_infinitive() -> None:
    """ "forced the police to open fire": the police fire, not the subject of "forced"."""
    found = mentions("The stone throwing forced the police to open fire on Friday.")
    fire = [m for m in found if m.trigger.text.startswith("open")]
    assert fire and fire[0].actor1 is not None and fire[0].actor1.role == "police"
    (tried,) = [m for m in mentions("The rebels tried to storm the base on Monday.")]
    assert tried.actor1 is not None and tried.actor1.role == "rebels"


def test_a_counted_toll_makes_a_report_surer() -> None:
    def sure(text: str) -> float:
        return max(m.confidence for m in mentions(text))

    counted = sure("Twelve villagers were killed in the valley, officials said.")
    assert counted > sure("Villagers were killed in the valley, officials said.")


def test_counts_attach_only_to_acts_that_cause_them() -> None:
    text = "Observers were deployed on Monday after more than 800 people were killed."
    for m in mentions(text):
        if m.type == "deployment":
            assert m.killed is None


def test_confidence_is_higher_for_a_clear_report_than_a_bare_mention() -> None:
    clear = max(
        m.confidence
        for m in mentions("Rebels attacked an army convoy near the town on Tuesday.")
        if not m.dropped
    )
    vague = max(m.confidence for m in mentions("There was fighting.") if not m.dropped)
    assert clear > vague


def test_lowercase_text_is_split_into_sentences() -> None:
    from flashpoint.extract.sentences import split_sentences

    text = "police arrested 20 people on friday. no arrests were made in the u.s. case. ok"
    assert len(list(split_sentences(text))) == 3


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # quotes of UTF-8 read as cp1252, as scrapers save them, are split off their words
        ("the paramilitary forces conducted a massive â€˜flag march'' on sunday.", "deployment"),
        ("on monday witnesses said a mob had torched the â€˜bastiâ€™ near the station.", None),
        ("the bjpâ€™s workers attacked the office on monday.", "attack"),
        # a cue word before a closing single quote still reaches the parser
        ("The paramilitary forces staged a 'flag march' in the town on Sunday.", "deployment"),
    ],
)
def test_a_cue_inside_quotes_or_mojibake_is_read(text: str, event_type: str | None) -> None:
    kept = {m.type for m in mentions(text) if not m.dropped}
    assert kept and (event_type is None or event_type in kept), mentions(text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a contraction whose apostrophe a scraper lost still negates or makes it a future
        ("They didn t arrest anyone at the rally on Monday.", "negated"),
        ("The rebels said they won t attack the town.", "negated"),
        # the same with the apostrophe
        ("They didn't arrest anyone at the rally on Monday.", "negated"),
    ],
)
def test_a_contraction_without_its_apostrophe_is_read(text: str, code: str) -> None:
    assert verdict(text, "arrest" if "arrest" in text else "attack") == code


@pytest.mark.parametrize(
    "text",
    [
        "army columns were called in after midnight on monday.",
        "The army was called in on Monday after the riots.",
        "The district administration requisitioned two companies of armed police on Monday.",
    ],
)
def test_forces_called_in_or_requisitioned_are_a_deployment(text: str) -> None:
    assert "deployment" in {m.type for m in mentions(text) if not m.dropped}


def test_a_names_initials_do_not_end_a_sentence() -> None:
    from flashpoint.extract.sentences import split_sentences

    text = "police commissioner m.n. singh met 40 people. a.k. roy said so. it rained."
    assert len(list(split_sentences(text))) == 3


def test_a_long_run_without_stops_is_parsed_in_pieces() -> None:
    from flashpoint.extract.sentences import MAX_CHARS, split_sentences

    text = "word " * 5000
    pieces = list(split_sentences(text))
    assert len(pieces) > 1 and all(e - s <= MAX_CHARS for s, e in pieces)


# Police acts in riot reporting: shooting at someone, warning fire, one victim without a
# number, and the firing of a compound that the parser headed by its agent.
POLICE_ACTS = [
    (
        "Police burst teargas shells to disperse the mob on Monday.",
        "protest_with_intervention",
        "protesters",
        None,
    ),
    (
        "The district administration imposed section 144 in the town on Sunday.",
        "emergency_measure",
        "government",
        None,
    ),
    (
        "Twelve tear gas shells were lobbed at the crowd on Monday.",
        "protest_with_intervention",
        "protesters",
        None,
    ),
    ("Police fired at the crowd in the market on Monday.", "attack", "police", None),
    ("Troops opened fire in the air near the mosque on Sunday.", "warning_shots", "military", None),
    (
        "A 19-year-old student perished in police firing in the town on Tuesday.",
        "attack",
        "police",
        1,
    ),
    (
        "Two shopkeepers were hurt in police firing and stabbing in the old city.",
        "attack",
        "police",
        None,
    ),
    (
        "When youths threw stones at the procession, the police escorting it fired at the youths.",
        "attack",
        "police",
        None,
    ),
]


@pytest.mark.parametrize(("text", "event_type", "role", "killed"), POLICE_ACTS)
def test_police_acts_are_kept_with_their_agent(
    text: str, event_type: str, role: str, killed: int | None
) -> None:
    found = [m for m in mentions(text) if m.type == event_type and not m.dropped]
    assert found, [(m.type, m.dropped) for m in mentions(text)]
    assert found[0].actor1 is not None and found[0].actor1.role == role
    assert (found[0].killed.min if found[0].killed else None) == killed


def test_a_death_of_illness_gives_no_toll() -> None:
    found = mentions("A man died of a heart attack at the rally in the capital on Monday.")
    assert all(m.killed is None for m in found)


def test_a_headline_passive_makes_its_subject_the_victim() -> None:
    [m] = [m for m in mentions("4 policemen and 3 civilians also killed.") if m.type == "attack"]
    assert m.actor1 is None and m.actor2 is not None and m.actor2.role == "police"


@pytest.mark.parametrize(
    ("text", "event_type", "shifted"),
    [
        (
            "Government troops captured the rebel-held town on Monday.",
            "government_regains_territory",
            True,
        ),
        (
            "Rebels recaptured the hill town from the army on Monday.",
            "non_state_overtakes_territory",
            True,
        ),
        (
            "Insurgents seized control of the district centre on Monday.",
            "non_state_overtakes_territory",
            False,
        ),
    ],
)
def test_acled_codes_a_taken_place_by_who_takes_it(
    text: str, event_type: str, shifted: bool
) -> None:
    found = [m for m in mentions(text) if "territory" in m.type]
    assert [m.type for m in found] == [event_type]
    assert ("type" in dict(found[0].inferred)) == shifted  # the agent's say is recorded


@pytest.mark.parametrize(
    ("text", "event_type", "agent_says"),
    [
        ("Insurgents bombed a police station in the north on Monday.", "remote_explosive", True),
        ("Militants bombed a crowded bus in the capital on Tuesday.", "remote_explosive", True),
        ("Rebels bombed the airport with drones on Monday.", "air_strike", False),
        ("Government jets bombed the rebel town on Monday.", "air_strike", False),
        (
            "Insurgents bombed the army base in their first air attack on Monday.",
            "air_strike",
            False,
        ),
    ],
)
def test_acled_codes_a_bombing_by_who_can_fly(text: str, event_type: str, agent_says: bool) -> None:
    [bombing] = [m for m in mentions(text) if m.trigger.text.startswith("bomb")]
    assert bombing.type == event_type
    assert ("type" in dict(bombing.inferred)) == agent_says  # the agent's say is recorded


@pytest.mark.parametrize(
    ("text", "event_type", "mode"),
    [
        ("The men were accused of plotting to bomb the embassy.", "air_strike", "planned"),
        ("Officials claimed the rebels were preparing to attack the town.", "attack", "planned"),
        ("Prosecutors alleged on Monday that the men planned to attack the base.", None, "planned"),
        ("The gang conspired to attack the depot, police said on Monday.", "attack", "planned"),
        # the claim of an act done stays a claim
        ("The army claimed on Monday that rebels had shelled the town.", "shelling", "claimed"),
        ("Police accused the men of attacking the depot on Monday.", None, "claimed"),
        # a plan's noun object, a passive subject or a joined clause may be an act done
        ("Police accused the gang of plotting the bombing that killed 12 people.", None, "claimed"),
        ("Officials alleged that the bombing had been planned abroad.", None, "claimed"),
        ("The rebels prepared for weeks and attacked the town, the army claimed.", None, "claimed"),
        ("The man who plotted the bombing of the station was jailed.", None, "happened"),
    ],
)
def test_a_plan_that_is_claimed_is_a_plan(text: str, event_type: str | None, mode: str) -> None:
    found = [m for m in mentions(text) if event_type is None or m.type == event_type]
    acts = [m for m in found if m.type not in ("accusation", "claim", "claim_responsibility")]
    assert acts and acts[0].mode == mode, [(m.type, m.mode) for m in found]


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "Police suppressed a peaceful march by students in the capital on Monday.",
            "protest_with_intervention",
        ),
        (
            "Soldiers violently suppressed a peaceful protest in the town on Sunday.",
            "excessive_force_against_protesters",
        ),
        (
            "Protesters set up barricades and smashed shop windows during the rally on Friday.",
            "violent_demonstration",
        ),
    ],
)
def test_protest_sub_types_follow_acled(text: str, event_type: str) -> None:
    assert event_type in {m.type for m in mentions(text)}


def test_standing_behind_barricades_is_no_violence() -> None:
    types = {
        m.type for m in mentions("A protester stood behind the barricades in the square on Friday.")
    }
    assert "peaceful_protest" in types and "violent_demonstration" not in types


def test_a_cue_preposition_hangs_on_the_cue() -> None:
    """In a cue that may be a noun, a preposition away from the word before it must hang on
    a cue word or the first word's object; inside a phrase of its own it is no part of the
    cue (a verb cue's goal is not checked: see KEPT)."""
    alone = "Investigators were sitting alone at cafe tables in the Green Zone on Friday."
    assert "peaceful_protest" not in {m.type for m in mentions(alone)}
    runway = "Much of the food aid is still sitting on the runway in the port city."
    assert "peaceful_protest" not in {m.type for m in mentions(runway)}
    volley = "Soldiers fired a volley into the crowd on Friday."
    assert "excessive_force_against_protesters" in {m.type for m in mentions(volley)}
    crossed = "Two soldiers crossed the fortified border into the South on Friday."
    assert "border_crossing" in {m.type for m in mentions(crossed)}


def test_role_cues_table_is_well_formed() -> None:
    from flashpoint.datafiles import read_tsv
    from flashpoint.extract.roles import role_cues

    rows = list(read_tsv("role_cues.tsv"))
    assert {r["kind"] for r in rows} == {
        "agentive_noun",
        "transitive_harm_verb",
        "reaction_verb",
        "bystander_verb",
        "resisting_verb",
        "speech_verb",
        "weapon_noun",
        "patient_of_noun",
        "circumstance_word",
        "ahead_word",
        "site_noun",
        "light_verb",
    }
    words = [(r["kind"], r["word"]) for r in rows]
    assert len(words) == len(set(words)), "a word listed twice"
    assert all(w == w.strip().lower() and w for _, w in words)
    assert {"firing", "shelling"} <= role_cues()["agentive_noun"]
    assert "kill" in role_cues()["transitive_harm_verb"]
    assert "condemn" in role_cues()["reaction_verb"]
    assert "witness" in role_cues()["bystander_verb"]
    assert "quell" in role_cues()["resisting_verb"]
    assert not role_cues()["bystander_verb"] & role_cues()["resisting_verb"]
    assert "arrest" in role_cues()["patient_of_noun"]
    assert {"bridge", "museum"} <= role_cues()["site_noun"]


@pytest.mark.parametrize(
    ("text", "event_type", "actor1", "actor2"),
    [
        ("The assassination of Anwar Sadat shocked the region on Tuesday.", None, None, "Sadat"),
        (
            "The killing of two soldiers by militants angered the army on Tuesday.",
            None,
            "militants",
            "soldiers",
        ),
        # on an act done by its subject 'of' still names the doer
        (
            "The withdrawal of Russian troops from Kherson was completed on Friday.",
            None,
            "troops",
            None,
        ),
    ],
)
def test_the_of_of_an_act_done_to_someone_is_its_patient(
    text: str, event_type: str | None, actor1: str | None, actor2: str | None
) -> None:
    found = [m for m in mentions(text) if not m.dropped]
    assert found, text
    m = found[0]
    got1 = m.actor1.text if m.actor1 else None
    got2 = m.actor2.text if m.actor2 else None
    assert (actor1 is None and got1 is None) or (actor1 and got1 and actor1 in got1), m
    assert (actor2 is None and got2 is None) or (actor2 and got2 and actor2 in got2), m


@pytest.mark.parametrize(
    ("text", "role", "country"),
    [
        (
            "Two civilians were killed when artillery shells landed on a village in the "
            "district on Tuesday, army officials said.",
            None,
            None,
        ),
        ("Russian artillery shelled the town on Wednesday, killing one man.", "military", "RUS"),
        (
            "Pakistani artillery shells landed on the village on Tuesday, killing a farmer.",
            "military",
            "PAK",
        ),
    ],
)
def test_a_word_in_front_of_a_munition_names_the_weapon_not_who_fired_it(
    text: str, role: str | None, country: str | None
) -> None:
    found = [m for m in mentions(text) if m.type == "shelling" and not m.dropped]
    assert found, text
    assert {(m.actor1.role, m.actor1.country) for m in found if m.actor1} <= {(role, country)}
    assert role is None or any(m.actor1 is not None for m in found)


def test_a_definite_description_takes_the_day_of_the_act_it_refers_to() -> None:
    text = (
        "Shells landed on two villages near the border on Tuesday night, killing a farmer.\n\n"
        "The shelling began at around 9 pm, residents said."
    )
    found = flashpoint.extract(text, published="2025-02-20")
    later = [m for m in found if m.trigger.text == "shelling"]
    assert later and later[0].date is not None and later[0].date.start == "2025-02-18"
    assert any("refers back" in how for field, how in later[0].inferred if field == "date")


def test_a_reaction_dates_itself_not_the_act() -> None:
    text = (
        "Gunmen attacked a market near the town on Friday, killing 17 civilians. "
        "The defence ministry confirmed the attack in a statement on Saturday."
    )
    found = flashpoint.extract(text, published="2025-02-23")
    confirmed = [m for m in found if m.trigger.text == "attack"]
    assert confirmed and confirmed[0].date is not None and confirmed[0].date.start == "2025-02-21"


def test_a_date_in_a_clause_about_another_noun_does_not_date_the_act() -> None:
    text = (
        "Police loyal to the administration, which has held the city since late January, "
        "fired tear gas at protesters."
    )
    (m,) = [m for m in mentions(text) if m.type == "protest_with_intervention"]
    assert m.date is not None and m.date.precision != "month"
    (m,) = [m for m in mentions("The attack, which took place on Monday, killed five soldiers.")]
    assert m.date is not None and m.date.start == "2025-03-03"
    text = "Soldiers fired warning shots at troops who crossed the border on Tuesday."
    (shots,) = [m for m in mentions(text) if m.type == "warning_shots"]
    assert shots.date is not None and shots.date.start == "2025-03-04"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The foreign office rejected the protest on Thursday.", "peaceful_protest"),
        ("The ministry dismissed the protest as groundless on Friday.", "peaceful_protest"),
        ("Both sides must respect the ceasefire along the frontier.", "ceasefire"),
        ("Observers were sent on Monday to monitor the truce.", "ceasefire"),
        (
            "The ministry called the strike on Tuesday a flagrant breach of the ceasefire.",
            "ceasefire",
        ),
        ("He told the envoy that they must respect the ceasefire understanding.", "ceasefire"),
    ],
)
def test_a_diplomatic_protest_or_a_truce_in_force_is_no_new_event(
    text: str, event_type: str
) -> None:
    assert verdict(text, event_type) == "other_sense"


def test_an_act_s_own_relative_clause_dates_it_not_the_protest_over_it() -> None:
    text = (
        "The ministry summoned the envoy on Wednesday over the shelling that killed two "
        "civilians on Tuesday night."
    )
    shelling = next(m for m in mentions(text) if m.type == "shelling")
    assert shelling.date is not None and shelling.date.start == "2025-03-04"
    assert "date" not in dict(shelling.inferred)


def test_a_definite_description_with_no_agent_takes_its_antecedent_s() -> None:
    text = (
        "Police opened fire on a crowd in the market on Monday.\n\n"
        "Three men were injured in the firing, witnesses said."
    )
    firing = next(m for m in mentions(text) if m.trigger.text == "firing")
    assert firing.actor1 is not None and firing.actor1.role == "police"
    assert "refers back to 'opened fire'" in dict(firing.inferred)["actor1"]


def test_an_undated_statement_on_a_told_act_runs_from_that_act_to_publication() -> None:
    text = (
        "Rebels shelled the airport on Wednesday, the army said.\n\n"
        "The foreign ministry condemned the shelling as a crime.\n\n"
        "The ministry has often condemned violence."
    )
    found = [m for m in mentions(text) if m.type == "condemnation"]
    answered, general = found[0], found[1]
    assert answered.date is not None and (answered.date.start, answered.date.end) == (
        "2025-03-05",
        PUBLISHED,
    )
    assert "a statement on an act the story told" in dict(answered.inferred)["date"]
    assert general.date is None or general.date.rule != "since-story-day"


def test_a_statement_on_words_not_acts_keeps_the_publication_week() -> None:
    text = (
        "Protesters marched through the capital on Monday.\n\n"
        "The government denied the allegations of torture."
    )
    denial = next(m for m in mentions(text) if m.type == "denial")
    assert denial.date is not None and denial.date.rule != "since-story-day"


def test_a_definite_description_takes_no_agent_from_an_act_of_another_type() -> None:
    text = (
        "Government jets bombed a residential block in the city on Tuesday.\n\n"
        "Rebels fired rockets at the capital on Wednesday.\n\n"
        "The strike also destroyed a school."
    )
    strike = next(m for m in mentions(text) if m.trigger.text == "strike")
    assert "actor1" not in dict(strike.inferred)


def test_the_day_a_report_was_made_is_marked_as_the_report_s() -> None:
    (m,) = [m for m in mentions("Police said on Thursday that they had arrested 14 people.")]
    assert m.date is not None and m.date.start == "2025-03-06"
    assert any("report" in how for field, how in m.inferred if field == "date")
    (m,) = [m for m in mentions("Police arrested 14 people on Thursday, officials said.")]
    assert not any(field == "date" for field, _ in m.inferred)


@pytest.mark.parametrize(
    ("text", "event_type", "code"),
    [
        ("Investors kept shelling out money for bonds on Monday.", "shelling", "other_sense"),
        ("The crowd exploded in joy when the result came on Friday.", None, "other_sense"),
        (
            "The Interior Ministry's release of 200 prisoners on Monday eased tension.",
            "release",
            "",
        ),
        ("A bomb exploded in a crowded market on Friday.", None, ""),
    ],
)
def test_paying_out_and_bursting_with_joy_are_other_senses(
    text: str, event_type: str | None, code: str
) -> None:
    assert verdict(text, event_type) == code


@pytest.mark.parametrize(
    ("text", "several"),
    [
        ("Several drones hit the city's northern district overnight on Monday.", False),
        ("Three rockets struck the airport on Monday.", False),
        ("The three separate crossing incidents were reported on Monday.", True),
        ("Two bombs exploded in separate markets of the city on Monday.", True),
    ],
)
def test_a_count_of_munitions_is_one_attack_a_count_of_incidents_is_several(
    text: str, several: bool
) -> None:
    found = [m for m in mentions(text) if m.type not in ("claim",)]
    assert found, text
    assert found[0].several is several


@pytest.mark.parametrize(
    "text",
    [
        "Troops have shelled the town since Sunday, residents said.",
        "Troops have shelled the town since late February, residents said.",  # weeks, not months
    ],
)
def test_an_act_going_on_for_days_or_weeks_is_still_an_incident(text: str) -> None:
    assert any(m.type == "shelling" and not m.dropped for m in mentions(text))


def test_gunmen_are_no_weapon_a_seizure_takes() -> None:
    """'Gunmen seized a ship' seizes no weapon: 'gun' must be a word of its own."""
    types = {m.type for m in mentions("Gunmen seized a fishing boat off the coast on Monday.")}
    assert "disrupted_weapons_use" not in types, types
    seized = {m.type for m in mentions("Police seized 40 rifles in the village on Monday.")}
    assert "disrupted_weapons_use" in seized, seized
    wound = mentions("The senator is recovering from a gunshot wound in hospital.")
    assert all(m.dropped for m in wound), [(m.type, m.dropped) for m in wound]


@pytest.mark.parametrize(
    "text",
    [
        "A fire at a garment factory killed 50 workers on Monday.",
        "An oil rig exploded off the coast on Monday, killing 11 workers.",
        "Eleven workers were killed in the rig explosion on Monday.",
    ],
)
def test_deaths_in_an_industrial_disaster_are_its_toll_not_an_attack(text: str) -> None:
    """With no attacker named, those killed by a rig's blast or a factory's fire are the
    disaster's toll (man-made disaster), not an attack on civilians."""
    types = {m.type for m in mentions(text) if not m.dropped}
    assert types == {"man_made_disaster"}, types


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen stormed the refinery on Monday and killed four guards.",
        "A mine exploded under a bus on Monday, killing 11 people.",
    ],
)
def test_killings_with_attackers_or_a_landmine_stay_violence(text: str) -> None:
    types = {m.type for m in mentions(text) if not m.dropped}
    assert "man_made_disaster" not in types, types


def test_self_immolation_in_a_protest_stays_a_protest() -> None:
    """Setting oneself on fire is a protest by the one who does it (ACLED), even when the
    sentence names a protest, which makes other burning a violent demonstration."""
    types = {m.type for m in mentions("A man set himself on fire during a protest on Monday.")}
    assert "violent_demonstration" not in types and "peaceful_protest" in types, types
    burnt = {m.type for m in mentions("Protesters set the police station on fire on Monday.")}
    assert "violent_demonstration" in burnt, burnt


def test_a_deployment_by_an_army_whose_country_the_article_gives_stays() -> None:
    """A posture act needs armed forces among its parties: 'the army' deploying troops is one,
    even when its country comes from the article rather than the sentence."""
    text = (
        "Somalia's defence ministry said on Monday that the roads would reopen. "
        "The army has also deployed about 600 troops to the corridor, a senior officer said."
    )
    found = [m for m in mentions(text) if m.type == "deployment"]
    assert found and not found[0].dropped, [(m.type, m.dropped) for m in mentions(text)]


QUAKE = "An earthquake struck the island before dawn on Monday, and aftershocks went on all day. "


def test_a_toll_with_no_doer_in_a_disaster_report_is_the_hazards() -> None:
    """In a report on an earthquake, deaths and damage that no one is said to have caused are
    the quake's (type_rules.tsv, frame rows); the reason is recorded."""
    found = mentions(QUAKE + "Three hotels were destroyed and twelve guests were killed.")
    harm = [m for m in found if m.sentence.text.startswith("Three")]
    assert harm and {m.type for m in harm} == {"natural_disaster"}
    assert all(any(f == "type" and "earthquake" in why for f, why in m.inferred) for m in harm)


def test_a_doer_or_a_weapon_keeps_the_act_in_a_disaster_report() -> None:
    found = mentions(QUAKE + "Gunmen killed two guards at the relief depot on Tuesday.")
    assert "attack" in {m.type for m in found if m.sentence.text.startswith("Gunmen")}
    found = mentions(QUAKE + "Two guards were shot dead at the relief depot on Tuesday.")
    assert "attack" in {m.type for m in found if m.sentence.text.startswith("Two")}


def test_without_a_hazard_the_same_toll_stays_an_act() -> None:
    found = mentions("Three hotels were destroyed and twelve guests were killed on Monday.")
    assert "natural_disaster" not in {m.type for m in found}
    assert {"attack", "property_destruction"} & {m.type for m in found}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        (
            "The government paused drilling off the coast after the leases lapsed.",
            "military_exercise",
        ),
        ("The bank's chairman was summoned to parliament on Tuesday.", "summon_ambassador"),
        (
            "The airline accepted full responsibility for the crash on Monday.",
            "claim_responsibility",
        ),
        ("The company began to drill a relief well on Monday.", "military_exercise"),
        ("Lawmakers introduced legislation that would raise the cap.", "legislative_act"),
    ],
)
def test_type_rules_drop_what_the_type_does_not_define(text: str, event_type: str) -> None:
    """Drilling for oil, a summons of someone who is no diplomat and responsibility taken for
    an accident are not the types their words suggest (type_rules.tsv); a bill introduced is
    no law passed (event_cues.tsv)."""
    assert event_type not in {m.type for m in mentions(text)}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("The navy held drills near the offshore platforms on Monday.", "military_exercise"),
        ("The ministry summoned the French ambassador on Monday.", "summon_ambassador"),
        ("Rebels claimed responsibility for the ambush on Monday.", "claim_responsibility"),
    ],
)
def test_type_rules_keep_the_acts_they_define(text: str, event_type: str) -> None:
    assert event_type in {m.type for m in mentions(text) if not m.dropped}


SPILL = "Oil kept pouring from the blowout on Monday, and the spill reached the coast. "


def test_an_explosion_with_no_doer_in_a_report_on_a_spill_is_the_accident() -> None:
    found = mentions(SPILL + "An explosion tore through the platform and eleven men were killed.")
    harm = [m for m in found if m.sentence.text.startswith("An explosion")]
    assert harm and {m.type for m in harm} == {"man_made_disaster"}
    alone = mentions("An explosion tore through the platform and eleven men were killed.")
    assert "man_made_disaster" not in {m.type for m in alone}
    fire = mentions(SPILL + "The blast set the platform on fire and destroyed the crane.")
    assert {m.type for m in fire if m.sentence.text.startswith("The blast")} == {
        "man_made_disaster"
    }


def test_deaths_by_a_disease_are_its_toll_whether_or_not_the_article_reports_it() -> None:
    """'killed by the virus' is another sense of killing (sense_rules.tsv, kill prep:by
    @illness) in any sentence; a report on the epidemic makes the toll the disease's
    (type_rules.tsv frame rows)."""
    from flashpoint.extract.senses import other_sense
    from flashpoint.nlp import load_nlp

    doc = load_nlp()("At least 40 people have been killed by the virus, officials said.")
    killed = next(t for t in doc if t.lemma_ == "kill")
    assert other_sense(killed) == "other_sense: 'killed' prep:by 'virus'"
    found = mentions("At least 40 people have been killed by the virus, officials said.")
    assert {m.type for m in found if not m.dropped} <= {"natural_disaster"}


def test_a_death_toll_in_a_report_on_an_epidemic_is_the_diseases() -> None:
    text = "The flu has spread to ten countries, and doctors fear the virus will mutate. "
    found = mentions(text + "It has killed 81 people in the capital.")
    assert {m.type for m in found if m.sentence.text.startswith("It has")} == {"natural_disaster"}


def test_a_war_report_that_names_a_flood_is_still_a_war_report() -> None:
    """The hazard must be named more often than the means of violence."""
    text = (
        "Floods cut the main road on Monday, and flooding closed the airport. Jets bombed the "
        "rebel camp, artillery shelled the villages and militants attacked an army post. "
    )
    found = mentions(text + "Twelve people were killed in the town.")
    assert "attack" in {m.type for m in found if m.sentence.text.startswith("Twelve")}


def test_an_act_in_an_adjunct_of_time_or_grounds_is_not_the_clauses() -> None:
    """'in the face of protests', 'after the attack' (role_cues.tsv circumstance_word): the
    clause's subject did not do the act, and its verb does not set the act's mode."""
    (protest,) = [
        m
        for m in mentions("The president dismissed the cabinet in the face of protests on Monday.")
        if m.type == "peaceful_protest"
    ]
    assert not protest.dropped and protest.mode == "happened"
    assert protest.actor1 is None or "president" not in protest.actor1.text
    found = mentions("The ministry denied the reports after the attack on the convoy.")
    assert {m.mode for m in found if m.trigger.text == "attack"} == {"happened"}
    # an act 'before' which something is done may be still ahead
    found = mentions("The government plans to cut the phone lines before the march on Friday.")
    march = [m for m in found if m.trigger.text == "march"]
    assert march and "happened" not in {m.mode for m in march}
    assert all(m.actor1 is None or "government" not in m.actor1.text for m in march)


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Police seized two tonnes of cannabis on Monday.", "organized_crime"),
        ("Customs officers seized a shipment of drugs at the port on Monday.", "organized_crime"),
        ("Troops seized the airport on Monday.", "government_regains_territory"),
        (
            "Rebels seized the town and its stocks of opium on Monday.",
            "non_state_overtakes_territory",
        ),
    ],
)
def test_a_seizure_of_drugs_is_action_against_crime_not_ground(text: str, event_type: str) -> None:
    """type_rules.tsv: drugs or contraband seized are no territory taken; a town seized
    with its stocks stays territory."""
    types = {m.type for m in mentions(text) if not m.dropped}
    assert event_type in types
    assert not (event_type == "organized_crime" and types & {"government_regains_territory"})


TERRITORY = {"non_state_overtakes_territory", "government_regains_territory"}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Gunmen seized two engineers near the border on Monday.", "abduction"),
        ("The army freed 18 reporters who had been captured by thugs on Monday.", "abduction"),
        ("Troops captured three suspects in the village on Monday.", "arrest"),
        ("Police seized two gunmen in the market on Monday.", "arrest"),
        ("Rebels captured two soldiers near the base on Monday.", "armed_clash"),
        # a place taken stays territory, with or without people in it
        ("Rebels captured the town of Kobani on Monday.", "non_state_overtakes_territory"),
        (
            "The rebels seized the airport and its guards on Monday.",
            "non_state_overtakes_territory",
        ),
    ],
)
def test_a_taking_of_people_is_no_taking_of_ground(text: str, event_type: str) -> None:
    """type_rules.tsv `patient` rows: people taken by an armed group are abducted, by the
    state's forces arrested, combatants taken are part of a battle; the inferred type says so."""
    found = [m for m in mentions(text) if not m.dropped and m.type == event_type]
    assert found, [(m.type, m.dropped) for m in mentions(text)]
    if event_type not in TERRITORY:
        assert not {m.type for m in mentions(text) if not m.dropped} & TERRITORY
        assert any("takes people" in why for m in found for field, why in m.inferred)


def test_every_type_rule_row_names_a_known_action_type_and_word_list() -> None:
    from flashpoint.datafiles import read_tsv
    from flashpoint.extract.wordlists import word_list
    from flashpoint.ontology import load_ontology

    actions = {"refine", "drop", "agent", "frame", "rival", "patient", "taking_verb"}
    types = set(load_ontology())
    for raw in read_tsv("type_rules.tsv"):
        row = {k: (v or "").strip() for k, v in raw.items()}
        assert row["action"] in actions, row
        assert not row["then_type"] or row["then_type"] in types, row
        named = row["type"].split("|")
        assert row["type"] == "*" or all(t in types for t in named), row
        if row["action"] == "patient":
            assert all(word_list(name) for name in row["when"].split("|")), row


def test_a_date_of_the_standard_of_comparison_does_not_date_the_news() -> None:
    """'in 1998' dates the bombing the attack is measured against, not the attack."""
    attack = next(
        m
        for m in mentions("The attack killed more people than the bombing of the embassy in 1998.")
        if m.type == "attack"
    )
    assert attack.date is None or not attack.date.start.startswith("1998"), attack.date


def test_a_looming_meeting_is_yet_to_be_held() -> None:
    [summit] = [
        m for m in mentions("Activists protested at the looming summit.") if m.type == "meeting"
    ]
    assert summit.mode == "planned"
