"""ACLED's event kinds as trigger patterns: each a regular expression over a sentence and the event type and
sub-event type it gives. Built from the word lists of :mod:`.vocabulary`; read by :mod:`.event_types`."""

from __future__ import annotations

from dataclasses import dataclass

from utils.importers.article.vocabulary import (
    BATTLE_NOUNS,
    FIRE_VERBS,
    FORCES,
    IMPACT_VERBS,
    MOVE_VERBS,
    PROJECTILES,
    REMOVE_VERBS,
    SEND_VERBS,
    VICTIMS,
    alternation,
)

__all__ = ["DRONE", "MAIN_TRIGGERS", "OTHER_TRIGGERS", "Trigger", "TriggerMatch"]


@dataclass(frozen=True)
class Trigger:
    """A pattern that names an event, and the ACLED event type and sub-event type it gives."""

    name: str
    pattern: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class TriggerMatch:
    """A trigger found in a sentence at ``start``..``end`` (characters); ``definite``: 'the attack' refers back."""

    trigger: Trigger
    start: int
    end: int
    text: str
    definite: bool
    main: bool
    subject_definite: bool = False
    """The event word's subject is a force already named ('the helicopters landed', 'the troops withdrew')."""


SD, ERV, VAC, BAT = "Strategic developments", "Explosions/Remote violence", "Violence against civilians", "Battles"
_DRONE = r"(?:drones?|UAVs?|unmanned aerial|kamikaze|quadcopters?)"
_FIRED = (rf"\b{alternation(FIRE_VERBS, verbs=True)}\s+(?:[\w-]+\s+){{0,3}}?{alternation(PROJECTILES)}\b"
          rf"|\b{alternation([p for p in PROJECTILES if 'rounds' not in p])}\s+(?:[\w-]+\s+){{0,2}}?"
          rf"{alternation(IMPACT_VERBS, verbs=True)}\b")
_MOVED_OUT = (rf"\b{alternation(MOVE_VERBS, verbs=True)}\s+(?:[\w'-]+\s+){{0,4}}?(?:out\s+of|away\s+from)\b"
              rf"|\b{alternation(REMOVE_VERBS, verbs=True)}\s+(?:[\w'-]+\s+){{0,5}}?from\b")
_SENT = rf"\b{alternation(SEND_VERBS, verbs=True)}\s+(?:[\w'-]+\s+){{0,5}}?{alternation(FORCES)}\b"
_ENEMIES = r"(?:terrorists|militants|fighters|insurgents|gunmen|attackers|infiltrators|members|jihadists|smugglers)"
_ARMED = r"(?:militants|gunmen|jihadists|insurgents|attackers|assailants|fighters|rebels|troops|forces|soldiers)"
_KILLED_PEOPLE = (rf"\bkill(?:ed|ing)\s+(?:at least |more than |nearly |some |about |around )?(?:\d[\d,]*|one|two|three|"
                  rf"four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|scores of)\s+"
                  rf"(?:[\w-]+\s+){{0,2}}?{alternation(VICTIMS)}\b")
# "a convoy was hit by a drone", "the base had been struck by rockets": the passive names the weapon after "by"
_PASSIVE_HIT = (r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+)?(?:hit|struck|targeted|bombed|attacked|pounded)\s+by\s+"
                r"(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?")
_AIR_WEAPONS = r"(?:drones?|UAVs?|air\s*strikes?|airstrikes?|air raids?|warplanes?|jets?|aircraft|helicopters?|planes?|bombers)"
_GROUND_WEAPONS = r"(?:shells?|shelling|mortars?|mortar rounds|rockets?|missiles?|artillery|rocket fire|artillery fire)"
# "its units targeted terrorist positions with artillery and missiles": the weapon as the instrument, after "with"
_HIT_WITH = (r"\b(?:targeted|hit|struck|pounded|attacked|bombarded)\b(?:(?!\b(?:and|but)\s+(?:then\s+)?\w+ed\b)[^.;]){0,70}?"
             r"\bwith\s+(?:[\w-]+\s+){0,2}?")
_BATTLE = rf"\b{alternation(BATTLE_NOUNS)}\b|\b(?:opened|opening|exchanged|exchanging) (?:heavy )?(?:fire|gunfire)\b"

MAIN_TRIGGERS: tuple[Trigger, ...] = (
    # a riot is its own event even when the rioters seize something ("prisoners rioted and took control of a floor")
    Trigger("riot", r"\b(?:rioted|rioting|(?<!anti-)riots?(?!\s+(?:police|gear|squads?|control)))\b", "Riots",
            "Violent demonstration"),
    Trigger("exercise", r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war games)\b", SD, "Military exercise"),
    Trigger("warning", r"\b(?:warned|warning|warns|threatened)\b"
                       r"|\b(?:plan(?:s|ned|ning)?|plott(?:ing|ed)|prepar(?:ing|es|ed)|intend(?:s|ing|ed)?|"
                       r"developing plans)\b[^.;]{0,80}\b(?:attacks?|assault|strikes?|terrorist acts|acts|offensive)\b"
                       r"|\b(?:planned|plans|planning|intends?|intended|threatened) to (?:hunt|strike|attack|target|bomb|"
                       r"hit|destroy|eliminate)\b",
            SD, "Threat warning"),
    Trigger("interception", r"\b(?:intercept(?:ed|ion|ions|ing|s)?|shot down|shoot(?:ing|s)? down|downed|"
                            r"(?:repel(?:led|s|ling)?|repulsed|fended off|fought off)(?=[^.;]{0,40}\b(?:drones?|UAVs?|missiles?|rockets?|"
                            r"projectiles?|aerial))|(?:thwarted|foiled|brought down)(?=[^.;]{0,40}\b(?:drones?|UAVs?|missiles?|rockets?|"
                            r"projectiles?|aerial|aircraft|planes?))|"
                            rf"(?:took|taken|brought) (?:control of|under control)(?=[^.;]{{0,40}}\b{_DRONE})|jammed)\b|"
                            r"\bair[- ]defen[cs]es?\b[^.;]{0,40}\b(?:confront|respond|engag|counter|activat|destroy|"
                            r"neutrali[sz])\w*\b|\b(?:destroyed|neutrali[sz]ed)\s+(?:[\w-]+\s+){0,3}(?:drones?|UAVs?|unmanned "
                            r"aerial vehicles|missiles|rockets)\b|"
                            rf"\b{_DRONE}\b[^.;]{{0,40}}"
                            rf"\b(?:was|were) fired (?:at|upon)\b|\bengag(?:ed|ing) (?:multiple |several )?{_DRONE}|"
                            # "police found and defused a second device", "engineers dismantled two roadside bombs"
                            r"\b(?:defused|defusing|dismantled|disarmed|made\s+safe)\s+(?:[\w-]+\s+){0,3}?(?:devices?|bombs?|"
                            r"IEDs?|explosives?|(?:land)?mines|car\s+bombs?|booby[- ]traps?|explosive\s+belts?)\b",
            SD, "Disrupted weapons use"),
    Trigger("chemical", r"\bchemical(?:\s+weapons?)?\s+(?:attacks?|strikes?)\b|\b(?:rockets?|shells?|bombs?|barrels?|"
                        r"munitions?|missiles?)\s+(?:carrying|loaded with|filled with|containing)\s+(?:sarin|chlorine|"
                        r"mustard|toxic|poison|nerve)\b|\b(?:sarin|chlorine|mustard)\s+(?:gas\s+)?"
                        r"(?:attacks?|strikes?|bombs?|barrels?)\b|\b(?:poison|toxic|nerve)?\s*gas attacks?\b", ERV, "Chemical weapon"),
    # Syrian and Iranian state media: "an air aggression", "the Israeli aggression", "launched an aggression on
    # several sites" are air strikes (a ground "Turkish aggression" is not named here)
    Trigger("airstrike", r"\b(?:(?:air|aerial|missile|(?-i:Israeli|Zionist))\s+aggressions?|(?:launched|carried\s+out|"
                         r"committed)\s+(?:a\s+new\s+|an\s+)(?:air\s+|aerial\s+|missile\s+)?aggression|"
                         r"air\s*strikes?|airstrikes?|air raids?|drone strikes?|barrel[- ]bombs?|barrel[- ]bombing|"
                         r"dropp(?:ed|ing)\s+(?:[\w-]+\s+){0,2}?bombs|(?:air|aerial|drone) attacks?|"
                         r"(?:air|drone)\s+and\s+(?:artillery|missile|rocket)\s+strikes|"
                         r"(?:jets?|aircraft|warplanes?|helicopters?|drones?)\b[^.;]{0,40}\b(?:fired|opened fire)\s+(?:on|at|upon)|"
                         r"(?:jets?|aircraft|warplanes?|helicopters?|bombers|F-\d+s?)\s+(?:had\s+|have\s+|has\s+)?"
                         r"(?:fired|launched)\s+(?:[\w-]+\s+){0,4}?(?:missiles?|rockets?|bombs?)\b|"
                         # "Israeli aircraft flying over north-west Lebanon fired missiles at": the aircraft, then
                         # where they flew, then what they fired
                         r"(?:jets|aircraft|warplanes|helicopters|F-\d+s)\s+(?:flying|operating|flown)\b[^.;]{0,50}?\b"
                         r"(?:fired|launched|dropped)\s+(?:[\w-]+\s+){0,3}?(?:missiles?|rockets?|bombs?)\b|"
                         r"(?:jets?|aircraft|warplanes?|helicopters?)\b[^.;]{0,40}\b(?:taking|took|take|takes)\s+part\s+in\b"
                         r"[^.;]{0,20}\b(?:raids?|strikes?|bombing|bombardment|attacks?)|(?:air|aerial|bombing)\s+campaigns?|bombed|bombing|bombings|"
                         r"bombard(?:ed|ment)|(?:(?-i:Israeli|Russian|Turkish|Jordanian)|US|US-led|coalition|American)\s+"
                         r"(?:air\s+)?strikes?|(?:jets?|aircraft|warplanes?|planes?|helicopters?|drones?|Aerospace Forces)"
                         r"\b(?:(?!\b(?:were|was|been|are|is|being)\b)[^.;]){0,50}\b(?:struck|hit|pounded|targeted|destroyed|"
                         r"attacked|raided|killed|bombed)|(?:jets?|aircraft|warplanes?|helicopters?|drones?)\b[^.;]{0,40}"
                         r"\b(?:carried out|conducted|launched|made|flew)\b[^.;]{0,30}\b(?:strikes?|raids?|sorties|attacks?))\b"
                         rf"|{_PASSIVE_HIT}{_AIR_WEAPONS}\b|{_HIT_WITH}{_AIR_WEAPONS}\b",
            ERV, "Air/drone strike"),
    Trigger("shelling", r"\b(?:shell(?:ed|ing|s)?|mortars?|artillery (?:fire|strikes?|shells?)|rocket (?:fire|attacks?)|"
                        r"fired rockets|rockets (?:were )?fired|missile (?:strikes?|attacks?)|multiple launch rocket)\b"
                        rf"|{_FIRED}|{_PASSIVE_HIT}{_GROUND_WEAPONS}\b|{_HIT_WITH}{_GROUND_WEAPONS}\b",
            ERV, "Shelling/artillery/missile attack"),
    # a bomber on foot or in a car: "a suicide bomber", "the bomber", "an explosive vest", "blew himself up"; aircraft
    # ("B-1 bombers", "the bombers") stay air strikes
    Trigger("suicide", r"\bsuicide (?:bomb(?:er|ers|ing|ings)?|attacks?|car|vests?|belts?|truck|operations?)\b|"
                       r"\b(?:the|a|an)\s+(?:lone\s+|would-be\s+)?bomber\b(?!\s+(?:jets?|aircraft|planes?))|"
                       r"\b(?:explosives?|suicide|bomb)\s+(?:vests?|belts?)\b|\bblew\s+(?:himself|herself|themselves)\s+up\b|"
                       r"\bmartyrdom[- ](?:seekers?|operations?|attacks?)\b|\bself-detonat\w*|"
                       # "a fighter drove a car bomb into an army gathering", "rammed a truck packed with explosives"
                       r"\b(?:drove|driven|driving|rammed|ramming)\s+(?:a|an|his|the|two)\s+(?:[\w-]+\s+)?(?:car|truck|"
                       r"vehicle|lorry)[- ]bombs?\s+(?:into|at|towards)\b|\b(?:drove|driven|rammed|ramming)\s+(?:a|an|his|the)\s+"
                       r"(?:[\w-]+\s+)?(?:car|truck|vehicle|lorry)\s+(?:packed|laden|loaded|rigged)\s+with\s+explosives\b|"
                       # a bomb its bearer sets off and that kills him: "set off a bomb ... that killed him and his family"
                       r"\b(?:set\s+off|detonated|triggered|exploded)\s+(?:a|an|his|her|the)\s+(?:[\w-]+\s+)?(?:bomb|explosives?|"
                       r"vest|belt|device)\b[^.;]{0,60}?\bkill(?:ed|ing)\s+(?:him|her|himself|herself|themselves)\b",
            ERV, "Suicide bomb"),
    Trigger("bomb", r"\b(?:roadside bombs?|IEDs?|improvised explosive|car bombs?|landmines?|explosive devices?|"
                    r"(?:hit|struck|stepped on|triggered|detonated)\s+an?\s+(?:land\s*)?mine|mine (?:blast|explosion)s?|"
                    r"booby[- ]trap(?:ped|s)?|sticky bombs?)\b",
            ERV, "Remote explosive/landmine/IED"),
    Trigger("drone attack", rf"\b(?:sent|launched|flew|fired)\s+(?:armed\s+|explosive\s+)?{_DRONE}\s+(?:against|at|towards)\b"
                            rf"|\b{_DRONE}\s+(?:attacks?|assaults?)\b|\battack(?:s|ed)?\b[^.;]{{0,60}}\b{_DRONE}\b"
                            rf"|\b{_DRONE}\b[^.;]{{0,40}}\battack(?:s|ed|ing)?\b", ERV, "Air/drone strike"),
    Trigger("clash", rf"\b(?:clash(?:ed|es)?|firefights?|gunfights?|ambush(?:ed)?|heavy fighting)\b|{_BATTLE}"
                     r"|\b(?:repel(?:led|s|ling)?|repulsed|fended off|fought off|beat back|beaten back)\s+(?:an?\s+|the\s+)?"
                     r"(?:(?!drones?\b|UAVs?\b|missiles?\b|rockets?\b)[\w-]+\s+){0,2}?(?:attacks?|assaults?|offensive|advances?|"
                     r"incursions?)\b"
                     r"(?![^.;]{0,30}\b(?:drones?|UAVs?|missiles?|rockets?))"
                     r"|\bfighting\s+(?:between|broke out|erupted|raged|continued|intensified)\b|\bbattles?\s+(?:for|over|"
                     r"between|with)\b|\bfought\b"
                     # a ground raid flown in: "the commandos landed by helicopter beside the house", "a heliborne raid"
                     r"|\b(?:commandos|special\s+forces|troops|soldiers|paratroopers|operators)\s+(?:were\s+)?(?:landed|landing|"
                     r"dropped|flown\s+in)\s+(?:by|from|in|aboard)\s+helicopters?\b|\bheli(?:copter-)?borne\s+(?:raid|assault|"
                     r"landing|operation)s?\b"
                     rf"|\b{_ARMED}\b[^.;]{{0,30}}\bkill(?:ed|ing)\b"
                     # "18 terrorists who tried to infiltrate ... were neutralised": killed, wounded or captured in a
                     # fight (a running total, 'has neutralised 2,000 militants this year', is no event)
                     rf"|(?:\bneutrali[sz](?:ed|ing)\s+(?:[\w\"“”'/-]+\s+){{0,3}}?{_ENEMIES}|\b{_ENEMIES}[\"”']?\s+[^.;]{{0,100}}?"
                     r"\b(?:were|was|had been|have been|has been)\s+[\"“']?neutrali[sz]ed)\b"
                     r"(?![^.;]*\b(?:this year|so far|since|in total|to date)\b)", BAT,
            "Armed clash"),
    Trigger("overflight", r"\b(?:flew|flown|flying|flights?)\s+over\b|\boverflights?\b|\bharass(?:ed|ing|ment)\b|"
                          r"\b(?:flew|flying|came)\s+(?:dangerously\s+|within\s+\S+\s+\S+\s+)?close\s+to\b|"
                          r"\bunsafe\s+(?:and\s+unprofessional\s+)?(?:intercepts?|manoeuvres?|maneuvers?|encounters?)\b|"
                          r"\bdropp(?:ed|ing)\s+(?:parachute\s+)?flares\b|\bviolat(?:ed|ing|ions?)\s+(?:of\s+)?"
                          r"(?:the\s+)?(?:deconfliction|airspace|rules|protocols)\b", SD, "Other"),
    Trigger("blasts", r"\b(?:explosions?|blasts?|detonations?)\b", ERV, "Remote explosive/landmine/IED"),
    Trigger("attack", r"\b(?:came|come|comes|coming) under (?:heavy )?(?:fire|attack|shelling)\b|\b(?:attack(?:s|ed)?|assault(?:s|ed)?|raided|raids?\s+(?:on|against|in|into)|(?<!air )raids?|(?<!were )(?<!was )(?<!been )destroyed)\b",
            BAT, "Armed clash"),
    Trigger("strike", r"\b(?:strikes?|struck|striking)\b", ERV, "Air/drone strike"),
)
"""Main triggers, strongest first: a clause gives one event, of the first that matches."""

OTHER_TRIGGERS: tuple[Trigger, ...] = (
    # people protesting: "hundreds of residents protested for days in the town", "demonstrators took to the streets"
    Trigger("protest", r"\b(?:people|residents|hundreds|thousands|dozens|villagers|protesters|demonstrators|students|women|"
                       r"families|locals|crowds?)\b[^.;]{0,30}\b(?:protested|demonstrated|rallied|marched|took\s+to\s+the\s+"
                       r"streets|staged\s+(?:a\s+)?(?:protests?|demonstrations?|sit-ins?))\b", "Protests", "Peaceful protest"),
    # one person shot or gunned down by name or standing: "gunmen shot dead a tribal notable", "assassinated the mayor"
    Trigger("targeted killing", r"\b(?:shot\s+dead|gunned\s+down|assassinated|shot\s+and\s+killed)\s+(?:a|an|the)\s+"
                                r"(?:[\w-]+\s+){0,3}?(?:notable|sheikh|elder|activist|journalist|official|mayor|judge|"
                                r"doctor|teacher|imam|preacher|dignitary|figure|mukhtar)\b", VAC, "Attack"),
    # a person detained by name: "the SDF detained Ahmad al-Khabil", "police arrested Omar Hassan at his home"
    Trigger("arrest of a person", r"\b(?:arrested|detained|apprehended|abducted|kidnapped)\s+(?-i:[A-Z][\w'-]+\s+"
                                  r"(?:(?:al|el|bin|ibn|abu)[- ])?[A-Z][\w'-]+)", SD, "Arrests"),
    Trigger("agreement", r"\b(?:signed|cancel(?:l?ed|s)|revoked|terminated|suspended|renewed|extended)\b[^.;]{0,60}"
                         r"\b(?:contract|agreement|deal|lease|accord|memorandum)\b|\b(?:contract|agreement|deal|lease|"
                         r"accord)\b[^.;]{0,50}\b(?:was|were|has been|had been)\s+(?:signed|cancel(?:l?ed)|revoked|"
                         r"terminated)\b", SD, "Agreement"),
    Trigger("killings", r"\b(?:crackdown|massacres?|killings|mass killings|executions|wave of killings)\b"
                        rf"|\b(?:summarily\s+)?(?:executed|massacred|murdered|slaughtered|shot dead|executions? of)\b"
                        rf"[^.;]{{0,40}}\b{alternation(VICTIMS)}\b"
                        r"|\bkill(?:ed|ing)\s+(?:the\s+|whole\s+|entire\s+)(?:families|villagers|residents)\b"
                        r"|\b(?:civilians|victims|families)\b[^.;]{0,40}\b(?:were|was|been) killed\b|\bkill(?:ed|ing) (?:more than |at least |"
                        r"nearly )?[\d,]+ civilians\b"
                        rf"|{_KILLED_PEOPLE}", VAC, "Attack"),
    Trigger("displacement", r"\b(?:families|residents|civilians|people|thousands|hundreds|villagers)\b[^.;]{0,40}\bfled\b|"
                            r"\b(?:families|residents|civilians|women|children|villagers)\b[^.;]{0,30}\b(?:were|have been|"
                            r"had been)\s+evacuated\b|"
                            r"\b(?:displaced|displacement|taking refuge|took refuge|sought refuge|sheltering|"
                            r"sheltered|fled (?:their|the) (?:homes|town|city|area|villages?))\b", SD, "Displacement"),
    Trigger("territory", r"\b(?:entered|entering)\b[^.;]{0,40}\b(?:towns?|villages?|areas?|positions|city|cities|airport|"
                         r"neighbou?rhoods?|districts?|quarters?|suburbs?|outskirts|"
                         r"air ?base|airfield|barracks|base)\b|"
                         r"\bexpanded (?:their|its) control\b|\bhanded over\b|\btook over\b|\b(?:entered|entering|moved "
                         r"into|rolled into|marched into)\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?(?-i:[A-Z])"
                         r"(?![\w'-]*\s+(?:airspace|air space|waters|territorial)\b)", SD,
            "Non-violent transfer of territory"),
    Trigger("capture", r"\b(?:captured|seized|overran|stormed|(?:took|taken|seized|gained|wrested|assumed)\s+"
                       r"(?:(?:full|complete|total|effective|firm)\s+)?control\s+of)\b|"
                       # "Islamic State took it from rebel groups": a place taken, named before
                       r"\b(?:took|taken|wrested|seized|grabbed|snatched)\s+(?:it|them)\s+from\b|"
                       # "the factions took it back in a night attack", "troops had entered it on 8 May": the place
                       # named before, taken by pronoun
                       r"\b(?:took|taken|retook|seized|won)\s+(?:it|them)\s+back\b(?!\s+(?:to|home|with)\b)|\b(?:had\s+|have\s+|has\s+)?entered\s+it\b|"
                       # "Qalaat al-Madiq, taken by government forces on 9 May": the passive names the taker
                       r"\b(?:taken|captured|seized|overrun|stormed)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:forces|troops|army|"
                       r"rebels|insurgents|militants|jihadists|fighters|factions|(?-i:IS|ISIS|HTS|SDF|SNA)|Islamic State)\b|"
                       # "the fall of the X airbase", "announced the conquest of the X airport": ground taken, as a noun
                       r"\b(?:fall|conquest|capture|seizure|takeover)\s+of\s+(?:the\s+)?(?:(?:city|town|village)\s+of\s+)?"
                       r"(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?(?-i:[A-Z])|"
                       # "Manbij, which the SDF took from Islamic State in 2016": the object fronted as 'which'
                       r"\b(?:which|that)\s+(?:the\s+)?(?:[\w'-]+\s+){1,4}?(?:had\s+)?(?:took|taken|captured|seized|wrested|"
                       r"retook|recaptured)\s+from\b|"
                       r"\b(?:fell|had fallen|has fallen)\s+to\s+(?:the\s+)?(?:rebels|insurgents|opposition|militants|government|"
                       r"regime|jihadists|army|troops|forces|Islamic State|HTS|SDF)\b|"
                       r"\b(?:took|taken)\s+(?:control\s+of\s+)?(?:the\s+(?:city|town|"
                       r"village)\s+of\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?(?-i:[A-Z])|"
                       # "took the hill of the old castle", "captured the strategic heights": ground named by its kind
                       r"\b(?:took|taken|captured|seized)\s+(?:the|a|two|three|several)\s+(?:[\w-]+\s+)?(?:hills?|heights|ridges?|"
                       r"summit|peaks?|mountain|castle|citadel|villages|neighbou?rhoods?|districts?|outskirts|suburbs?|"
                       r"crossing|airbase|air base|airport|airfield)\b(?!\s+road)|"
                       # "took the Brigade 93 base at Ain Issa": a base named by its unit
                       r"\b(?:took|taken|captured|seized|overran)\s+the\s+(?-i:[A-Z])[\w-]*\s+(?:\d+\s+|[\w-]+\s+)?"
                       r"(?:base|barracks|garrison)\b|"
                       # "drove Islamic State fighters out of the town", "Jarablus had been 'cleared of Daesh'"
                       r"\b(?:drove|driven|drive|drives|driving|pushed|chased|expelled|ousted|ejected|flushed|kicked)\s+"
                       r"(?:[\w'’-]+\s+){0,4}?(?:fighters|militants|jihadists|forces|troops|rebels|insurgents|army|"
                       r"(?-i:IS|ISIS|ISIL|Daesh|HTS|SDF|YPG)|Islamic State|them)\s+(?:out\s+of|from|out\b(?!\s+(?:to|for)\b))|"
                       # "the city had slipped from the government's hands": ground lost, the taker named beside
                       r"\b(?:slipped|fell|passed)\s+(?:out\s+of|from)\s+(?:the\s+)?(?:government|regime|army|rebels|"
                       r"opposition)['’]?s?\s+(?:hands|control)\b|"
                       # "the SDF liberated Raqqa", "freed the town of X", "the operation to free the city had been
                       # completed": liberation is ground taken, by whoever the subject is
                       r"\b(?:liberated|freed|liberating|freeing)\s+(?:the\s+(?:city|town|village)\s+of\s+)?(?-i:[A-Z])|"
                       r"\b(?:operation|offensive|battle|campaign)\s+to\s+(?:free|liberate|retake|recapture|take)\s+"
                       r"(?:[\w'-]+\s+){1,4}?(?:had\s+been\s+|has\s+been\s+|was\s+|is\s+)(?:completed|complete|concluded|"
                       r"successfully\s+completed)\b|"
                       r"\b(?:was|were|had been|has been|have been|being)\s+[\"“']?(?:cleared|purged|freed|liberated)\s+of\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+)?(?:terrorists|militants|jihadists|fighters|rebels|insurgents|gunmen|(?-i:IS|ISIS|Daesh))\b",
            BAT,
            "Non-state actor overtakes territory"),
    Trigger("arrest", r"\b(?:arrested|detained|captured|apprehended|abducted|kidnapped)\s+(?:[\w\"'-]+\s+){0,4}?"
                      r"(?:members?|suspects?|officials?|leaders?|commanders?|fighters|militants|soldiers|men|people|"
                      r"civilians|individuals|persons)\b|\b(?:members?|suspects?|official|leader|commander|fighters|"
                      r"militants|soldiers|men|people)\b[^.;]{0,20}\b(?:was|were|had been|have been|has been)\s+"
                      r"(?:arrested|detained|captured|apprehended|abducted)\b", SD, "Arrests"),
    Trigger("recapture", r"\b(?:recaptured|retook|retaken|regained(?:\s+control\s+of)?|recovered\s+control\s+of|won\s+back)\b"
                         # state media's idiom: 'the army "completely restored security" to Saraqib', 'restored control over'
                         r"|\brestor(?:ed|ing)\s+[\"“']?(?:[\w-]+\s+)?(?:security|stability|control|state authority|calm)"
                         r"(?:\s+and\s+(?:security|stability|calm|order))?[\"”']?\s+(?:to|in|over|of)\b"
                         # "columns reached the base, ending a siege", "the siege was broken": the besieged relieved
                         r"|\b(?:broke|broken|breaking|ended|ending|lifted|lifting)\s+(?:the\s+|a\s+|its\s+)?"
                         r"(?:[\w-]+\s+)?siege\b|\bsiege\s+(?:is|was|has been|had been)\s+(?:broken|lifted)\b",
            BAT, "Government regains territory"),
    Trigger("withdrawal", r"\b(?:withdr(?:ew|awn|awal|awing|aws)|retreat(?:ed|ing|s)?|pull(?:ed|ing|s)?\s+(?:\w+\s+){0,3}?"
                          r"(?:back|out)|evacuated|left (?:the|its|their) (?:[\w-]+\s+){0,2}?(?:base|positions?|area|port|harbou?r|facility|airfield|airport))\b"
                          rf"|{_MOVED_OUT}|\b(?:left|departed(?:\s+from)?|abandoned|vacated|sailed\s+from)\s+(?=(?:the\s+)?"
                          r"(?-i:[A-Z])|(?:the|its|their)\s+(?:base|port|airport|garrison|positions?)\b)", SD,
            "Change to group/activity"),
    Trigger("deployment", rf"{_SENT}|"
                          r"\b(?:was|were|been|being)\s+(?:\w+\s+)?(?:deployed|sent|dispatched|redeployed|moved|flown|"
                          r"transferred)\s+(?:to|into|in|at)\b|\b(?:has |have |had )?(?:first |also |reportedly |quietly )?(?:deployed|sent|dispatched|"
                          r"redeployed)\s+(?:its|their|two|three|four|\d+|troops|forces|fighter|jets|armed|"
                          r"additional|more|reinforcements|warships|aircraft|equipment)\b|\bconvoys?\b|"
                          r"\b(?:joint )?patrols?\b|\bpatroll(?:ed|ing)\b|\breinforcements\b|\bmoved (?:troops|forces|equipment)\b|"
                          # "a few hundred government troops had deployed on the front line": the intransitive verb
                          r"\b(?:troops|forces|soldiers|units|fighters|police)\s+(?:had\s+|have\s+|has\s+)?(?:re)?deployed\s+"
                          r"(?:on|to|in|at|along|into|near|around)\b|"
                          r"\b(?:landed|arrived|docked|sailed|flew)\s+(?:in\s+)?(?:at|in|into)\b|\b(?:air\s+)?deployment\s+"
                          r"(?:of|to)\b|\b(?:took|taken|taking|takes) off from\b|\breinforc(?:ed|ing)\s+(?:its|their|the)\b|"
                          r"\b(?:cargo|transport|supply|landing)\s+(?:ships?|planes?|aircraft|vessels?)\b|"
                          r"\b(?:being loaded|being flown|flown (?:to|out|in)|airlift(?:ed|ing)?|being taken apart|"
                          r"dismantl(?:ed|ing))\b(?!\s+(?:[\w-]+\s+){0,3}?(?:devices?|bombs?|IEDs?|explosives?|mines))",
            SD, "Deployment"),
    Trigger("mobilisation", r"\bmobili[sz](?:ation|ed|ing)\b|\bbuild-?up\b", SD, "Change to group/activity"),
    Trigger("base", r"\b(?:established|set up|opened|built)\b[^.;]{0,30}\b(?:base|posts?|outposts?|checkpoints?|headquarters|camp|"
                    r"military positions?)\b|\bestablishment\b|"
                    r"\bsince\s+(?:19|20)\d{2}\b[^.;]{0,60}\b(?:air grouping|based|stationed|headquartered)\b|"
                    r"\b(?:air grouping|based|stationed|headquartered|flown|operated|kept|maintained|used)\b[^.;]{0,60}"
                    r"\bsince\s+(?:\w+\s+)?(?:19|20)\d{2}\b|\b(?:garrison|base|facility|airbase|outpost)\b[^.;]{0,30}"
                    r"\b(?:was|were)\s+(?:set up|established|built|opened)\b",
            SD, "Headquarters or base established"),
    Trigger("massing", r"\b(?:assembled|amassed|massing|gathered|concentrat(?:ed|ing))\b[^.;]{0,40}\b"
                       rf"(?:{_DRONE}|fighters|forces|militants)\b|\b{_DRONE}\b[^.;]{{0,40}}\b(?:have been |were |been )?"
                       r"(?:assembled|amassed)\b", SD, "Other"),
)
"""Triggers that can stand beside a main one in the same sentence."""
DRONE = _DRONE
