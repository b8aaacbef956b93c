"""ACLED's event kinds as trigger patterns: each a regular expression over a sentence and the event type and
sub-event type it gives. Built from the word lists of :mod:`.vocabulary`; read by :mod:`.event_types`.

This module holds the trigger's shape and the *main* triggers (violence: strikes, shelling, bombs, clashes,
interceptions, exercises, warnings); the triggers that can stand beside one (people killed or displaced,
ground changing hands, forces moving) are in :mod:`.side_triggers`."""

from __future__ import annotations

from dataclasses import dataclass

from utils.importers.article.present_tense import FIRE_ON_CROWD
from utils.importers.article.vocabulary import (
    BATTLE_NOUNS,
    FIRE_VERBS,
    IMPACT_VERBS,
    PROJECTILES,
    alternation,
)

__all__ = ["BAT", "DRONE", "ERV", "MAIN_TRIGGERS", "SD", "VAC", "Trigger", "TriggerMatch"]


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
_ENEMIES = r"(?:terrorists|militants|fighters|insurgents|gunmen|attackers|infiltrators|members|jihadists|smugglers)"
_ARMED = r"(?:militants|gunmen|jihadists|insurgents|attackers|assailants|fighters|rebels|troops|forces|soldiers)"
# "a convoy was hit by a drone", "the base had been struck by rockets": the passive names the weapon after "by"
_PASSIVE_HIT = (r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+\s+)?(?:hit|struck|targeted|bombed|attacked|pounded)\s+by\s+"
                r"(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?")
_AIR_WEAPONS = r"(?:drones?|UAVs?|air\s*strikes?|airstrikes?|air raids?|warplanes?|jets?|aircraft|helicopters?|planes?|bombers)"
_GROUND_WEAPONS = r"(?:shells?|shelling|mortars?|mortar rounds|rockets?|missiles?|artillery|rocket fire|artillery fire)"
# "its units targeted terrorist positions with artillery and missiles": the weapon as the instrument, after "with"
_HIT_WITH = (r"\b(?:targeted|hit|struck|pounded|attacked|bombarded)\b(?:(?!\b(?:and|but)\s+(?:then\s+)?\w+ed\b)[^.;]){0,70}?"
             r"\bwith\s+(?:[\w-]+\s+){0,2}?")
# "the army fired in return at two Syrian army positions", "its tanks had fired at a post": fire at military targets,
# no weapon named, is shelling (fire on a crowd is below, retyped as excessive force)
_FIRED_AT_POSTS = (r"\b(?:fired|fires|firing)\s+(?:in\s+return\s+|back\s+|in\s+response\s+)?(?:at|on|upon|towards)\s+(?:a|an|the|"
                   r"two|three|four|several|\d+)?\s*(?:[\w'’-]+\s+){0,3}?(?:positions?|posts?|outposts?|launchers?|"
                   r"launch\s+sites?|gun\s+emplacements?|bunkers?|targets?)\b")
_BATTLE = (rf"\b{alternation(BATTLE_NOUNS)}\b|\b(?:opened|opening|exchanged|exchanging) (?:heavy )?(?:fire|gunfire)\b"
           # "the army said it had returned fire", "fighters pushed the militants back from the street"
           # "gunfire was exchanged near the compound", "shots were exchanged at the checkpoint": the passive
           r"|\b(?:gunfire|fire|shots)\s+(?:was|were|had\s+been|has\s+been)\s+exchanged\b"
           r"|\b(?:returned|returning)\s+fire\b|\b(?:pushed|pushing|beat|forced)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
           r"(?:militants|fighters|jihadists|attackers|rebels|insurgents|gunmen|them)\s+back\b")

MAIN_TRIGGERS: tuple[Trigger, ...] = (
    # a riot is its own event even when the rioters seize something ("prisoners rioted and took control of a floor")
    Trigger("riot", r"\b(?:rioted|rioting|(?<!anti-)riots?(?!\s+(?:police|gear|squads?|control)))\b"
                    # "protesters threw stones at the police and set fire to tyres": a demonstration turned violent
                    r"|\b(?:protesters|demonstrators|crowds?|youths|rioters|mourners)\b[^.;]{0,60}?\b(?:threw|throwing|hurled|"
                    r"hurling|pelted|pelting)\s+(?:[\w-]+\s+)?(?:stones|rocks|bricks|petrol\s+bombs|Molotov)", "Riots",
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
                        rf"|{_FIRED}|{_FIRED_AT_POSTS}|{_PASSIVE_HIT}{_GROUND_WEAPONS}\b|{_HIT_WITH}{_GROUND_WEAPONS}\b",
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
                    r"booby[- ]trap(?:ped|s)?|sticky bombs?|(?:motor(?:cycle|bike)|truck|lorry|bus|van|vehicle)[- ]bombs?|"
                    # "a double car bombing", "twin bombings", "car and motorbike bombings": bombs set off, not dropped
                    r"(?:(?:double|twin)\s+)?(?:car|truck|lorry|bus|van|tanker|motor(?:cycle|bike)|roadside)"
                    r"(?:\s+(?:and|or)\s+(?:car|truck|motor(?:cycle|bike)))?[- ]bombings?|(?:double|twin)\s+bombings?)\b"
                    # "a bomb went off in a market", "two explosive devices exploded", "a lorry packed with explosives
                    # blew up": a bomb told by its going off (bombs dropped by aircraft are air strikes above)
                    r"|\b(?:bombs?|explosive\s+devices?|(?:packed|laden|loaded|rigged)\s+with\s+explosives)\s+(?:\w+\s+)?"
                    r"(?:exploded|went\s+off|blew\s+up|detonated)\b"
                    # "the rebels detonated explosives in a tunnel under the hotel": charges set off, not a bearer's belt
                    r"|\b(?:detonated|set\s+off)\s+(?:[\w-]+\s+){0,2}?explosives\b(?!\s+(?:vests?|belts?))",
            ERV, "Remote explosive/landmine/IED"),
    Trigger("drone attack", rf"\b(?:sent|launched|flew|fired)\s+(?:armed\s+|explosive\s+)?{_DRONE}\s+(?:against|at|towards)\b"
                            rf"|\b{_DRONE}\s+(?:attacks?|assaults?)\b|\battack(?:s|ed)?\b[^.;]{{0,60}}\b{_DRONE}\b"
                            rf"|\b{_DRONE}\b[^.;]{{0,40}}\battack(?:s|ed|ing)?\b", ERV, "Air/drone strike"),
    Trigger("clash", rf"\b(?:clash(?:ed|es)?|firefights?|gunfights?|ambush(?:ed)?|heavy fighting)\b|{_BATTLE}"
                     r"|\b(?:repel(?:led|s|ling)?|repulsed|fended off|fought off|beat back|beaten back)\s+(?:an?\s+|the\s+)?"
                     r"(?:(?!drones?\b|UAVs?\b|missiles?\b|rockets?\b)[\w-]+\s+){0,2}?(?:attacks?|assaults?|offensive|advances?|"
                     r"incursions?)\b"
                     r"(?![^.;]{0,30}\b(?:drones?|UAVs?|missiles?|rockets?))"
                     r"|\bfighting\s+(?:(?:has|have|had)\s+)?(?:between|broke out|erupted|raged|continued|intensified|"
                     r"escalated|went on|flared)\b"
                     # "15 people had been killed in the fighting around the crossing": deaths in fighting
                     r"|\b(?:killed|wounded|died)\s+in\s+(?:the\s+)?(?:heavy\s+|fierce\s+|intense\s+)?fighting\b"
                     r"|\bbattles?\s+(?:for|over|"
                     r"between|with)\b|\bfought\b"
                     # a diary's present: "fighters of the battalion fight an army patrol on the edge of the district"
                     r"|\b(?:fight|fights)\s+(?:an?|the|two|three|several)\s+(?:[\w-]+\s+){0,2}?(?:patrols?|units?|columns?|"
                     r"convoys?|forces|troops|soldiers|militants|fighters|gunmen)\b"
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
    # fire turned on a crowd, in any tense: retyped as excessive force against protesters (objects.py)
    Trigger("fire on crowd", FIRE_ON_CROWD, BAT, "Armed clash"),
    Trigger("blasts", r"\b(?:explosions?|blasts?|detonations?)\b", ERV, "Remote explosive/landmine/IED"),
    Trigger("attack", r"\b(?:came|come|comes|coming) under (?:heavy )?(?:fire|attack|shelling)\b|\b(?:attack(?:s|ed)?|assault(?:s|ed)?|raided|raids?\s+(?:on|against|in|into)|(?<!air )raids?|(?<!were )(?<!was )(?<!been )(?<!are )(?<!is )destroyed)\b",
            BAT, "Armed clash"),
    # "said they had hit 'terrorist positions' in the area": a side's own account of a strike, its weapon unnamed
    Trigger("strike", r"\b(?:strikes?|struck|striking)\b|\b(?:had\s+|have\s+|has\s+)?hit\s+[\"“']?(?:(?:terrorist|militant|"
                      r"enemy|rebel|insurgent|jihadist)\s+)?(?:positions|targets|launch\s+pads|hideouts|gatherings|"
                      r"strongholds|posts)\b", ERV, "Air/drone strike"),
)
"""Main triggers, strongest first: a clause gives one event, of the first that matches."""
DRONE = _DRONE
