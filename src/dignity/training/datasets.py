"""One reader per public dataset in ``../shared/data``, each mapped into dignity's categories.

Every reader yields :class:`~dignity.training.labels.Example` records ``(text, labels, targets,
source, split)``. The mapping from each source's labels to ours is the single table
:data:`MAPPING` below; readers only look rows up in it. Its choices, source by source:

``olid`` (OffensEval 2019, train file only)
    NOT is clean of everything, including swearing (the guidelines define NOT as "no offence or
    profanity"). OFF+UNT is untargeted profanity: ``profanity`` 1 and no attack. OFF+TIN+IND is
    an insult or threat aimed at an individual: ``personal_attack`` 1 (``threat`` unknown, as
    TIN mixes the two). TIN+GRP is aimed at a group that may or may not be protected (often a
    political side), so both attack categories stay unknown. TIN+OTH (an organisation, event or
    issue) is not an attack on a person.
``davidson2017``
    "hate" is ``identity_attack`` 1; "offensive" is ``identity_attack`` 0 with everything else
    unknown (it is mostly casual slurs and swearing, and known to over-label African-American
    English); "neither" is clean.
``hatexplain`` (punctuation-stripped copy)
    hatespeech -> ``identity_attack`` 1; offensive -> ``identity_attack`` 0, other attacks
    unknown; normal -> clean; no majority -> dropped.
``edos``
    Every "sexist" post is an ``identity_attack`` on gender. Category 1 (threats, plans to harm,
    incitement) is also ``threat``; vector 2.3 (dehumanising attacks and overt sexual
    objectification) is also ``sexual``. Not sexist: ``identity_attack``, ``threat`` and
    ``sexual`` 0, as EDOS sampled posts about women, so these are mostly neutral mentions of
    gender; without them as negatives, mentioning a woman ("let her know...") was learnt as a
    sign of threats and sexual remarks.
``convabuse``
    Majority of annotators. Clean when most chose "not abusive"; abusive when most chose a
    severity of -1..-3; otherwise dropped. Among abusive utterances a type ticked by at least
    half of those annotators maps: sex_harassment -> ``sexual``; sexist, racist, homophobic,
    transphobic, ableist -> ``identity_attack`` with the matching target; intellectual insult,
    or a target of "individual", -> ``personal_attack``.
``political-incivility-twitter`` (train file only)
    Neither impolite nor intolerant -> clean. Intolerant (attacks on opponents or groups, or on
    their rights) -> ``personal_attack`` 1: the code of conduct allows forceful criticism of
    views but not attacks on the people holding them. Impolite only -> attacks unknown (the
    authors call impoliteness "sometimes acceptable").
``reddit-incivility``
    Civil -> clean. Uncivil -> every attack unknown (incivility mixes insults, vulgarity and
    aspersion); only the swearing label is kept.
``tweeteval-hate`` (HatEval: immigrants and women)
    hate -> ``identity_attack`` 1; not hate -> 0.
``cmsb`` ("Call me sexist but", incl. adversarial non-sexist rewrites)
    sexist -> ``identity_attack`` 1 on gender; not sexist -> 0.
``mlma-en`` (every tweet is hostile-ish)
    hateful, aimed at a group -> ``identity_attack`` 1 with the target attribute; hateful at an
    individual -> ``personal_attack`` 1; "normal" -> clean; anything else -> unknown.
``ethos``
    isHate >= 0.5 -> ``identity_attack`` 1 (targets and ``threat`` from the multi-label file,
    where violence >= 0.5 is a threat); isHate <= 0.2 -> 0; in between -> dropped.
``stormfront``
    hate -> ``identity_attack`` 1; noHate -> 0; relation and idk/skip -> dropped.

``profanity`` is annotated only by OLID. For every other source it is a "silver" label: 1 when
the text contains one of the swear roots of :func:`~dignity.training.labels.has_swearing`, else
0 (written ``SWEAR`` in the table).

Splits: the official ones where a source has them (EDOS, ConvAbuse, HateXplain, TweetEval,
Reddit incivility's 80/20 files, Stormfront's sampled test set); otherwise a stable hash of the
normalised text (80/10/10). The data directory defaults to ``../shared/data`` beside the
repository root and is overridden by ``DIGNITY_DATA_DIR``.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Final, Literal

from dignity.training.labels import (
    CATEGORIES,
    Example,
    Label,
    dedup_key,
    has_swearing,
    hash_split,
)

SWEAR: Final = "swear"
"""In :data:`MAPPING`: the ``profanity`` label is 1 exactly when the text contains swearing."""

Cell = Label | Literal["swear"]

_P, _I, _T, _S, _W = CATEGORIES  # personal_attack, identity_attack, threat, sexual, profanity

_CLEAN: dict[str, Cell] = {_P: 0, _I: 0, _T: 0, _S: 0, _W: SWEAR}

MAPPING: Final[dict[str, dict[str, dict[str, Cell]]]] = {
    "olid": {
        "NOT": {_P: 0, _I: 0, _T: 0, _S: 0, _W: 0},
        "OFF/UNT": {_P: 0, _I: 0, _T: 0, _W: 1},
        "OFF/TIN/IND": {_P: 1, _W: SWEAR},
        "OFF/TIN/GRP": {_W: SWEAR},
        "OFF/TIN/OTH": {_P: 0, _I: 0, _W: SWEAR},
    },
    "davidson2017": {
        "hate": {_I: 1, _W: SWEAR},
        "offensive": {_I: 0, _W: SWEAR},
        "neither": _CLEAN,
    },
    "hatexplain": {
        "hatespeech": {_I: 1, _W: SWEAR},
        "offensive": {_I: 0, _W: SWEAR},
        "normal": _CLEAN,
    },
    "edos": {
        "not sexist": {_I: 0, _T: 0, _S: 0, _W: SWEAR},
        "1. threats, plans to harm and incitement": {_I: 1, _T: 1, _W: SWEAR},
        "2. derogation": {_I: 1, _T: 0, _W: SWEAR},
        "2.3 dehumanising attacks & overt sexual objectification": {
            _I: 1,
            _T: 0,
            _S: 1,
            _W: SWEAR,
        },
        "3. animosity": {_I: 1, _T: 0, _W: SWEAR},
        "4. prejudiced discussions": {_I: 1, _T: 0, _W: SWEAR},
    },
    "convabuse": {
        "clean": _CLEAN,
        "abusive": {_T: None, _W: SWEAR},  # the types below fill in the rest
        "type:sex_harassment": {_S: 1},
        "type:identity": {_I: 1},
        "type:intellectual": {_P: 1},
        "target:individual": {_P: 1},
    },
    "political-incivility-twitter": {
        "civil": _CLEAN,
        "intolerant": {_P: 1, _W: SWEAR},
        "impolite": {_S: 0, _W: SWEAR},
    },
    "reddit-incivility": {
        "civil": _CLEAN,
        "uncivil": {_W: SWEAR},
    },
    "tweeteval-hate": {
        "hate": {_I: 1, _W: SWEAR},
        "not-hate": {_I: 0, _W: SWEAR},
    },
    "cmsb": {
        "sexist": {_I: 1, _W: SWEAR},
        "not sexist": {_I: 0, _W: SWEAR},
    },
    "mlma-en": {
        "hateful/group": {_I: 1, _W: SWEAR},
        "hateful/individual": {_P: 1, _W: SWEAR},
        "normal": _CLEAN,
        "other": {_W: SWEAR},
    },
    "ethos": {
        "hate": {_I: 1, _W: SWEAR},
        "hate/violent": {_I: 1, _T: 1, _W: SWEAR},
        "not-hate": {_I: 0, _W: SWEAR},
    },
    "stormfront": {
        "hate": {_I: 1, _W: SWEAR},
        "noHate": {_I: 0, _W: SWEAR},
    },
}

TARGET_NAMES: Final[dict[str, str]] = {
    # source vocabulary -> TARGETS (nationality and ethnic origin count as race)
    "gender": "gender",
    "sexist": "gender",
    "women": "gender",
    "race": "race",
    "racist": "race",
    "origin": "race",
    "national_origin": "race",
    "religion": "religion",
    "sexual_orientation": "sexual_orientation",
    "homophobic": "sexual_orientation",
    "transphobic": "gender_identity",
    "disability": "disability",
    "ableist": "disability",
}


def default_data_dir() -> Path:
    """``$DIGNITY_DATA_DIR``, else ``../shared/data`` beside the repository root."""
    env = os.environ.get("DIGNITY_DATA_DIR")
    if env:
        return Path(env)
    # src/dignity/training/datasets.py -> parents[3] is the repository root
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def resolve(source: str, source_label: str, text: str) -> dict[str, Label]:
    """Our labels for one row of ``source`` whose own label is ``source_label``."""
    row = MAPPING[source][source_label]
    out: dict[str, Label] = dict.fromkeys(CATEGORIES)
    for category, cell in row.items():
        out[category] = int(has_swearing(text)) if cell == SWEAR else cell
    return out


def _merge(base: dict[str, Label], extra: Mapping[str, Cell]) -> dict[str, Label]:
    out = dict(base)
    for category, cell in extra.items():
        if cell != SWEAR:
            out[category] = cell
    return out


def _csv(
    path: Path, *, delimiter: str = ",", fieldnames: list[str] | None = None
) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle, fieldnames=fieldnames, delimiter=delimiter)


def _example(
    text: str, labels: dict[str, Label], source: str, split: str, targets: tuple[str, ...] = ()
) -> Example:
    return Example(text=text, labels=labels, targets=targets, source=source, split=split)


def read_olid(data_dir: Path) -> Iterator[Example]:
    for row in _csv(data_dir / "olid" / "olid-training-v1.0.tsv", delimiter="\t"):
        a, b, c = row["subtask_a"], row["subtask_b"], row["subtask_c"]
        key = "NOT" if a == "NOT" else ("OFF/UNT" if b == "UNT" else f"OFF/TIN/{c}")
        if key not in MAPPING["olid"]:
            continue
        text = row["tweet"]
        yield _example(text, resolve("olid", key, text), "olid", hash_split(text))


def read_davidson(data_dir: Path) -> Iterator[Example]:
    names = {"0": "hate", "1": "offensive", "2": "neither"}
    for row in _csv(data_dir / "davidson2017" / "labeled_data.csv"):
        text = row["tweet"]
        key = names[row["class"]]
        yield _example(text, resolve("davidson2017", key, text), "davidson2017", hash_split(text))


def read_hatexplain(data_dir: Path) -> Iterator[Example]:
    folder = data_dir / "hatexplain"
    divisions = json.loads((folder / "post_id_divisions.json").read_text(encoding="utf-8"))
    split_of = {
        pid: ("dev" if name == "val" else name) for name, ids in divisions.items() for pid in ids
    }
    names = {"0": "normal", "1": "hatespeech", "2": "offensive"}
    for row in _csv(folder / "hatexplain_mbib_majority.csv"):
        key = names.get(row["category"])
        split = split_of.get(row[""])
        if key is None or split is None:
            continue
        text = row["text"].strip()
        yield _example(text, resolve("hatexplain", key, text), "hatexplain", split)


def read_edos(data_dir: Path) -> Iterator[Example]:
    for row in _csv(data_dir / "edos" / "edos_labelled_aggregated.csv"):
        text = row["text"]
        if row["label_sexist"] == "not sexist":
            labels = resolve("edos", "not sexist", text)
            targets: tuple[str, ...] = ()
        else:
            key = (
                row["label_vector"]
                if row["label_vector"].startswith("2.3")
                else (row["label_category"])
            )
            labels = resolve("edos", key, text)
            targets = ("gender",)
        yield _example(text, labels, "edos", row["split"], targets)


_CONVABUSE_IDENTITY = ("sexist", "racist", "homophobic", "transphobic", "ableist")


def read_convabuse(data_dir: Path) -> Iterator[Example]:
    folder = data_dir / "convabuse"
    for split, name in (("train", "train"), ("dev", "valid"), ("test", "test")):
        for row in _csv(folder / f"ConvAbuseEMNLP{name}.csv"):
            text = row["user"].strip()
            if not text:
                continue
            annotators = sorted({k.split("_")[0] for k in row if k.startswith("Annotator")})
            clean = abusive = 0
            votes: dict[str, int] = {}
            for ann in annotators:
                sev = [
                    row.get(f"{ann}_is_abuse.{v}", "") == "1" for v in ("1", "0", "-1", "-2", "-3")
                ]
                if not any(sev):
                    continue
                if sev[0]:
                    clean += 1
                elif any(sev[2:]):
                    abusive += 1
                    for field in (
                        *_CONVABUSE_IDENTITY,
                        "sex_harassment",
                        "intellectual",
                        "target.individual",
                    ):
                        if row.get(f"{ann}_{field}", "") == "1":
                            votes[field] = votes.get(field, 0) + 1
            total = clean + abusive + 0
            if total == 0:
                continue
            if clean * 2 > total:
                yield _example(text, resolve("convabuse", "clean", text), "convabuse", split)
                continue
            if abusive * 2 <= total:
                continue
            labels = resolve("convabuse", "abusive", text)
            labels.update({"personal_attack": 0, "identity_attack": 0, "sexual": 0})
            chosen = {f for f, n in votes.items() if n * 2 >= abusive}
            targets = tuple(sorted({TARGET_NAMES[f] for f in chosen if f in _CONVABUSE_IDENTITY}))
            table = MAPPING["convabuse"]
            if "sex_harassment" in chosen:
                labels = _merge(labels, table["type:sex_harassment"])
            if targets:
                labels = _merge(labels, table["type:identity"])
            if "intellectual" in chosen:
                labels = _merge(labels, table["type:intellectual"])
            if "target.individual" in chosen and not targets:
                labels = _merge(labels, table["target:individual"])
            if not any(labels[c] for c in ("personal_attack", "identity_attack", "sexual")):
                labels["personal_attack"] = None  # abusive, but of a kind we cannot name
            yield _example(text, labels, "convabuse", split, targets)


def read_political_incivility(data_dir: Path) -> Iterator[Example]:
    for row in _csv(data_dir / "political-incivility-twitter" / "train.csv"):
        text = row["text"]
        if row["intolerance"] == "1":
            key = "intolerant"
        elif row["impoliteness"] == "1":
            key = "impolite"
        else:
            key = "civil"
        yield _example(
            text,
            resolve("political-incivility-twitter", key, text),
            "political-incivility-twitter",
            hash_split(text),
        )


def read_reddit_incivility(data_dir: Path) -> Iterator[Example]:
    folder = data_dir / "reddit-incivility"
    for name, official in (("train", "train"), ("test", "test")):
        path = folder / f"incivility_coded_0302.{name}.csv"
        for row in _csv(path, fieldnames=["comment", "correction"]):
            text = (row["comment"] or "").strip()
            if not text or row["correction"] not in ("0", "1"):
                continue
            split = (
                official
                if official == "test"
                else ("dev" if hash_split(text, dev=10, test=0) == "dev" else "train")
            )
            key = "uncivil" if row["correction"] == "1" else "civil"
            yield _example(
                text, resolve("reddit-incivility", key, text), "reddit-incivility", split
            )


def read_tweeteval_hate(data_dir: Path) -> Iterator[Example]:
    folder = data_dir / "tweeteval-hate"
    for split, name in (("train", "train"), ("dev", "val"), ("test", "test")):
        texts = (folder / f"{name}_text.txt").read_text(encoding="utf-8").split("\n")
        golds = (folder / f"{name}_labels.txt").read_text(encoding="utf-8").split("\n")
        for text, gold in zip(texts, golds, strict=False):
            if not gold.strip() or not text.strip():
                continue
            key = "hate" if gold.strip() == "1" else "not-hate"
            yield _example(
                text.strip(), resolve("tweeteval-hate", key, text), "tweeteval-hate", split
            )


def read_cmsb(data_dir: Path) -> Iterator[Example]:
    for row in _csv(data_dir / "cmsb" / "sexism_data.csv"):
        text = row["text"]
        sexist = row["sexist"] == "True"
        yield _example(
            text,
            resolve("cmsb", "sexist" if sexist else "not sexist", text),
            "cmsb",
            hash_split(text),
            ("gender",) if sexist else (),
        )


def read_mlma(data_dir: Path) -> Iterator[Example]:
    for row in _csv(data_dir / "mlma-en" / "en_dataset_with_stop_words.csv"):
        text = row["tweet"]
        sentiments = set(row["sentiment"].split("_"))
        targets: tuple[str, ...] = ()
        if "hateful" in sentiments and row["group"] == "individual":
            key = "hateful/individual"
        elif "hateful" in sentiments:
            key = "hateful/group"
            target = TARGET_NAMES.get(row["target"])
            targets = (target,) if target else ()
        elif sentiments == {"normal"}:
            key = "normal"
        else:
            key = "other"
        yield _example(text, resolve("mlma-en", key, text), "mlma-en", hash_split(text), targets)


_ETHOS_TARGETS = (
    "gender",
    "race",
    "national_origin",
    "disability",
    "religion",
    "sexual_orientation",
)


def read_ethos(data_dir: Path) -> Iterator[Example]:
    folder = data_dir / "ethos"
    multi: dict[str, dict[str, str]] = {}
    for row in _csv(folder / "Ethos_Dataset_Multi_Label.csv", delimiter=";"):
        multi[dedup_key(row["comment"])] = row
    for row in _csv(folder / "Ethos_Dataset_Binary.csv", delimiter=";"):
        text = row["comment"]
        score = float(row["isHate"])
        if 0.2 < score < 0.5:
            continue
        targets: tuple[str, ...] = ()
        key = "not-hate"
        if score >= 0.5:
            key = "hate"
            extra = multi.get(dedup_key(text))
            if extra is not None:
                if float(extra["violence"]) >= 0.5:
                    key = "hate/violent"
                targets = tuple(
                    sorted({TARGET_NAMES[t] for t in _ETHOS_TARGETS if float(extra[t]) >= 0.5})
                )
        yield _example(text, resolve("ethos", key, text), "ethos", hash_split(text), targets)


def read_stormfront(data_dir: Path) -> Iterator[Example]:
    for row in _csv(data_dir / "stormfront" / "stormfront_sentences.csv"):
        if row["label"] not in ("hate", "noHate"):
            continue
        text = row["text"]
        split = "test" if row["sampled_split"] == "test" else hash_split(text, dev=10, test=0)
        yield _example(text, resolve("stormfront", row["label"], text), "stormfront", split)


READERS: Final[dict[str, Callable[[Path], Iterator[Example]]]] = {
    "olid": read_olid,
    "davidson2017": read_davidson,
    "hatexplain": read_hatexplain,
    "edos": read_edos,
    "convabuse": read_convabuse,
    "political-incivility-twitter": read_political_incivility,
    "reddit-incivility": read_reddit_incivility,
    "tweeteval-hate": read_tweeteval_hate,
    "cmsb": read_cmsb,
    "mlma-en": read_mlma,
    "ethos": read_ethos,
    "stormfront": read_stormfront,
}


def available_sources(data_dir: Path | None = None) -> list[str]:
    """The sources whose folder exists under ``data_dir``."""
    root = data_dir or default_data_dir()
    return [name for name in READERS if (root / name).is_dir()]


def read(source: str, data_dir: Path | None = None) -> Iterator[Example]:
    """Every example of one source, all splits."""
    try:
        reader = READERS[source]
    except KeyError:
        raise ValueError(f"unknown source {source!r}; known: {', '.join(READERS)}") from None
    return reader(data_dir or default_data_dir())


def read_all(data_dir: Path | None = None) -> Iterator[Example]:
    """Every example of every source present, all splits."""
    root = data_dir or default_data_dir()
    for source in available_sources(root):
        yield from read(source, root)
