"""Hypothesis-generated documents through the whole extraction pipeline.

News text is not all prose: headlines, fragments, tables, long lists, sentences that never end, odd
Unicode and several scripts in one line. The pipeline must return on each (it once looped forever on a
headline) and every record it makes must point into the text. Examples are derandomised (the same ones
on every run, so CI is not flaky) and bounded; ``STANCEMAP_FUZZ_EXAMPLES=500`` explores more, with
new examples on each run. Each example
runs under an alarm, and the whole test under a hard faulthandler deadline, so a hang fails the test
instead of blocking the suite.
"""

from __future__ import annotations

import faulthandler
import math
import os
import random
import re
import signal
from collections.abc import Iterator
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stancemap.config import Options
from stancemap.model import EVENT_TYPES, MODALITIES, STANCES, Document
from stancemap.pipeline import Pipeline

# Exploring (the variable set): more examples, and new ones on each run.
EXPLORE = "STANCEMAP_FUZZ_EXAMPLES" in os.environ
EXAMPLES = int(os.environ.get("STANCEMAP_FUZZ_EXAMPLES", "50"))
PER_EXAMPLE_S = 120
WHOLE_TEST_S = 900

ENGLISH = ["Kazakhstan", "Russia", "China", "the United States", "Ukraine", "NATO", "the European Union",
           "President Tokayev", "the foreign ministry", "Moscow", "Astana", "its", "their", "his", "our",
           "condemned", "signed", "praised", "sanctioned", "met", "would", "not", "recognise", "abstained",
           "vote", "war", "trade", "talks", "on", "in", "with", "of", "the", "and", "said", "that", "which",
           "agreement", "sanctions", "troops", "$4.5 billion", "12 percent", "March 2022", "Monday", "3,000",
           "'s", ",", ";", ":", "-", "(", ")", '"', "…"]
FOREIGN = ["Казахстан", "осудил", "Россию", "كازاخستان", "أدانت", "روسيا", "哈萨克斯坦", "谴责", "俄罗斯", "カザフスタン",
           "카자흐스탄", "Καζακστάν", "קזחסטן", "कज़ाख़िस्तान", "Қазақстан", "👩‍👩‍👧‍👦", "🇰🇿", "❤️‍🔥", "𝐊𝐚𝐳𝐚𝐤𝐡𝐬𝐭𝐚𝐧"]
# Any character a decoded file can hold: everything but surrogates and NUL (ingest refuses NUL bytes).
ODD_CHARS = st.characters(exclude_categories=("Cs",), exclude_characters="\x00")
DATE_FORMS = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.isoformat()[:7]),
    st.dates().map(lambda d: d.isoformat()[:4]),
)


def words(draw: st.DrawFn, vocab: list[str], lo: int, hi: int) -> list[str]:
    return draw(st.lists(st.sampled_from(vocab), min_size=lo, max_size=hi))


@st.composite
def fragment(draw: st.DrawFn) -> str:
    return " ".join(words(draw, ENGLISH, 1, 6))


@st.composite
def headline(draw: st.DrawFn) -> str:
    text = " ".join(w.title() for w in words(draw, ENGLISH, 3, 12))
    return text + draw(st.sampled_from(["", ":", " –", "?"]))


@st.composite
def sentence(draw: st.DrawFn) -> str:
    return " ".join(words(draw, ENGLISH, 4, 30)).capitalize() + draw(st.sampled_from([".", "!", "?", "", "..."]))


@st.composite
def table(draw: st.DrawFn) -> str:
    sep = draw(st.sampled_from([" | ", "\t", "|", " ; "]))
    edge = draw(st.sampled_from(["", "|", "| "]))
    rows = draw(st.lists(st.lists(st.one_of(fragment(), st.integers(-10**6, 10**6).map(str)), min_size=1,
                                  max_size=6), min_size=1, max_size=30))
    return "\n".join(edge + sep.join(row) + edge.strip() for row in rows)


@st.composite
def long_list(draw: st.DrawFn) -> str:
    """20 to 300 items: built from a drawn seed (hypothesis would be slow drawing each item)."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    bullet = draw(st.sampled_from(["- ", "* ", "• ", "", "1. "]))
    n = draw(st.integers(20, 300))
    return "\n".join(bullet + " ".join(rng.choice(ENGLISH) for _ in range(rng.randint(1, 12))) for _ in range(n))


@st.composite
def endless_sentence(draw: st.DrawFn) -> str:
    """Up to 2,000 words without a full stop."""
    rng = random.Random(draw(st.integers(0, 2**32)))
    n = draw(st.integers(300, 2000))
    return " ".join(rng.choice(ENGLISH) for _ in range(n))


@st.composite
def odd_unicode(draw: st.DrawFn) -> str:
    return draw(st.text(alphabet=ODD_CHARS, min_size=1, max_size=300))


@st.composite
def mixed_scripts(draw: st.DrawFn) -> str:
    return " ".join(words(draw, ENGLISH + FOREIGN, 3, 40)) + draw(st.sampled_from([".", "", "。"]))


@st.composite
def spiced(draw: st.DrawFn) -> str:
    """A sentence with odd characters inserted (zero-width joiners, bidi overrides, combining marks)."""
    chars = list(draw(sentence()))
    for _ in range(draw(st.integers(1, 20))):
        chars.insert(draw(st.integers(0, len(chars))), draw(ODD_CHARS))
    return "".join(chars)


BLOCKS = st.one_of(fragment(), headline(), sentence(), table(), long_list(), endless_sentence(), odd_unicode(),
                   mixed_scripts(), spiced())


@st.composite
def documents(draw: st.DrawFn) -> Document:
    blocks = draw(st.lists(BLOCKS, min_size=1, max_size=5))
    glue = draw(st.sampled_from(["\n\n", "\n", " ", "\r\n", "\u2028", "\n\n\n"]))
    text = glue.join(blocks)
    if not text.strip():
        text = "Kazakhstan " + text  # ingest never hands the pipeline a blank text
    return Document(id="fuzz", text=text, published=draw(DATE_FORMS))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """One pipeline for all examples: it loads spaCy and the embedding model (seconds)."""
    return Pipeline(Options(progress=False))


class Hang(Exception):
    pass


@pytest.fixture
def guarded() -> Iterator[None]:
    """A hard deadline for the whole test: a hang in native code (where the per-example alarm cannot
    interrupt) dumps every thread's stack and exits instead of blocking the suite forever."""
    faulthandler.dump_traceback_later(WHOLE_TEST_S, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


def _ring(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"one document took more than {PER_EXAMPLE_S} s")


ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check(doc: Document) -> None:
    """Every record points into the text, at a non-empty span, with values from the model's vocabularies."""
    n = len(doc.text)
    assert doc.sentences, "no sentence in a non-blank text"
    last_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.idx == i and last_end <= s.start < s.end <= n
        assert doc.text[s.start:s.end].strip()
        last_end = s.end

    def inside(start: int, end: int, sent: int, what: str) -> None:
        assert 0 <= start < end <= n, f"{what} offsets {start}:{end} outside a text of {n}"
        assert doc.text[start:end].strip(), f"{what} evidence is blank"
        if sent >= 0:
            s = doc.sentences[sent]
            assert start < s.end and end > s.start, f"{what} does not overlap its sentence {sent}"

    for m in doc.mentions:
        inside(m.start, m.end, m.sent, "mention")
    for e in doc.events:
        inside(e.start, e.end, e.sent, "event")
        assert e.type in EVENT_TYPES and e.modality in MODALITIES
        assert e.date is None or ISO.match(e.date), e.date
    for st_ in doc.stances:
        inside(st_.start, st_.end, st_.sent, "stance")
        assert st_.stance in STANCES and st_.actor
    for c in doc.claims:
        inside(c.start, c.end, c.sent, "claim")
        assert math.isfinite(c.value) and c.unit
        assert c.surface and c.surface in doc.text[c.start:c.end]


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, derandomize=not EXPLORE, database=None, print_blob=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture, HealthCheck.large_base_example])
@given(doc=documents())
def test_pipeline_reads_any_document_shape(pipeline: Pipeline, guarded: None, doc: Document) -> None:
    old = signal.signal(signal.SIGALRM, _ring)
    signal.alarm(PER_EXAMPLE_S)
    try:
        out = pipeline(doc)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    check(out)
