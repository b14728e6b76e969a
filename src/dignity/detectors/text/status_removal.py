"""Removing people by their legal status: immigration policy, argued by every party, not hate.

"Failed asylum seekers should be removed" and "Illegal immigrants should be deported" are
positions a member may argue for or against; governments of every side remove people whose
claims fail. Word statistics learnt from anti-immigrant tweets (HatEval labels "illegals must
be deported" as hate) read both as hate: the shipped cascade scored them 0.75 and 0.97, each a
breach. Said of a whole group the same words are exclusion ("Immigrants should be deported",
"Muslims should be sent back") and stay with the models, as does violence against people of
any status ("Illegal immigrants should be shot") and contempt beside the policy ("...,
vermin").

A clause counts when people of an immigration or criminal status ("failed asylum seekers",
"illegal migrants", "foreign criminals", "asylum seekers whose claims fail", "migrants who
commit crimes") are to be deported, removed, returned or sent home, or someone is to do that
to them ("deport foreign criminals"). What the caller gets back is the rest of the text, for it
to check that no group is named there; nothing comes back when there is no such clause, a word
of violence or menace stands anywhere in the text
(:data:`~dignity.detectors.text.self_harm.VIOLENCE`), or the rest says something more of the
same people ("..., they are ruining Britain").
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered
from dignity.detectors.text.self_harm import VIOLENCE

_STATUS = (
    r"(?:failed|rejected|refused|illegal|undocumented|unlawful|criminal|convicted|"
    r"overstaying|foreign)"
)
_PEOPLE = (
    r"(?:asylum[- ]seekers?|(?:economic )?(?:im)?migrants?|refugees?|foreigners?|"
    r"claimants?|offenders?|criminals?|nationals?|overstayers?|illegals)"
)
_CONDUCT = (
    r"(?:who|whose|that|with)\b[^.!?\n]{0,60}?(?:no (?:legal )?right to (?:be here|stay|remain)|"
    r"claims? (?:ha(?:s|ve) )?(?:fail(?:ed|s)?|been (?:rejected|refused))|"
    r"(?:claims? )?(?:are|is|were|was) (?:rejected|refused)|commit\w* (?:a )?(?:crimes?|offences?)|"
    r"(?:are|were|have been|has been) convicted|break\w* (?:the|our) laws?|overstay\w*)"
)
_SUBJECT = (
    rf"(?:(?:all|the|these|those|any|every)\s+)?(?:{_STATUS}\s+(?:\w+\s+)?{_PEOPLE}|"
    rf"{_PEOPLE}\s+{_CONDUCT})"
)
_REMOVED = (
    r"(?:should|must|will|shall|need to|needs to|have to|has to|ought to|are to|is to)\s+"
    r"(?:all\s+)?(?:(?:be|get)\s+(?:promptly\s+|quickly\s+|swiftly\s+)?"
    r"(?:deported|removed|returned|sent (?:back|home)|detained and (?:deported|removed))|"
    r"(?:leave|go (?:back|home)))"
)
_REMOVE = r"(?:deport|remove|return|send (?:back|home))"
_STATUS_REMOVAL = re.compile(
    rf"\b(?:{_SUBJECT}\s+{_REMOVED}|{_REMOVE}\s+{_SUBJECT})\b"
    r"(?:(?!\b(?:and|but|so|because|or|they|we|i|you)\b)[^.!?\n;,]){0,40}"
)
"""The clause, up to 40 characters of its own clause after it ("... quickly", "... under the
law"), so that what is left is the rest of the text ("... and Muslims too")."""
_THEM = re.compile(r"\b(?:they|them|their|theirs|they're|theyre|themselves)\b")
"""A later word for the same people: "..., they are ruining Britain" says more than policy."""


def status_removal_rest(text: str) -> str | None:
    """``text`` lower-cased, its status-removal clauses blanked, when it has such a clause and
    no word of violence or menace; else None."""
    folded = lowered(text)
    rest, clauses = _STATUS_REMOVAL.subn(" ", folded)
    if not clauses or VIOLENCE.search(folded) is not None or _THEM.search(rest) is not None:
        return None
    return rest
