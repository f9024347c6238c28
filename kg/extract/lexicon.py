"""Closed word classes of general English the rules key on. No names from any corpus belong here."""

from __future__ import annotations

# Words that head a title or position ("Foreign Minister", "Secretary of State", "Mr.").
# The prepositions that tie a title to what it serves: "the head of X", "the envoy for X", "the
# ambassador to X", "the correspondent in X".
TITLE_PREPS = frozenset({"of", "for", "to", "in", "at"})
TITLE_HEADS = frozenset("""
minister secretary president vice-president president-elect premier chancellor adviser advisor
ambassador envoy spokesperson spokesman spokeswoman director chief chairman chairwoman chair
chairperson governor gov. gov senator sen. congressman congresswoman representative rep. mayor king queen
prince princess emir sheikh sultan pope cardinal archbishop bishop rabbi imam ayatollah pastor
general gen. admiral adm. colonel col. lieutenant lt. major maj. captain capt. commander sergeant
sgt. marshal commissioner coordinator counselor counsellor attorney prosecutor judge justice
speaker leader head ceo cfo coo cto founder co-founder president-designate diplomat consul
mr. mrs. ms. dr. prof. professor sir dame lord lady officer official treasurer comptroller
superintendent inspector chancellor-elect secretary-general undersecretary under-secretary
administrator commandant chairmen ministers secretaries presidents
sheriff alderman councilman councilwoman councillor councilor assemblyman assemblywoman legislator
""".split())

# Roles news writes in lower case before a name ("coach Helena Duarte", "geologist Anna Berg"):
# professions and positions that are no formal title.
ROLE_NOUNS = frozenset("""
coach manager captain striker midfielder goalkeeper defender forward winger referee player
geologist biologist chemist physicist astronomer scientist researcher economist historian
archaeologist paleontologist paleobotanist epidemiologist virologist engineer architect analyst
lawyer attorney judge doctor surgeon nurse teacher author novelist writer poet journalist
photographer filmmaker director producer actor actress singer musician artist designer
founder investor banker entrepreneur executive spokesman spokeswoman spokesperson
activist campaigner candidate lawmaker senator governor mayor diplomat envoy ambassador mediator negotiator
""".split())
# Words for what somebody is: titles and lower-case roles.
ROLE_WORDS = TITLE_HEADS | ROLE_NOUNS

# Title words that only modify a head ("Deputy Prime Minister", "Acting Director").
TITLE_MODIFIERS = frozenset("""
deputy vice acting interim former late foreign prime assistant associate principal senior chief under
first second top special executive general national state defense defence interior finance
""".split())

# Honorifics carry no office: "Mr. Smith" is not an office-holder.
HONORIFICS = frozenset("mr. mrs. ms. dr. prof. sir dame lord lady mr mrs ms dr".split())

# Relation lemma -> closed event class (kg vocabulary); other lemmas stay plain relations.
EVENT_TYPES = {
    **dict.fromkeys("meet engage confer convene host receive welcome gather hold greet".split(), "Meeting"),
    **dict.fromkeys("phone call_with speak dial".split(), "PhoneCall"),
    **dict.fromkeys("visit arrive travel tour fly go head land return".split(), "Visit"),
    **dict.fromkeys("say state add tell announce declare note stress warn claim insist confirm deny "
                    "write tweet reiterate emphasize emphasise affirm reaffirm".split(), "Statement"),
    **dict.fromkeys("urge call_on call_for appeal press demand plead encourage ask".split(), "Appeal"),
    **dict.fromkeys("accuse blame charge allege".split(), "Accusation"),
    **dict.fromkeys("attack strike bomb shell shoot kill invade raid storm fire target hit "
                    "assault ambush".split(), "Attack"),
    **dict.fromkeys("agree sign conclude ratify reach_agreement".split(), "Agreement"),
    **dict.fromkeys("support back endorse aid assist help".split(), "Support"),
    **dict.fromkeys("condemn denounce criticize criticise censure".split(), "Condemnation"),
    **dict.fromkeys("discuss talk address review exchange".split(), "Discussion"),
    **dict.fromkeys("attend join participate".split(), "Attendance"),
}

# Verbs whose objects are topics: every name inside the object phrase is a topic of its own.
TOPIC_VERBS = frozenset("discuss talk address review exchange cover focus debate examine consider "
                        "raise highlight emphasize emphasise stress underscore explore".split())

# Verbs of reported speech: their clausal complement is content, not a separate assertion.
SAY_VERBS = frozenset("say state add tell announce declare note stress warn claim insist confirm "
                      "deny write tweet report reiterate explain argue acknowledge reply respond "
                      "affirm reaffirm".split())

# Verbs that report a finding as a clause ("the study found that X"): what was found is kept as
# text, and it is the finder's account.
FINDING_VERBS = frozenset("find show conclude suggest reveal indicate".split())
# Verbs of undertaking: their infinitive is what was undertaken ("agreed to intensify talks").
COMMITMENT_VERBS = frozenset("agree decide pledge promise vow commit resolve undertake".split())

# Movement verbs: "to/in/into X" names the destination, which is also the object.
MOVE_VERBS = frozenset("visit arrive travel tour fly go head land return come move".split())
DESTINATION_PREPS = frozenset("to in into at for".split())
# Verbs that move what they act on ("sent troops to X") or leave a place ("fled X for Y"): with an
# object, where the movement ends is told apart.
SEND_VERBS = frozenset("send deploy dispatch transfer deport extradite evacuate ship fly airlift".split())
LEAVE_VERBS = frozenset("leave flee depart escape quit".split())
# Verbs of handing something over: "to X" is who received it ("paid $5 million to X").
GIVE_VERBS = frozenset("pay give lend donate grant award hand sell".split())
# Verbs with no passive, or seldom one, which the tagger may still read as a participle after a
# passive ("were killed or died", "was arrested and confessed").
INTRANSITIVE_VERBS = frozenset("die arrive happen occur remain disappear fall rise emerge exist go come "
                               "sleep live vanish confess plead testify resign flee escape return".split())
# Verbs of receiving a guest: whom they receive "for talks" takes part in them.
HOSTING_VERBS = frozenset("host receive welcome invite greet".split())

# Verbs whose event is carried by their complement ("expected to highlight" -> highlight).
LIGHT_VERBS = frozenset("be have do expect plan intend hope aim want seek try set begin start continue "
                        "seem appear need wish prepare go get make take keep use include accord base".split())
# Governing verbs that make their complement planned or hypothetical.
PLANNED_GOVERNORS = frozenset("plan intend aim set schedule prepare decide agree promise vow pledge "
                              "due poised".split())
HYPOTHETICAL_GOVERNORS = frozenset("expect hope want wish seek try may might could would "
                                   "consider propose suggest urge call ask press encourage request "
                                   "demand appeal invite advise likely unlikely able unable ready willing "
                                   "eager keen".split())
# "X was believed / reported / said to have been killed": somebody's account, not the writer's.
REPORTING_GOVERNORS = frozenset("believe report say think allege suspect fear rumor rumour claim presume estimate".split())
PLANNED_AUX = frozenset("will shall 'll wo".split())
HYPOTHETICAL_AUX = frozenset("would could might may should 'd can must".split())

# Symmetric relations: "A and B met" means A met B.
SYMMETRIC = frozenset("meet confer convene talk speak engage negotiate agree discuss exchange".split())

# Nouns that name an event: a place attached to them is where the event happened.
EVENT_NOUNS = frozenset("meeting talks talk summit conference session visit trip tour negotiation "
                        "negotiations dialogue dialog call ceremony forum gathering rally protest "
                        "attack strike sidelines event".split())

# Prepositions whose object is a co-participant or target, not a circumstance.
ARGUMENT_PREPS = frozenset("with to on against about into for from over between of".split())
PLACE_PREPS = frozenset("in at".split())

# Preposition-like verbs that introduce members of a group: "officials including X and Y".
MEMBER_MARKERS = frozenset("including include such like among".split())

PRONOUNS = frozenset("he she him her his hers they them their theirs it its we us our i me you "
                     "who whom which that this these those".split())
PERSONAL_SINGULAR = frozenset("he she him her his".split())
PERSONAL_PLURAL = frozenset("they them their".split())
# Definite references to a pair mentioned before ("the duo", "both ministers").
PAIR_NOUNS = frozenset("duo pair two both sides".split())

# Portfolio words that complete a title after "of" ("Minister of Foreign Affairs").
PORTFOLIO_WORDS = frozenset("""
state affairs foreign defense defence interior justice finance treasury health education commerce
trade energy agriculture labor labour transport transportation economy homeland security culture
environment industry development tourism information communications planning housing veterans
staff army navy police intelligence war public works policy relations operations
""".split())

# Event nouns -> the verb that names their relation ("airstrikes" -> strike). The possessor of a
# noun in VICTIM_NOUNS is its patient ("Hale's killing"); of any other, its agent ("Peru's attack").
EVENT_NOUN_VERBS = {
    **dict.fromkeys("meeting meetings".split(), "meet"),
    **dict.fromkeys("talks summit negotiations negotiation consultations dialogue".split(), "meet"),
    "conference": "confer", "ceremony": "attend", "rally": "rally", "rallies": "rally",
    **dict.fromkeys("visit visits trip trips tour arrival".split(), "visit"),
    "call": "call", "calls": "call", "phone": "call", "conversation": "talk",
    **dict.fromkeys("attack attacks assault offensive raid raids".split(), "attack"),
    **dict.fromkeys("strike strikes airstrike airstrikes air-strike bombardment".split(), "strike"),
    **dict.fromkeys("bombing bombings".split(), "bomb"),
    "shelling": "shell", "shooting": "shoot", "shootings": "shoot", "invasion": "invade",
    "clash": "clash", "clashes": "clash", "ambush": "ambush",
    **dict.fromkeys("killing killings".split(), "kill"),
    "murder": "murder", "assassination": "assassinate", "execution": "execute",
    "death": "die", "deaths": "die",
    "arrest": "arrest", "arrests": "arrest", "detention": "detain", "capture": "capture",
    **dict.fromkeys("protest protests demonstration demonstrations march".split(), "protest"),
    **dict.fromkeys("agreement agreements deal deals accord treaty pact contract contracts".split(), "agree"),
    "condemnation": "condemn", "accusation": "accuse", "support": "support",
    **dict.fromkeys("offer offers".split(), "offer"), **dict.fromkeys("pledge pledges".split(), "pledge"),
}
# Event nouns whose object is what is backed or given, named or not: "support for peace talks",
# "Chile's offer of mediation".
STANCE_VERBS = frozenset("support condemn offer pledge".split())
# Event classes in which parties talk: they discuss topics, form a pair for "the two leaders",
# and share the place and time a lead sentence gives.
TALK_EVENTS = frozenset({"Meeting", "Discussion", "PhoneCall"})
# Event nouns whose class differs from their verb's ("a call" is a phone call, "to call" an appeal).
NOUN_EVENT_TYPES = {"call": "PhoneCall", "calls": "PhoneCall", "phone": "PhoneCall", "conversation": "PhoneCall"}
VICTIM_NOUNS = frozenset("killing killings murder assassination execution death deaths arrest arrests "
                         "detention capture".split())
# Verbs that hand their subject to the event noun they govern: "held talks", "launched an attack".
SUPPORT_VERBS = frozenset("hold have launch carry conduct stage pay make mount begin start attend join "
                          "lead host order plan undertake wage reaffirm reiterate express voice pledge "
                          "offer extend affirm renew declare announce claim continue resume intensify escalate "
                          "step expand".split())
# Verbs by which parties make an agreement: the subject is a party to it ("signed a contract with
# X"), and the verb keeps its own fact ("signed a contract").
AGREEMENT_VERBS = frozenset("sign reach strike conclude clinch seal negotiate broker finalize finalise".split())

# Support verbs by which an actor owns a deed in words only: "X claimed (responsibility for) the attack".
CLAIM_VERBS = frozenset("claim".split())
# Prepositions that introduce the other party or target of an event noun.
NOUN_PATIENT_PREPS = frozenset("with on against to into of for".split())
# Nouns too general to be a topic themselves: the topic is what they are about
# ("discussed ways to deepen cooperation on trade and energy" -> trade, energy).
GENERIC_TOPIC_NOUNS = frozenset("way ways issue issues matter matters effort efforts situation developments "
                                "development importance need needs opportunity opportunities area areas range "
                                "question questions topic topics aspect aspects step steps means prospect "
                                "prospects potential possibility progress status state view views".split())

# Words that put someone in the frame of a deed: "convicted of the murder of", "on trial for the
# assassination of", "suspected of", "sentenced for". Their subject is the deed's alleged agent.
ACCUSATION_HEADS = frozenset("suspect convict charge accuse sentence try trial arrest guilty blame indict "
                             "jail imprison execute hang prosecute confess admit plead".split())
# Accusation frames that settle the deed: a verdict or a confession ("convicted of the murder of Y").
VERDICT_HEADS = frozenset("convict sentence guilty jail imprison execute hang confess admit".split())
# Verbs whose patient is dead when the deed is done: "X killed Y" says that Y died.
DEATH_VERBS = frozenset("kill murder assassinate execute slay behead massacre slaughter lynch strangle".split())
# Verbs of a manner of killing that "dead" completes: "shot dead", "beaten dead".
KILLING_MANNERS = frozenset("shoot gun beat stab hack club stone burn".split())
# Verbs that hand down a penalty: "sentenced to death" names no death that happened.
PENALTY_VERBS = frozenset("sentence condemn doom".split())
# Nouns for a state as a whole: "Zambian authorities arrested ..." is Zambia acting.
STATE_NOUNS = frozenset("authorities government".split())
# Party labels written before a politician's name ("Republican Ana Ruiz"): her affiliation.
PARTY_WORDS = frozenset("republican republicans democrat democratic conservative labour liberal socialist "
                        "communist tory".split())
# Judgements that take their deed as done: "thanked X for hosting", "fined Y for dumping".
SETTLED_JUDGEMENTS = frozenset("praise thank commend credit fine punish penalize penalise sanction".split())

# Gatherings one takes part in by being there: "X spoke during a news conference", "at a rally".
GATHERING_NOUNS = frozenset("meeting meetings talks summit conference ceremony rally rallies session "
                            "forum gathering dinner breakfast lunch reception".split())
# Verbs by which one takes part in a gathering that is their object: "X addressed a rally".
ADDRESS_VERBS = frozenset("address tell brief chair open close preside".split())
# Verbs by which their object, too, was at the gathering they happened at: "asked Y during a meeting".
FACE_TO_FACE_VERBS = frozenset("ask tell greet welcome thank brief meet hug embrace receive introduce".split())
PRESENCE_PREPS = frozenset("during at after following before for in ahead".split())
# Offices of a town, county or state: "Tulsa Mayor X" serves (and lives in) Tulsa.
LOCAL_OFFICES = frozenset("mayor governor sheriff councilman councilwoman councillor councilor alderman "
                          "senator representative assemblyman assemblywoman legislator supervisor".split())
# Verbs by which an event did not take place: "the meeting was cancelled", "called off" (a
# phrasal verb, checked apart). Matched on the word's start: the tagger's lemmas of "cancelled" vary.
CALLED_OFF = ("cancel", "scrap", "abandon", "scuttle", "postpone")
# Last words of an organisation's name: "Chair of the Andean Group" names no person after the title.
BODY_NAME_HEADS = frozenset("group council committee commission organization organisation union bank fund "
                            "agency ministry department court party association alliance forum institute "
                            "university company corporation board authority assembly parliament".split())
# Journeys a clause's subject is on: "X spoke during a visit to Y", "X, on a trip to Y, said".
TRIP_NOUNS = frozenset("visit trip tour stopover".split())
TRIP_PREPS = frozenset("during on".split())

# Events worth a fact of their own when nobody else takes part: "X died", "X was arrested",
# "protesters rallied" -> (X, die), (X, be arrested), (protesters, rally). Other verbs with no
# object ("X said", "X added") are recorded as events only.
UNARY_EVENT_TYPES = frozenset("Meeting PhoneCall Visit Attack Attendance".split())
UNARY_EVENT_VERBS = frozenset("""
die perish drown starve suffocate protest rally march demonstrate riot strike picket resign quit retire
flee escape surrender defect emigrate immigrate migrate evacuate withdraw retreat advance collapse explode
crash erupt sink burn win lose vote campaign testify negotiate
""".split())
PASSIVE_EVENT_VERBS = frozenset("""
kill murder assassinate execute slay shoot stab wound injure hurt arrest detain capture jail imprison
hold abduct kidnap release free rescue elect re-elect appoint nominate name sworn swear sentence
convict charge indict acquit try deport evacuate expel exile bury attack bomb target invade
""".split())
# Past participles that do not end in -ed ("X was struck"), for nominal events told in the passive.
IRREGULAR_PARTICIPLES = {"strike": "struck", "shoot": "shot", "hold": "held", "slay": "slain", "swear": "sworn",
                         "meet": "met", "fight": "fought", "hit": "hit", "lead": "led", "sell": "sold",
                         "take": "taken", "give": "given", "send": "sent", "beat": "beaten", "bring": "brought"}


def participle(verb: str) -> str:
    """The past participle of a regular or listed verb lemma: "arrest" -> "arrested"."""
    if verb in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in set("aeiou"):
        return verb[:-1] + "ied"
    return verb + "ed"


# What strikes, kills and destroys in a disaster report.
DISASTER_NOUNS = frozenset("""
earthquake earthquakes quake quakes aftershock aftershocks storm storms hurricane hurricanes typhoon typhoons
cyclone cyclones tornado tornadoes flood floods flooding wildfire wildfires blaze landslide
landslides mudslide mudslides tsunami avalanche avalanches explosion explosions blast blasts eruption
heatwave drought outbreak epidemic pandemic virus
""".split())
# Weapons and strikes, which hit and kill in war reports ("the strikes hit a market").
ATTACK_NOUNS = frozenset("""
missile missiles rocket rockets shell shells bomb bombs mortar mortars airstrike airstrikes strike strikes
bombardment shelling
""".split())
# What a weapon or strike does in a fact ("missiles hit the convoy", "the rocket was intercepted"):
# attacks and harm, and being launched or stopped. With another verb it makes no fact.
HARM_VERBS = frozenset({verb for verb, kind in EVENT_TYPES.items() if kind == "Attack"}) | frozenset("""
destroy damage wound injure flatten level raze pound demolish devastate cause launch drop intercept
""".split())
# What finds, shows and says in science and polling news.
SOURCE_NOUNS = frozenset("study studies report reports survey surveys poll polls research paper papers".split())

# Common nouns that name people or bodies of people, and the things above that act in news: a fact
# may have one of these as its subject ("police arrested ..."); any other common-noun subject
# ("ways", "leverage") makes no fact.
ACTOR_NOUNS = frozenset("""
warplane warplanes jet jets drone drones aircraft helicopter helicopters gunship gunships warship warships
tank tanks artillery regulator regulators watchdog watchdogs
official officials authority authorities police policeman policemen troops troop force forces soldier
soldiers army military rebel rebels militant militants protester protesters demonstrator demonstrators
fighter fighters insurgent insurgents militia militias militiaman militiamen government governments
minister ministers leader leaders diplomat diplomats lawmaker lawmakers legislator legislators officer
officers resident residents villager villagers worker workers activist activists delegate delegates
delegation delegations negotiator negotiators investigator investigators prosecutor prosecutors judge
judges court voter voters student students doctor doctors witness witnesses gunman gunmen attacker
attackers terrorist terrorists refugee refugees migrant migrants people civilian civilians citizen
citizens member members supporter supporters critic critics analyst analysts expert experts source
sources spokesman spokeswoman spokesperson administration ministry agency company companies firm
firms bank banks parliament congress senate council committee coalition alliance union unions
assembly assemblies legislature legislatures
team teams club clubs player players coach scientist scientists researcher researchers journalist
journalists reporter reporters president prime-minister chancellor king queen regime cabinet
countries country nations nation state states allies ally partners partner side sides group groups
organisation organization organizations organisations party parties opposition campaign campaigners
man men woman women child children boy boys girl girls family families crowd crowds mob mobs youth youths
mother mothers father fathers farmer farmers pilgrim pilgrims passenger passengers patient patients
observer observers monitor monitors survivor survivors victim victims suspect suspects detainee detainees
prisoner prisoners hostage hostages inmate inmates relative relatives neighbour neighbours neighbor neighbors
guard guards peacekeeper peacekeepers marine marines sailor sailors sniper snipers gang gangs kidnapper
kidnappers rescuer rescuers firefighter firefighters paramedic paramedics medic medics envoy envoys mediator
mediators lawyer lawyers defendant defendants employee employees executive executives shareholder
shareholders investor investors
""".split()) | DISASTER_NOUNS | SOURCE_NOUNS | ATTACK_NOUNS

# "the company said": a definite common noun for the last organisation that acted. Company words
# stand for any organisation that is no public body; the others for one whose name holds them.
COMPANY_ANAPHORS = frozenset("company firm carmaker automaker airline carrier lender insurer retailer "
                             "manufacturer startup conglomerate group".split())
BODY_ANAPHORS = COMPANY_ANAPHORS | frozenset("ministry agency commission committee bank university".split())

# The actor nouns that are people, not bodies or machines: who can die, be killed or be held.
PEOPLE_NOUNS = ACTOR_NOUNS - BODY_NAME_HEADS - DISASTER_NOUNS - SOURCE_NOUNS - ATTACK_NOUNS - frozenset("""
warplane warplanes jet jets drone drones aircraft helicopter helicopters gunship gunships warship warships
tank tanks artillery regulator regulators watchdog watchdogs authorities government governments
administration regime cabinet countries country nations nation state states allies ally partners partner
side sides groups organizations organisations parties opposition campaign congress senate coalition
unions assemblies legislature legislatures team teams club clubs companies firm firms banks
""".split())

# Light verb + noun idioms whose meaning is in the pair: "take part in", "take place", "make way".
IDIOM_NOUNS = frozenset("place part way care note action steps step effect hold advantage aim issue "
                        "office power control charge shape root turns".split())
# Nouns a place's name may follow after "of": "the cities of Krakow and Gdansk", "the border town of X".
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "port", "capital",
                         "county", "area", "cities", "towns", "villages", "provinces", "regions", "districts"})
# Verbs whose complement is what the subject says did not happen: "denied targeting civilians".
# Verbs whose complement did not happen: "denied targeting X", "refused to meet X", "failed to stop X".
DENIAL_VERBS = frozenset("deny refute refuse decline fail".split())
# Verbs that hold somebody to a deed ("accused X of Ving", "praised X for Ving"): X did it.
CHARGE_VERBS = frozenset("accuse blame charge convict suspect criticize criticise condemn praise thank commend "
                         "credit fault fine punish penalize penalise sanction sue".split())
# Common nouns a name may follow directly, naming what the noun is: "the Zambian capital Lusaka",
# "the technology company Veldtech", "the rebel group Vanta".
CLASS_NOUNS = PLACE_NOUNS | COMPANY_ANAPHORS | BODY_NAME_HEADS | frozenset(
    "capital organization organisation movement network newspaper militia outfit club team brand".split())
# Places named after people, in lower case after the name: "the President Garcia hotel".
FACILITY_NOUNS = frozenset("""hotel center centre airport street avenue road boulevard square bridge hospital
school university college station stadium arena building hall park library museum memorial
foundation institute prize award highway base""".split())
# Common nouns for one person, whom "he" or "she" may stand for ("a young man ... he shouted").
PERSON_NOUNS = frozenset("""man woman boy girl mother father son daughter wife husband brother sister
child baby teenager resident villager survivor victim witness patient doctor official soldier officer
worker farmer driver passenger student teacher suspect gunman attacker assailant thief robber prisoner
detainee hostage defendant nurse journalist""".split())

# Endings of a company's name: "Acme Plastics Inc. of Denver" is the company, then where it is.
COMPANY_SUFFIXES = frozenset({"inc.", "inc", "corp.", "corp", "co.", "ltd.", "ltd", "llc", "plc", "sa", "s.a.", "ag",
                              "gmbh", "nv", "n.v.", "bv", "spa", "s.p.a.", "lp", "l.p.", "asa", "ab", "oyj", "a/s",
                              "pty", "bhd", "kk", "sarl", "srl"})
# Last words of a company's name that no institution "of" a place ends in ("Bank of America" stays):
# "Orbis Laboratories of Denver".
COMPANY_WORDS = frozenset({"laboratories", "industries", "holdings", "enterprises", "associates", "technologies",
                           "systems", "airlines", "motors", "pharmaceuticals", "international", "brothers"})
COMPANY_NAME_ENDS = COMPANY_SUFFIXES | COMPANY_WORDS
# Last words of a sports club's name ("City" and "Town" are also places').
CLUB_NAME_ENDS = frozenset({"rovers", "united", "fc", "athletic", "wanderers", "rangers", "albion", "hotspur",
                            "sc", "afc", "cf"})
