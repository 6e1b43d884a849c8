"""Sources a reader can follow: a numbered list, and each cited sentence highlighted in its paragraph."""

from __future__ import annotations

from pathlib import Path

from stancemap.answer.brief import build_answer
from stancemap.answer.question import parse_question
from stancemap.answer.sources import describe, paragraph
from stancemap.store import open_store


def test_the_paragraph_around_a_sentence() -> None:
    text = "Title line\n\nFirst sentence here. The cited one is this. And a third.\nNext paragraph."
    start = text.index("The cited")
    end = text.index("And a") - 1
    context, offset = paragraph(text, start, end)
    assert context == "First sentence here. The cited one is this. And a third."
    assert context[offset: offset + (end - start)] == "The cited one is this."
    long = "Intro. " * 400 + "Target sentence. " + "Outro. " * 400
    s = long.index("Target")
    context, offset = paragraph(long, s, s + len("Target sentence."))
    assert len(context) < 1300 and context[offset:].startswith("Target sentence.")


def test_a_source_line_names_outlet_author_title_date_and_where() -> None:
    line = describe({"n": 1, "doc": "d1", "outlet": "Andes Wire", "author": "Ana Ruiz", "title": "Chile abstains",
                     "date": "2022-03-02", "link": None, "file": "d1.txt"})
    assert line == "Andes Wire — Ana Ruiz, “Chile abstains”, 2 March 2022. d1.txt"
    assert describe({"n": 2, "doc": "d2", "outlet": None, "author": None, "title": None, "date": None,
                     "link": "https://example.org/a", "file": None}).endswith("undated. https://example.org/a")


def test_every_citation_of_the_seed_brief_points_at_its_sentence(corpus_db: Path) -> None:
    with open_store(str(corpus_db)) as store:
        answer = build_answer(store, parse_question("What is Kazakhstan's position on the Russian invasion of Ukraine?"))
    numbers = {s["doc"]: s["n"] for s in answer["sources"]}
    assert sorted(numbers.values()) == list(range(1, len(numbers) + 1))
    assert all(s["outlet"] and s["title"] for s in answer["sources"])  # the bundled corpus has metadata
    statements = [s for s in answer["brief"]["executive_summary"]] + \
        [s for sec in answer["brief"]["sections"] for s in sec["statements"]]
    for st in statements:
        assert st["cites"], st["text"]
        for key in st["cites"]:
            c = answer["citations"][key]
            a, b = c["highlight"]
            assert c["context"][a:b] == c["sentence"] and c["n"] == numbers[c["doc"]]
    for st in statements:  # a quote is verbatim: its words (outside brackets and elisions) are in its sentence
        if st["kind"] != "quote" or "“" not in st["text"]:
            continue
        quoted = st["text"][st["text"].index("“") + 1: st["text"].rindex("”")]
        sentences = " ".join(" ".join(answer["citations"][k]["sentence"].split()) for k in st["cites"])
        for piece in quoted.replace("…", "\n").split("\n"):
            piece = " ".join(piece.split()).strip()
            if "[" in piece:  # a referent added in brackets
                piece = piece.split("[")[0].strip()
            assert piece in sentences, piece
