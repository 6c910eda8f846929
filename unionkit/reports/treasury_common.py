"""Helpers shared by the treasury PDFs: language switch, money cells, the expense chart."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from unionkit import i18n
from unionkit.formatting import format_money
from unionkit.i18n import _
from unionkit.money import Money
from unionkit.reports.common import ACCENT, FONT, FONT_BOLD, register_fonts, styles


@contextlib.contextmanager
def document_language(lang: str | None) -> Iterator[str]:
    """Build the whole story in the document's language ('es' or 'en'), then restore."""
    prev = i18n.language()
    code = "es" if (lang or "es").startswith("es") else "en"
    i18n.set_language("es_MX" if code == "es" else "en")
    try:
        yield code
    finally:
        i18n.set_language(prev)


def money(cents: int) -> str:
    return format_money(Money(cents))


def signed_change(cents: int) -> str:
    return ("+" if cents > 0 else "") + money(cents)


def para(text: str, style: str = "Body") -> Paragraph:
    return Paragraph(text, styles()[style])


def cell(text: str, style: str = "Cell") -> Paragraph:
    """A table cell that wraps instead of running into the next column."""
    return Paragraph(esc(text), styles()[style])


def heading(text: str, style: str = "H2") -> Paragraph:
    p = Paragraph(esc(text), styles()[style])
    p.keepWithNext = True
    return p


def esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bar_chart(items: Sequence[tuple[str, int]], *, width: float = 170 * mm, title: str = "") -> Drawing:
    """Horizontal bars (centavos), largest first, labelled with the amount and share."""
    register_fonts()
    items = [(label, v) for label, v in items if v > 0][:10]
    total = sum(v for _l, v in items) or 1
    bar_h = 7 * mm
    height = max(len(items), 1) * bar_h + 16 * mm
    d = Drawing(width, height)
    if title:
        d.add(String(0, height - 5 * mm, title, fontName=FONT_BOLD, fontSize=9.5))
    if not items:
        d.add(String(0, height - 12 * mm, _("No expenses in this period."), fontName=FONT, fontSize=8.5))
        return d
    chart = HorizontalBarChart()
    label_w = 62 * mm
    chart.x, chart.y = label_w, 4 * mm
    chart.width, chart.height = width - label_w - 44 * mm, len(items) * bar_h
    rev = list(reversed(items))
    chart.data = [[v / 100 for _l, v in rev]]
    chart.categoryAxis.categoryNames = [(lbl if len(lbl) <= 38 else lbl[:37] + "\u2026") for lbl, _v in rev]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.categoryAxis.visibleTicks = False
    chart.valueAxis.visible = False
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(v for _l, v in items) / 100
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = bar_h * 0.6
    d.add(chart)
    for i, (_lbl, v) in enumerate(rev):
        x = chart.x + chart.width * (v / 100) / chart.valueAxis.valueMax + 2
        y = chart.y + (i + 0.5) * (chart.height / len(rev)) - 2.5
        pct = f"{v * 100 / total:.0f}\u00a0%"
        d.add(String(x, y, f"{money(v)}  ({pct})", fontName=FONT, fontSize=7.5, fillColor=colors.black))
    return d
