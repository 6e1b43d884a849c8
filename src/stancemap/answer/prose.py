"""Rendering a brief's statements: for the ``ask`` contract (citations as ``[doc]``), for people
(citations as ``[n]`` into a numbered source list) in the terminal and in Markdown.

A statement's text carries no citation marks and no final full stop; each rendering appends its
citations and the stop, so that every sentence ends with what it cites.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .sources import describe

SUMMARY_WORDS = 150  # the executive summary's limit


def words(text: str) -> int:
    return len(re.sub(r"\[[^\]]*\]", "", text).split())


def _docs(st: dict[str, Any], citations: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(citations[k]["doc"] for k in st["cites"] if k in citations))


def _nums(st: dict[str, Any], citations: dict[str, Any]) -> list[int]:
    return sorted(dict.fromkeys(citations[k]["n"] for k in st["cites"] if k in citations))


def sentence(st: dict[str, Any], marks: str) -> str:
    text = st["text"].rstrip()
    text = text[:-1] if text.endswith(".") and not text.endswith("..") else text
    return f"{text} {marks}." if marks else f"{text}."


def with_docs(st: dict[str, Any], citations: dict[str, Any]) -> str:
    """The contract's form: "... [000_de5c1df1780b5202][001_b6e61435225239fd]."."""
    return sentence(st, "".join(f"[{d}]" for d in _docs(st, citations)))


def with_numbers(st: dict[str, Any], citations: dict[str, Any], link: Callable[[int], str] | None = None) -> str:
    """For people: "... [1, 3]." (``link`` may wrap each number, e.g. as a Markdown anchor)."""
    nums = _nums(st, citations)
    if not nums:
        return sentence(st, "")
    shown = ", ".join(link(n) if link else str(n) for n in nums)
    return sentence(st, f"[{shown}]")


def paragraphs(brief: dict[str, Any], citations: dict[str, Any], render: Callable[[dict[str, Any]], str]
               ) -> list[str]:
    """The executive summary, then each section as a paragraph that opens with its title."""
    out = [" ".join(render(s) for s in brief["executive_summary"])] if brief["executive_summary"] else []
    for sec in brief["sections"]:
        if sec["statements"]:
            out.append(f"{sec['title']}: " + " ".join(render(s) for s in sec["statements"]))
    return out


def summary(brief: dict[str, Any], citations: dict[str, Any]) -> str:
    """The ``summary`` of the ``ask`` contract: every sentence ends with its document citations."""
    return "\n\n".join(paragraphs(brief, citations, lambda s: with_docs(s, citations)))


def render_text(answer: dict[str, Any]) -> str:
    """The terminal rendering: the answer first (the executive summary), then each section, the
    numbered sources, and a count of the evidence table the JSON and the web page hold."""
    cit = answer.get("citations") or {}
    q = answer["question"]
    lines = [q, "=" * min(len(q), 100), ""]
    brief = answer.get("brief") or {}
    if not brief.get("executive_summary"):
        return "\n".join([*lines, answer["summary"], "", *unread_lines(answer)])
    lines.append(" ".join(with_numbers(s, cit) for s in brief["executive_summary"]))
    lines.append("")
    for sec in brief["sections"]:
        if not sec["statements"]:
            continue
        lines += [sec["title"], "-" * min(len(sec["title"]), 100)]
        for s in sec["statements"]:
            lines.append(("  " if s["kind"] == "quote" else "") + with_numbers(s, cit))
        lines.append("")
    if answer.get("sources"):
        lines += ["Sources", "-------"]
        lines += [f"[{e['n']}] {describe(e)}" for e in answer["sources"]]
        lines.append("")
    if answer.get("records"):
        lines.append(f"Evidence table: {len(answer['records'])} records (ask --format json, or the web page).")
    lines += unread_lines(answer)
    return "\n".join(lines)


def unread_lines(answer: dict[str, Any]) -> list[str]:
    """What the store holds but could not read: said, so that silence is not taken for absence."""
    out = []
    skipped = answer.get("not_read") or {}
    if skipped:
        parts = [f"{n:,} {kind}" for kind, n in sorted(skipped.items())]
        out.append(f"Read in part: this answer is built from every vote and the {answer.get('read_limit', 0):,} most "
                   f"confident records of each kind; {', '.join(parts)} more are stored (stancemap export has them).")
    docs = answer.get("unread") or []
    if not docs:
        return out
    why = {"language": "in a language the models cannot read", "timeout": "over the time budget",
           "failed": "an extractor failed on it"}
    parts = [f"{d['doc']} ({why.get(d['extraction'], d['extraction'])})" for d in docs[:10]]
    more = f" and {len(docs) - 10} more" if len(docs) > 10 else ""
    return [*out, f"Not read: {len(docs)} stored document{'s' if len(docs) != 1 else ''} had nothing extracted: "
            + "; ".join(parts) + more + " (stancemap stats lists them)."]


def render_markdown(answer: dict[str, Any]) -> list[str]:
    """Markdown lines: title, question, the answer, the sections, the sources (charts are added by
    the report)."""
    cit = answer.get("citations") or {}
    brief = answer["brief"]
    out = [f"# {answer['actor_name']}", "", f"*{answer['question']}*", ""]

    def link(n: int) -> str:
        return f"[{n}](#source-{n})"

    out += ["## Answer", "", " ".join(with_numbers(s, cit, link) for s in brief["executive_summary"]), ""]
    for sec in brief["sections"]:
        if sec["statements"]:
            out += [f"## {sec['title']}", ""]
            out += [f"- {with_numbers(s, cit, link)}" for s in sec["statements"]]
            out.append("")
    if answer.get("sources"):
        out += ["## Sources", ""]
        out += [f"{e['n']}. <a id=\"source-{e['n']}\"></a>{describe(e)}" for e in answer["sources"]]
        out.append("")
    return out
