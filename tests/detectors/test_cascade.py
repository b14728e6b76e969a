"""dignity.text.v3: the fast stack settles clear cases, the shipped transformer reads the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from tests.detectors.flagged import categories_flagged

from dignity.detectors.text.cascade import (
    BAND,
    FEATURE_NAMES_V3,
    SHORT_REPLY_WORDS,
    THREAT_UNSEEN,
    UNSEEN_CAP,
    CascadeTextDetector,
    consults,
    gate_v3,
    hold_unseen,
    in_band,
)
from dignity.detectors.text.cascade import BREACH as BREACH_INDEX
from dignity.detectors.text.classifier import CATEGORIES
from dignity.detectors.text.contextual import ContextualClassifier, shipped_dir
from dignity.detectors.text.hybrid import FEATURE_NAMES
from dignity.errors import DetectorError
from dignity.model import Message

BREACH = {"personal_attack", "identity_attack", "threat", "sexual"}


def test_the_shipped_transformer_gives_one_finite_logit_per_category() -> None:
    texts = ["", "👍", "\u200b\u202e\ufeffmixed\u0301 text", "word " * 5000, "x" * 200_000]
    logits = ContextualClassifier().logits(texts)
    assert logits.shape == (len(texts), len(CATEGORIES))
    assert np.isfinite(logits).all()


def test_the_transformer_scores_abuse_above_debate() -> None:
    model = ContextualClassifier()
    debate, insult = model.logits(
        ["I think the housing policy is wrong and costly.", "You are a worthless idiot."]
    )
    personal = CATEGORIES.index("personal_attack")
    assert insult[personal] > debate[personal] + 2.0


def test_a_text_s_logits_do_not_depend_on_its_neighbours() -> None:
    model = ContextualClassifier()
    texts = ["short", "a somewhat longer sentence about the council's budget", "you idiot"]
    together = model.logits(texts)
    alone = np.vstack([model.logits([t]) for t in texts])
    assert np.array_equal(together, alone)


def test_a_long_text_is_read_past_its_first_window() -> None:
    """Cut at 128 tokens, the insult closing a long post was never read: both texts below share
    their first window."""
    model = ContextualClassifier()
    minutes = "The branch discussed the bus routes, the library hours and the parks budget. " * 12
    insult = "You are a pathetic worthless idiot and everyone here is sick of you."
    assert len(model.load()._tokenizer.encode(minutes).overflowing) >= 1
    plain, ending = model.logits([minutes, minutes + insult])[
        :, CATEGORIES.index("personal_attack")
    ]
    assert ending > plain + 1.0


def test_where_the_transformer_saw_it_in_a_long_post() -> None:
    """A finding only the transformer backs points at what it read when it saw it: the run of
    sentences holding the insult, not the whole post; a short text is read, and placed, whole."""
    model = ContextualClassifier()
    minutes = "The branch discussed the bus routes, the library hours and the parks budget. " * 6
    insult = "You are a pathetic worthless idiot and everyone here is sick of you."
    text = minutes + insult + " The next meeting is in March."
    (logits,), (places,) = model.read([text])
    assert np.array_equal(logits, model.logits([text])[0])
    start, end = places[CATEGORIES.index("personal_attack")]
    assert start <= text.index(insult)
    assert text.index(insult) + len(insult) <= end
    assert end - start < len(text) / 2
    assert model.read([insult])[1] == [[(0, len(insult))] * len(CATEGORIES)]


def test_a_missing_model_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(DetectorError, match=r"model\.int8\.onnx"):
        ContextualClassifier(tmp_path).load()


def test_the_shipped_model_records_its_base_and_hashes() -> None:
    model = ContextualClassifier().load()
    assert model.meta["base"] == "all-MiniLM-L6-v2"
    assert model.meta["categories"] == list(CATEGORIES)
    assert set(model.meta["files"]) >= {"model.int8.onnx", "tokenizer.json"}
    assert (shipped_dir() / "LICENSE").is_file()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two-child benefit cap is cruel and indefensible", set()),
        ("You are a pathetic useless idiot", {"personal_attack"}),
        ("Muslims are vermin and should be thrown out", {"identity_attack"}),
        ("I know where you live and I'm going to hurt you", {"threat"}),
        ("Send me nudes babe", {"sexual"}),
        # an unwelcome advance needs no sexual word
        ("Hey gorgeous, why don't you come back to my hotel room after the conference", {"sexual"}),
        ("Burn it all down and start again, the whole system is broken", set()),
        ("Trans women are women. End of.", set()),
        # a group word with a letter dropped or two swapped still names the group
        ("I hate wmen", {"identity_attack"}),
        ("Muslms are terrorists", {"identity_attack"}),
        ("I hat immigrants.", {"identity_attack"}),
        ("This fucking weather, the train is late again", set()),
        ("Pakistanis are insects, nothing more.", {"identity_attack"}),
        # violence as a trait of a whole group (the models alone scored it 0.13)
        ("Muslims are violent", {"identity_attack"}),
        ("Muslims are not violent, stop spreading lies", set()),
        ("The census counts immigrants in every ward.", set()),
        ("Our MP's record on the NHS is shameful and she should resign", set()),
        # "illegal aliens" names immigrants: hate against them is not generic hostility
        ("Illegal aliens are flooding our country, build the wall", {"identity_attack"}),
        ("Aliens deserve the same rights as citizens.", set()),
        ("We should not deport people who have lived here for decades.", set()),
        # a group named inside a hashtag opens the identity gate; a neutral hashtag stays neutral
        ("#womensuck they are all useless", {"identity_attack"}),
        ("The #womenintech meetup was great", set()),
    ],
)
def test_what_it_flags(cascade: CascadeTextDetector, text: str, expected: set[str]) -> None:
    flagged = categories_flagged(cascade, text) & BREACH
    assert expected <= flagged, flagged
    if not expected:
        assert not flagged


def test_clear_cases_skip_the_transformer_and_doubtful_ones_use_it(
    cascade: CascadeTextDetector,
) -> None:
    clear = "Lovely weather for the canvass in Hove today."
    _, consulted = cascade.probabilities(cascade.parts(clear), clear)
    assert not consulted
    doubtful = "It's simply untrue that gay men are lazy."
    fast = cascade.combine(cascade.parts(doubtful))
    assert in_band(fast)
    _, consulted = cascade.probabilities(cascade.parts(doubtful), doubtful)
    assert consulted


@pytest.mark.parametrize(
    "text",
    [
        # quoted to condemn it: the words are abusive, the text is not
        'The leaflet said "Hindus are parasites". That is racist filth and we reported it.',
        # identity words in a short, friendly text
        "I live with two women.",
        "I love women.",
    ],
)
def test_texts_the_bag_of_words_misreads_are_read_by_the_transformer(
    cascade: CascadeTextDetector, text: str
) -> None:
    parts = cascade.parts(text)
    fast = cascade.combine(parts)
    # the bag of words sees abuse (doubtful or sure)...
    assert fast[list(BREACH_INDEX)].max() >= BAND[0]
    assert consults(fast, parts.features)  # ...with nothing explicit to show for it
    assert not categories_flagged(cascade, text) & BREACH


def test_a_sure_score_is_settled_only_when_the_lexicon_backs_it() -> None:
    """Above the band the fast stack is trusted only with an explicit match behind it."""
    n = len(CATEGORIES)
    fast = np.zeros(n)
    fast[CATEGORIES.index("identity_attack")] = 0.95
    features = np.zeros(len(FEATURE_NAMES))
    assert not in_band(fast)
    assert consults(fast, features)  # sure from word statistics alone: ask the transformer
    features[n + CATEGORIES.index("identity_attack")] = 0.9  # the lexicon found a slur
    assert not consults(fast, features)
    assert not consults(np.zeros(n), np.zeros(len(FEATURE_NAMES)))  # clearly clean


def test_sure_scores_backed_by_the_lexicon_skip_the_transformer(
    cascade: CascadeTextDetector,
) -> None:
    text = "Hindus are parasites, every last one of them."
    parts = cascade.parts(text)
    fast = cascade.combine(parts)
    assert not consults(fast, parts.features)
    assert "identity_attack" in categories_flagged(cascade, text)


def test_findings_point_at_words_in_the_text(cascade: CascadeTextDetector) -> None:
    text = "  Honestly, you are a pathetic useless idiot.  "
    findings = cascade.detect(Message(id="m", text=text))
    assert findings
    for finding in findings:
        assert finding.spans
        for span in finding.spans:
            assert text[span.start : span.end] == span.quote
            assert span.quote.strip() == span.quote


def test_a_band_that_is_not_a_range_is_refused() -> None:
    for band in [(0.9, 0.1), (0.1,), ("low", "high"), (-0.1, 0.5)]:
        with pytest.raises(DetectorError, match="band"):
            CascadeTextDetector(band=band)
    assert CascadeTextDetector(band=BAND).band == BAND


def test_gate_v3_lets_the_transformer_carry_a_score_the_bag_of_words_missed() -> None:
    n = len(CATEGORIES)
    features = np.zeros(len(FEATURE_NAMES_V3))
    features[:n] = -6.0  # the classifier: nothing
    features[len(FEATURE_NAMES) : len(FEATURE_NAMES) + n] = 3.0  # the transformer: sure
    stacked = np.full(n, 0.9)
    out = gate_v3(stacked, features, [])
    personal = CATEGORIES.index("personal_attack")
    assert out[personal] == pytest.approx(0.9)
    features[len(FEATURE_NAMES) : len(FEATURE_NAMES) + n] = -6.0  # nobody saw anything
    out = gate_v3(stacked, features, [])
    assert out[personal] < 0.2


def test_a_model_folder_without_the_v3_stacker_is_refused(tmp_path: Path) -> None:
    shipped = shipped_dir().parent
    for name in ("meta.json", "vocab.json", "weights.npz", "stack.json"):
        shutil.copyfile(shipped / name, tmp_path / name)
    with pytest.raises(DetectorError, match=r"contextual/model\.int8\.onnx"):
        CascadeTextDetector(model_dir=str(tmp_path)).load()
    (tmp_path / "contextual").symlink_to(shipped_dir())
    with pytest.raises(DetectorError, match=r"stack-v3\.json"):
        CascadeTextDetector(model_dir=str(tmp_path)).load()


@pytest.mark.parametrize(
    ("about_her", "about_him"),
    [
        (
            "Could you phone her about tomorrow's street stall?",
            "Could you phone him about tomorrow's street stall?",
        ),
        ("She wants to know when the count starts.", "He wants to know when the count starts."),
        ("Let her know the minutes are ready.", "Let him know the minutes are ready."),
        ("Her motion on bus fares passed easily.", "His motion on bus fares passed easily."),
    ],
)
def test_everyday_talk_about_a_woman_scores_like_talk_about_a_man(
    cascade: CascadeTextDetector, about_her: str, about_him: str
) -> None:
    her, him = cascade.scores(about_her), cascade.scores(about_him)
    assert max(her[c] for c in BREACH) < 0.5, her
    assert max(him[c] for c in BREACH) < 0.5, him
    for category in ("sexual", "threat"):
        assert abs(her[category] - him[category]) < 0.25, (category, her, him)


def test_texts_reach_the_transformer_unpadded() -> None:
    # the shipped tokenizer.json pads to 128 tokens; the traced graph would attend to padding
    model = ContextualClassifier().load()
    assert len(model._tokenizer.encode("Let her know").ids) == 5  # [CLS] let her know [SEP]


@pytest.mark.parametrize(
    "text",
    [
        "Trans women are real women.",
        "Refugees are human too.",
        "Gay men are just men.",
        "Immigrants are people.",
        "Black people are human beings like the rest of us.",
        "Travellers are our neighbours.",
        "Refugees deserve a safe home.",
        "Disabled people deserve proper support.",
        "Old people deserve a decent pension, full stop.",
    ],
)
def test_short_affirmations_of_a_group_pass(cascade: CascadeTextDetector, text: str) -> None:
    assert not categories_flagged(cascade, text) & BREACH


@pytest.mark.parametrize(
    "text",
    [
        "Trans women are not real women.",
        "Trans women are men.",
        "Refugees are not human.",
        "Muslims are not people.",
        "No refugees are welcome here.",
        "Immigrants deserve everything that's coming to them.",
        "Muslims deserve a bullet.",
    ],
)
def test_the_same_shapes_denying_a_group_stay_hate(cascade: CascadeTextDetector, text: str) -> None:
    assert "identity_attack" in categories_flagged(cascade, text)


def test_hate_at_illegal_aliens_names_race_as_its_target(cascade: CascadeTextDetector) -> None:
    findings = cascade.detect(Message(id="m", text="Illegal aliens are vermin, send them back"))
    (hate,) = [f for f in findings if f.category == "identity_attack"]
    assert "race" in hate.targets


@pytest.mark.parametrize(
    "text",
    [
        "We burnt a bundle of faggots on the bonfire, as they did in the old days.",
        "Mr Brown's faggots and mushy peas are on offer at the butcher's.",
        "Pikeys Lane floods every winter.",
    ],
)
def test_a_slur_read_as_a_homonym_names_no_group(cascade: CascadeTextDetector, text: str) -> None:
    # the learnt models score the word; the lexicon's reading of it shuts the identity gate
    assert cascade.scores(text)["identity_attack"] <= 0.3


@pytest.mark.parametrize(
    "text",
    [
        "faggots in gravy and gays should burn",  # a group is named besides the homonym
        "those pikeys on the lane stole my bike",  # no place name: the slur is used
    ],
)
def test_a_homonym_beside_hate_does_not_hide_it(cascade: CascadeTextDetector, text: str) -> None:
    assert categories_flagged(cascade, text) & BREACH


@pytest.mark.parametrize(
    "text",
    [
        "They spent the whole night having sex in every room of the house.",
        "Looking for a discreet hookup tonight, no strings, pics in dm.",
        "She moaned as he slid his hand up her thigh and pulled her dress off.",
    ],
)
def test_sexualised_language_is_sexual_whoever_it_is_about(
    cascade: CascadeTextDetector, text: str
) -> None:
    """The code bars "the use of sexualised language", not only remarks aimed at a person;
    described sex is not a threat (the last text once scored threat .50, routed urgent)."""
    scores = cascade.scores(text)
    assert scores["sexual"] >= 0.5
    assert scores["threat"] < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "The PM got a good licking in the by-election.",
        "Labour are in bed with the unions and everyone knows it.",
        "We need a proper debate about the safety of sex workers.",
        "The breast screening programme must be protected from cuts.",
    ],
)
def test_the_same_words_out_of_sex_pass(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["sexual"] < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "my pussy cat is asleep on the sofa",
        "Pussy Riot were jailed for a protest song",
        "Don't be such a pussy",
    ],
)
def test_a_sexual_word_read_in_another_sense_is_not_sexual(
    cascade: CascadeTextDetector, text: str
) -> None:
    """The learnt models scored each 1.0 as sexual; the lexicon reads the word as a cat, a band,
    a coward."""
    assert cascade.scores(text)["sexual"] <= 0.3


def test_a_coward_insult_is_a_personal_attack(cascade: CascadeTextDetector) -> None:
    flagged = categories_flagged(cascade, "you pussy")
    assert "personal_attack" in flagged
    assert "sexual" not in flagged


@pytest.mark.parametrize("text", ["nice pussy", "grab her by the pussy", "your pussy looks wet"])
def test_the_same_word_used_sexually_stays_sexual(cascade: CascadeTextDetector, text: str) -> None:
    assert "sexual" in categories_flagged(cascade, text)


@pytest.mark.parametrize(
    "text",
    [
        'If you call women "bitches" you have no place in this party.',
        'Calling refugees "cockroaches" is vile and dehumanising.',
        "I'm so sick of seeing people call trans women \"men in dresses\". It's cruel.",
        "Saying disabled people are a burden is ableist nonsense.",
        "Racists like to say immigrants are parasites. They're wrong.",
        '"Women belong in the kitchen" is sexism',
        # abuse the writer received, shared
        'I keep getting messages like "die you fat cow"',
        "I was called a paki at work today and nobody did anything",
        "He called me a stupid bitch",
    ],
)
def test_abuse_reported_to_condemn_it_passes(cascade: CascadeTextDetector, text: str) -> None:
    """Each of these was a breach (0.51-0.85): the transformer or the lexicon missed the frame."""
    assert not categories_flagged(cascade, text) & BREACH


@pytest.mark.parametrize(
    "text",
    [
        "People say refugees are vile",
        "Everyone says Muslims are disgusting and they're right",
        "I call women \"bitches\" because that's what they are, it's disgusting how they act",
        "Calling refugees cockroaches is just telling the truth",
        "I called them pakis and I'd do it again",
    ],
)
def test_the_same_words_said_endorsed_or_as_ones_own_stay_hate(
    cascade: CascadeTextDetector, text: str
) -> None:
    assert "identity_attack" in categories_flagged(cascade, text)


@pytest.mark.parametrize(
    ("text", "category", "reason"),
    [
        ("I want to kill myself", "threat", "harming oneself"),
        ("I'll kill you at Mario Kart, loser buys the drinks", "threat", "a game"),
        ('Calling refugees "cockroaches" is vile and dehumanising.', "identity_attack", "condemn"),
        ("Refugees deserve a safe home", "identity_attack", "affirms"),
        ("my pussy cat is asleep on the sofa", "sexual", "another sense"),
        ("leave her alone", "threat", "to stop"),
        ("The DWP is killing disabled people", "identity_attack", "a policy"),
        ("DM me", "sexual", "at most 4 words"),
        ("Illegal immigrants should be deported", "identity_attack", "legal status"),
    ],
)
def test_a_finding_held_down_says_why(
    cascade: CascadeTextDetector, text: str, category: str, reason: str
) -> None:
    (finding,) = [f for f in cascade.detect(Message(id="h", text=text)) if f.category == category]
    assert "Held at" in finding.rationale
    assert reason in finding.rationale


def test_a_finding_not_held_down_does_not_say_so(cascade: CascadeTextDetector) -> None:
    findings = cascade.detect(Message(id="n", text="Refugees are cockroaches"))
    assert findings
    assert not any("Held at" in f.rationale for f in findings)


@pytest.mark.parametrize(
    ("text", "category"),
    [("Me", "sexual"), ("@someone DM me", "sexual"), ("Hot", "sexual"), ("Dead", "threat")],
)
def test_a_short_reply_the_transformer_sees_nothing_in_is_held(
    cascade: CascadeTextDetector, text: str, category: str
) -> None:
    """The classifier alone scored these 0.92, 0.81, 0.66 and 0.98."""
    assert cascade.scores(text)[category] <= UNSEEN_CAP


def test_fuck_you_is_an_insult_not_sexual_talk(cascade: CascadeTextDetector) -> None:
    scores = cascade.scores("fuck you")
    assert scores["sexual"] <= UNSEEN_CAP
    assert scores["personal_attack"] >= 0.5


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("I will kill you", "threat"),  # the lexicon's explicit threat
        ("You're dead meat", "threat"),
        ("Send nudes", "sexual"),
        ("show me your tits", "sexual"),
    ],
)
def test_short_abuse_the_lexicon_or_transformer_sees_is_kept(
    cascade: CascadeTextDetector, text: str, category: str
) -> None:
    assert len(text.split()) <= SHORT_REPLY_WORDS
    assert cascade.scores(text)[category] >= 0.5


def test_only_a_short_reply_unseen_by_the_transformer_is_held(
    cascade: CascadeTextDetector,
) -> None:
    """The same words and the same stacked scores: held in four words, not in five, and not
    where the transformer sees the category."""
    sexual = CATEGORIES.index("sexual")
    unseen, seen = np.zeros(len(CATEGORIES)), np.full(len(CATEGORIES), 0.9)
    probs = np.full(len(CATEGORIES), 0.8)
    short = "@a @b DM me now https://example.org"
    assert hold_unseen(cascade.parts(short), short, probs, unseen)[sexual] == UNSEEN_CAP
    assert hold_unseen(cascade.parts(short), short, probs, seen)[sexual] == 0.8
    longer = "DM me now or later"
    assert hold_unseen(cascade.parts(longer), longer, probs, unseen)[sexual] == 0.8


def test_a_threat_the_transformer_does_not_see_needs_the_lexicon(
    cascade: CascadeTextDetector,
) -> None:
    """In a text of any length: below THREAT_UNSEEN the stacked threat is held, unless the
    lexicon found an explicit threat; at or above it the stacked score stands."""
    threat = CATEGORIES.index("threat")
    probs = np.full(len(CATEGORIES), 0.8)
    context = np.zeros(len(CATEGORIES))
    plain = "Just give her the space she needs and let her decide in her own time"
    assert hold_unseen(cascade.parts(plain), plain, probs, context)[threat] == UNSEEN_CAP
    context[threat] = THREAT_UNSEEN
    assert hold_unseen(cascade.parts(plain), plain, probs, context)[threat] == 0.8
    context[threat] = 0.0
    menace = "I know where you live and I know what car you drive, so be careful"
    assert cascade.parts(menace).lexicon["threat"].score >= 0.5
    assert hold_unseen(cascade.parts(menace), menace, probs, context)[threat] == 0.8


@pytest.mark.parametrize(
    "text",
    [
        "Good for her. No one will know who she is anyway.",
        "Just dont treat her differently, give her the space she needs",
        "I hope coming here will help me not be depressed",
    ],
)
def test_her_beside_a_verb_is_not_a_threat(cascade: CascadeTextDetector, text: str) -> None:
    """The stacked scores made these threats (0.52-0.59); the transformer gave 0.01-0.07."""
    assert cascade.scores(text)["threat"] <= UNSEEN_CAP


@pytest.mark.parametrize(
    "text",
    [
        "Keep talking, Lee, and you'll find out what happens to people like you.",
        "People like you end up in the canal",
        "Darren, I know which school your daughter goes to.",
        "Someone should teach her a lesson",
    ],
)
def test_veiled_threats_stay_threats(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["threat"] >= 0.5
