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


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/system-deps.sh)")
def test_ask_in_the_browser_shows_a_cited_answer(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page()
        page.goto(server)
        page.fill("#question", "What is Kazakhstan's position on the Russian invasion of Ukraine?")
        page.click("#ask")
        page.wait_for_selector("#summary .para", timeout=20000)
        assert page.inner_text("#actor") == "Kazakhstan"
        cites = page.locator("#summary .cite")
        assert cites.count() > 0
        cites.first.click()
        assert page.locator("#evidence").is_visible()
        assert page.inner_text("#evidence").strip()
        page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
        browser.close()
