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
