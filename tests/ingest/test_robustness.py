"""What the hostile-input fuzzing (tests/fuzz) found in ingest, one case each, small and fast.

Each test builds the smallest input that once crashed the run, printed a multi-line message, stored
something it should not have, or overwrote a document silently.
"""

from __future__ import annotations

import gzip
import sqlite3
import sys
from pathlib import Path

import pytest

from stancemap.config import Options
from stancemap.errors import InputError, one_line
from stancemap.ingest import load, storable
from stancemap.ingest.metadata import normalise_date
from stancemap.ingest.readers import read_bytes

TEXT = ("Kazakhstan and Uzbekistan signed a water-sharing agreement in Tashkent on Monday after long talks.\n\n"
        "The foreign ministers of both countries called the deal a model for the whole region.\n")


def results(paths: list[Path], **options: object) -> tuple[list, list[InputError]]:
    got = list(load([str(p) for p in paths], Options(progress=False, **options)))  # type: ignore[arg-type]
    return [g.doc for g in got if g.doc], [g.error for g in got if g.error]


def warc_record(uri: str | None, payload: bytes) -> bytes:
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    head = "WARC/1.0\r\nWARC-Type: response\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
    head += f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


PAGE = f"<html><body><p>{TEXT}</p></body></html>".encode()


def test_warc_record_without_a_uri_is_a_one_line_error(tmp_path: Path) -> None:
    """warcio raised AttributeError on a response record with no target URI: the whole run stopped."""
    f = tmp_path / "no-uri.warc"
    f.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n")
    docs, errors = results([f])
    assert not docs and len(errors) == 1
    assert str(errors[0]).startswith(f"{f}: not a readable WARC file")


def test_warc_with_a_lying_length_keeps_stderr_clean(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """warcio wrote a three-line WARNING to stderr for a record whose Content-Length is wrong."""
    good = warc_record("https://example.org/a", PAGE)
    f = tmp_path / "short.warc"
    declared = int(good.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    f.write_bytes(good.replace(b"Content-Length: %d" % declared, b"Content-Length: %d" % (declared // 2)))
    _, errors = results([f])
    assert "WARNING" not in capfd.readouterr().err
    assert all("\n" not in str(e) for e in errors)
    assert errors and all("\n" not in str(e) for e in errors)
    assert "does not end where its Content-Length says" in str(errors[0])  # a half page is not stored
    g = tmp_path / "broken.warc.gz"
    g.write_bytes(gzip.compress(good + good.replace(b"/a", b"/b"), mtime=0)[:-60])
    _, errors = results([g])
    assert errors and all("\n" not in str(e) and str(e).startswith(str(g)) for e in errors)


def test_warc_cut_short_is_refused_not_stored_in_part(tmp_path: Path) -> None:
    whole = warc_record("https://example.org/a", PAGE) + warc_record("https://example.org/b", PAGE)
    f = tmp_path / "cut.warc"
    f.write_bytes(whole[: len(whole) - 40])
    docs, errors = results([f])
    assert [d.meta["url"] for d in docs] == ["https://example.org/a"]
    assert [str(e) for e in errors] == [f"{f}#https://example.org/b: WARC record cut short (the archive ends "
                                        "inside it); not read"]


def test_warc_record_over_the_size_limit_is_refused_alone(tmp_path: Path) -> None:
    f = tmp_path / "two.warc"
    big = PAGE.replace(b"</body>", b"<p>" + b"word " * 4000 + b"</p></body>")
    f.write_bytes(warc_record("https://example.org/small", PAGE) + warc_record("https://example.org/big", big))
    docs, errors = results([f], max_input_bytes=len(PAGE) + 100)
    assert [d.meta.get("url") for d in docs] == ["https://example.org/small"]
    assert len(errors) == 1 and "WARC record too large" in str(errors[0]) and "#https://example.org/big" in str(errors[0])


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text(TEXT * 50, encoding="utf-8")
    docs, errors = results([f], max_input_bytes=1000)
    assert not docs and "file too large" in str(errors[0]) and "max_input_bytes" in str(errors[0])
    docs, errors = results([f], max_input_bytes=10**6)
    assert len(docs) == 1 and not errors


def test_text_over_the_parser_limit_is_refused(tmp_path: Path) -> None:
    """spaCy raised E088 on a text over a million characters and the whole run stopped after minutes."""
    f = tmp_path / "long.txt"
    f.write_text(TEXT * 40, encoding="utf-8")
    docs, errors = results([f], max_text_chars=2000)
    assert not docs and "text too long" in str(errors[0])
    h = tmp_path / "long.html"
    h.write_text("<html><body>" + "".join(f"<p>Paragraph {n}: {TEXT}</p>" for n in range(40))
                 + "</body></html>", encoding="utf-8")
    docs, _ = results([h])
    assert len(docs) == 1
    docs, errors = results([h], max_text_chars=len(docs[0].text) - 1)
    assert not docs and "text too long" in str(errors[0])


def test_url_list_with_junk_is_not_read_as_an_article(tmp_path: Path) -> None:
    f = tmp_path / "list.urls"
    f.write_text("https://example.org/a\nnot a url\n# comment\nftp://example.org/b\nhttps://example.org/c\n",
                 encoding="utf-8")
    docs, errors = results([f])
    assert not docs
    assert str(errors[0]) == f"{f}: 2 line(s) are not http(s) URLs and were ignored (first: line 2)"
    assert [e.source for e in errors[1:3]] == ["https://example.org/a", "https://example.org/c"]
    g = tmp_path / "binary.urls"
    g.write_bytes(b"\xff\xfe\x00junk")
    assert [str(e) for e in results([g])[1]] == [f"{g}: URL list is not UTF-8 text"]


def test_nul_bytes_past_the_sniffed_head_are_refused(tmp_path: Path) -> None:
    f = tmp_path / "late-nul.txt"
    f.write_bytes(TEXT.encode() * 100 + b"\x00" + TEXT.encode())
    docs, errors = results([f])
    assert not docs and "contains NUL bytes" in str(errors[0])


def test_text_without_letters_is_refused(tmp_path: Path) -> None:
    """Such texts all normalise to the empty string and became 'duplicates' of each other."""
    (tmp_path / "a.txt").write_text("1,234 5,678 -- 90%\n!!! ??? ...", encoding="utf-8")
    (tmp_path / "b.txt").write_text("«» — … 🇰🇿 👩‍👩‍👧‍👦", encoding="utf-8")
    docs, errors = results([tmp_path])
    assert not docs and len(errors) == 3  # two refusals and the folder's "no readable documents"
    assert all("no words in the text" in str(e) for e in errors[:2])


def test_impossible_dates_are_dropped() -> None:
    """'2022-13-45' matched the ISO pattern and was stored as a publication date."""
    for bad in ("2022-13-45", "2022-02-30", "0000-00-00", "2022-00", "0000", "2022-13-45T10:00:00Z",
                "9" * 200, "Tue, 01 Mar 2022 00:00:00 +0000" * 10):
        assert normalise_date(bad) is None, bad
    for bad in ("yesterday", "in 3000 years", "-0001-01-01", "1e308"):
        assert normalise_date(bad) is None, bad  # relative dates, years no text has
    assert normalise_date("۲۰۲۲-۰۳-۰۳") == "2022-03-03"  # other digits are read, and stored as ASCII
    assert normalise_date("2024-02-29") == "2024-02-29"
    assert normalise_date("2022-03") == "2022-03"
    assert normalise_date("Mon, 07 Jun 2021 10:00:00 GMT") == "2021-06-07"


def test_two_inputs_with_one_id_do_not_overwrite_each_other(tmp_path: Path) -> None:
    """a.txt and a.html are both document 'a': the second silently replaced the first."""
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.html").write_bytes(PAGE.replace(b"Monday", b"Friday"))
    docs, errors = results([tmp_path])
    assert len(docs) == 1 and len(errors) == 1
    assert "same document id 'a' as" in str(errors[0]) and str(errors[0]).startswith(str(tmp_path / "a.txt"))
    # The same file given twice is read once, without complaint.
    docs, errors = results([tmp_path / "a.txt", tmp_path / "a.txt"])
    assert len(docs) == 1 and not errors


def test_messages_stay_on_one_line_whatever_the_file_name() -> None:
    err = InputError("dir/new\nline\u202egnp.txt", "bad\r\nreason")
    assert "\n" not in str(err) and "\r" not in str(err) and "\u202e" not in str(err)
    assert str(err) == "dir/new\\nline\\u202egnp.txt: bad\\r\\nreason"
    assert one_line("caf\udce9.txt") == "caf\\xe9.txt"
    assert storable("caf\udce9.txt") == "caf\ufffd.txt"


def test_deep_nesting_is_named_as_the_reason() -> None:
    page = "<html><body>" + "<div>" * 1000 + f"<p>{TEXT}</p>" + "</div>" * 1000 + "</body></html>"
    with pytest.raises(InputError, match="nested 255 deep or more"):
        read_bytes(page.encode(), "deep.html", html=True)
    shallow = page.replace("<div>" * 1000, "<div>" * 20).replace("</div>" * 1000, "</div>" * 20)
    assert "water-sharing" in read_bytes(shallow.encode(), "ok.html", html=True).text


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_file_name_that_is_not_utf8_is_stored(tmp_path: Path) -> None:
    """A name with a byte that is no UTF-8 made SQLite refuse the id (UnicodeEncodeError) and stop the run."""
    from stancemap.runner import ingest_paths
    from stancemap.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "caf\udce9.txt").write_text(TEXT, encoding="utf-8")  # the byte 0xE9 on disk
    db = tmp_path / "x.db"
    options = Options(db=str(db), pipeline=["parse"], progress=False)  # the store is what is tested
    with open_store(str(db)) as store:
        report = ingest_paths([str(folder)], store, options)
    assert report.stored == ["caf\ufffd"] and not report.errors
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT id, source FROM documents").fetchall() == [
            ("caf\ufffd", str(folder / "caf\ufffd.txt"))]


def test_broken_sidecar_is_reported_and_its_documents_still_read(tmp_path: Path) -> None:
    """A SOURCES.csv that could not be read was ignored without a word."""
    cases = {
        "nul": "file,title\r\ndoc.txt,T\x00itle\r\n" + "x" * 200_000 + "\r\n",  # a field over csv's limit
        "no-file-column": "name,title\ndoc.txt,Lost title\n",
        "latin1": None,
    }
    for name, sidecar in cases.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "doc.txt").write_text(TEXT, encoding="utf-8")
        data = sidecar.encode() if sidecar is not None else "file,title\ndoc.txt,Tïtle\n".encode("latin-1")
        (folder / "SOURCES.csv").write_bytes(data)
        docs, errors = results([folder])
        assert len(docs) == 1 and docs[0].title is None, name
        assert len(errors) == 1 and str(errors[0]).startswith(f"{folder / 'SOURCES.csv'}: "), name
        assert "its metadata is not used" in str(errors[0])


def test_metadata_values_are_one_clean_line(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "SOURCES.csv").write_text('file,title,author\ndoc.txt,"A title\nover two\x07 lines",' + "B" * 5000
                                          + "\n", encoding="utf-8")
    docs, errors = results([tmp_path])
    assert not errors
    assert docs[0].title == "A title over two lines"
    assert docs[0].author is not None and len(docs[0].author) == 1000
