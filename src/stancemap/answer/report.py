"""``stancemap report ACTOR --out brief.html|brief.md``: the brief with charts that tell the truth.

Three charts (SVG, :mod:`.charts`), each drawn only from what its caption says:

* the stance timeline — each statement on the brief's issues at the month its own sentence gives;
  statements without such a date are not plotted (the caption says how many);
* cooperation and conflict with each power — acts between the actor and a power's members, at the
  month their own sentence gives, from confident records only (counted as one per sentence);
* the multi-vector profile — the alignment toward each power per dimension, from evidence about
  that power (:mod:`..analysis.profile`), with the number of items behind each bar; no bar where
  there is no evidence.

HTML embeds them inline and links every citation to the numbered source list, which shows each cited
sentence highlighted in its paragraph; Markdown writes the SVG files next to the file.
"""

from __future__ import annotations

import html
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..analysis.acts import acts_by_month, by_power
from ..analysis.profile import DIMENSIONS, load_powers
from ..store import Store
from . import charts
from .prose import render_markdown, unread_lines
from .sources import describe

_COLOURS = {"support": "#1b9e77", "oppose": "#d95f02", "neutral": "#7570b3"}
_DIM_COLOURS = {"geopolitical": "#4c72b0", "economic": "#dd8452", "social": "#55a868"}


def timeline_points(answer: dict[str, Any]) -> tuple[list[tuple[str, str, str]], int]:
    """(issue label, month, stance) for each statement dated by its own sentence, and how many
    statements had no such date (left out)."""
    points, undated = [], 0
    for it in answer["issues"]:
        for e in it["evidence"]:
            d = e.get("date")  # the answer keeps only dates the sentence itself gives
            if d and len(str(d)) >= 7:
                points.append((it["label"], str(d)[:7], e["stance"]))
            else:
                undated += 1
    return points, undated


def timeline_chart(answer: dict[str, Any]) -> tuple[str, str]:
    points, undated = timeline_points(answer)
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for p in points:
        counts[p] += 1
    svg = charts.timeline(f"{answer['actor_name']}: statements by the month their own sentence gives", counts, _COLOURS)
    caption = (f"{len(points)} dated statements plotted (a larger dot is several in one month); {undated} "
               "without a date of their own are not plotted (see the evidence table).")
    return svg, caption


def power_acts(store: Store, actor: str) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]], int]:
    """Per power and month: summed weight and number of the confident acts between the actor and
    the power's members whose own sentence dates them to the month; and how many acts were left out.
    Read from the sums ``reconcile`` keeps (:mod:`..analysis.acts`); summed here on a store never summed."""
    rows = store.acts_of(actor)
    if rows is None:
        rows = acts_by_month(store.iter_rows("events", "source = ? OR target = ?", (actor, actor)), actor)
    return by_power(rows)


def dyad_chart(store: Store, actor: str, name: Any) -> tuple[str, str]:
    weight, count, left = power_acts(store, actor)
    powers = load_powers()["powers"]
    labels = {p: str(powers.get(p, {}).get("label") or name(p)) for p in weight}
    svg = charts.lines(f"{name(actor)}: acts with each power, by the month their sentence gives", weight, count,
                       labels, "summed weight (+ cooperation, − conflict)")
    n = sum(sum(c.values()) for c in count.values())
    caption = (f"{n} confident acts with a month of their own plotted (the number by each point counts them); "
               f"{left} acts without such a date or with a less confident reading are not plotted.")
    return svg, caption


def profile_chart(answer: dict[str, Any], name: Any) -> tuple[str, str]:
    rows = [r for r in answer["profile"] if r["score"] is not None]
    labels = load_powers()["powers"]
    powers = sorted({r["power"] for r in rows})
    cells = {(r["power"], r["dimension"]): (float(r["score"]), int(r["evidence"])) for r in rows}
    svg = charts.bars(f"{answer['actor_name']}: multi-vector profile", powers,
                      {p: str((labels.get(p) or {}).get("label") or name(p)) for p in powers}, DIMENSIONS,
                      _DIM_COLOURS, cells, "alignment (−1 away … +1 toward)")
    caption = ("Alignment toward each power from acts between them and from positions whose sentence names that "
               "power; n is the number of items behind each bar; no bar where there is no evidence.")
    return svg, caption


def _charts(store: Store, answer: dict[str, Any], name: Any) -> dict[str, tuple[str, str]]:
    return {"timeline": timeline_chart(answer), "dyads": dyad_chart(store, answer["actor"], name),
            "profile": profile_chart(answer, name)}


def write_report(store: Store, answer: dict[str, Any], out: Path, name: Any) -> list[Path]:
    """Write the report (HTML or Markdown by suffix); returns the files written."""
    drawn = _charts(store, answer, name)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = [out]
    if out.suffix.lower() in (".md", ".markdown"):
        lines = render_markdown(answer) + [f"*{x}*" for x in unread_lines(answer)] + [""]
        lines += ["## Charts", ""]
        for key, (svg, caption) in drawn.items():
            path = out.with_name(f"{out.stem}-{key}.svg")
            path.write_text(svg, encoding="utf-8")
            written.append(path)
            lines += [f"![{key} chart]({path.name})", "", f"*{caption}*", ""]
        out.write_text("\n".join(lines), encoding="utf-8")
        return written
    out.write_text(render_html(answer, drawn), encoding="utf-8")
    return written


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;line-height:1.5;"
          "color:#222}h1{margin-bottom:.1em}.answer{font-size:1.05em;background:#f6f8fb;border-left:4px solid #4c72b0;"
          "padding:.6em 1em}li{margin:.35em 0}a.cite{text-decoration:none}svg{max-width:100%;height:auto}figcaption{color:#555;"
          "font-size:.9em}.quote{color:#333}mark{background:#ffe680}.passage{font-size:.9em;color:#444;margin:.3em 0 "
          ".6em 1.2em}details summary{cursor:pointer;color:#555}")


def render_html(answer: dict[str, Any], drawn: dict[str, tuple[str, str]] | None = None) -> str:
    esc = html.escape
    cit = answer.get("citations") or {}
    brief = answer["brief"]

    def link(n: int) -> str:
        return f"<a class='cite' href='#source-{n}'>{n}</a>"

    def render(st: dict[str, Any]) -> str:
        nums = sorted(dict.fromkeys(cit[k]["n"] for k in st["cites"] if k in cit))
        body = esc(st["text"].rstrip().removesuffix("."))
        return body + (f" [{', '.join(link(n) for n in nums)}]." if nums else ".")

    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{esc(answer['actor_name'])} — "
             f"stancemap brief</title><style>{_STYLE}</style></head><body>",
             f"<h1>{esc(answer['actor_name'])}</h1><p><em>{esc(answer['question'])}</em></p>",
             "<div class='answer'>" + " ".join(render(s) for s in brief["executive_summary"]) + "</div>"]
    for sec in brief["sections"]:
        if sec["statements"]:
            parts.append(f"<h2>{esc(sec['title'])}</h2><ul>" + "".join(
                f"<li class='{esc(s['kind'])}'>{render(s)}</li>" for s in sec["statements"]) + "</ul>")
    if drawn:
        parts.append("<h2>Charts</h2>")
        for key, (svg, caption) in drawn.items():
            parts.append(f"<figure class='chart-{key}'>{svg}<figcaption>{esc(caption)}</figcaption></figure>")
    if answer.get("sources"):
        parts.append("<h2>Sources</h2><ol>")
        by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for c in cit.values():
            by_doc[c["doc"]].append(c)
        for e in answer["sources"]:
            passages = sorted(by_doc.get(e["doc"], []), key=lambda c: c["start"])
            shown = "".join(f"<p class='passage'>{_highlight(c)}</p>" for c in passages)
            more = (f"<details><summary>{len(passages)} cited sentence{'s' if len(passages) != 1 else ''} in "
                    f"context</summary>{shown}</details>") if passages else ""
            parts.append(f"<li id='source-{e['n']}' value='{e['n']}'>{esc(describe(e))}{more}</li>")
        parts.append("</ol>")
    for line in unread_lines(answer):
        parts.append(f"<p class='unread'><em>{esc(line)}</em></p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _highlight(c: dict[str, Any]) -> str:
    """The cited sentence marked in its paragraph."""
    esc = html.escape
    context, hl = c.get("context") or "", c.get("highlight")
    if not context or not hl:
        return esc(c.get("sentence") or "")
    a, b = int(hl[0]), int(hl[1])
    return f"{esc(context[:a])}<mark>{esc(context[a:b])}</mark>{esc(context[b:])}"
