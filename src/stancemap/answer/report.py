"""``stancemap report ACTOR --out brief.html|brief.md``: the brief with charts.

Three charts (matplotlib, PNG): the stance timeline (each piece of evidence by issue and month,
coloured by polarity), the dyad chart (summed cooperation/conflict weight per month with each
power) and the multi-vector chart (alignment toward each power, per dimension). HTML embeds them;
Markdown writes them next to the file.
"""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path
from typing import Any

from ..analysis.dyads import dyad_series
from ..analysis.profile import DIMENSIONS, _power_of, load_powers
from ..store import Store

_COLOURS = {"support": "#1b9e77", "oppose": "#d95f02", "neutral": "#7570b3"}


def _figure_png(fig: Any) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def _month_key(date: str | None) -> str | None:
    if not date:
        return None
    return str(date)[:7] if len(str(date)) >= 7 else f"{str(date)[:4]}-06"


def timeline_chart(answer: dict[str, Any]) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    items = answer["issues"]
    fig, ax = plt.subplots(figsize=(9, 0.5 + 0.45 * max(1, len(items))))
    months = sorted({m for it in items for e in it["evidence"] if (m := _month_key(e["date"]))})
    index = {m: i for i, m in enumerate(months)}
    for y, it in enumerate(items):
        for e in it["evidence"]:
            m = _month_key(e["date"])
            if m is not None:
                ax.scatter(index[m], y, color=_COLOURS[e["stance"]], s=40, alpha=0.8)
    ax.set_yticks(range(len(items)))
    ax.set_yticklabels([it["label"][:48] for it in items], fontsize=8)
    ax.set_xticks(range(len(months)))
    ax.set_xticklabels(months, rotation=45, fontsize=8)
    for pol, colour in _COLOURS.items():
        ax.scatter([], [], color=colour, label=pol)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1, 1))
    ax.set_title(f"{answer['actor_name']}: stance evidence over time")
    return _figure_png(fig)


def dyad_chart(store: Store, actor: str, name: Any) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    powers = load_powers()
    clusters = store.rows("event_clusters", "source = ? OR target = ?", (actor, actor))
    series: dict[str, dict[str, float]] = {}
    for row in dyad_series(clusters):
        other = row.target if row.source == actor else row.source
        p = _power_of(other, powers)
        if p is None:
            continue
        series.setdefault(p, {})
        series[p][row.month] = series[p].get(row.month, 0.0) + row.weight_sum
    fig, ax = plt.subplots(figsize=(9, 3.2))
    months = sorted({m for s in series.values() for m in s})
    for p, s in sorted(series.items()):
        ax.plot([months.index(m) for m in sorted(s)], [s[m] for m in sorted(s)], marker="o", label=name(p))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(range(len(months)))
    ax.set_xticklabels(months, rotation=45, fontsize=8)
    ax.set_ylabel("summed weight (+ cooperation, − conflict)")
    ax.set_title(f"{name(actor)}: cooperation and conflict with each power, by month")
    if series:
        ax.legend(fontsize=8)
    return _figure_png(fig)


def profile_chart(answer: dict[str, Any], name: Any) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows = [r for r in answer["profile"] if r["score"] is not None]
    powers = sorted({r["power"] for r in rows})
    fig, ax = plt.subplots(figsize=(9, 3.2))
    width = 0.8 / len(DIMENSIONS)
    for k, dim in enumerate(DIMENSIONS):
        vals = [next((r["score"] for r in rows if r["power"] == p and r["dimension"] == dim), 0.0) for p in powers]
        ax.bar([i + k * width for i in range(len(powers))], vals, width, label=dim)
    ax.set_xticks([i + width for i in range(len(powers))])
    ax.set_xticklabels([name(p) for p in powers], fontsize=8)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("alignment (−1 away … +1 toward)")
    ax.set_title(f"{answer['actor_name']}: multi-vector profile")
    ax.legend(fontsize=8)
    return _figure_png(fig)


def write_report(store: Store, answer: dict[str, Any], out: Path, name: Any) -> list[Path]:
    """Write the report (HTML or Markdown by suffix); returns the files written."""
    charts = {"timeline": timeline_chart(answer), "dyads": dyad_chart(store, answer["actor"], name),
              "profile": profile_chart(answer, name)}
    brief = answer["brief"]
    out.parent.mkdir(parents=True, exist_ok=True)
    written = [out]
    if out.suffix.lower() in (".md", ".markdown"):
        lines = [f"# {answer['actor_name']}: {answer['question']}", "", brief.get("headline", ""), ""]
        for dim in DIMENSIONS:
            if brief["dimensions"].get(dim):
                lines += [f"## {dim.capitalize()}", "", *[f"- {s}" for s in brief["dimensions"][dim]], ""]
        if brief["contradictions"]:
            lines += ["## Where sources disagree", "", *[f"- {s}" for s in brief["contradictions"]], ""]
        if brief["open_questions"]:
            lines += ["## Open questions", "", *[f"- {s}" for s in brief["open_questions"]], ""]
        lines += ["## Charts", ""]
        for key, png in charts.items():
            path = out.with_name(f"{out.stem}-{key}.png")
            path.write_bytes(png)
            written.append(path)
            lines += [f"![{key}]({path.name})", ""]
        out.write_text("\n".join(lines), encoding="utf-8")
        return written
    esc = html.escape
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{esc(answer['actor_name'])} — stancemap brief"
             "</title><style>body{font-family:sans-serif;max-width:980px;margin:2em auto;line-height:1.45}"
             "li{margin:.3em 0}img{max-width:100%}</style></head><body>",
             f"<h1>{esc(answer['actor_name'])}</h1><p><em>{esc(answer['question'])}</em></p>",
             f"<p><strong>{esc(brief.get('headline', ''))}</strong></p>"]
    for dim in DIMENSIONS:
        if brief["dimensions"].get(dim):
            parts.append(f"<h2>{dim.capitalize()}</h2><ul>" +
                         "".join(f"<li>{esc(s)}</li>" for s in brief["dimensions"][dim]) + "</ul>")
    for title, key in (("Where sources disagree", "contradictions"), ("Open questions", "open_questions")):
        if brief[key]:
            parts.append(f"<h2>{title}</h2><ul>" + "".join(f"<li>{esc(s)}</li>" for s in brief[key]) + "</ul>")
    parts.append("<h2>Charts</h2>")
    for key, png in charts.items():
        parts.append(f"<figure><img alt='{key} chart' src='data:image/png;base64,{base64.b64encode(png).decode()}'>"
                     f"<figcaption>{key}</figcaption></figure>")
    parts.append("</body></html>")
    out.write_text("\n".join(parts), encoding="utf-8")
    return written
