"""Inputs beyond plain files: HTML with metadata, URL lists (offline), RSS feeds, WARC archives."""

from __future__ import annotations

import io
from pathlib import Path

from stancemap.config import Options
from stancemap.errors import InputError
from stancemap.ingest import load
from stancemap.ingest.sources import RawItem, discover

BODY = ("<p>Mongolia and Japan signed an agreement in Ulaanbaatar on Monday to expand their coal trade.</p>"
        "<p>The Japanese trade minister praised the deal and promised new investment in the mining sector.</p>"
        "<p>Critics in the Mongolian parliament said the agreement gave away too much to foreign companies.</p>")
HTML = f"""<!DOCTYPE html><html><head><title>Mongolia and Japan sign coal deal</title>
<meta name="author" content="Bat Erdene"><meta property="article:published_time" content="2021-06-07">
</head><body><nav><ul><li>Home</li><li>World</li></ul></nav><article><h1>Mongolia and Japan sign coal deal</h1>
{BODY}</article><footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>"""


def docs_and_errors(paths: list[str], **kw: object) -> tuple[list, list]:
    got = list(load(paths, Options(progress=False, **kw)))  # type: ignore[arg-type]
    return [g.doc for g in got if g.doc], [g.error for g in got if g.error]


def test_html_file_body_and_metadata(tmp_path: Path) -> None:
    f = tmp_path / "coal.html"
    f.write_text(HTML, encoding="utf-8")
    docs, errors = docs_and_errors([str(f)])
    assert not errors
    doc = docs[0]
    assert "signed an agreement in Ulaanbaatar" in doc.text
    assert "All rights reserved" not in doc.text and "Home" not in doc.text.split()
    assert doc.title == "Mongolia and Japan sign coal deal"
    assert doc.published == "2021-06-07"
    assert doc.lang == "en"


def test_url_list_is_not_fetched_offline(tmp_path: Path) -> None:
    f = tmp_path / "list.urls"
    f.write_text("https://example.org/a\nhttps://example.org/b\n", encoding="utf-8")
    items = list(discover([str(f)]))
    assert all(isinstance(i, InputError) for i in items) and len(items) == 2
    assert "not fetched" in str(items[0]) and "https://example.org/a" in str(items[0])


def test_rss_items_with_content_become_documents(tmp_path: Path) -> None:
    rss = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
    <channel><title>Feed</title>
    <item><title>Coal deal</title><link>https://example.org/coal</link><pubDate>Mon, 07 Jun 2021 10:00:00 GMT</pubDate>
    <content:encoded><![CDATA[{BODY}]]></content:encoded></item>
    <item><title>Empty</title><link>https://example.org/empty</link></item>
    </channel></rss>"""
    f = tmp_path / "feed.rss"
    f.write_text(rss, encoding="utf-8")
    docs, errors = docs_and_errors([str(f)])
    assert len(docs) == 1 and len(errors) == 1
    assert docs[0].title == "Coal deal" and docs[0].published == "2021-06-07"
    assert docs[0].id.startswith("url-") and "Ulaanbaatar" in docs[0].text
    assert "no content" in str(errors[0])


def test_warc_response_records(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    f = tmp_path / "crawl.warc.gz"
    with f.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        rec = writer.create_warc_record("https://example.org/coal", "response",
                                        payload=io.BytesIO(HTML.encode()), http_headers=headers)
        writer.write_record(rec)
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/x.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG"), http_headers=img))
    items = list(discover([str(f)]))
    assert len(items) == 1 and isinstance(items[0], RawItem)
    docs, errors = docs_and_errors([str(f)])
    assert not errors and "Ulaanbaatar" in docs[0].text


def test_sidecar_metadata_beats_the_text(tmp_path: Path) -> None:
    (tmp_path / "SOURCES.csv").write_text("file,title,author,publisher,published\n"
                                          "a.txt,Sidecar Title,Jane Roe,Example Press,2020-01-02\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Some Other Title\nby John Doe\n\n" + "Ghana and Togo agreed to reopen "
                                    "their border crossings next month, the two governments said.\n", encoding="utf-8")
    docs, _ = docs_and_errors([str(tmp_path)])
    assert (docs[0].title, docs[0].author, docs[0].publisher, docs[0].published) == \
        ("Sidecar Title", "Jane Roe", "Example Press", "2020-01-02")
