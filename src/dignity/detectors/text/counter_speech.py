"""Words that condemn what a text quotes or reports: the mark of counter-speech.

'She called me a "stupid Paki". That is racist and I reported it' quotes a slur to challenge it.
Both word-level views discount abuse that is only quoted or reported when the rest of the text
condemns it: the lexicon (:mod:`~dignity.detectors.text.lexicon`) and the classifier's evidence
(:mod:`~dignity.detectors.text.classifier`). They read the same list, so that a text the one
calls counter-speech the other does too.
"""

from __future__ import annotations

import re

CONDEMNATION = re.compile(
    r"\b(?:disgust\w*|unacceptable|no place|not acceptable|never acceptable|must stop|"
    r"has to stop|needs to stop|should stop|stop this|not ok(?:ay)?|vile|appalling|shameful|"
    r"shocking|sickening|horrif\w*|outrag\w*|condemn\w*|report(?:ed|ing)?|solidarity|abuse|"
    r"abusive|racis[mt]\w*|sexis[mt]\w*|misogyn\w*|homophob\w*|transphob\w*|islamophob\w*|"
    r"antisemit\w*|bigot\w*|hate crime|hate speech|hateful|wrong|stand with|ashamed|harass\w*|"
    r"disgrac\w*|part of the problem|(?:is|isn'?t|not|never) (?:funny|a joke|banter|ok(?:ay)?))\b",
    re.IGNORECASE,
)
"""A word or phrase that condemns abuse (case-insensitive)."""
