"""Parse documents with spaCy and record sentences as character spans of the cleaned text.

The cleaned text keeps paragraphs on separate lines. Headings and list items have no final
punctuation, so the statistical parser would glue them to the next sentence; the
``paragraph_breaks`` component forces a sentence start after every line break first.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language

from .. import yamlio
from ..config import Options
from ..errors import StancemapError
from ..model import Document, Sentence
from ..pipeline import register

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Any) -> Any:
    """Start a new sentence after every whitespace token that holds a line break."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    text = resources.files("stancemap.nlp").joinpath("data/lemmas.yaml").read_text(encoding="utf-8")
    return {str(k).lower(): str(v) for k, v in (yamlio.load(text).get("verbs") or {}).items()}


@Language.component("lemma_fixes")
def lemma_fixes(doc: Any) -> Any:
    """Correct the verb lemmas the model gets wrong (``data/lemmas.yaml``: "staged" is "stage")."""
    fixes = _lemma_fixes()
    for tok in doc:
        if tok.pos_ == "VERB" and (lemma := fixes.get(tok.lower_)) is not None:
            tok.lemma_ = lemma
    return doc


@lru_cache(maxsize=4)
def load_spacy(name: str) -> Language:
    """Load a spaCy pipeline once per process (it takes seconds)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise StancemapError(f"spaCy model {name!r} is not installed: {err}") from err
    if "parser" in nlp.pipe_names and "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    if "lemmatizer" in nlp.pipe_names and "lemma_fixes" not in nlp.pipe_names:
        nlp.add_pipe("lemma_fixes", after="lemmatizer")
    return nlp


def sentences_from(parsed: Any) -> list[Sentence]:
    """Sentence spans trimmed of surrounding whitespace; whitespace-only spans are skipped."""
    out: list[Sentence] = []
    text = parsed.text
    for sent in parsed.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(Sentence(len(out), start, end))
    return out


class ParseComponent:
    """spaCy parse of the cleaned text; writes the transient parse and the sentence list."""

    name = "parse"
    reads: tuple[str, ...] = ("text",)
    writes: tuple[str, ...] = ("parsed", "sentences")

    def __init__(self, options: Options) -> None:
        self.nlp = load_spacy(options.spacy_model)

    def __call__(self, doc: Document) -> Document:
        doc.parsed = self.nlp(doc.text)
        doc.sentences = sentences_from(doc.parsed)
        return doc


@register("parse")
def _make(options: Options) -> ParseComponent:
    return ParseComponent(options)
