"""Every supported format, written here in our own words, reads into articles."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from flashpoint.ingest import read_inputs
from flashpoint.ingest.published import normalise_published
from flashpoint.records import Article, Rejected

BODY = (
    "Troops exchanged fire with rebels near the river crossing on Tuesday, officials said. "
    "Two soldiers were wounded in the clash, which lasted several hours."
)
HTML = f"""<html><head><title>Clash at the crossing</title>
<meta property="og:site_name" content="Frontier Test Wire">
<meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Clash at the crossing</h1>
<p>{BODY}</p><p>The army said the rebels withdrew into the forest after nightfall.</p>
</article><footer>Cookie policy. Subscribe now.</footer></body></html>"""


def _read(*paths: Path, **overrides: str) -> list[Article | Rejected]:
    return list(read_inputs([str(p) for p in paths], max_bytes=10**6, overrides=overrides))


def _articles(items: list[Article | Rejected]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_txt_with_meta_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "meta.json").write_text(
        json.dumps(
            [{"file": "a.txt", "outlet": "Test Wire", "published": "2025-03-05", "title": "T"}]
        )
    )
    [article] = _articles(_read(tmp_path))
    assert (article.outlet, article.published, article.title) == ("Test Wire", "2025-03-05", "T")
    assert article.text == BODY and article.format == "txt"


def test_cli_overrides_win_over_meta(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / "meta.json").write_text(json.dumps([{"file": "a.txt", "outlet": "Meta"}]))
    [article] = _articles(_read(tmp_path / "a.txt", outlet="Flag", published="2025-01-02"))
    assert (article.outlet, article.published) == ("Flag", "2025-01-02")


def test_html_uses_trafilatura_metadata(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(HTML)
    [article] = _articles(_read(tmp_path))
    assert "Troops exchanged fire" in article.text
    assert "Cookie policy" not in article.text and "Home | World" not in article.text
    assert article.title == "Clash at the crossing"
    assert article.outlet == "Frontier Test Wire"
    assert article.published == "2025-03-04"
    assert article.markup is not None and "<article>" in article.markup


def test_jsonl_records_and_aliases(tmp_path: Path) -> None:
    lines = [
        {"id": "x1", "text": BODY, "outlet": "Wire", "published": "2025-03-01", "url": "u1"},
        {"id": "x2", "body": BODY + " More.", "date": "26-FEB-1987 15:01:01.79"},
        {"id": "x3", "html": HTML},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    arts = _articles(_read(path))
    assert [a.external_id for a in arts] == ["x1", "x2", "x3"]
    assert arts[1].published == "1987-02-26"
    assert arts[0].source.endswith("batch.jsonl#line=1") and arts[0].url == "u1"
    assert "Troops exchanged fire" in arts[2].text


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write(json.dumps({"text": BODY}) + "\n")
    assert len(_articles(_read(path))) == 1


def test_json_object_and_list(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"text": BODY, "title": "One"}))
    (tmp_path / "two.json").write_text(json.dumps([{"text": BODY}, {"text": BODY + " Again."}]))
    arts = _articles(_read(tmp_path))
    assert len(arts) == 3 and len({a.id for a in arts}) == 3


def test_warc_html_responses_only(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, ctype, payload in [
            ("https://news.example/a", "text/html; charset=utf-8", HTML.encode()),
            ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
        ]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )
    [article] = _articles(_read(path))
    assert article.url == "https://news.example/a" and article.format == "html"
    assert "Troops exchanged fire" in article.text


def test_rss_and_atom(tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Test Feed</title>
<item><title>Clash</title><link>https://f.example/1</link>
<pubDate>Tue, 04 Mar 2025 08:00:00 GMT</pubDate><description><![CDATA[<p>{BODY}</p>]]></description>
</item></channel></rss>"""
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Test</title><entry><title>Clash</title><link href="https://f.example/2"/>
<id>urn:x:2</id><updated>2025-03-06T09:00:00Z</updated>
<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content>
</entry></feed>"""
    (tmp_path / "f.rss").write_text(rss)
    (tmp_path / "f.atom").write_text(atom)
    arts = _articles(_read(tmp_path))
    by_outlet = {a.outlet: a for a in arts}
    assert by_outlet["Test Feed"].published == "2025-03-04"
    assert by_outlet["Atom Test"].published == "2025-03-06"
    assert all("Troops exchanged fire" in a.text for a in arts)
    assert {a.format for a in arts} == {"feed"}


def test_non_utf8_text_is_decoded(tmp_path: Path) -> None:
    text = (
        "Des manifestants se sont rassemblés à Bouaké et à Ségou mardi, selon la police. "
        "La foule a été dispersée près du marché central de la ville."
    )
    (tmp_path / "fr.txt").write_bytes(text.encode("cp1252"))
    [article] = _articles(_read(tmp_path))
    assert "Bouaké" in article.text and "Ségou" in article.text


def test_directory_walk_is_recursive_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "deeper" / "a.txt").write_text(BODY)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "b.txt").write_text(BODY + " Hidden.")
    assert len(_articles(_read(tmp_path))) == 1


def test_published_forms() -> None:
    assert normalise_published("2024-06-18T08:30:00+09:00") == "2024-06-18"
    assert normalise_published("Tue, 18 Jun 2024 08:30:00 GMT") == "2024-06-18"
    assert normalise_published("18 June 2024") == "2024-06-18"
    assert normalise_published(None) is None
