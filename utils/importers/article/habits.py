"""Words that give an event no date at all: a span of years, a habit, a tally. A sentence that counts
events ('has counted more than 160 attacks since October', 'has struck back several times') sums up
many events; it reports none of them, so it gives no candidate."""

from __future__ import annotations

__all__ = ["VAGUE"]

_ABOUT = r"(?:more than |over |at least |nearly |almost |about |around |some |close to )?"
_EVENTS = (r"(?:attacks|strikes|air ?strikes|raids|incidents|violations|assaults|bombings|explosions|"
           r"shelling incidents|drone attacks|rocket attacks)")
_BIG = r"(?:\d{2,}[\d,]*|dozens|hundreds|scores|thousands|several|many|numerous|multiple|countless)"
# '12 strikes on Monday', 'on 3 March', 'yesterday': the count of one day is a report, not a tally
_NOT_ONE_DAY = (r"(?![^.;]{0,60}\b(?:on|late on|early on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                r"\d{1,2}\s+[A-Z]|[A-Z][a-z]+\.?\s+\d)|[^.;]{0,60}\b(?:yesterday|today|overnight)\b)")
_TIMES = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|numerous|multiple|countless|dozens of)\s+times"

VAGUE = (r"\b(?:in|over|during)\s+(?:the\s+)?(?:last|past|recent)\s+(?:few\s+|several\s+|two\s+|three\s+)?"
         r"(?:years|months|decades)\b|\bin recent (?:years|months|weeks)\b|\bfor (?:years|decades|months)\b|"
         r"\b(?:a|one) recent\b|\brecently\b|\bover the years\b|\bfor many years\b|\bdecades\b|"
         r"\b(?:repeatedly|regularly|routinely|frequently)\b|\bon\s+(?:many|several|numerous|multiple|countless)\s+"
         r"occasions\b|\b(?:time and again|again and again|day after day|night after night|(?:almost|nearly)\s+(?:daily|nightly))\b|\bsince the (?:start|beginning) of (?:the|this) (?:year|month|"
         r"war|conflict)\b|\bso far this (?:year|month)\b|\bin total\b|\ba total of\b|\b(?:every|each)\s+(?:day|week|"
         r"month|night)\b|\b(?:have|has)\s+(?:\w+\s+)?\w+(?:ed|en)\s+(?:dozens|hundreds|scores|thousands)\s+of\b"
         # a count of events: 'has counted more than 160 attacks', 'recorded 45 violations', 'has carried out 300 raids'
         rf"|\b(?:counted|recorded|documented|tallied|logged|registered|tracked)\s+{_ABOUT}{_BIG}\s+(?:of\s+)?"
         rf"(?:[\w-]+\s+){{0,2}}?{_EVENTS}\b{_NOT_ONE_DAY}"
         rf"|\b(?:have|has|had)\s+(?:\w+\s+)?\w+(?:ed|en|uck|ook)\s+(?:out\s+)?{_ABOUT}{_BIG}"
         rf"\s+(?:[\w-]+\s+)?{_EVENTS}\b{_NOT_ONE_DAY}"
         # the same habit in the passive: 'the town has been hit by many car bombings since 2018'
         rf"|\b(?:have|has|had)\s+been\s+(?:hit|struck|targeted|shelled|bombed|rocked|shaken)\s+by\s+{_ABOUT}{_BIG}"
         rf"\s+(?:[\w-]+\s+){{0,4}}?(?:{_EVENTS}|bombs|rockets|shells|missiles)\b{_NOT_ONE_DAY}"
         # a running total: 'This brings to 93 the number of fighters killed', 'brings the death toll since Friday to 40'
         r"|\bbring(?:s|ing)?\s+to\s+[\d,]+\s+the\s+(?:total\s+)?(?:number|toll|tally|count)\s+of\b[^.;,]{0,100}?"
         r"(?=\s+(?:since|on|in|during|over|according)\b|[,.;]|$)"
         r"|\bbring(?:s|ing)?\s+the\s+(?:total|toll|death toll|tally|number)\b[^.;]{0,60}?\bto\s+[\d,]+\b"
         # a count of places hit since a time: 'more than 30 towns have been shelled since Thursday evening'
         rf"|\b{_ABOUT}{_BIG}\s+(?:[\w-]+\s+){{0,4}}?(?:towns|villages|sites|areas|positions|neighbou?rhoods|places|"
         rf"locations|targets|districts|communities)\b[^.;]{{0,60}}?\b(?:have|has|had)\s+been\s+(?:\w+\s+)?"
         rf"(?:\w+ed|hit|struck)\s+(?:[\w-]+\s+){{0,4}}?since\b"
         # a habit in the emphatic present: 'Israel does strike in the area', 'they do shell the town at night'
         r"|\b(?:does|do)\s+(?:sometimes\s+|often\s+|occasionally\s+|still\s+)?(?:strike|bomb|shell|attack|raid|target|"
         r"fire)\b"
         # a habit told as a count: 'has struck back several times', 'have shelled the town dozens of times'
         rf"|\b(?:have|has|had)\s+(?:[\w-]+\s+){{1,8}}?{_TIMES}\b(?!\s+(?:in|on|during|last|this|that|earlier|yesterday)\b)")
# no date: a span of years, a habit ('every week'), a tally ('have bombed dozens of'); '25 times in March' is a date
