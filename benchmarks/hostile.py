"""Hostile input at volume: build a corpus of >= 10,000 mixed inputs, ingest it, account for all.

Usage: .venv/bin/python benchmarks/hostile.py [NEWS_DIR] [--inputs N] [--real N] [--lines N]

1. Builds the corpus in a temporary directory: real articles from NEWS_DIR/*.jsonl
   (default ../shared/data/news) mixed with binary blobs, truncated and mixed
   encodings, NUL bytes, a 50 MB text, HTML nested 10,000 levels deep, JSON lines
   with wrong types or no ``text``, duplicate ids with different texts, empty files,
   non-English text and very long sentences without punctuation.
2. Ingests it with ``tacitus ingest`` in a child process, and prints the counts
   coded and rejected by reason (from the store, as ``tacitus articles --failed``
   shows them) and the child's peak RSS.
3. Bounded memory at volume: a JSON Lines file of ``--lines`` (default 1,000,000)
   lines, mostly inputs that are rejected (bad JSON, missing or mistyped text,
   non-English, empty) with one short real English article every 1,000 lines,
   ingested with ``--no-classifier``; prints time, counts and peak RSS.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

DEFAULT_NEWS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news"

NON_ENGLISH = [
    "Die Regierung hat am Montag neue Maßnahmen gegen die steigenden Energiepreise "
    "beschlossen, wie ein Sprecher in Berlin mitteilte. Die Opposition kritisierte den Plan.",
    "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, provoquant la "
    "colère des syndicats qui appellent à une grève nationale la semaine prochaine.",
    "Правительство объявило в среду о новых мерах поддержки для регионов, пострадавших "
    "от наводнения, сообщил министр на пресс-конференции в Москве.",
    "政府周三宣布了新的经济刺激计划，以应对出口下降和国内需求疲软的问题。",
    "El presidente se reunió el jueves con los líderes de la oposición para discutir "
    "la crisis política que afecta al país desde hace varios meses.",
]
_WORDS = (
    "the minister said that the government of the country would send more aid to the region "
    "and the opposition leader rejected the plan for the budget while the police in the capital "
    "arrested protesters near the parliament after the talks with the union collapsed"
).split()


def _real_texts(news_dir: Path) -> Iterator[dict[str, object]]:
    for path in sorted(news_dir.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


def long_sentence(rng: random.Random, words: int) -> str:
    """English words and no punctuation at all: one sentence ``words`` long."""
    return " ".join(rng.choice(_WORDS) for _ in range(words))


def _deep_html(depth: int) -> str:
    body = "<p>The minister said the talks would resume on Monday in the capital.</p>"
    return "<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>"


def build_corpus(
    directory: Path,
    *,
    inputs: int = 10_000,
    real: int = 300,
    news_dir: Path = DEFAULT_NEWS,
    huge_mb: int = 50,
    long_words: int = 3_000,
    seed: int = 7,
) -> Counter[str]:
    """Write a hostile corpus of ``inputs`` inputs under ``directory``; return counts by kind.

    ``real`` real articles are included (plus a changed copy of some of them under the same
    id); everything else is hostile. Each kind is an input the reader sees once.
    """
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    files = directory / "files"
    files.mkdir(exist_ok=True)
    kinds: Counter[str] = Counter()

    def put(name: str, data: bytes, kind: str) -> None:
        (files / name).write_bytes(data)
        kinds[kind] += 1

    copies = max(1, inputs // 1000)
    for n in range(copies):
        put(f"blob-{n}.txt", rng.randbytes(4096), "binary_blob")
        put(f"truncated-{n}.txt", "The minister said the café".encode()[:-1] + b"\n", "truncated_utf8")
        put(f"latin1-{n}.txt", "The minister said the café in Zürich was closed.".encode("latin-1"), "latin1")
        put(f"nul-{n}.txt", b"The minister said\x00 the talks failed.\x00\x00", "nul_bytes")
        put(f"utf16-{n}.txt", "The minister said the talks failed.".encode("utf-16"), "utf16")
        put(f"empty-{n}.txt", b"", "empty_file")
        put(f"blank-{n}.html", b"   \n", "empty_html")
        put(f"foreign-{n}.txt", NON_ENGLISH[n % len(NON_ENGLISH)].encode(), "non_english_file")
        put(f"raw-{n}.bin", rng.randbytes(512), "unsupported_suffix")
    (files / "empty.jsonl").write_bytes(b"")  # no lines: no input at all
    put("long-sentence.txt", long_sentence(rng, long_words).encode(), "long_sentence")
    put("deep.html", _deep_html(10_000).encode(), "deep_html")
    with (files / "huge.txt").open("wb") as handle:
        line = b"The minister said the talks would resume on Monday in the capital city. "
        for _ in range(huge_mb * (1 << 20) // len(line) + 1):
            handle.write(line)
    kinds["huge_text"] += 1

    real_items = list(itertools.islice(_real_texts(news_dir), real))
    remaining = inputs - sum(kinds.values())
    hostile_lines = [
        ("wrong_type_text", lambda i: json.dumps({"id": f"t{i}", "text": i})),
        ("wrong_type_title", lambda i: json.dumps({"text": "The minister said so.", "title": [i]})),
        ("bad_published", lambda i: json.dumps({"text": "The minister said so.", "published": "yesterday"})),
        ("missing_text", lambda i: json.dumps({"id": f"m{i}", "title": "No body"})),
        ("null_text", lambda i: json.dumps({"id": f"n{i}", "text": None})),
        ("not_object", lambda i: json.dumps([i, "text"])),
        ("broken_json", lambda i: '{"id": "b%d", "text": "The minister said' % i),
        ("empty_text", lambda i: json.dumps({"id": f"e{i}", "text": "   "})),
        ("nul_in_text", lambda i: json.dumps({"text": f"The minister said\u0000 {i} times."})),
        ("non_english", lambda i: json.dumps({"text": NON_ENGLISH[i % len(NON_ENGLISH)]}, ensure_ascii=False)),
    ]
    with (directory / "lines.jsonl").open("wb") as handle:
        for index in range(remaining):
            if index % 4 == 0 and real_items:
                item = real_items.pop()
                handle.write(json.dumps(item).encode() + b"\n")
                kinds["real_article"] += 1
                if index % 40 == 0:  # the same id again with a different text
                    changed = dict(item, text=str(item["text"]) + "\n\nThe minister later declined to comment.")
                    handle.write(json.dumps(changed).encode() + b"\n")
                    kinds["duplicate_id_other_text"] += 1
                continue
            if index % 97 == 0:
                handle.write("The minister said \u00e9".encode("utf-8")[:-1] + b"\n")
                kinds["invalid_utf8_line"] += 1
                continue
            kind, make = hostile_lines[index % len(hostile_lines)]
            handle.write(make(index).encode("utf-8") + b"\n")
            kinds[kind] += 1
    return kinds


# The child reports its own peak RSS (the CLI in one process: no worker pool).
_CHILD = (
    "import resource, sys\n"
    "from tacitus.cli.main import main\n"
    "try:\n"
    "    rc = main()\n"
    "finally:\n"
    "    print('peak_rss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(rc)\n"
)


def _ingest(paths: list[str], db: Path, extra: list[str]) -> tuple[float, int, float, int]:
    """Run ``tacitus ingest`` in a child process; (seconds, exit code, peak RSS in MB, skipped)."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, "ingest", *paths, "--db", str(db), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    seconds = time.perf_counter() - started
    lines = result.stderr.decode(errors="replace").strip().splitlines()
    peak = next((int(l.split()[1]) / 1024 for l in reversed(lines) if l.startswith("peak_rss_kb")), 0.0)
    summary = [l for l in lines if l.startswith("run ")][-1:]
    print(f"  {' '.join(summary)}")
    found = re.search(r"(\d+) already stored", " ".join(summary))
    return seconds, result.returncode, peak, int(found.group(1)) if found else 0


def _counts(db: Path) -> tuple[int, Counter[str], int]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    reasons = Counter(dict(con.execute("SELECT code, count(*) FROM failures GROUP BY code").fetchall()))
    runs = con.execute("SELECT inputs, coded, failed FROM runs ORDER BY run_id DESC LIMIT 1").fetchone()
    con.close()
    return articles, reasons, runs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("news", nargs="?", type=Path, default=DEFAULT_NEWS)
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--real", type=int, default=300)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--skip-hostile", action="store_true")
    args = parser.parse_args()
    if not args.news.is_dir():
        print(f"news data not found at {args.news}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="tacitus-hostile-") as tmp:
        root = Path(tmp)
        if not args.skip_hostile:
            kinds = build_corpus(root / "corpus", inputs=args.inputs, real=args.real, news_dir=args.news)
            total = sum(v for k, v in kinds.items())
            print(f"hostile corpus: {total:,} inputs ({args.real} real articles)")
            for kind, count in sorted(kinds.items()):
                print(f"  {kind:28s} {count:6,d}")
            seconds, rc, peak, skipped = _ingest(
                [str(root / "corpus")], root / "hostile.duckdb", ["--batch-size", "512"]
            )
            articles, reasons, (inputs, coded, failed) = _counts(root / "hostile.duckdb")
            print(f"ingest: exit {rc} (1 when any input was rejected), {seconds:,.1f} s, "
                  f"peak RSS of the ingest process {peak:,.0f} MB")
            accounted = inputs == coded + failed + skipped == total
            print(f"  inputs {inputs:,} = coded {coded:,} + rejected {failed:,} + {skipped:,} texts "
                  f"already stored earlier in the same run ({'all accounted for' if accounted else 'MISMATCH'})")
            print(f"  articles stored {articles:,} (coded texts, duplicates stored once)")
            for code, count in reasons.most_common():
                print(f"  rejected {code:18s} {count:6,d}")
        lines = root / "million.jsonl"
        valid = 0
        with lines.open("wb") as handle:
            rng = random.Random(1)
            bad = [
                b'{"id": 1, "text": 5}', b'{"title": "x"}', b"[1, 2]", b"{not json", b'{"text": ""}',
                json.dumps({"text": NON_ENGLISH[1]}, ensure_ascii=False).encode(),
            ]
            for n in range(args.lines):
                if n % 1000 == 0:
                    text = f"Police in the capital arrested {n} protesters on Monday, the minister said."
                    handle.write(json.dumps({"id": n, "text": text}).encode() + b"\n")
                    valid += 1
                else:
                    handle.write(rng.choice(bad) + b"\n")
        size = lines.stat().st_size
        print(f"bounded memory: {args.lines:,} JSON lines ({size / 1e6:,.0f} MB), "
              f"{valid:,} short valid articles, the rest rejected")
        seconds, rc, peak, _ = _ingest(
            [str(lines)], root / "million.duckdb", ["--no-classifier", "--batch-size", "4096"]
        )
        articles, reasons, (inputs, coded, failed) = _counts(root / "million.duckdb")
        print(f"  exit {rc}, {seconds:,.1f} s ({inputs / seconds:,.0f} inputs/s); inputs {inputs:,}, "
              f"coded {coded:,}, rejected {failed:,}; peak RSS of the ingest process {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
