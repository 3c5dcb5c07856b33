"""Hostile input: every input of a mixed corpus is coded or rejected with a stored reason."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from tacitus.ingest import IngestReport, ingest
from tacitus.pipeline import CoderConfig
from tacitus.store.duck import Store

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"

pytestmark = pytest.mark.shared_data

# Files whose outcome is fixed by what they are.
EXPECTED = {
    "blob-": "binary",
    "truncated-": "undecodable",
    "latin1-": "undecodable",
    "nul-": "binary",
    "utf16-": "binary",
    "empty-": "empty_text",
    "blank-": "no_main_text",
    "foreign-": "not_english",
    "huge.txt": "too_large",
}


def load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_bench", ROOT / "benchmarks" / "hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(tmp: Path, inputs: int, real: int) -> tuple[Counter[str], IngestReport, Store]:
    if not NEWS.is_dir():
        pytest.skip("shared dev data not found at ../shared/data")
    kinds = load_generator().build_corpus(tmp / "corpus", inputs=inputs, real=real, news_dir=NEWS)
    store = Store(tmp / "hostile.duckdb")
    report = ingest([str(tmp / "corpus")], store, config=CoderConfig(classifier=False))
    return kinds, report, store


def check_accounted(kinds: Counter[str], report: IngestReport, store: Store) -> None:
    total = sum(kinds.values())
    assert report.inputs == total
    # Texts that occur twice in the corpus are coded once and then skipped as already stored.
    assert report.coded + report.failed + report.skipped == total
    failures = store.articles(failed=True, limit=10 * total)
    assert len(failures) == report.failed  # each rejection is stored with its reason
    assert failures["code"].notna().all() and failures["message"].str.len().gt(0).all()
    # Real articles, changed copies under the same id and the long sentence are coded.
    coded_kinds = kinds["real_article"] + kinds["duplicate_id_other_text"] + kinds["long_sentence"]
    assert report.coded + report.skipped == coded_kinds
    assert store.counts()["articles"] == report.articles_added <= report.coded


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Counter[str], IngestReport, Store]:
    return run(tmp_path_factory.mktemp("hostile"), inputs=300, real=4)


def test_every_input_is_accounted_for(small: tuple[Counter[str], IngestReport, Store]) -> None:
    check_accounted(*small)


def test_rejection_reasons_match_the_input(small: tuple[Counter[str], IngestReport, Store]) -> None:
    _, _, store = small
    failures = store.articles(failed=True, limit=100_000)
    by_file = {Path(o).name: c for o, c in zip(failures["origin"], failures["code"], strict=True)}
    for prefix, code in EXPECTED.items():
        matched = {name: got for name, got in by_file.items() if name.startswith(prefix)}
        assert matched, prefix
        assert set(matched.values()) == {code}, (prefix, matched)
    assert by_file.get("raw-0.bin") == "unsupported_type"
    # The deeply nested page either yields its paragraph or is rejected, never crashes the run.
    stored = set(store.query("SELECT origin FROM articles")["origin"])
    assert by_file.get("deep.html") == "no_main_text" or any(o.endswith("deep.html") for o in stored)
    codes = Counter(failures["code"])
    assert {"bad_json", "bad_field", "missing_text", "not_english", "empty_text"} <= set(codes)


def test_same_id_with_other_text_is_kept_as_two_articles(
    small: tuple[Counter[str], IngestReport, Store],
) -> None:
    _, _, store = small
    frame = store.query(
        "SELECT external_id, count(DISTINCT id) AS n FROM articles "
        "WHERE external_id IS NOT NULL GROUP BY external_id HAVING count(*) > 1"
    )
    assert len(frame) >= 1 and (frame["n"] == 2).all()


@pytest.mark.slow
def test_ten_thousand_hostile_inputs(tmp_path: Path) -> None:
    kinds, report, store = run(tmp_path, inputs=10_000, real=40)
    assert sum(kinds.values()) >= 10_000
    check_accounted(kinds, report, store)
