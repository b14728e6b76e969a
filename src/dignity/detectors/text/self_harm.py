"""Statements of self-harm: a person in distress, not a threat to anyone.

Models trained on threats read "I want to kill myself" and "I wish I was dead" as violence (the
transformer scored both 1.0 as threats). Neither threatens anyone, and treating them as
intimidation would open a disciplinary case against a member who may need help. A sentence in
the first person about harming oneself, naming no one else, keeps the threat score below the
decision point, unless the lexicon finds an explicit threat at someone ("I'll kill myself and
take you with me" names "you", so it is not capped).
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered

SELF_HARM_THREAT_CAP = 0.2
"""The most a threat may score when the text's violence is aimed only at the writer."""

_SELF_HARM = re.compile(
    r"\b(?:i|i'm|im|i've|ive|i'll|ill|i'd|id|me|my)\b[^.!?\n]{0,40}?\b(?:"
    r"kill(?:ing)? my ?self|end(?:ing)? (?:my (?:own )?life|it all)|tak(?:e|ing) my (?:own )?life|"
    r"(?:hang|hanging|drown|drowning|shoot|shooting|starve|starving|overdos\w*) my ?self|"
    r"(?:hurt|harm|cut)(?:ing|ting)? my ?self|self[- ]?harm\w*|"
    r"suicid\w*(?! (?:attack|bomb|vest|mission|squad))|"
    r"(?:want|wanted|wanting|going|ready) to die|wanna die|"
    r"wish (?:i|i'd|id) (?:was|were|had been|'d been) dead|wish (?:i|i'd) (?:had )?never been born|"
    r"better off dead|(?:don't|do not|dont) want to (?:live|be alive|be here) any ?more"
    r")\b"
)
SOMEONE_ELSE = re.compile(
    r"\b(?:you|u|ya|your|ur|yours|yourself|yourselves|urself|him|her|them|his|their|everyone|"
    r"everybody|y'?all|yall)\b"
)
"""Someone other than the writer, as the object of harm ("kill you", "hurt them")."""
VIOLENCE = re.compile(
    r"\b(?:kill\w*|die|dies|dead|death|murder\w*|hurt\w*|harm\w*|shoot\w*|shot|stab\w*|burn\w*|"
    r"hang\w*|beat\w*|batter\w*|pay|regret\w*|coming|sorry|watch|suffer\w*|blood|gun|knife|"
    r"bomb\w*|attack\w*|destroy\w*|end|slap\w*|hit|hits|hitting|punch\w*|kick\w*|smack\w*|"
    r"strangl\w*|chok\w*|rape\w*|raping|lynch\w*|behead\w*|assault\w*|violen\w*|fight\w*|"
    r"tortur\w*|execut\w*|exterminat\w*|gas|gass\w*|genocid\w*|massacr\w*|slaughter\w*|"
    r"bullets?|drown\w*|acid|slit\w*|throats?|wipe[sd]? out|ethnic(?:ally)? cleans\w*|"
    r"(?:break|breaks|broke|snap|snaps|snapped|smash|smashes|smashed|bash|bashed|cave|knock)"
    r" (?:in )?(?:your|ur|his|her|their|them|its|my) (?:\w+ )?(?:necks?|legs?|arms?|faces?|jaw|"
    r"nose|teeth|skulls?|heads?|bones?|fingers?|kneecaps?|spine))\b"
)
"""Words of violence or menace, lower-cased: where one stands, someone may be threatened."""
_SENTENCE = re.compile(r"[^.!?\n]+")
_CUE = re.compile(r"my ?self|my (?:own )?life|suicid|self[- ]?harm|\bdie\b|\bdead\b|it all|born")


def aimed_only_at_oneself(text: str) -> bool:
    """Whether ``text`` speaks of harming oneself and of harming no one else.

    True when a first-person sentence is about self-harm and names no one else, and no sentence
    that names someone else speaks of violence. Curly apostrophes are straightened first.
    """
    folded = lowered(text)
    if _CUE.search(folded) is None:  # most texts: one scan and done
        return False
    self_harm = False
    for sentence in _SENTENCE.finditer(folded):
        words = sentence.group()
        others = SOMEONE_ELSE.search(words) is not None
        if others and VIOLENCE.search(words):
            return False
        self_harm = self_harm or (not others and _SELF_HARM.search(words) is not None)
    return self_harm
