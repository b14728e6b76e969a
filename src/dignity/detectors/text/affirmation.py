"""Short affirmations of a group: "Refugees are human too" says the opposite of hate.

A hateful generalisation and its answer share a shape ("X are vermin", "X are human too"), and
word statistics see the shape: the shipped models scored "Refugees are human too" 0.91 and
"Trans women are real women" 0.74 as hate. A text that is nothing but an affirmation, a group
said to be people, human, equal, valid, welcome, neighbours, or a gendered group affirmed by its
own noun ("trans women are women"), perhaps with an emphatic close ("end of", "full stop") or
emoji, is recognised here so that the detector can keep its hate score down. Negations ("are
not people", "aren't women") and other predicates ("are men" said of trans women) never match.

A group said to deserve something good is affirmed too: "Refugees deserve a safe home" scored
0.87 as hate and "Old people deserve a decent pension" 0.48 as a threat, read in the shape of
"X deserve a bullet"; so is one said to be owed it ("Disabled people should get full support"
scored 0.87 as hate, "Refugees should be given a safe home" 0.98), allowed a right ("Asylum
seekers should be allowed to work", 0.66) or spared a hardship ("Disabled people should not
have to fight for every benefit", 0.75). Only goods and rights on closed lists count (respect,
dignity, equal rights, support, a decent pension, to be safe...; to work, vote, stay, marry,
worship...), so "deserve everything that's coming to them", "deserve to die", "should be given
a one-way ticket home" and "should be allowed to die" stay with the models, and no text with a
hostile word (:data:`_HOSTILE`: "get out", "deport", "vermin" ...) is an affirmation.

Affirmation and support also come inside longer posts: "Trans women are women and this party
must stop throwing them under the bus" scored 0.90 as hate, "This party must stop throwing trans
people under the bus" 0.65, "Refugees are human beings and deserve our compassion, not this
government's cruelty" 0.52. :func:`affirming_clauses` finds the clauses that affirm a subject or
stand by someone ("stand with", "defend", "welcome", "stop scapegoating ..."), so that the
detector can hold hate down when those clauses hold all of its evidence and nothing hostile is
said elsewhere.
"""

from __future__ import annotations

import re
from itertools import accumulate

from dignity.detectors.text.counter_speech import LONGEST
from dignity.detectors.text.normalise import lowered
from dignity.detectors.text.self_harm import VIOLENCE

_GOOD = (
    r"(?:better|respect|dignity|equality|justice|safety|compassion|kindness|solidarity|"
    r"(?:equal|the same|full|proper|real|better|more|fair|decent) (?:\w+ )?"
    r"(?:rights|pay|treatment|respect|dignity|opportunities|chances|protection|support|care|"
    r"pensions?|wages?|homes?|housing|healthcare|treatment|access|representation)"
    r"(?: as (?:everyone|anyone|the rest of us|us|you and me)(?: else)?)?|"
    r"support|protection|care|help|a voice|a say|a seat at the table|"
    r"an? (?:safe|decent|warm|secure|fair|good|better|proper|happy) (?:\w+ )?"
    r"(?:home|place to live|pension|wage|life|future|hearing|deal|chance|job|education|start)|"
    r"a living wage|to (?:be|feel) (?:safe|heard|respected|listened to|included|welcome|happy|free|"
    r"treated (?:with (?:dignity|respect)|equally|fairly|the same))|"
    r"to live (?:in (?:peace|safety|dignity)|without fear|free from (?:fear|abuse|hate)))"
)
_RIGHT = (
    r"(?:work|vote|stay|live (?:here|in peace|safely|freely|openly)|settle|marry|adopt|study|learn|"
    r"worship|pray|speak|serve|stand|rent|travel|join|love|be themselves|be who they are|"
    r"claim asylum|apply|bring (?:their|his|her) famil(?:y|ies)|live|be here)"
    r"(?: (?:here|freely|openly|safely|in peace|legally|without fear))?"
)
"""What a group may be said to be allowed to do: rights, not harm ("be allowed to leave" is not
here)."""
_AFFIRMATION = re.compile(
    r"\s*(?:(?:yes|and|but|so|remember|reminder|fact)[,:!]?\s+)?"
    r"(?P<subject>(?:[\w-]+ ){0,3}?(?P<head>[\w-]+)) (?:(?:are|is) "
    r"(?:(?:just|real|also|simply|still|as|all|fully|equally|proper|true|our|valued|welcome)\s+)*"
    r"(?P<predicate>people|persons|humans?|human beings|women|men|equal|valid|welcome(?: here)?|"
    r"neighbou?rs|friends|family|citizens|members)"
    r"|(?:deserve|deserves|deserved|"
    r"(?:should|must|shall|need to|needs to|ought to|have to|has to)(?: all| always| also)? "
    r"(?:get|have|be given|receive|be guaranteed|be offered|be treated with)) "
    r"(?:(?:so |much |far |a lot |every |all |the |our )*"
    rf"{_GOOD})(?: (?:and|&) {_GOOD})*"
    r"(?: (?:at|in|on|when|while|walking|going|online|everywhere|wherever)\b"
    r"(?![^.!?#@]{0,60}\b(?:hell|graves?|coffins?|cages?|ovens?|morgue|the sea|the ground)\b)"
    r"[^.!?#@]{0,60})?"
    r"|(?:should|must|shall|ought to)(?: all| always| also)? be (?:allowed|free|able|entitled) to "
    rf"{_RIGHT}(?:,? (?:and|or) {_RIGHT})*"
    r"|(?:should|must|shall)(?: not|n'?t| never) (?:have to|need to|be forced to|be made to|"
    r"be expected to|live in fear|fear|worry)\b[^.!?#@,;]{0,80})"
    r"(?:,? (?:too|as well|like (?:the rest of us|anyone else|everyone else|you and me|us)))?"
    r"(?:\s*[,.!]*\s*(?:end of(?: story)?|full stop|period|simple as(?: that)?|no debate|"
    r"no ifs,? no buts|deal with it|always have been|and always will be|that'?s (?:it|that)))*"
    r"\s*[.!]*\s*(?:(?:[#@][\w-]+|[^\w\s?]+)\s*)*"
)
_GENDERED = frozenset({"women", "men"})
_NOT_AN_AFFIRMATION = frozenset({"no", "not", "none", "never", "few", "fewer", "only", "if"})


def affirmed_group(text: str) -> tuple[str, ...] | None:
    """The subject's words when the whole of ``text`` affirms it ("Gay men are just men."), else
    None. The caller decides whether those words name a protected group."""
    folded = lowered(text)
    m = _AFFIRMATION.fullmatch(folded)
    if m is None or _HOSTILE.search(folded):
        return None
    subject = tuple(m.group("subject").split())
    if _NOT_AN_AFFIRMATION.intersection(subject):
        return None
    if m.group("predicate") in _GENDERED and m.group("head") != m.group("predicate"):
        return None
    return subject


_PIECE = re.compile(r"[^.!?;,\n]+?(?=\s+(?:and|but|so|because)\s|\s*[.!?;,\n]|\s*$)")
"""A clause: up to punctuation or a conjunction that starts another."""
_SUPPORT = re.compile(
    r"\b(?:stand(?:s|ing)? (?:up )?(?:with|for|by|beside|alongside)|support(?:s|ing)?|"
    r"defend(?:s|ing)?|protect(?:s|ing)?|welcom(?:e|es|ing)|champion(?:s|ing)?|"
    r"celebrat(?:e|es|ing)|fight(?:s|ing)? for|solidarity with|proud (?:of|to support)|"
    r"(?:is|are|was|were|'s|'re) (?:so |much |far |all |a lot )*(?:better|richer|stronger|"
    r"happier|kinder|safer) (?:for|because of|thanks to) (?:having |the |our |its |their |all )*|"
    r"(?:no|not|never|\w+n't) (?:[\w']+ ){0,3}?(?:any )?less (?:[\w-]+ )?than (?:the rest of us|"
    r"anyone(?: else)?|anybody(?: else)?|everyone(?: else)?|everybody(?: else)?|us|you|"
    r"other people)|"
    r"(?:disgusting|shameful|shocking|appalling|cruel|inhumane|awful|terrible|vile|horrific|"
    r"horrendous|unfair|unjust|racist|bigoted|disgraceful) (?:treatment|abuse|persecution|"
    r"demoni[sz]ation|scapegoating|vilification|targeting|mistreatment|harassment|"
    r"dehumani[sz]ation|exclusion|discrimination|marginali[sz]ation) of|"
    r"(?:stop|quit) (?:throwing|scapegoating|demoni[sz]ing|vilifying|attacking|targeting|"
    r"blaming|failing|abandoning|ignoring|hounding|harassing|persecuting|dehumani[sz]ing|"
    r"othering|smearing|punishing))\b"
    r"(?:(?!\b(?:and|but|so|because|why|while|or|then)\b)[^.!?;,\n]){0,60}"
)
"""Standing by someone, up to the next clause ("we must stand with our Muslim neighbours
against this hatred"), condemning how they are treated ("the disgusting treatment of Muslims
in this country"), saying a place is the better for them ("our street is better for the
Jews who live on it"), or denying they are any less than others ("I don't believe refugees are
any less capable than the rest of us")."""
_DENIED = re.compile(
    r"\b(?:stop|quit|not|never|no longer|don'?t|doesn'?t|won'?t|shouldn'?t|can'?t|refuse to|"
    r"end|against|anti)\s+(?:\w+\s+)?$"
)
_HOSTILE = re.compile(
    r"\b(?:deport\w*|send\w* (?:\w+ ){0,2}(?:back|home)|(?:go|goes|going|went|gone) (?:back|home)|"
    r"get out|leave (?:the|this|our|my) (?:country|town|street|area|land)|"
    r"where (?:they|you|he|she) came from|get rid|kick\w* (?:\w+ ){0,2}out|ban|banned|"
    r"ovens?|gas(?:sed|sing)?|gas chambers?|chambers|camps?|final solution|nooses?|"
    r"paedo\w*|pedo\w*|nonces?|degenerates?|said no ?(?:one|body)|yeah right|"
    r"invad\w*|invasion|flood\w*|swarm\w*|breed\w*|replac\w*|scum|vermin|animals|parasites|"
    r"leeches|cockroaches|rats|savages|disease|plague|cancer|sub-?human|filth|trash|evil|"
    r"mentally ill|groomers?|predators?|perverts?|terrorists?|rapists?|criminals?|"
    r"not (?:real |really )?(?:women|men|people|human))\b"
)
"""Hostile words about people: said outside the affirming clauses, they make the text
something other than support."""


def affirming_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` affirms a subject ("Trans women are women", see :func:`affirmed_group`) or
    stands by someone ("this party must stop throwing trans people under the bus"), when
    nothing hostile or violent is said outside those places; else ().

    A support verb denied ("we must stop welcoming them") or for something hostile ("I
    support deporting them") does not count, nor an affirmation asked ("... are women?"). Texts
    longer than :data:`~dignity.detectors.text.counter_speech.LONGEST` are left to the models,
    as counter-speech is. Offsets index ``text``; curly apostrophes are straightened first.
    """
    folded = lowered(text)
    # a rare letter whose lower case is longer would make the offsets drift
    if len(text) > LONGEST or len(folded) != len(text):
        return ()
    found: list[tuple[int, int]] = []
    for piece in _PIECE.finditer(folded):
        start = piece.start() + len(piece.group()) - len(piece.group().lstrip())
        asked = folded[piece.end() : piece.end() + 2].lstrip().startswith("?")
        if not asked and affirmed_group(folded[start : piece.end()]) is not None:
            found.append((start, piece.end()))
    for support in _SUPPORT.finditer(folded):
        denied = _DENIED.search(folded, max(0, support.start() - 24), support.start())
        if denied is None and _HOSTILE.search(support.group()) is None:
            found.append((support.start(), support.end()))
    if not found:
        return ()
    found.sort()
    reach = list(accumulate((b for _, b in found), max, initial=0))  # furthest end so far
    rest = " ".join(folded[reach[k] : a] for k, (a, _) in enumerate(found))
    rest += " " + folded[reach[-1] :]
    if _HOSTILE.search(rest) or VIOLENCE.search(rest):
        return ()
    return tuple(found)
