"""The label mapping on small in-test rows, and the readers on the real shared files if present."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dignity.training import datasets
from dignity.training.contrast import generate, obfuscate
from dignity.training.labels import (
    CATEGORIES,
    SPLITS,
    Example,
    dedup_key,
    has_swearing,
    hash_split,
)


def test_every_mapping_row_names_only_our_categories() -> None:
    for source, table in datasets.MAPPING.items():
        assert source in datasets.READERS
        for row in table.values():
            assert set(row) <= set(CATEGORIES)
            assert all(v in (0, 1, None, datasets.SWEAR) for v in row.values())


@pytest.mark.parametrize(
    ("source", "label", "text", "expected"),
    [
        ("olid", "NOT", "have a nice day", {"personal_attack": 0, "profanity": 0}),
        ("olid", "OFF/UNT", "oh shit", {"profanity": 1, "personal_attack": 0}),
        (
            "olid",
            "OFF/TIN/IND",
            "you are an idiot",
            {"personal_attack": 1, "profanity": 0, "threat": None},
        ),
        (
            "olid",
            "OFF/TIN/GRP",
            "liberals are kooks",
            {"personal_attack": None, "identity_attack": None},
        ),
        ("davidson2017", "hate", "x", {"identity_attack": 1}),
        ("davidson2017", "offensive", "that bitch", {"identity_attack": 0, "profanity": 1}),
        (
            "edos",
            "1. threats, plans to harm and incitement",
            "x",
            {"identity_attack": 1, "threat": 1},
        ),
        ("political-incivility-twitter", "intolerant", "x", {"personal_attack": 1}),
        (
            "political-incivility-twitter",
            "civil",
            "x",
            {"personal_attack": 0, "identity_attack": 0},
        ),
        ("reddit-incivility", "uncivil", "fuck off", {"personal_attack": None, "profanity": 1}),
        ("ethos", "hate/violent", "x", {"threat": 1, "identity_attack": 1}),
    ],
)
def test_resolve(source: str, label: str, text: str, expected: dict[str, int | None]) -> None:
    labels = datasets.resolve(source, label, text)
    assert set(labels) == set(CATEGORIES)
    for category, value in expected.items():
        assert labels[category] == value


def test_convabuse_majority_and_types(tmp_path: Path) -> None:
    folder = tmp_path / "convabuse"
    folder.mkdir()
    fields = ["example_id", "user"]
    for a in (1, 2, 3):
        fields += [f"Annotator{a}_is_abuse.{v}" for v in ("1", "0", "-1", "-2", "-3")]
        fields += [
            f"Annotator{a}_{t}"
            for t in ("sexist", "sex_harassment", "intellectual", "target.individual")
        ]
    rows = [
        {
            "user": "send me pics",
            "Annotator1_is_abuse.-2": "1",
            "Annotator2_is_abuse.-1": "1",
            "Annotator3_is_abuse.1": "1",
            "Annotator1_sex_harassment": "1",
            "Annotator2_sex_harassment": "1",
        },
        {"user": "hello there", "Annotator1_is_abuse.1": "1", "Annotator2_is_abuse.1": "1"},
    ]
    for name in ("train", "valid", "test"):
        with (folder / f"ConvAbuseEMNLP{name}.csv").open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, restval="")
            writer.writeheader()
            writer.writerows(rows if name == "train" else [])
    got = list(datasets.read_convabuse(tmp_path))
    assert [e.text for e in got] == ["send me pics", "hello there"]
    assert got[0].labels["sexual"] == 1
    assert got[0].labels["identity_attack"] == 0
    assert got[1].labels["sexual"] == 0
    assert got[1].labels["personal_attack"] == 0


def test_dedup_key_and_hash_split_are_stable() -> None:
    assert dedup_key("@USER Hello, WORLD!! http://x.co") == dedup_key("hello world")
    assert hash_split("some text") == hash_split("Some text!")
    assert hash_split("some text") in SPLITS


def test_swearing_silver_label() -> None:
    assert has_swearing("what the f*ck")
    assert has_swearing("sh1t happens")
    assert not has_swearing("Scunthorpe is lovely")
    assert not has_swearing("I assume so")


def test_synthetic_data_is_marked_seeded_and_labelled() -> None:
    first = generate(3, scale=0.05, obfuscated=0)
    assert first == generate(3, scale=0.05, obfuscated=0)
    assert all(e.source.startswith("synthetic:") and e.split == "train" for e in first)
    assert all(set(e.labels) == set(CATEGORIES) for e in first)
    politics = [e for e in first if e.source == "synthetic:politics"]
    assert politics
    assert all(e.labels["personal_attack"] == 0 for e in politics)


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    """A small synthetic sample, generated once for the family tests below."""
    return generate(5, scale=0.2, obfuscated=0)


def test_sexualised_language_is_sexual_and_nothing_else(examples: list[Example]) -> None:
    """The code bars sexualised language whoever it is about: described sex is ``sexual``
    but no attack or threat; the same words out of sex are clean; no slot is left empty."""
    sexualised = [e for e in examples if e.source == "synthetic:sexualised"]
    neutral = [e for e in examples if e.source == "synthetic:sexualised_neutral"]
    assert len(sexualised) > 100
    assert len(neutral) > 50
    for e in sexualised:
        assert e.labels["sexual"] == 1, e.text
        assert e.labels["threat"] == e.labels["identity_attack"] == 0, e.text
    for e in neutral:
        assert all(e.labels[c] == 0 for c in CATEGORIES if c != "profanity"), e.text
    for e in sexualised + neutral:
        for flaw in ("{", "  ", " .", "him's", "me's"):
            assert flaw not in e.text, e.text


def test_calls_for_expulsion_are_not_threats(examples: list[Example]) -> None:
    """Wanting a member expelled or sacked is politics; wanting a protected group thrown out
    is exclusion (hate, with its target); neither is a threat of violence."""
    removal = [e for e in examples if e.source == "synthetic:removal"]
    expulsion = [e for e in examples if e.source == "synthetic:expulsion"]
    assert len(removal) > 50
    assert len(expulsion) > 30
    assert all(all(e.labels[c] == 0 for c in CATEGORIES if c != "profanity") for e in removal)
    for e in expulsion:
        assert e.labels["identity_attack"] == 1, e.text
        assert e.labels["threat"] == 0, e.text
        assert len(e.targets) == 1, e.text


def test_obfuscate_changes_text_deterministically() -> None:
    import random

    text = "you are a pathetic useless idiot"
    assert obfuscate(text, random.Random(1)) == obfuscate(text, random.Random(1))


_DATA = datasets.default_data_dir()


@pytest.mark.skipif(not _DATA.is_dir(), reason="shared datasets not present")
@pytest.mark.parametrize("source", sorted(datasets.READERS))
def test_reader_on_shared_files(source: str) -> None:
    if not (_DATA / source).is_dir():
        pytest.skip(f"{source} not present")
    examples = list(datasets.read(source, _DATA))
    assert len(examples) > 500
    assert {e.split for e in examples} <= set(SPLITS)
    assert "train" in {e.split for e in examples}
    for e in examples[:200]:
        assert e.text
        assert set(e.labels) == set(CATEGORIES)
        assert e.source == source
    assert any(any(v == 1 for v in e.labels.values()) for e in examples)


def test_data_dir_env_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("DIGNITY_DATA_DIR", str(tmp_path))
    assert datasets.default_data_dir() == tmp_path
    assert datasets.available_sources() == []
