"""The functional suite is a held-out evaluation set: sized, labelled, disjoint from training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dignity.training import contrast, functional, functional_blind
from dignity.training.bar import format_table, write_card
from dignity.training.evaluate import run_evaluate
from dignity.training.labels import dedup_key


def test_the_suite_is_large_and_covers_many_functionalities() -> None:
    cases = functional.cases()
    assert len(cases) >= 300
    names = {c.functionality for c in cases}
    assert len(names) >= 25
    assert set(functional.descriptions()) == names
    hate = [c for c in cases if c.suite == "hate"]
    assert 0.5 < sum(c.hateful for c in hate) / len(hate) < 0.8
    assert len({dedup_key(c.text) for c in cases}) == len(cases)


def test_only_abuse_of_one_person_differs_between_the_two_labels() -> None:
    differ = {c.functionality for c in functional.cases() if c.hateful != c.breach}
    assert differ <= {
        "target_individual",
        "personal_attack_politician",
        "threat_person",
        "sexual_person",
    }


def test_the_suite_is_disjoint_from_the_synthetic_training_data() -> None:
    trained = {dedup_key(e.text) for e in contrast.generate(0)}
    assert not trained & {dedup_key(t) for t in functional.texts()}


def test_the_blind_companion_covers_the_29_functionalities_with_its_own_texts() -> None:
    cases = functional_blind.cases()
    assert len(cases) >= 300
    assert len({c.functionality for c in cases}) == 29
    assert len({dedup_key(c.text) for c in cases}) == len(cases)
    assert {c.functionality for c in cases if c.hateful != c.breach} == {"target_indiv_nh"}
    # new texts: nothing shared with the development suite or the synthetic training families
    first = {dedup_key(t) for t in functional.texts()}
    trained = {dedup_key(e.text) for e in contrast.generate(0)}
    assert not (first | trained) & {dedup_key(c.text) for c in cases}
    # every spelling variant disguises one word of a hateful case, so none reads as written
    spelled = [c for c in cases if c.functionality.startswith("spell_")]
    plain = {dedup_key(c.text) for c in cases if not c.functionality.startswith("spell_")}
    assert len(spelled) >= 5 * 13
    assert all(c.hateful and dedup_key(c.text) not in plain for c in spelled)


def test_cases_can_exclude_texts() -> None:
    first = functional.cases()[0]
    assert first not in functional.cases(exclude=[first.text.upper()])


def test_the_bar_table_and_card_section(tmp_path: Path) -> None:
    report = {
        "detectors": ["x.v1"],
        "functional": {
            "n": 2,
            "accuracy": 0.5,
            "n_all": 3,
            "code_accuracy": 1 / 3,
            "per_functionality": {"slur": {"n": 2, "accuracy": 0.5}},
        },
        "functional_blind": {"n": 5, "accuracy": 0.8, "n_all": 6, "code_accuracy": 0.5},
        "moderation": {
            "n": 4,
            "pos": 2,
            "auprc": 0.9,
            "n_all_abuse": 3,
            "auprc_all_abuse": 0.95,
            "f1": 0.8,
            "per_source": {"edos": 0.7},
        },
        "political": {
            "n_civil": 10,
            "civil_pass": 0.96,
            "n_intolerant": 5,
            "intolerant_breach": 0.6,
            "n_impolite": 1,
            "impolite_breach": 0.0,
        },
        "olid": {"n": 3, "pos": 1, "macro_f1": 0.81},
        "speed": {"n": 10, "msg_per_s": 1000.0},
    }
    table = format_table(report)
    assert "| political civil pass | political-incivility hash test | 10 | 0.960 |" in table
    assert "| OLID macro-F1 |" in table
    assert "every kind of abuse | convabuse+hatexplain test | 3 | 0.950 |" in table
    assert "| slur | 2 | 0.500 |" in table
    assert (
        "| functional accuracy, blind companion | dignity.training.functional_blind | 5 | 0.800 |"
        in (table)
    )
    card = tmp_path / "CARD.md"
    card.write_text("# card\n", encoding="utf-8")
    write_card(card, table, "cmd")
    write_card(card, table.replace("0.960", "0.970"), "cmd")
    text = card.read_text(encoding="utf-8")
    assert text.count("bar:start") == 1
    assert "0.970" in text
    assert text.startswith("# card")


def test_run_evaluate_on_a_labelled_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.jsonl"
    rows = [
        {"text": "you are a pathetic useless idiot", "personal_attack": 1},
        {"text": "the budget is a disgrace", "labels": {"personal_attack": 0}},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert run_evaluate([str(path)], model_dir=None, data_dir=None, as_json=True) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["mine"]["personal_attack"]["n"] == 2
    assert (
        run_evaluate(
            [str(tmp_path / "missing.jsonl")], model_dir=None, data_dir=None, as_json=False
        )
        == 2
    )
