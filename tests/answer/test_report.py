"""``stancemap report``: charts drawn as inline SVG from the sums reconcile keeps, and the same without them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from stancemap.analysis.acts import acts_by_month
from stancemap.answer.brief import build_answer
from stancemap.answer.question import parse_question
from stancemap.answer.report import power_acts, write_report
from stancemap.config import Options
from stancemap.model import Document, Event, Sentence, Stance
from stancemap.reconcile.run import reconcile_store
from stancemap.store import open_store

TEXT = ("In March 2022 Mongolia signed a transit agreement with China. "
        "In May 2022 Mongolia criticised Russia over the war in Ukraine. "
        "Mongolia also met officials from the European Union.")


def _doc() -> Document:
    doc = Document(id="mng-1", text=TEXT, content_hash="mng-1", published="2022-06-01")
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", TEXT)]
    doc.sentences = [Sentence(i, a + (1 if TEXT[a] == " " else 0), b) for i, (a, b) in enumerate(bounds)]
    s0, s1, s2 = doc.sentences
    doc.events = [
        Event(source="MNG", type="AGREE", target="CHN", start=s0.start, end=s0.end, date="2022-03", sent=0,
              confidence=0.9),
        Event(source="MNG", type="ACCUSE", target="RUS", start=s1.start, end=s1.end, date="2022-05", sent=1,
              confidence=0.9),
        Event(source="MNG", type="CONSULT", target="EU", start=s2.start, end=s2.end, date="2022-06", sent=2,
              confidence=0.9),
    ]
    doc.stances = [Stance(actor="MNG", issue="invasion-of-ukraine", stance="oppose", start=s1.start, end=s1.end,
                          date="2022-05", confidence=0.8, sent=1)]
    return doc


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(m) for m in re.findall(r"<svg .*?</svg>", html, flags=re.S)]


def test_reconcile_keeps_the_sums_the_chart_reads(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "t.db")) as store:
        store.save_document(_doc())
        assert store.acts_of("MNG") is None  # never summed: the report would sum the events itself
        reconcile_store(store, Options(progress=False))
        stored = store.acts_of("MNG")
        live = acts_by_month(store.rows("events"), "MNG")
    assert stored == live
    assert {(r["power"], r["month"]) for r in stored if r["power"]} == {("CHN", "2022-03"), ("RUS", "2022-05")}
    assert sum(r["acts"] for r in stored if not r["power"]) == 1  # the meeting's sentence gives no month


def test_report_draws_valid_svg_charts_inline_and_as_files(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "t.db")) as store:
        store.save_document(_doc())
        reconcile_store(store, Options(progress=False))
        answer = build_answer(store, parse_question("What is Mongolia's position on the war in Ukraine?"))
        html_out = tmp_path / "brief.html"
        write_report(store, answer, html_out, lambda c: c or "")
        md = write_report(store, answer, tmp_path / "brief.md", lambda c: c or "")
        summed = power_acts(store, "MNG")
    charts = _svgs(html_out.read_text("utf-8"))
    assert len(charts) == 3  # timeline, acts with each power, profile
    dyads = charts[1]
    ns = "{http://www.w3.org/2000/svg}"
    lines = dyads.findall(f"{ns}polyline")
    assert len(lines) == 2  # China and Russia: one line each
    hovers = [t.text or "" for t in dyads.iter(f"{ns}title")]
    assert any("Russia, 2022-05: 1 act" in h for h in hovers)
    assert "2 confident acts with a month of their own plotted" in html_out.read_text("utf-8")
    assert summed[2] == 1
    files = [p for p in md if p.suffix == ".svg"]
    assert len(files) == 3 and all(ET.parse(p).getroot().tag == f"{ns}svg" for p in files)
    assert all(f"]({p.name})" in (tmp_path / "brief.md").read_text("utf-8") for p in files)


def test_a_store_never_summed_draws_the_same_chart(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "t.db")) as store:
        store.save_document(_doc())
        reconcile_store(store, Options(progress=False))
        summed = power_acts(store, "MNG")
        store.execute("DELETE FROM derived_state")  # as a store reconciled before the sums existed
        assert store.acts_of("MNG") is None
        assert power_acts(store, "MNG") == summed
