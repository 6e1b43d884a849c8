"""Every parameter is validated, and every error is a readable ``{"error": ...}``."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from stancemap.answer.brief import build_answer, has_evidence
from stancemap.answer.question import parse_question
from stancemap.store import open_store
from tests.api.conftest import AUTH
from tests.conftest import QUESTION

CASES = [
    # (path, params, status, words the error must contain)
    ("/api/ask", {}, 422, "q is required"),
    ("/api/ask", {"q": ""}, 422, "question is empty"),
    ("/api/ask", {"q": "   \t  "}, 422, "question is empty"),
    ("/api/ask", {"q": "ab"}, 422, "too short"),
    ("/api/ask", {"q": "x" * 501}, 422, "too long"),
    ("/api/ask", {"q": "What is Kazakhstan's\x00 position?"}, 422, "control characters"),
    ("/api/ask", {"q": "What is the weather like today?"}, 422, "names no state"),
    ("/api/ask", {"question": QUESTION}, 400, "unknown query parameter"),
    ("/api/ask", [("q", QUESTION), ("q", QUESTION)], 400, "more than once"),
    ("/api/export", {"kinds": "event,nonsense"}, 422, "unknown kind"),
    ("/api/export", {"kinds": " , "}, 422, "kinds is empty"),
    ("/api/export", {"kind": "event"}, 400, "unknown query parameter"),
    ("/api/documents", {"limit": "5"}, 400, "takes none"),
    ("/api/contradictions", {"x": "1"}, 400, "unknown query parameter"),
    ("/api/dyads", {}, 422, "source is required"),
    ("/api/dyads", {"source": "Kazakhstan!"}, 422, "not an actor code"),
    ("/api/dyads", {"source": "KAZ", "target": "R"}, 422, "not an actor code"),
    ("/api/dyads", {"source": "ZZZ"}, 404, "unknown actor code"),
    ("/api/dyads", {"source": "KAZ", "target": "QQQ"}, 404, "unknown actor code"),
    ("/api/profile/K%20Z", {}, 422, "not an actor code"),
    ("/api/profile/XYZ", {}, 404, "unknown actor code"),
    ("/api/nowhere", {}, 404, "no such endpoint"),
]


@pytest.mark.parametrize(("path", "params", "status", "words"), CASES)
def test_bad_parameters_get_a_clear_json_error(ro: TestClient, path: str, params: dict[str, str], status: int,
                                                words: str) -> None:
    res = ro.get(path, params=params)
    assert res.status_code == status, res.text
    assert res.headers["content-type"].startswith("application/json")
    body = res.json()
    assert set(body) >= {"error"} and "detail" not in body
    assert words in body["error"]


def test_good_parameters_are_answered(ro: TestClient) -> None:
    assert ro.get("/api/ask", params={"q": f"  {QUESTION}  "}).json()["question"] == QUESTION
    assert ro.get("/api/dyads", params={"source": "kaz", "target": "rus"}).status_code == 200
    rows = ro.get("/api/dyads", params={"source": "KAZ", "target": "RUS"}).json()
    assert rows and all({r["Actor1Code"], r["Actor2Code"]} == {"KAZ", "RUS"} for r in rows)
    assert ro.get("/api/profile/kaz").json()["actor"] == "KAZ"
    assert ro.get("/api/profile/coe").json()["actor"] == "CoE"  # organisation codes keep their case
    lines = ro.get("/api/export", params={"kinds": "document,document"}).text.splitlines()
    assert len(lines) == 5  # a repeated kind is exported once


def test_no_evidence_is_404_with_a_message(ro: TestClient) -> None:
    res = ro.get("/api/ask", params={"q": "What is Fiji's position on whaling?"})
    assert res.status_code == 404
    assert res.json() == {"error": "no stored evidence on Fiji", "question": "What is Fiji's position on whaling?",
                          "actor": "FJI", "actor_name": "Fiji"}


def test_has_evidence_reads_the_answer_structure(corpus_db: Path) -> None:
    with open_store(str(corpus_db)) as store:
        def answer(q: str) -> dict:  # type: ignore[type-arg]
            return build_answer(store, parse_question(q))

        assert has_evidence(answer(QUESTION))
        assert not has_evidence(answer("What is Fiji's position on whaling?"))
        assert not has_evidence(answer("What is the weather like?"))  # no actor at all
        belarus = answer("What is Belarus's position on the Russian invasion of Ukraine?")
        assert has_evidence(belarus)  # a few records, not on the asked issue: still evidence


BODIES = [
    # (content type, body, status, words)
    ("application/json", b"{not json", 400, "not valid JSON"),
    ("application/json", b"[1]", 422, "must be an object"),
    ("application/json", b'{"text": "Kazakhstan.", "author": "me"}', 422, "unknown field"),
    ("application/json", b'{"title": "no text"}', 422, "text is required"),
    ("application/json", b'{"text": "   "}', 422, "text is required"),
    ("application/json", b'{"text": 5}', 422, "text is required"),
    ("application/json", b'{"text": "Kazakhstan.", "published": "yesterday"}', 422, "published must be a date"),
    ("application/json", b'{"text": "Kazakhstan.", "title": "a\\nb"}', 422, "title must be one line"),
    ("application/json", b'{"text": "Kazakhstan.", "id": "../../etc/passwd"}', 422, "id must be"),
    ("text/plain", b"Kazakhstan signed.", 415, "multipart/form-data"),
    ("multipart/form-data; boundary=zz", b"garbage", 400, "malformed multipart"),
]


@pytest.mark.parametrize(("ctype", "body", "status", "words"), BODIES)
def test_bad_ingest_bodies_get_a_clear_error(rw: TestClient, ctype: str, body: bytes, status: int,
                                             words: str) -> None:
    res = rw.post("/api/ingest", content=body, headers={**AUTH, "Content-Type": ctype})
    assert res.status_code == status, res.text
    assert words in res.json()["error"]


def test_bad_uploads_get_a_clear_error(rw: TestClient) -> None:
    res = rw.post("/api/ingest", files=[("files", ("report.pdf", b"%PDF-1.4"))], headers=AUTH)
    assert res.status_code == 415 and "report.pdf" in res.json()["error"]
    res = rw.post("/api/ingest", files=[("files", (".txt", b"x"))], headers=AUTH)
    assert res.status_code == 415
    res = rw.post("/api/ingest", data={"title": "x"}, files=[("files", ("a.txt", b"x"))], headers=AUTH)
    assert res.status_code == 422 and "'title' is not a file" in res.json()["error"]
    res = rw.post("/api/ingest", files=[("files", ("a.txt", b"x")), ("files", ("dir/A.TXT", b"y"))], headers=AUTH)
    assert res.status_code == 422 and "more than once" in res.json()["error"]
    res = rw.post("/api/ingest", params={"x": "1"}, json={"text": "x"}, headers=AUTH)
    assert res.status_code == 400 and "takes none" in res.json()["error"]


def test_upload_names_are_made_safe() -> None:
    from stancemap.api.write import safe_name

    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\me\\news 1.html") == "news_1.html"
    assert safe_name("..hidden.md") == "hidden.md"
    assert safe_name("a;DROP TABLE documents;.txt") == "a_DROP_TABLE_documents_.txt"
    assert safe_name("x.warc.gz") == "x.warc.gz"
