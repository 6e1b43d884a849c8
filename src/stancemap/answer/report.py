"""``stancemap report ACTOR --out brief.html|brief.md``: the brief with charts that tell the truth.

Three charts (matplotlib, PNG), each drawn only from what its caption says:

* the stance timeline — each statement on the brief's issues at the month its own sentence gives;
  statements without such a date are not plotted (the caption says how many);
* cooperation and conflict with each power — acts between the actor and a power's members, at the
  month their own sentence gives, from confident records only (counted as one per sentence);
* the multi-vector profile — the alignment toward each power per dimension, from evidence about
  that power (:mod:`..analysis.profile`), with the number of items behind each bar; no bar where
  there is no evidence.

HTML embeds them and links every citation to the numbered source list, which shows each cited
sentence highlighted in its paragraph; Markdown writes the PNGs next to the file.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..analysis.profile import DIMENSIONS, _power_of, load_powers
from ..store import Store
from . import evidence as ev
from .prose import render_markdown
from .sources import describe

_COLOURS = {"support": "#1b9e77", "oppose": "#d95f02", "neutral": "#7570b3"}
_DIM_COLOURS = {"geopolitical": "#4c72b0", "economic": "#dd8452", "social": "#55a868"}
MIN_ACT_CONFIDENCE = 0.6


def _figure_png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _wrap(text: str, width: int = 34) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


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


def timeline_chart(answer: dict[str, Any]) -> tuple[bytes, str]:
    plt = _plt()
    points, undated = timeline_points(answer)
    labels = list(dict.fromkeys(p[0] for p in points))
    months = sorted({p[1] for p in points})
    fig, ax = plt.subplots(figsize=(9, 0.9 + 0.6 * max(1, len(labels))))
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for p in points:
        counts[p] += 1
    offsets = {"support": -0.18, "neutral": 0.0, "oppose": 0.18}
    for (label, month, stance), n in counts.items():
        ax.scatter(months.index(month), labels.index(label) + offsets.get(stance, 0.0), s=40 + 30 * (n - 1),
                   color=_COLOURS.get(stance, "grey"), alpha=0.85)
    ax.set_yticks(range(len(labels)))
    ax.set_yticklabels([_wrap(lab) for lab in labels], fontsize=8)
    ax.set_xticks(range(len(months)))
    ax.set_xticklabels(months, rotation=45, ha="right", fontsize=8)
    ax.set_ylim(-0.6, max(0.6, len(labels) - 0.4))
    for pol, colour in _COLOURS.items():
        ax.scatter([], [], color=colour, label=pol)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_title(f"{answer['actor_name']}: statements by the month their own sentence gives", fontsize=10)
    ax.grid(axis="x", color="#eee")
    caption = (f"{len(points)} dated statements plotted (a larger dot is several in one month); {undated} "
               "without a date of their own are not plotted (see the evidence table).")
    return _figure_png(fig), caption


def power_acts(store: Store, actor: str) -> tuple[dict[str, dict[str, float]], dict[str, dict[str, int]], int]:
    """Per power and month: summed weight and number of the confident acts between the actor and
    the power's members whose own sentence dates them to the month; and how many acts were left out."""
    powers = load_powers()
    weight: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    count: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    left = 0
    seen: set[tuple[str, int, str, str]] = set()
    for e in store.rows("events", "source = ? OR target = ?", (actor, actor)):
        if e["negated"] or not e["source"] or not e["target"] or e["source"] == e["target"]:
            continue
        other = e["target"] if e["source"] == actor else e["source"]
        if (e["target_sector"] if other == e["target"] else e["source_sector"]) == "REB":
            continue  # separatists are not the state they are in
        p = _power_of(other, powers)
        if p is None or p == _power_of(actor, powers):
            continue
        key = (e["doc"], int(e["start_char"]), e["source"], e["target"])
        if key in seen:
            continue
        seen.add(key)
        d = ev.own_date(e["evidence"], e["date"])
        if float(e.get("confidence") or 0) < MIN_ACT_CONFIDENCE or not d or len(d) < 7:
            left += 1
            continue
        weight[p][d[:7]] += float(e.get("weight") or 0.0)
        count[p][d[:7]] += 1
    return weight, count, left


def dyad_chart(store: Store, actor: str, name: Any) -> tuple[bytes, str]:
    plt = _plt()
    weight, count, left = power_acts(store, actor)
    powers = load_powers()["powers"]
    months = sorted({m for s in weight.values() for m in s})
    fig, ax = plt.subplots(figsize=(9, 3.4))
    for p in sorted(weight):
        xs = sorted(weight[p])
        ax.plot([months.index(m) for m in xs], [weight[p][m] for m in xs], marker="o",
                label=str(powers.get(p, {}).get("label") or name(p)))
        for m in xs:
            ax.annotate(str(count[p][m]), (months.index(m), weight[p][m]), textcoords="offset points",
                        xytext=(0, 6), ha="center", fontsize=7)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(range(len(months)))
    ax.set_xticklabels(months, rotation=45, ha="right", fontsize=8)
    ax.set_ylabel("summed weight\n(+ cooperation, − conflict)", fontsize=8)
    ax.set_title(f"{name(actor)}: acts with each power, by the month their sentence gives", fontsize=10)
    if weight:
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    n = sum(sum(c.values()) for c in count.values())
    caption = (f"{n} confident acts with a month of their own plotted (the number by each point counts them); "
               f"{left} acts without such a date or with a less confident reading are not plotted.")
    return _figure_png(fig), caption


def profile_chart(answer: dict[str, Any], name: Any) -> tuple[bytes, str]:
    plt = _plt()
    rows = [r for r in answer["profile"] if r["score"] is not None]
    labels = load_powers()["powers"]
    powers = sorted({r["power"] for r in rows})
    fig, ax = plt.subplots(figsize=(9, 3.4))
    width = 0.8 / len(DIMENSIONS)
    for k, dim in enumerate(DIMENSIONS):
        for i, p in enumerate(powers):
            cell = next((r for r in rows if r["power"] == p and r["dimension"] == dim), None)
            if cell is None:
                continue  # no evidence: no bar (not a zero)
            x = i + (k - 1) * width
            ax.bar(x, cell["score"], width, color=_DIM_COLOURS[dim], label=dim if i == 0 or not ax.containers else None)
            ax.annotate(f"n={cell['evidence']}", (x, cell["score"]), textcoords="offset points",
                        xytext=(0, 4 if cell["score"] >= 0 else -11), ha="center", fontsize=7)
    handles = [plt.Rectangle((0, 0), 1, 1, color=_DIM_COLOURS[d]) for d in DIMENSIONS]
    ax.legend(handles, DIMENSIONS, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_xticks(range(len(powers)))
    ax.set_xticklabels([_wrap(str((labels.get(p) or {}).get("label") or name(p)), 18) for p in powers], fontsize=8)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylim(-1.15, 1.15)
    ax.set_ylabel("alignment\n(−1 away … +1 toward)", fontsize=8)
    ax.set_title(f"{answer['actor_name']}: multi-vector profile", fontsize=10)
    caption = ("Alignment toward each power from acts between them and from positions whose sentence names that "
               "power; n is the number of items behind each bar; no bar where there is no evidence.")
    return _figure_png(fig), caption


def _charts(store: Store, answer: dict[str, Any], name: Any) -> dict[str, tuple[bytes, str]]:
    return {"timeline": timeline_chart(answer), "dyads": dyad_chart(store, answer["actor"], name),
            "profile": profile_chart(answer, name)}


def write_report(store: Store, answer: dict[str, Any], out: Path, name: Any) -> list[Path]:
    """Write the report (HTML or Markdown by suffix); returns the files written."""
    charts = _charts(store, answer, name)
    out.parent.mkdir(parents=True, exist_ok=True)
    written = [out]
    if out.suffix.lower() in (".md", ".markdown"):
        lines = render_markdown(answer)
        lines += ["## Charts", ""]
        for key, (png, caption) in charts.items():
            path = out.with_name(f"{out.stem}-{key}.png")
            path.write_bytes(png)
            written.append(path)
            lines += [f"![{key} chart]({path.name})", "", f"*{caption}*", ""]
        out.write_text("\n".join(lines), encoding="utf-8")
        return written
    out.write_text(render_html(answer, charts), encoding="utf-8")
    return written


_STYLE = ("body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;line-height:1.5;"
          "color:#222}h1{margin-bottom:.1em}.answer{font-size:1.05em;background:#f6f8fb;border-left:4px solid #4c72b0;"
          "padding:.6em 1em}li{margin:.35em 0}a.cite{text-decoration:none}img{max-width:100%}figcaption{color:#555;"
          "font-size:.9em}.quote{color:#333}mark{background:#ffe680}.passage{font-size:.9em;color:#444;margin:.3em 0 "
          ".6em 1.2em}details summary{cursor:pointer;color:#555}")


def render_html(answer: dict[str, Any], charts: dict[str, tuple[bytes, str]] | None = None) -> str:
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
    if charts:
        parts.append("<h2>Charts</h2>")
        for key, (png, caption) in charts.items():
            parts.append(f"<figure><img alt='{key} chart' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"
                         f"<figcaption>{esc(caption)}</figcaption></figure>")
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
