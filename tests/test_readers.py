"""Every kind of bad input becomes an error with a clear reason, and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tacitus.articles.readers import ReadOptions, read_inputs
from tacitus.records import Article, InputError

ENGLISH = (
    "Ukraine's foreign minister met his Polish counterpart in Warsaw on Tuesday and asked "
    "for more air defence systems, the ministry said in a statement."
)


def _read(paths: list[Path], **options: object) -> list[Article | InputError]:
    return list(read_inputs([str(p) for p in paths], ReadOptions(**options)))  # type: ignore[arg-type]


def _codes(items: list[Article | InputError]) -> list[str]:
    return [i.code if isinstance(i, InputError) else "ok" for i in items]


def test_text_file_with_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kuleba asks Poland for air defence\n\n" + ENGLISH, encoding="utf-8")
    [article] = _read([path], published="2023-05-02")
    assert isinstance(article, Article)
    assert article.title == "Kuleba asks Poland for air defence"
    assert article.text.startswith("Ukraine's foreign minister")
    assert article.published == "2023-05-02"


def test_first_line_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH + "\nThe talks lasted two hours.", encoding="utf-8")
    [article] = _read([path])
    assert isinstance(article, Article) and article.title is None


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (ENGLISH.encode("utf-8") + b" caf\xe9 \xff\xfe", "undecodable"),
        (b"", "empty_text"),
        (b"   \n\t  \n", "empty_text"),
        ("Путин встретился с Си Цзиньпином в Москве во вторник, сообщил Кремль.".encode(), "not_english"),
        (
            "El presidente del Gobierno se reunió con los líderes de la oposición en Madrid "
            "para hablar de la crisis y de los presupuestos del año que viene.".encode(),
            "not_english",
        ),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    [item] = _read([path])
    assert isinstance(item, InputError)
    assert item.code == code
    assert item.input == str(path)
    assert item.message


def test_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text((ENGLISH + " ") * 50, encoding="utf-8")
    [item] = _read([path], max_chars=1000)
    assert isinstance(item, InputError) and item.code == "too_large"
    assert "--max-chars" in item.message


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    [item] = _read([path])
    assert isinstance(item, InputError) and item.code == "no_main_text"


def test_html_article(tmp_path: Path) -> None:
    body = "".join(f"<p>{ENGLISH} Paragraph {i} adds detail about the talks.</p>" for i in range(4))
    html = (
        "<html><head><title>Kuleba in Warsaw</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2023-05-02T10:00:00Z">'
        '<link rel="canonical" href="https://news.example/kuleba-warsaw"></head>'
        f"<body><article><h1>Kuleba in Warsaw</h1>{body}</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    [article] = _read([path])
    assert isinstance(article, Article)
    assert "air defence" in article.text
    assert article.title == "Kuleba in Warsaw"
    assert article.published == "2023-05-02"
    assert article.url == "https://news.example/kuleba-warsaw"


def test_json_lines_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "one", "text": ENGLISH, "published": "2023-05-02", "outlet": "Wire"}),
        "{not json",
        json.dumps({"id": "two"}),
        json.dumps({"text": 42}),
        json.dumps({"text": ENGLISH + " More.", "published": "last Tuesday"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": 3, "text": ENGLISH + " Again."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _read([path])
    assert _codes(items) == ["ok", "bad_json", "missing_text", "bad_field", "bad_field", "bad_json", "ok"]
    assert items[1].input == f"{path}:2"  # type: ignore[union-attr]
    first = items[0]
    assert isinstance(first, Article) and first.external_id == "one" and first.outlet == "Wire"


def test_json_file_with_a_list(tmp_path: Path) -> None:
    path = tmp_path / "in.json"
    path.write_text(json.dumps([{"text": ENGLISH}, {"text": ""}]), encoding="utf-8")
    assert _codes(_read([path])) == ["ok", "empty_text"]


def test_directories_are_read_recursively_and_unknown_files_reported(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.md").write_text(ENGLISH + " Second.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00")
    (tmp_path / ".hidden").write_text("ignored")
    items = _read([tmp_path])
    assert sorted(_codes(items)) == ["ok", "ok", "unsupported_type"]


def test_missing_path(tmp_path: Path) -> None:
    [item] = _read([tmp_path / "nope.txt"])
    assert isinstance(item, InputError) and item.code == "unreadable"


def test_stdin(tmp_path: Path) -> None:
    import io

    stream = io.BytesIO((json.dumps({"text": ENGLISH}) + "\nnot json\n").encode())
    items = list(read_inputs(["-"], ReadOptions(), stdin=stream))
    assert _codes(items) == ["ok", "bad_json"]


def test_ids_come_from_the_text() -> None:
    from tacitus.articles.checks import article_id

    assert article_id(ENGLISH) == article_id(ENGLISH)
    assert article_id(ENGLISH) != article_id(ENGLISH + " ")
