"""The report's three charts as SVG written directly: no plotting library at answer time.

Drawing the three charts with matplotlib took about a third of a second, longer than the whole answer
on a 100,000-document store (issue 17). These are small fixed layouts (dots on a month grid, lines by
month, grouped bars), so they are written as SVG text: sharp at any zoom, searchable, embeddable inline
in HTML, and a hover on any mark shows what it counts (``<title>``). The data and the captions come
from :mod:`.report`; this module only draws.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

WIDTH = 900
_FONT = "font-family='system-ui,sans-serif'"
_PALETTE = ("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c")


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _text(x: float, y: float, s: object, size: int = 11, anchor: str = "start", extra: str = "") -> str:
    return (f"<text x='{x:.1f}' y='{y:.1f}' font-size='{size}' text-anchor='{anchor}' {_FONT}{extra}>"
            f"{_esc(s)}</text>")


def _svg(height: int, title: str, body: list[str]) -> str:
    return (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {WIDTH} {height}' width='{WIDTH}' "
            f"height='{height}' role='img' aria-label='{_esc(title)}'><rect width='100%' height='100%' fill='white'/>"
            + _text(WIDTH / 2, 18, title, 13, "middle") + "".join(body) + "</svg>")


def _month_index(month: str) -> int:
    year, _, mon = month.partition("-")
    return int(year) * 12 + (int(mon) if mon.isdigit() else 1) - 1


def _month_axis(months: Sequence[str], x0: float, x1: float, y: float) -> tuple[list[str], dict[str, float]]:
    """x of each month ("YYYY-MM") on a time scale over [x0, x1] (a gap of months is a gap on the axis),
    and its tick labels, thinned so that none overlaps the one before."""
    if not months:
        return [], {}
    first, last = _month_index(months[0]), _month_index(months[-1])
    span = max(1, last - first)
    xs = {m: (x0 + (_month_index(m) - first) / span * (x1 - x0)) if last > first else (x0 + x1) / 2 for m in months}
    out: list[str] = []
    shown = -1e9
    for m in months:
        if xs[m] - shown < 34:
            continue
        shown = xs[m]
        out.append(f"<line x1='{xs[m]:.1f}' x2='{xs[m]:.1f}' y1='{y:.1f}' y2='{y + 4:.1f}' stroke='#999'/>")
        out.append(_text(xs[m], y + 14, m, 9, "end", f" transform='rotate(-40 {xs[m]:.1f} {y + 14:.1f})'"))
    return out, xs


def _legend(items: Sequence[tuple[str, str]], x: float, y: float) -> list[str]:
    out = []
    for i, (label, colour) in enumerate(items):
        out.append(f"<rect x='{x:.1f}' y='{y + i * 16 - 9:.1f}' width='10' height='10' fill='{colour}'/>")
        out.append(_text(x + 14, y + i * 16, label, 10))
    return out


def _wrap(label: str, width: int = 36) -> str:
    return label if len(label) <= width else label[:width - 1].rstrip() + "…"


def timeline(title: str, points: dict[tuple[str, str, str], int], colours: dict[str, str]) -> str:
    """Dots per (row label, month, stance) with the number of statements; a bigger dot holds more."""
    labels = list(dict.fromkeys(k[0] for k in points))
    months = sorted({k[1] for k in points})
    left, right, top = 250, WIDTH - 110, 40
    height = top + 28 * max(1, len(labels)) + 70
    body, xs = _month_axis(months, left + 10, right - 10, height - 62)
    offsets = {"support": -7.0, "neutral": 0.0, "oppose": 7.0}
    for i, label in enumerate(labels):
        row = top + 14 + 28 * i
        body.append(f"<line x1='{left}' x2='{right}' y1='{row}' y2='{row}' stroke='#eee'/>")
        body.append(f"<text x='{left - 8}' y='{row + 4}' font-size='10' text-anchor='end' {_FONT}>"
                    f"<title>{_esc(label)}</title>{_esc(_wrap(label))}</text>")
    for (label, month, stance), n in sorted(points.items()):
        x, y = xs[month], top + 14 + 28 * labels.index(label) + offsets.get(stance, 0.0)
        body.append(f"<circle cx='{x:.1f}' cy='{y:.1f}' r='{3.5 + 2.5 * math.sqrt(n - 1):.1f}' "
                    f"fill='{colours.get(stance, 'grey')}' fill-opacity='0.85'><title>{_esc(label)}, {month}: "
                    f"{n} {_esc(stance)} statement{'s' if n != 1 else ''}</title></circle>")
    body += _legend([(s, c) for s, c in colours.items()], right + 16, top + 10)
    return _svg(height, title, body)


def lines(title: str, series: dict[str, dict[str, float]], counts: dict[str, dict[str, int]],
          labels: dict[str, str], y_label: str) -> str:
    """One line per series over the months any of them has, with each point's count written by it."""
    months = sorted({m for s in series.values() for m in s})
    values = [v for s in series.values() for v in s.values()]
    lo, hi = min([0.0, *values]), max([0.0, *values])
    hi, lo = (hi + 1.0, lo - 1.0) if hi == lo else (hi + 0.08 * (hi - lo), lo - 0.08 * (hi - lo))
    left, right, top, bottom = 70, WIDTH - 170, 36, 250
    height = bottom + 70

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    body, xs = _month_axis(months, left + 10, right - 10, bottom)
    body.append(f"<line x1='{left}' x2='{right}' y1='{y(0):.1f}' y2='{y(0):.1f}' stroke='grey'/>")
    body.append(f"<line x1='{left}' x2='{left}' y1='{top}' y2='{bottom}' stroke='#999'/>")
    for v in (lo, 0.0, hi):
        body.append(_text(left - 6, y(v) + 4, f"{v:.1f}", 9, "end"))
    body.append(_text(16, (top + bottom) / 2, y_label, 10, "middle",
                      f" transform='rotate(-90 16 {(top + bottom) / 2:.1f})'"))
    legend = []
    for k, key in enumerate(sorted(series)):
        colour = _PALETTE[k % len(_PALETTE)]
        legend.append((labels.get(key, key), colour))
        pts = sorted(series[key].items())
        body.append("<polyline fill='none' stroke-width='1.6' stroke='" + colour + "' points='"
                    + " ".join(f"{xs[m]:.1f},{y(v):.1f}" for m, v in pts) + "'/>")
        for m, v in pts:
            n = counts.get(key, {}).get(m, 0)
            body.append(f"<circle cx='{xs[m]:.1f}' cy='{y(v):.1f}' r='3.5' fill='{colour}'><title>"
                        f"{_esc(labels.get(key, key))}, {m}: {n} act{'s' if n != 1 else ''}, summed weight {v:+.1f}"
                        "</title></circle>")
            body.append(_text(xs[m], y(v) - 7, n, 8, "middle"))
    body += _legend(legend, right + 20, top + 10)
    return _svg(height, title, body)


def bars(title: str, groups: Sequence[str], group_labels: dict[str, str], kinds: Sequence[str],
         colours: dict[str, str], cells: dict[tuple[str, str], tuple[float, int]], y_label: str) -> str:
    """Grouped bars in [-1, 1]: per group, one bar per kind that has a value, labelled with its n."""
    left, right, top, bottom = 70, WIDTH - 150, 36, 250
    height = bottom + 50
    mid = (top + bottom) / 2

    def y(v: float) -> float:
        return mid - v * (bottom - top) / 2.3

    body = [f"<line x1='{left}' x2='{right}' y1='{mid:.1f}' y2='{mid:.1f}' stroke='grey'/>",
            f"<line x1='{left}' x2='{left}' y1='{top}' y2='{bottom}' stroke='#999'/>"]
    for v in (-1.0, 0.0, 1.0):
        body.append(_text(left - 6, y(v) + 4, f"{v:+.0f}" if v else "0", 9, "end"))
    body.append(_text(16, mid, y_label, 10, "middle", f" transform='rotate(-90 16 {mid:.1f})'"))
    slot = (right - left) / max(1, len(groups))
    width = slot * 0.8 / max(1, len(kinds))
    for i, g in enumerate(groups):
        gx = left + slot * i + slot * 0.1
        body.append(_text(left + slot * (i + 0.5), bottom + 18, _wrap(group_labels.get(g, g), 22), 10, "middle"))
        for k, kind in enumerate(kinds):
            if (g, kind) not in cells:
                continue  # no evidence: no bar (not a zero)
            v, n = cells[(g, kind)]
            x, top_y = gx + k * width, min(y(v), mid)
            body.append(f"<rect x='{x:.1f}' y='{top_y:.1f}' width='{width * 0.92:.1f}' height='{abs(y(v) - mid):.1f}' "
                        f"fill='{colours.get(kind, 'grey')}'><title>{_esc(group_labels.get(g, g))}, {_esc(kind)}: "
                        f"{v:+.2f} from {n} item{'s' if n != 1 else ''}</title></rect>")
            body.append(_text(x + width * 0.46, y(v) - 4 if v >= 0 else y(v) + 11, f"n={n}", 8, "middle"))
    body += _legend([(k, colours.get(k, "grey")) for k in kinds], right + 20, top + 10)
    return _svg(height, title, body)
