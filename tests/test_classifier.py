"""The packaged event-type classifier: loads without torch, codes clear sentences, batches stably."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tacitus.errors import ModelNotFound
from tacitus.events.classifier import DEFAULT_MODEL_DIR, EventClassifier, TypePrediction
from tacitus.events.training import (
    PLOVER_TYPES,
    collapse_yield,
    fit_temperature,
    load_plv,
    macro_f1,
    reliability,
    stratified_folds,
    yield_to_current,
)

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

CLEAR = [
    ("Russian troops shelled the city of Kharkiv overnight.", "ASSAULT"),
    ("The two leaders met in Tokyo on Friday.", "CONSULT"),
    ("Thousands of demonstrators marched through the capital demanding the president's resignation.", "PROTEST"),
    # PLV codes "imposed sanctions" as COERCE; expulsions are its clear SANCTION cases.
    ("Moscow expelled two British diplomats on Monday.", "SANCTION"),
    ("Police arrested dozens of opposition activists in the capital.", "COERCE"),
    ("The government accused the rebels of violating the ceasefire.", "ACCUSE"),
]


@pytest.fixture(scope="module")
def clf() -> EventClassifier:
    return EventClassifier.default()


def test_default_is_cached(clf: EventClassifier) -> None:
    assert EventClassifier.default() is clf
    meta = json.loads((DEFAULT_MODEL_DIR / "labels.json").read_text(encoding="utf-8"))
    assert sorted(meta["types"]) == sorted(PLOVER_TYPES)
    assert (DEFAULT_MODEL_DIR / "model.onnx").stat().st_size <= 25 * 1024 * 1024


def test_inference_imports_no_torch() -> None:
    code = (
        "import sys\n"
        "from tacitus.events.classifier import EventClassifier\n"
        "p = EventClassifier.default().predict(['The two leaders met in Tokyo on Friday.'])\n"
        "assert p[0].event_type\n"
        "assert 'torch' not in sys.modules and 'transformers' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_clear_sentences(clf: EventClassifier) -> None:
    preds = clf.predict([text for text, _ in CLEAR])
    got = [p.event_type for p in preds]
    assert got == [label for _, label in CLEAR]


def test_probabilities_are_a_distribution(clf: EventClassifier) -> None:
    for p in clf.predict([text for text, _ in CLEAR]):
        assert isinstance(p, TypePrediction)
        assert set(p.probs) == set(PLOVER_TYPES)
        assert sum(p.probs.values()) == pytest.approx(1.0, abs=1e-5)
        assert p.probability == max(p.probs.values())
        assert 0.0 < p.probability <= 1.0


def test_batching_matches_one_by_one(clf: EventClassifier) -> None:
    texts = [text for text, _ in CLEAR] + ["Iran rejected the proposal.", "China sent aid to flood victims."]
    batched = clf.predict(texts, batch_size=3)
    for text, b in zip(texts, batched):
        (single,) = clf.predict([text])
        assert single.event_type == b.event_type
        assert single.probability == pytest.approx(b.probability, abs=1e-4)


def test_empty_input_and_single_string(clf: EventClassifier) -> None:
    assert clf.predict([]) == []
    with pytest.raises(TypeError):
        clf.predict("The two leaders met in Tokyo on Friday.")  # type: ignore[arg-type]


def test_missing_model_raises_with_hint(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFound, match="tacitus train"):
        EventClassifier(tmp_path)


def test_yield_mapping_rule() -> None:
    assert yield_to_current("Ethiopia let free some 74 political leaders.") == "RETREAT"
    assert yield_to_current("The troops withdrew from the border town.") == "RETREAT"
    assert yield_to_current("The EU granted the British government a delay.") == "CONCEDE"
    assert collapse_yield("RETREAT") == collapse_yield("CONCEDE") == "YIELD"
    assert collapse_yield("ASSAULT") == "ASSAULT"


def test_metrics_and_calibration_helpers() -> None:
    f1, per = macro_f1(["A", "A", "B", "B"], ["A", "B", "B", "B"])
    assert per["A"] == pytest.approx(2 / 3)
    assert per["B"] == pytest.approx(0.8)
    assert f1 == pytest.approx((2 / 3 + 0.8) / 2)
    ece, table = reliability([0.9, 0.9, 0.6, 0.6], [True, True, True, False])
    assert ece == pytest.approx(0.5 * 0.1 + 0.5 * 0.1)
    assert sum(n for _, _, n, _, _ in table) == 4
    import numpy as np

    # Over-confident logits (right only 60% of the time) get a temperature above 1.
    rng = np.random.RandomState(0)
    y = rng.randint(0, 3, 500)
    logits = np.zeros((500, 3))
    pred = np.where(rng.rand(500) < 0.6, y, (y + 1) % 3)
    logits[np.arange(500), pred] = 8.0
    assert fit_temperature(logits, y) > 2.0


@pytest.mark.shared_data
def test_plv_loading_and_folds() -> None:
    path = DATA / "plv" / "train.jsonl"
    if not path.is_file():
        pytest.skip("shared dev data not found at ../shared/data")
    examples = load_plv(path)
    keys = [ex.key for ex in examples]
    assert len(keys) == len(set(keys))  # one row per sentence_id
    assert all(ex.event_type in PLOVER_TYPES for ex in examples)
    assert {ex.event_type for ex in examples if ex.gold == "YIELD"} <= {"CONCEDE", "RETREAT"}
    folds = stratified_folds([ex.gold for ex in examples], 5, 13)
    sizes = [folds.count(f) for f in range(5)]
    assert max(sizes) - min(sizes) <= 5
    for lab in {ex.gold for ex in examples}:
        per_fold = [sum(1 for ex, f in zip(examples, folds) if ex.gold == lab and f == k) for k in range(5)]
        assert max(per_fold) - min(per_fold) <= 1
