"""The words around an item that say whose it is and why it is there.

An identifier's shape says what it is; its context says whether publishing it is a breach. The
window before an item is read for the last cue that governs it: a self-disclosure frame ("my
number is", "call me on", "our office is at") makes it the member's own, a third-person cue
("his", "ring her on", "Dave's") makes it someone else's. Words around it say whether it is an
organisation's line, a public venue, or a reference number rather than anything personal.
"""

from __future__ import annotations

import re
from enum import StrEnum


class Owner(StrEnum):
    """Whose an item appears to be, from the cue that governs it."""

    SELF = "self"
    OTHER = "other"
    UNKNOWN = "unknown"


_RELATION = (
    r"mate|mates|friend|friends|pal|neighbou?r|neighbou?rs|ex|boss|colleague|colleagues|landlord"
    r"|landlady|flatmate|housemate|coworker|co-worker|manager|tenant|tenants"
)

# Cues read right to left: the one nearest the item wins. Self cues name the member (or the
# member's own office); other cues name a third party, or the person addressed.
_SELF_CUE = (
    r"\b(?:my|our|mine|ours)\b(?! (?:" + _RELATION + r")\b)"
    r"|\b(?:call|ring|phone|text|whatsapp|email|e-mail|mail|message|contact|reach|find|write to"
    r"|visit|dm)(?: (?:me|us)\b)"
    r"|\bI (?:live|lived|was born)\b|\bI(?:'m|’m| am) (?:at|on|based at|living at)\b"
    r"|\b(?:(?:drop|shoot|send|flick|ping) (?:me|us) (?:a|an) (?:line|email|e-mail|mail|text"
    r"|message|note|pm|dm)|get in touch|get hold of me|reach me|hit (?:me|us) up"
    r"|give (?:me|us) a (?:shout|call|ring|bell))\b"
    r"|\bI(?:'m|’m| am) $"
    r"|\b(?:me|us) (?:on|at)\b|\((?:me|us)\)|\bthat(?:'s|’s| is) (?:me|us)\b"
)
_OTHER_CUE = (
    r"\b(?:he|she|they|him|her|his|hers|their|theirs|them|your|yours|you)\b(?! (?:can|could) )"
    r"|\b(?:my|our) (?:" + _RELATION + r")\b"
    r"|(?-i:(?<!St )(?<!St\. )(?<!Saint )\b[A-Z][a-z]+(?:'s|’s))\b"
    r"|\b(?:councillor|cllr|mp|minister|candidate|activist|journalist|member|chair|agent|bloke"
    r"|secretary|treasurer|organiser|organizer|steward|convenor|leader|rep|officer"
    r"|guy|woman|man|lad|girl|traitor|scab|idiot|troll|wife|husband|partner|kids|son|daughter"
    r"|mum|dad|mother|father|family)\b"
)
_CUE = re.compile(rf"(?P<self>{_SELF_CUE})|(?P<other>{_OTHER_CUE})", re.IGNORECASE)

# Sentence and clause breaks end the reach of a cue.
_BREAK = re.compile(r"[.!?;\n](?:\s|$)|\s[—–]\s|\s-\s")

# Words saying an item belongs to an organisation or a public place, not a person.
_ORGANISATION = re.compile(
    r"\b(?:office|offices|switchboard|helpline|hotline|enquiries|enquiry|reception|press office"
    r"|hq|headquarters|surgery|surgeries|council|freephone|department|ministry|bookings?"
    r"|box office|hustings|meeting|rally|venue|hall|centre|center|church|library|pub|club"
    r"|polling station|stall|vigil|meet(?:ing)? (?:at|outside)|doors open)\b",
    re.IGNORECASE,
)

# An organisation's own noun right after the cue makes the item the organisation's ("the MP's
# office:", "her constituency surgery,", "Royal Mail's sorting office on").
_OWNED_BY_ORGANISATION = re.compile(
    r"\W{0,3}(?:\w+ ){0,2}(?:office|offices|surgery|surgeries|switchboard|helpline|hotline"
    r"|press office|hq|headquarters|team|campaign|website|department|caseworkers?)\b",
    re.IGNORECASE,
)

# A label at the start of a line ("Phone:", "Email -") marks a contact block, whose header or
# first lines say whose details it lists ("Name: Jo Barnes (me)").
_BLOCK_LINE = re.compile(r"[ \t]*[A-Za-z][A-Za-z .'’/()]{0,24}\s?[:\-]")

# Words saying an identifier is a format example or a test value, not anyone's.
_EXAMPLE = re.compile(
    r"\b(?:e\.?g\.?|for example|for instance|example|test(?:ing)? (?:card|number|value)"
    r"|dummy|sample|placeholder|format(?:ted)?|look(?:s)? like|such as)\b[^.!?\n]{0,24}$",
    re.IGNORECASE,
)

# Sentence ends (not clause breaks): organisational context reaches across dashes and commas.
_SENTENCE_BREAK = re.compile(r"[.!?;\n](?:\s|$)")

# Words saying a number is a reference, a count or an amount rather than anything personal.
_REFERENCE = re.compile(
    r"\b(?:ref|reference|case|order|invoice|ticket|tracking|policy|claim|bill|id"
    r"|petition|foi|application|planning|item|version|isbn|issn|serial|batch|tx|transaction"
    r"|receipt|booking|membership|crime|incident|complaint|hc|hl|si|lot)\b[\s.:#-]{0,3}"
    r"(?:no\.?\s?|number\s?|ref\.?\s?|#\s?)?$",
    re.IGNORECASE,
)

# A birth context: the date that follows (within a few words) is someone's date of birth.
BIRTH_CUE = re.compile(
    r"\b(?:born(?: on)?|d\.?o\.?b\b\.?|date of birth|birth ?date|birthday|bday|b-day)",
    re.IGNORECASE,
)

# Words that say an item is being published so that others can use it against the person.
_INCITEMENT = re.compile(
    r"\b(?:give (?:him|her|them) (?:a ring|a call|a bell|hell|grief)|let (?:him|her|them) know"
    r"|flood|spam|bombard|pay (?:him|her|them) a visit|go round|turn up|pop round|doxx?"
    r"|tell (?:him|her|them) what you think|you know what to do|ring (?:him|her|them)"
    r"|call (?:him|her|them)|email (?:him|her|them)|text (?:him|her|them)|share (?:this|widely)"
    r"|pass it on|do your worst|make (?:his|her|their) life)\b",
    re.IGNORECASE,
)

# Public places whose address is no one's private information.
LANDMARK = re.compile(
    r"\b(?:(?:9|10|11|12) Downing St(?:reet)?|70 Whitehall|1 Parliament Street|221B Baker Street"
    r"|1 Horse Guards Road|100 Parliament Street|2 Marsham Street|102 Petty France"
    r"|1 Victoria Street|4 Millbank|Buckingham Palace|Downing Street|Number (?:10|11)|No\.? ?10"
    r"|Windsor Castle|Chequers|Bute House|Dorneywood|Lambeth Palace|Kensington Palace"
    r"|Clarence House|Mansion House|Palace of Westminster|Houses of Parliament|Stormont"
    r"|Holyrood|Senedd|House of Commons|House of Lords|Portcullis House"
    r"|(?:Supreme|High|Crown|Magistrates['’]?) Courts?)\b",
    re.IGNORECASE,
)


def window_before(text: str, start: int, floor: int, reach: int = 80) -> str:
    """The text before ``start`` that can govern it: back to ``floor``, a break, or ``reach``."""
    low = max(floor, start - reach)
    window = text[low:start]
    breaks = [match.end() for match in _BREAK.finditer(window)]
    return window[breaks[-1] :] if breaks else window


def owner_of(window: str) -> Owner:
    """Whose the item after ``window`` is, from the nearest cue in it."""
    cues = list(_CUE.finditer(window))
    if not cues:
        return Owner.UNKNOWN
    last = cues[-1]
    if last.group("self") is not None:
        return Owner.SELF
    if _OWNED_BY_ORGANISATION.match(window, last.end()) is not None:
        return Owner.UNKNOWN  # "the MP's office", "her constituency surgery"
    return Owner.OTHER


def block_owner(text: str, start: int, max_lines: int = 8) -> Owner:
    """Whose a contact block is, when the item sits on a labelled line ("Phone: ...").

    The block's lines above the item and the line heading it are read for the last cue:
    "Name: Alex Morgan (me)" makes the block the member's own.
    """
    line_start = text.rfind("\n", 0, start) + 1
    if _BLOCK_LINE.match(text, line_start) is None:
        return Owner.UNKNOWN
    lines: list[str] = []
    end = line_start - 1
    while end > 0 and len(lines) < max_lines:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end]
        lines.append(line)
        if _BLOCK_LINE.match(line) is None:
            break  # the header above the labelled lines
        end = begin - 1
    for line in lines:  # nearest line first
        owner = owner_of(line)
        if owner is not Owner.UNKNOWN:
            return owner
    return Owner.UNKNOWN


def is_example(text: str, start: int) -> bool:
    """Whether the item at ``start`` is introduced as a format example or a test value."""
    return _EXAMPLE.search(text[max(0, start - 40) : start]) is not None


def after_landmark(text: str, start: int, reach: int = 40) -> bool:
    """Whether a public landmark stands just before ``start`` in the same sentence."""
    window = text[max(0, start - reach) : start]
    breaks = [match.end() for match in _SENTENCE_BREAK.finditer(window)]
    return LANDMARK.search(window[breaks[-1] :] if breaks else window) is not None


def is_organisational(text: str, start: int, end: int, reach: int = 60) -> bool:
    """Whether words near ``[start, end)`` tie the item to an organisation or public place."""
    window = text[max(0, start - reach) : start]
    breaks = [match.end() for match in _SENTENCE_BREAK.finditer(window)]
    before = window[breaks[-1] :] if breaks else window
    after = text[end : end + 30]
    return _ORGANISATION.search(before) is not None or _ORGANISATION.search(after) is not None


def is_reference(text: str, start: int) -> bool:
    """Whether the item at ``start`` is introduced as a reference, order or case number."""
    return _REFERENCE.search(text[max(0, start - 24) : start]) is not None


def incites(text: str) -> bool:
    """Whether the message urges others to use what it publishes."""
    return _INCITEMENT.search(text) is not None
