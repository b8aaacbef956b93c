"""Whether two claimants name the same source ('SOHR' and 'the Syrian Observatory for Human Rights' do;
'US defence officials' and 'Russia's Defence Ministry' do not): accounts of one event are kept apart
when their sources differ, and the benchmark compares claimants with it."""

from __future__ import annotations

import re

__all__ = ["nations_of", "same_source"]


_GENERIC_WORDS = (
    "the a an of for and in on at to via by with from who spoke said says officials official sources source "
    "spokesman spokeswoman unnamed media reports report head deputy chief russian russia's syrian us american "
    "turkish british iranian israeli uk russia syria united states state")


_GENERIC = frozenset(_GENERIC_WORDS.split())


_ALIASES = (("sohr", "observatory"), ("mod", "defence"), ("mod", "defense"), ("wsj", "wall"), ("svr", "intelligence"))


def _tokens(claimant: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", claimant.lower().replace("'s", ""))) - _GENERIC


_NATIONS = (("us", r"\b(?:us|u\.s\.|american|united states|pentagon|washington|centcom|coalition)\b"),
            ("russia", r"\b(?:russian?|russia's|moscow|kremlin|tass|ria)\b"),
            ("syria", r"\b(?:syrian?(?!\s+(?:democratic|observatory|civil|network|opposition|national army|free))|syria's|"
                      r"damascus|sana)\b"), ("turkey", r"\b(?:turkish|turkey|turkey's|ankara)\b"),
            ("israel", r"\b(?:israeli?|israel's|idf)\b"), ("iran", r"\b(?:iranian?|iran's|tehran|irgc)\b"),
            ("uk", r"\b(?:british|uk|britain)\b"), ("kurds", r"\b(?:kurdish|sdf|ypg|syrian democratic|people's protection|asayish)\b"))


def nations_of(claimant: str) -> set[str]:
    """The countries (or sides) a claimant's words name: 'Russia's Defence Ministry' -> {'russia'}."""
    low = claimant.lower()
    return {name for name, pattern in _NATIONS if re.search(pattern, low)}


def _acronym_of(short: str, long: str) -> bool:
    """True when an all-capitals word of ``short`` spells the initials of capitalised words in ``long``
    ('SDF' and 'Syrian Democratic Forces', 'IRGC' and 'Islamic Revolutionary Guard Corps')."""
    initials = "".join(w[0] for w in re.findall(r"\b[A-Z][\w'’-]*", long) if w.lower() not in ("the", "of", "for"))
    return any(len(word) >= 3 and word in initials for word in re.findall(r"\b[A-Z]{3,6}\b", short)
               if not re.fullmatch(r"[A-Z]{3,6}", long.strip()))


def same_source(a: str, b: str) -> bool:
    """True when two claimants name the same source: both the outlet on its own authority, both
    unattributed, or sharing a distinctive word (nationalities and words like 'officials' do not count)
    and no two different countries ('US defence officials' and 'Russia's Defence Ministry' are two)."""
    a_low, b_low = a.lower(), b.lower()
    if "(no attribution)" in a_low or "(no attribution)" in b_low:
        return "(no attribution)" in a_low and "(no attribution)" in b_low
    if "unattributed" in a_low or "unattributed" in b_low:
        return "unattributed" in a_low and "unattributed" in b_low
    if _acronym_of(a, b) or _acronym_of(b, a):
        return True
    nations_a, nations_b = nations_of(a), nations_of(b)
    if nations_a and nations_b and not nations_a & nations_b:
        return False
    ta, tb = _tokens(a), _tokens(b)
    for short, long in _ALIASES:
        if short in ta and long in tb or short in tb and long in ta:
            return True
    if not ta and not tb:  # only generic words ("Syrian media", "Syrian media reports"): compare them whole
        def plain(text: str) -> str:
            return " ".join(w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("reports", "report",
                                                                                       "unnamed", "the", "a", "an"))
        return plain(a) == plain(b)
    return bool(ta & tb)
