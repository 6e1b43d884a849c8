"""The web page in real headless Chromium (Debian's chromium, driven by Playwright)."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from stancemap.config import Options

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(corpus_db: Path):  # type: ignore[no-untyped-def]
    import uvicorn

    from stancemap.api.app import create_app

    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(Options(db=str(corpus_db), progress=False)), host="127.0.0.1",
                                        port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)


ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # screenshots to look at (gitignored)
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason="Debian's chromium is not installed (.ci/system-deps.sh)")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield browser
        browser.close()


def ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    page.fill("#question", question)
    page.click("#ask")


def asked(page) -> list[str]:  # type: ignore[no-untyped-def]
    """URLs of the /api/ask requests the page sends from now on."""
    urls: list[str] = []
    page.on("request", lambda req: urls.append(req.url) if "/api/ask" in req.url else None)
    return urls


@needs_chromium
def test_ask_in_the_browser_shows_a_cited_answer(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server)
    page.click("#ask")  # the example question the page starts with
    page.wait_for_selector("#summary .para", timeout=20000)
    assert page.inner_text("#actor") == "Kazakhstan"
    cites = page.locator("#summary .cite")
    assert cites.count() > 0
    cites.first.click()
    assert page.locator("#evidence").is_visible()
    assert page.inner_text("#evidence").strip()
    assert not page.locator("#message").is_visible()
    page.screenshot(path=str(ARTIFACTS / "answer.png"), full_page=True)


@needs_chromium
def test_an_empty_question_is_refused_in_the_page(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server)
    page.click("#ask")
    page.wait_for_selector("#summary .para", timeout=20000)
    sent = asked(page)
    for i, (question, words) in enumerate((("", "Type a question first"), ("   ", "Type a question first"),
                                           ("ab", "too short (at least 3 characters)"))):
        ask(page, question)
        message = page.locator("#message")
        assert message.is_visible() and words in message.inner_text()
        assert "Unprocessable" not in page.inner_text("body")
        assert page.inner_text("#answer") == ""  # the previous answer is gone, not shown under the error
        page.screenshot(path=str(ARTIFACTS / f"empty-question-{i}.png"), full_page=True)
    assert sent == []  # validated in the page: nothing was sent


@needs_chromium
def test_no_evidence_and_api_errors_are_shown(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(server)
    page.click("#ask")
    page.wait_for_selector("#summary .para", timeout=20000)
    sent = asked(page)
    ask(page, "What is Fiji's position on whaling?")
    page.wait_for_selector("#message.notice", timeout=20000)
    assert page.inner_text("#message") == "No stored evidence on Fiji."
    assert page.inner_text("#answer") == "" and page.inner_text("#status") == ""
    assert len(sent) == 1
    page.screenshot(path=str(ARTIFACTS / "no-evidence.png"), full_page=True)

    ask(page, "What is the weather like today?")  # the API refuses it (422): its message is shown
    page.wait_for_selector("#message.error", timeout=20000)
    assert page.inner_text("#message").startswith("Error: the question names no state")
    assert page.inner_text("#answer") == ""
    page.screenshot(path=str(ARTIFACTS / "api-error.png"), full_page=True)

    ask(page, "What is Kazakhstan's position on the Russian invasion of Ukraine?")  # and back to an answer
    page.wait_for_selector("#summary .para", timeout=20000)
    assert not page.locator("#message").is_visible()


def answered(page, question: str | None = None):  # type: ignore[no-untyped-def]
    if question is not None:
        page.fill("#question", question)
    page.click("#ask")
    page.wait_for_selector("#summary .para", timeout=30000)


@needs_chromium
def test_a_citation_shows_the_cited_sentence_highlighted_in_its_paragraph(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server)
    answered(page)
    cite = page.locator("#summary .cite").first
    keys = cite.get_attribute("data-keys") or ""
    cite.click()
    box = page.locator("#evidence")
    assert box.is_visible()
    mark = box.locator("mark").first
    cited = page.evaluate("(k) => current.citations[k].sentence", keys.split("|")[0])
    assert mark.inner_text().strip() == cited.strip()
    # the paragraph around it is shown too, and the source is named (outlet, title, date)
    assert len(box.inner_text()) > len(cited) + 40
    assert "“" in box.inner_text()
    page.screenshot(path=str(ARTIFACTS / "citation.png"), full_page=False)
    page.keyboard.press("Escape")
    assert not box.is_visible()


@needs_chromium
def test_the_first_screen_is_the_answer_in_at_most_200_words(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server)
    answered(page)
    words = page.evaluate("""() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let n = 0, node;
      while ((node = walker.nextNode())) {
        const el = node.parentElement;
        if (!el || el.closest('script,style') || !el.checkVisibility({visibilityProperty: true})) continue;
        const r = document.createRange(); r.selectNodeContents(node);
        const rect = r.getBoundingClientRect();
        if (rect.height > 0 && rect.top < window.innerHeight && rect.bottom > 0)
          n += node.textContent.split(/\\s+/).filter((w) => /[A-Za-z]/.test(w)).length;  // citation numbers are not words
      }
      return n;
    }""")
    page.screenshot(path=str(ARTIFACTS / "first-screen.png"), full_page=False)
    assert words <= 200, words
    assert page.inner_text("#verdict").strip()


@needs_chromium
def test_the_evidence_table_filters_sorts_and_exports(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    import json

    page = browser.new_page(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page.goto(server)
    answered(page)
    page.click("#tab-table")
    rows = page.locator("#records tbody tr")
    total = rows.count()
    assert total > 20
    page.select_option("#f-kind", "vote")
    kinds = page.locator("#records tbody tr td:first-child").all_inner_texts()
    assert kinds and set(kinds) == {"vote"} and len(kinds) < total
    page.select_option("#f-kind", "")
    page.select_option("#f-source", "2")
    sources = page.locator("#records tbody tr td:nth-child(6)").all_inner_texts()
    assert sources and set(sources) == {"2"}
    page.select_option("#f-source", "")
    page.fill("#f-from", "2022-03")
    dates = page.locator("#records tbody tr td:nth-child(5)").all_inner_texts()
    assert dates and all(d >= "2022-03" for d in dates)
    page.fill("#f-from", "")
    # sorting by date: ascending, then descending on a second click; undated rows last
    page.click("#records th[data-key=date]")
    asc = [d for d in page.locator("#records tbody tr td:nth-child(5)").all_inner_texts() if d != "undated"]
    assert asc == sorted(asc)
    page.click("#records th[data-key=date]")
    desc = [d for d in page.locator("#records tbody tr td:nth-child(5)").all_inner_texts() if d != "undated"]
    assert desc == sorted(desc, reverse=True)
    page.screenshot(path=str(ARTIFACTS / "evidence-table.png"), full_page=False)
    page.select_option("#f-kind", "stance")
    shown = page.locator("#records tbody tr").count()
    with page.expect_download() as dl:
        page.click("#export-csv")
    csv_text = Path(dl.value.path()).read_text(encoding="utf-8")
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(table) == shown and {r["kind"] for r in table} == {"stance"}
    assert {"issue", "actor_name", "date", "source", "evidence"} <= set(table[0])
    with page.expect_download() as dl:
        page.click("#export-jsonl")
    lines = [json.loads(line) for line in Path(dl.value.path()).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(lines) == shown and all(r["kind"] == "stance" and r["evidence"] for r in lines)


@needs_chromium
def test_each_question_form_gets_its_own_answer_in_the_page(server: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(server)
    seen = {}
    for i, (question, verdicts) in enumerate((
            ("Does Kazakhstan support sanctions on Russia?", {"yes", "mostly yes", "yes, with limits"}),
            ("How has Kazakhstan's position on the war changed?", {"changed", "unchanged", "undated"}),
            ("Where do Kazakhstan and Russia differ?", {"differ"}),
            ("Where does Russia stand on Kazakhstan?", {"acts"}))):
        answered(page, question)
        verdict = page.inner_text("#verdict").strip()
        assert verdict in verdicts, (question, verdict)
        seen[question] = page.inner_text("#summary")
        page.screenshot(path=str(ARTIFACTS / f"form-{i}.png"), full_page=False)
    assert len(set(seen.values())) == len(seen)  # four questions, four different answers
    page.click("#tab-sources")
    assert page.locator("#sources li").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "sources.png"), full_page=False)
