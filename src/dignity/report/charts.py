"""Inline SVG charts for the HTML report: no scripts, no fonts, no requests.

Every label is escaped here; callers pass plain text. Each chart is an ``<svg role="img">``
with an ``aria-label`` and a ``<title>`` per bar, so it reads without the picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

BAR_COLOUR = "#b42318"
MUTED_COLOUR = "#98a2b3"


@dataclass(frozen=True, slots=True, kw_only=True)
class Bar:
    """One labelled value of a horizontal bar chart; ``href`` links the label (``#...`` only)."""

    label: str
    value: int
    href: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Bucket:
    """One period of the timeline: its label, the messages in it and the breaches among them."""

    label: str
    messages: int
    breaches: int


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _number(value: int) -> str:
    return f"{value:,}"


def bar_chart(bars: Sequence[Bar], *, label: str, width: int = 760) -> str:
    """A horizontal bar chart, one row per bar, largest value full width."""
    row, label_width, value_width = 26, 330, 70
    height = max(1, len(bars)) * row + 8
    top = max((bar.value for bar in bars), default=0) or 1
    plot = width - label_width - value_width
    parts = [
        f'<svg class="chart bars" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-label="{_attr(label)}" viewBox="0 0 {width} {height}" width="{width}"'
        f' height="{height}">'
    ]
    for i, bar in enumerate(bars):
        y = 4 + i * row
        length = max(2.0, plot * bar.value / top) if bar.value else 0.0
        name = escape(_clip(bar.label, 48))
        text = (
            f'<text x="{label_width - 8}" y="{y + 17}" text-anchor="end" class="label">'
            f"{name}</text>"
        )
        if bar.href is not None and bar.href.startswith("#"):
            text = f'<a href="{_attr(bar.href)}">{text}</a>'
        parts.append(
            f"<g>{text}"
            f'<rect x="{label_width}" y="{y + 4}" width="{length:.1f}" height="{row - 8}"'
            f' fill="{BAR_COLOUR}" rx="2"><title>{escape(bar.label)}: {_number(bar.value)}'
            f"</title></rect>"
            f'<text x="{label_width + length + 6:.1f}" y="{y + 17}" class="value">'
            f"{_number(bar.value)}</text></g>"
        )
    parts.append("</svg>")
    return "".join(parts)


def timeline_chart(buckets: Sequence[Bucket], *, label: str, width: int = 900) -> str:
    """Messages (grey) and breaches (red) per period, as overlaid columns with a y scale."""
    height, left, bottom, top_pad = 220, 56, 34, 12
    plot_w, plot_h = width - left - 12, height - bottom - top_pad
    top = max((b.messages for b in buckets), default=0) or 1
    step = plot_w / max(1, len(buckets))
    bar_w = max(1.0, step * 0.8)
    parts = [
        f'<svg class="chart timeline" xmlns="http://www.w3.org/2000/svg" role="img"'
        f' aria-label="{_attr(label)}" viewBox="0 0 {width} {height}" width="100%"'
        f' preserveAspectRatio="xMinYMin meet">',
        f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}"'
        ' class="axis"/>',
        f'<line x1="{left}" y1="{top_pad}" x2="{left}" y2="{top_pad + plot_h}" class="axis"/>',
        f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end" class="value">'
        f"{_number(top)}</text>",
        f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end" class="value">0</text>',
    ]
    for i, bucket in enumerate(buckets):
        x = left + i * step + (step - bar_w) / 2
        for count, colour, kind in (
            (bucket.messages, MUTED_COLOUR, "messages"),
            (bucket.breaches, BAR_COLOUR, "breaches"),
        ):
            if not count:
                continue
            h = max(1.0, plot_h * count / top)
            parts.append(
                f'<rect x="{x:.1f}" y="{top_pad + plot_h - h:.1f}" width="{bar_w:.1f}"'
                f' height="{h:.1f}" fill="{colour}" class="{kind}"><title>'
                f"{escape(bucket.label)}: {_number(bucket.messages)} messages,"
                f" {_number(bucket.breaches)} breaches</title></rect>"
            )
    for i in _tick_indices(len(buckets)):
        x = left + i * step + step / 2
        anchor = "start" if i == 0 and len(buckets) > 1 else "middle"
        if i == len(buckets) - 1 and len(buckets) > 1:
            anchor = "end"
        parts.append(
            f'<text x="{x:.1f}" y="{height - 12}" text-anchor="{anchor}" class="label">'
            f"{escape(buckets[i].label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _tick_indices(count: int) -> list[int]:
    if count <= 0:
        return []
    if count <= 4:
        return list(range(count))
    return sorted({0, count // 3, 2 * count // 3, count - 1})


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
