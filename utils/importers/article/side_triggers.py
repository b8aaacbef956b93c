"""The triggers that can stand beside a main one in the same sentence (:data:`OTHER_TRIGGERS`): protests, one
person shot or arrested, agreements, civilians killed, people displaced, ground changing hands (captured,
recaptured, entered), forces withdrawn, deployed, mobilised or massing, bases set up. The main triggers and the
trigger's shape are in :mod:`.triggers`; read by :mod:`.event_types`."""

from __future__ import annotations

from utils.importers.article.present_tense import ADVANCE_ON, ENTER_NOW, FLEE_NOW, STORM_NOW
from utils.importers.article.triggers import BAT, DRONE, SD, VAC, Trigger
from utils.importers.article.vocabulary import FORCES, MOVE_VERBS, REMOVE_VERBS, SEND_VERBS, VICTIMS, alternation

__all__ = ["OTHER_TRIGGERS"]

# "rescuers pulled the bodies of patients from the ward", "moved the wounded out of the basement": people carried
# out, not a force withdrawn
_CARRIED = r"(?!(?:[\w'-]+\s+){0,2}?(?:bodies|body|corpses|survivors|wounded|injured|victims|dead|casualties|children)\b)"
_MOVED_OUT = (rf"\b{alternation(MOVE_VERBS, verbs=True)}\s+{_CARRIED}(?:[\w'-]+\s+){{0,4}}?(?:out\s+of|away\s+from)\b"
              rf"|\b{alternation(REMOVE_VERBS, verbs=True)}\s+{_CARRIED}(?:[\w'-]+\s+){{0,5}}?from\b"
              # "the UN force moved most of its troops from the Syrian side": the bulk of a force moved away
              rf"|\b(?:moved|moves|moving)\s+(?:most|all|the\s+bulk|much|half|part)\s+of\s+(?:its|their|the)\s+(?:[\w-]+\s+)?"
              rf"{alternation(FORCES)}\s+from\b")
_SENT = rf"\b{alternation(SEND_VERBS, verbs=True)}\s+(?:[\w'-]+\s+){{0,5}}?{alternation(FORCES)}\b"
_KILLED_PEOPLE = (rf"\bkill(?:ed|ing)\s+(?:at least |more than |nearly |some |about |around )?(?:\d[\d,]*|one|two|three|"
                  rf"four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens of|scores of)\s+"
                  rf"(?:[\w-]+\s+){{0,2}}?{alternation(VICTIMS)}\b")
# "108 people were killed in the village", "dozens of villagers had been massacred": a count of the dead with no
# attacker named is violence against civilians (beside a named strike or shelling, that act is the event); a
# running total ("10,000 people have been killed since March 2011") is none
_PEOPLE_KILLED = (r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens|scores|"
                  rf"hundreds)\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}?(?:{alternation(VICTIMS)}|protesters|demonstrators|mourners|marchers)\b"
                  r"[^.;]{0,40}?\b(?:were|had been|are)\s+"
                  r"(?:\w+\s+)?(?:killed|massacred|slaughtered|murdered|shot\s+dead|gunned\s+down)\b(?![^.;]{0,40}\b(?:since|so far|to date|in total|"
                  r"this year|in all)\b)"
                  # "a Syrian woman was shot dead on Sunday", "a boy was killed by sniper fire": one person, in the passive
                  r"|\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|boy|girl|child|teenager|civilian|farmer|shepherd|student|"
                  r"pensioner|mother|father)\s+(?:was|had\s+been)\s+(?:shot\s+dead|shot\s+and\s+killed|killed|gunned\s+down|"
                  r"stabbed\s+to\s+death)\b(?![^.;]{0,30}\b(?:accident|crash|earthquake|collapse|illness)\b)")

# "By the morning they held most of the town", "by Tuesday the tribes controlled Dhiban": ground held by a time
# is ground taken (a standing hold, 'the SDF, which controls the city', has no such time)
_HELD_BY = (r"\bby\s+(?:the\s+)?(?:next\s+|following\s+)?(?:morning|evening|afternoon|night|nightfall|noon|midday|dawn|dusk|"
            r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|end\s+of\s+the\s+day)\b[^.;]{0,60}?\b(?:controlled|held|"
            r"(?:were|was)\s+in\s+(?:full\s+)?control\s+of|had\s+(?:full\s+)?control\s+of)\s+(?:(?:most|all|much|part|parts|"
            r"the\s+whole)\s+of\s+)?(?:the\s+)?(?:town|city|village|centre|center|(?-i:[A-Z]))")
# "some 9,000 Syrians have crossed into Turkey", "families streamed across the border into Lebanon": people leaving
_CROSSED_OUT = (r"\b(?:\d[\d,]*|thousands|hundreds|dozens|families|refugees|Syrians|civilians|people|residents)\b[^.;]{0,40}?"
                r"\b(?:crossed|crossing|streamed|poured|fled)\s+(?:(?:over\s+|across\s+)?the\s+border\s+)?(?:into|to)\s+"
                r"(?-i:Turkey|Lebanon|Jordan|Iraq)\b")
# "a huge crowd filled the main square", "tens of thousands of protesters packed the square", "demonstrations were
# held in ten towns": a protest told by its crowd or its being held (troops gathered are massing, not this)
_CROWD_FILLED = (r"\b(?:crowds?|(?:hundreds|tens)\s+of\s+thousands|protesters|demonstrators|mourners|marchers)\b(?:\s+[\w'’-]+)"
                 r"{0,6}?\s+(?:filled|packed|thronged|flooded|crammed)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:squares?|streets?|"
                 r"roads?|centre|center|mosques?)\b|\b(?:demonstrations|protests|rallies)\s+(?:were\s+held|took\s+place|"
                 r"continued|broke\s+out|spread)\b")
# "dozens of residents gathered at the square to protest against the checkpoint": a protest told by its purpose
_GATHERED_TO_PROTEST = (r"\b(?:gathered|assembled|massed|came\s+out)\b[^.;]{0,60}?\bto\s+(?:protest|demonstrate|denounce|"
                        r"condemn)\b")
# "security men broke up a Friday demonstration", "police dispersed the protesters with tear gas"
_BROKE_UP = (r"\b(?:broke|broken|breaking|break)\s+up\s+(?:a|an|the|their)\s+(?:[\w-]+\s+){0,2}?(?:demonstrations?|protests?|"
             r"rall(?:y|ies)|sit-ins?|marches|march|gatherings?)\b|\b(?:dispersed|dispersing|disperse)\s+(?:a|an|the|their)?\s*"
             r"(?:[\w-]+\s+){0,2}?(?:demonstrat(?:ors|ions?)|protest(?:ers|s)?|rall(?:y|ies)|crowds?|marchers|sit-ins?)\b")
# "the evacuation of about 1,400 civilians from the old city", "evacuated some 300 families from the camp": people
# moved out of a place (an evacuation deal agreed is building.py's agreement; troops evacuated are a withdrawal)
_EVACUATION_OF = (r"\b(?:evacuations?\s+of|evacuated|evacuating)\s+(?:about\s+|some\s+|at\s+least\s+|more\s+than\s+|nearly\s+|"
                  r"around\s+|over\s+)?(?:\d[\d,]*|hundreds\s+of|thousands\s+of|dozens\s+of|scores\s+of)\s+(?:[\w-]+\s+){0,2}?"
                  r"(?:civilians|people|residents|families|villagers|women|children|patients|wounded)\b")
# "rebel factions broke through the army's lines at the academies": a front broken is ground taken
_BROKE_THROUGH = (r"\b(?:broke|broken|breaking|burst|smashed)\s+through\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:lines|defen[cs]es|"
                  r"front(?:\s+lines?)?|positions|cordon|siege\s+lines)\b")

# "The city of Damascus is liberated", "Saraqib has been liberated": a place (by name, or 'the town of X') freed
_PLACE_FREED = (r"(?:\b(?:the\s+)?(?:city|town|village)\s+of\s+|(?<![\w'’-])(?=(?-i:[A-Z])))(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?"
                r"(?-i:[A-Z])[\w'’-]+(?:\s+(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?(?-i:[A-Z])[\w'’-]+){0,2}\s+(?:is|has\s+been|was|"
                r"had\s+been)\s+(?:now\s+|fully\s+|completely\s+|finally\s+)?(?:liberated|overrun)\b"
                r"(?!\s+from\s+(?:the\s+)?(?:prison|jail|detention|captivity|custody))")  # a person freed is no place

OTHER_TRIGGERS: tuple[Trigger, ...] = (
    # people protesting: "hundreds of residents protested for days in the town", "demonstrators took to the streets"
    Trigger("protest", r"\b(?:people|residents|hundreds|thousands|dozens|villagers|protesters|demonstrators|students|women|"
                       r"families|locals|crowds?)\b[^.;]{0,30}\b(?:protested|demonstrated|rallied|marched|took\s+to\s+the\s+"
                       r"streets|staged\s+(?:a\s+)?(?:protests?|demonstrations?|sit-ins?))\b"
                       rf"|{_CROWD_FILLED}|{_GATHERED_TO_PROTEST}", "Protests", "Peaceful protest"),
    # a protest broken up: "security men broke up a Friday demonstration", "police dispersed the protesters"
    Trigger("protest broken up", _BROKE_UP, "Protests", "Protest with intervention"),
    # one person shot or gunned down by name or standing: "gunmen shot dead a tribal notable", "assassinated the mayor"
    Trigger("targeted killing", r"\b(?:shot\s+dead|gunned\s+down|assassinated|shot\s+and\s+killed)\s+(?:a|an|the)\s+"
                                r"(?:[\w-]+\s+){0,3}?(?:notable|sheikh|elder|activist|journalist|official|mayor|judge|"
                                r"doctor|teacher|imam|preacher|dignitary|figure|mukhtar)\b"
                                # "gunmen shot dead Ahmad Darwish, a former commander, outside his home in X": by name
                                r"|\b(?:shot\s+dead|gunned\s+down|assassinated|shot\s+and\s+killed)\s+(?!(?-i:Islamic|Kurdish|"
                                r"Syrian|Turkish|Russian|Iranian|Israeli|American|Free|Government|Hezbollah)\b)"
                                r"(?-i:[A-Z][\w'-]+\s+(?:(?:al|el|bin|ibn|abu)[- ])?[A-Z][\w'-]+)(?=,\s+(?:a|an|the)\s|\s+(?:in|"
                                r"on|at|outside|near|as)\s)", VAC, "Attack"),
    # a person detained by name: "the SDF detained Ahmad al-Khabil", "police arrested Omar Hassan at his home"
    Trigger("arrest of a person", r"\b(?:arrested|detained|apprehended|abducted|kidnapped)\s+(?-i:[A-Z][\w'-]+\s+"
                                  r"(?:(?:al|el|bin|ibn|abu)[- ])?[A-Z][\w'-]+)", SD, "Arrests"),
    Trigger("agreement", r"\b(?:signed|cancel(?:l?ed|s)|revoked|terminated|suspended|renewed|extended)\b[^.;]{0,60}"
                         r"\b(?:contract|agreement|deal|lease|accord|memorandum)\b|\b(?:contract|agreement|deal|lease|"
                         r"accord)\b[^.;]{0,50}\b(?:was|were|has been|had been)\s+(?:signed|cancel(?:l?ed)|revoked|"
                         r"terminated)\b"
                         # "The agreement was reached on 2 May", "the two sides struck a deal": a deal reached
                         r"|\b(?:agreement|deal|truce|ceasefire|cease-fire|accord)\s+(?:was|had\s+been|has\s+been)\s+"
                         r"(?:finally\s+)?(?:reached|agreed|struck|brokered|concluded)\b"
                         # "follows the agreement reached on 1 September": the same, with its day, in a reduced clause
                         r"|\b(?:agreement|deal|truce|ceasefire|cease-fire|accord)\s+(?:reached|agreed|struck|brokered|concluded|"
                         r"signed)\s+on\s+(?=(?:\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|the\s+\w+\s+of|[A-Z][a-z]+\s+\d))"
                         r"|\b(?:reached|struck|brokered|concluded|agreed)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:agreement|deal|"
                         r"truce|ceasefire|cease-fire|accord)\b", SD, "Agreement"),
    Trigger("killings", r"\b(?:crackdown|massacres?|killings|mass killings|executions|wave of killings)\b"
                        r"|\b(?:beheaded|decapitated|beheadings?)\b"
                        # "observers counted 92 bodies", "rescuers pulled out 14 bodies": the dead of a killing
                        r"|\b(?:counted|recovered|retrieved|pulled\s+out|collected)\s+(?:the\s+)?(?:at\s+least\s+|more\s+than\s+|some\s+|"
                        r"about\s+|nearly\s+)?(?:\d[\d,]*|dozens\s+of|scores\s+of|hundreds\s+of)\s+(?:[\w-]+\s+)?bodies\b"
                        r"(?!\s+of\s+(?:[\w-]+\s+){0,2}?(?:fighters|militants|soldiers|troops|jihadists|rebels|insurgents|gunmen|"
                        r"attackers))"  # the dead of a battle are no killing of civilians
                        rf"|\b(?:summarily\s+)?(?:executed|massacred|murdered|slaughtered|shot dead|executions? of)\b"
                        rf"[^.;]{{0,40}}\b{alternation(VICTIMS)}\b"
                        r"|\bkill(?:ed|ing)\s+(?:the\s+|whole\s+|entire\s+)(?:families|villagers|residents)\b"
                        r"|\b(?:civilians|victims|families)\b[^.;]{0,40}\b(?:were|was|been) killed\b|\bkill(?:ed|ing) (?:more than |at least |"
                        r"nearly )?[\d,]+ civilians\b"
                        rf"|{_KILLED_PEOPLE}|{_PEOPLE_KILLED}", VAC, "Attack"),
    Trigger("displacement", rf"{FLEE_NOW}|{_CROSSED_OUT}|"
                            r"\b(?:families|residents|civilians|people|thousands|hundreds|villagers)\b[^.;]{0,40}\bfled\b|"
                            # "about 200 families left X", "90 families were brought out of X": people leaving, no force
                            r"\b(?:families|residents|civilians|villagers|inhabitants)\s+(?:have\s+|had\s+)?(?:left|were\s+"
                            r"brought\s+out\s+of|were\s+bussed\s+out\s+of)\s+(?=(?:the\s+)?(?-i:[A-Z]))|"
                            r"\b(?:families|residents|civilians|women|children|villagers)\b[^.;]{0,30}\b(?:were|have been|"
                            r"had been)\s+evacuated\b|"
                            rf"{_EVACUATION_OF}|"
                            r"\b(?:displaced|displacement|taking refuge|took refuge|sought refuge|"
                            # "accused Turkey of sheltering and arming terrorists": harbouring fighters is no flight
                            r"(?:sheltering|sheltered)(?!\s+(?:and\s+\w+\s+)?(?:the\s+)?(?:terrorists|militants|fighters|rebels|"
                            r"jihadists|insurgents|gunmen))|"
                            r"fled (?:their|the) (?:homes|town|city|area|villages?))\b", SD, "Displacement"),
    Trigger("territory", rf"{ENTER_NOW}|"
                         r"\b(?:entered|entering)\b[^.;]{0,40}\b(?:towns?|villages?|areas?|positions|city|cities|airport|"
                         r"neighbou?rhoods?|districts?|quarters?|suburbs?|outskirts|"
                         r"air ?base|airfield|barracks|base)\b|"
                         r"\bexpanded (?:their|its) control\b|\bhanded over\b|\btook over\b|\b(?:entered|entering|moved "
                         r"into|rolled into|marched into)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?(?-i:[A-Z])"
                         r"(?![\w'-]*\s+(?:airspace|air space|waters|territorial)\b)", SD,
            "Non-violent transfer of territory"),
    Trigger("capture", rf"{STORM_NOW}|{_HELD_BY}|{_BROKE_THROUGH}|{_PLACE_FREED}|"
                       r"\b(?:captured|seized|overran|stormed|(?:took|taken|seized|gained|wrested|assumed)\s+"
                       r"(?:(?:full|complete|total|effective|firm)\s+)?control\s+of)\b|"
                       # "Islamic State took it from rebel groups": a place taken, named before
                       r"\b(?:took|taken|wrested|seized|grabbed|snatched)\s+(?:it|them)\s+from\b|"
                       # "the factions took it back in a night attack", "troops had entered it on 8 May": the place
                       # named before, taken by pronoun
                       r"\b(?:took|taken|retook|seized|won)\s+(?:it|them)\s+back\b(?!\s+(?:to|home|with)\b)|\b(?:had\s+|have\s+|has\s+)?entered\s+it\b|"
                       # "Qalaat al-Madiq, taken by government forces on 9 May": the passive names the taker
                       # "the town was taken from Islamic State by Turkish troops": the passive names the loser
                       r"\b(?:was|were|had\s+been|has\s+been)\s+(?:taken|captured|seized|wrested|retaken)\s+from\s+"
                       r"(?!(?:the\s+)?(?:prison|jail|detention|homes?|houses?|streets?|hospitals?)\b)|"
                       r"\b(?:taken|captured|seized|overrun|stormed)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:forces|troops|army|"
                       r"rebels|insurgents|militants|jihadists|fighters|factions|(?-i:IS|ISIS|HTS|SDF|SNA)|Islamic State)\b|"
                       # "the fall of the X airbase", "announced the conquest of the X airport": ground taken, as a noun
                       r"\b(?:fall|conquest|capture|seizure|takeover)\s+of\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?"
                       r"(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?(?-i:[A-Z])|"
                       # "Manbij, which the SDF took from Islamic State in 2016": the object fronted as 'which'
                       r"\b(?:which|that)\s+(?:the\s+)?(?:[\w'-]+\s+){1,4}?(?:had\s+)?(?:took|taken|captured|seized|wrested|"
                       r"retook|recaptured)\s+from\b|"
                       # "fell to the Turkish-backed forces": the takers may be described before their noun
                       r"\b(?:fell|had fallen|has fallen)\s+to\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:rebels|insurgents|opposition|"
                       r"militants|government|regime|jihadists|army|troops|forces|fighters|factions|Islamic State|HTS|SDF)\b|"
                       # "took the historic town of X": the town may be described before its noun
                       r"\b(?:took|taken)\s+(?:control\s+of\s+)?(?:the\s+(?:[\w'’-]+\s+){0,2}?(?:city|town|"
                       r"village)\s+of\s+)?(?:(?:al|el|ad|ar|as|ash|at|az|an)-)?(?-i:[A-Z])|"
                       # "took the hill of the old castle", "captured the strategic heights": ground named by its kind
                       r"\b(?:took|taken|captured|seized)\s+(?:the|a|two|three|several)\s+(?:[\w-]+\s+)?(?:hills?|heights|ridges?|"
                       r"summit|peaks?|mountain|castle|citadel|villages|neighbou?rhoods?|districts?|outskirts|suburbs?|checkpoints?|outposts?|"
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
                       r"\b(?:liberated|freed|liberating|freeing)\s+(?:the\s+(?:[\w'’-]+\s+){0,2}?(?:city|town|village)\s+of\s+)?(?-i:[A-Z])|"
                       r"\b(?:operation|offensive|battle|campaign)\s+to\s+(?:free|liberate|retake|recapture|take)\s+"
                       r"(?:[\w'-]+\s+){1,4}?(?:had\s+been\s+|has\s+been\s+|was\s+|is\s+)(?:completed|complete|concluded|"
                       r"successfully\s+completed)\b|"
                       r"\b(?:was|were|had been|has been|have been|being)\s+[\"“']?(?:cleared|purged|freed|liberated)\s+of\s+(?:the\s+)?"
                       r"(?:[\w-]+\s+)?(?:terrorists|militants|jihadists|fighters|rebels|insurgents|gunmen|(?-i:IS|ISIS|Daesh))\b",
            BAT,
            "Non-state actor overtakes territory"),
    Trigger("arrest", r"\b(?:arrested|detained|captured|apprehended|abducted|kidnapped|round(?:ed|ing|s)?\s+up)\s+(?:[\w\"'-]+\s+){0,4}?"
                      r"(?:members?|suspects?|officials?|leaders?|commanders?|fighters|militants|soldiers|men|people|"
                      r"civilians|individuals|persons)\b|\b(?:members?|suspects?|official|leader|commander|fighters|"
                      r"militants|soldiers|men|people)\b[^.;]{0,20}\b(?:was|were|had been|have been|has been)\s+"
                      r"(?:arrested|detained|captured|apprehended|abducted|rounded\s+up)\b"
                      # "he was seized with about 40 others", "they were taken away by security men": a person held
                      r"|\b(?:he|she|they|who|I|we)\s+(?:was|were|had\s+been)\s+(?:seized|taken\s+away|dragged\s+away|"
                      r"picked\s+up|hauled\s+off)\b", SD, "Arrests"),
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
    Trigger("deployment", rf"{_SENT}|{ADVANCE_ON}|"
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
    # "gunmen had looted trucks and warehouses", "fighters were seen breaking into shops and homes", "they blew up the
    # Temple of Bel", "toppling a statue": property taken or destroyed, not people harmed
    Trigger("looting", r"\b(?:looted|pillaged|ransacked|plundered)\b|\b(?:were|was|began|started|seen)\s+(?:looting|pillaging|ransacking|"
                       r"plundering)\b|\b(?:broke|breaking|broken)\s+into\s+(?:[\w-]+\s+)?(?:shops|homes|houses|"
                       r"stores|warehouses)\b|\b(?:blew|blown|blowing)\s+up\s+(?:the\s+|a\s+|most\s+of\s+the\s+|part\s+of\s+the\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:temple|monument|statue|shrine|tomb|tetrapylon|theatre|arch|citadel)\b|"
                       r"\b(?:toppl(?:ed|ing)|pull(?:ed|ing)\s+down|demolish(?:ed|ing)|bulldoz(?:ed|ing))\s+(?:the\s+|a\s+)?"
                       r"(?:[\w-]+\s+){0,2}?(?:statues?|monuments?|shrines?|tombs?|temples?)\b",
            SD, "Looting/property destruction"),
    Trigger("mobilisation", r"\bmobili[sz](?:ation|ed|ing)\b|\bbuild-?up\b", SD, "Change to group/activity"),
    Trigger("base", r"\b(?:established|set up|opened|built)\b[^.;]{0,30}\b(?:base|posts?|outposts?|checkpoints?|headquarters|camp|"
                    r"military positions?)\b|\bestablishment\b|"
                    r"\bsince\s+(?:19|20)\d{2}\b[^.;]{0,60}\b(?:air grouping|based|stationed|headquartered)\b|"
                    r"\b(?:air grouping|based|stationed|headquartered|flown|operated|kept|maintained|used)\b[^.;]{0,60}"
                    r"\bsince\s+(?:\w+\s+)?(?:19|20)\d{2}\b|\b(?:garrison|base|facility|airbase|outpost)\b[^.;]{0,30}"
                    r"\b(?:was|were)\s+(?:set up|established|built|opened)\b",
            SD, "Headquarters or base established"),
    Trigger("massing", r"\b(?:assembled|amassed|massing|gathered|concentrat(?:ed|ing))\b[^.;]{0,40}\b"
                       rf"(?:{DRONE}|fighters|forces|militants)\b|\b{DRONE}\b[^.;]{{0,40}}\b(?:have been |were |been )?"
                       r"(?:assembled|amassed)\b", SD, "Other"),
)
"""Triggers that can stand beside a main one in the same sentence."""
