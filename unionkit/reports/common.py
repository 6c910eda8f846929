"""Shared PDF scaffolding: the bundled DejaVu font, styles, and the page frame every document has
(title, union name, period, page x of y, generation date and, where relevant, the ledger head hash).

Usage::

    doc = UnionDocument(out_path, title=_("Monthly report"), union_name=vault.union_name,
                        period=_("March 2026"), head_hash=head, lang="es")
    story = [Paragraph(..., doc.styles["Body"]), simple_table(rows, header=[...]), ...]
    doc.build(story)

Big tables: use ``chunked_tables`` (tables of ~50 rows): one huge splitting Table is quadratic.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from unionkit import i18n
from unionkit.formatting import format_datetime
from unionkit.fsutil import atomic_writer
from unionkit.i18n import _
from unionkit.paths import font_path

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_ITALIC = "DejaVuSans-Oblique"
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    pdfmetrics.registerFont(TTFont(FONT, str(font_path("DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(font_path("DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(font_path("DejaVuSans-Oblique.ttf"))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
    _registered = True


def styles() -> StyleSheet1:
    register_fonts()
    ss = StyleSheet1()
    ss.add(ParagraphStyle("Body", fontName=FONT, fontSize=9.5, leading=12.5))
    ss.add(ParagraphStyle("Small", fontName=FONT, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#444444")))
    ss.add(ParagraphStyle("Title", fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=4))
    ss.add(ParagraphStyle("Subtitle", fontName=FONT, fontSize=10.5, leading=14, textColor=colors.HexColor("#333333"),
                          spaceAfter=8))
    ss.add(ParagraphStyle("H2", fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=5))
    ss.add(ParagraphStyle("H3", fontName=FONT_BOLD, fontSize=10, leading=13, spaceBefore=6, spaceAfter=3))
    ss.add(ParagraphStyle("Cell", fontName=FONT, fontSize=8.5, leading=10.5))
    ss.add(ParagraphStyle("CellBold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5))
    ss.add(ParagraphStyle("CellRight", fontName=FONT, fontSize=8.5, leading=10.5, alignment=TA_RIGHT))
    ss.add(ParagraphStyle("CellRightBold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5, alignment=TA_RIGHT))
    return ss


ACCENT = colors.HexColor("#7a1f2b")  # a deep red, printed well in greyscale too
GRID = colors.HexColor("#b8b8b8")
SHADE = colors.HexColor("#f1ecec")


def table_style(header_rows: int = 1, total_row: bool = False) -> TableStyle:
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
    ]
    if header_rows:  # a table without a header has no bold, shaded first row
        cmds += [("FONTNAME", (0, 0), (-1, header_rows - 1), FONT_BOLD),
                 ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
                 ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT)]
    if total_row:
        cmds += [("FONTNAME", (0, -1), (-1, -1), FONT_BOLD), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black)]
    return TableStyle(cmds)


def simple_table(rows: Sequence[Sequence], *, header: Sequence[str] | None = None,
                 col_widths: Sequence[float] | None = None, right_cols: Sequence[int] = (),
                 total_row: bool = False) -> Table:
    data = ([list(header)] if header else []) + [list(r) for r in rows]
    t = Table(data, colWidths=col_widths, repeatRows=1 if header else 0)
    style = table_style(1 if header else 0, total_row) if header else table_style(0, total_row)
    for c in right_cols:
        style.add("ALIGN", (c, 0), (c, -1), "RIGHT")
    t.setStyle(style)
    return t


def chunked_tables(rows: Sequence[Sequence], *, header: Sequence[str], chunk: int = 50, **kw) -> list[Table]:
    """Many ~50-row tables instead of one huge table (reportlab's split is quadratic)."""
    return [simple_table(rows[i:i + chunk], header=header, **kw) for i in range(0, max(len(rows), 1), chunk)]


def signature_blocks(roles: Sequence[str], width: float = 170 * mm) -> Table:
    """Signature lines with the role under each (e.g. Tesorero/a, Secretario/a General)."""
    ss = styles()
    n = len(roles)
    cells = [[Paragraph("<br/><br/><br/>______________________________<br/>" + r, ss["Cell"]) for r in roles]]
    t = Table(cells, colWidths=[width / n] * n)
    t.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER"), ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    return t


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits in ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "\u2026", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "\u2026"


class UnionDocument:
    """A letter-size document with the standard header and a 'page x of y' footer."""

    def __init__(self, out: Path, *, title: str, union_name: str, period: str = "",
                 head_hash: str | None = None, lang: str | None = None, subtitle: str = "",
                 landscape: bool = False) -> None:
        register_fonts()
        self.out = Path(out)
        self.title = title
        self.union_name = union_name
        self.period = period
        self.head_hash = head_hash
        self.subtitle = subtitle
        self.lang = lang
        self.styles = styles()
        self.generated = dt.datetime.now()
        from reportlab.lib.pagesizes import landscape as _land

        self.pagesize = _land(LETTER) if landscape else LETTER

    def _frame(self, canvas, doc) -> None:
        w, h = self.pagesize
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(18 * mm, h - 16 * mm, w - 18 * mm, h - 16 * mm)
        right = _fit(self.title + (" \u00b7 " + self.period if self.period else ""), FONT, 8.5,
                     (w - 36 * mm) * 0.55)
        left = _fit(self.union_name, FONT_BOLD, 8.5,
                    w - 36 * mm - pdfmetrics.stringWidth(right, FONT, 8.5) - 6 * mm)
        canvas.setFont(FONT_BOLD, 8.5)
        canvas.drawString(18 * mm, h - 13 * mm, left)
        canvas.setFont(FONT, 8.5)
        canvas.drawRightString(w - 18 * mm, h - 13 * mm, right)
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#444444"))
        left = _("Generated {when} with unionkit").format(when=format_datetime(self.generated))
        if self.head_hash:
            left += " \u00b7 " + _("Ledger head {hash}").format(hash=self.head_hash[:16])
        canvas.drawString(18 * mm, 10 * mm, left)
        canvas.drawRightString(w - 18 * mm, 10 * mm, _("Page {page} of {pages}").format(
            page=canvas.getPageNumber(), pages="{pages}"))
        canvas.restoreState()

    def header_flowables(self) -> list[Flowable]:
        out: list[Flowable] = [Paragraph(self.title, self.styles["Title"])]
        sub = " \u00b7 ".join(x for x in (self.union_name, self.period, self.subtitle) if x)
        out.append(Paragraph(sub, self.styles["Subtitle"]))
        return out

    def build(self, story: list[Flowable], *, with_header: bool = True) -> Path:
        """Render to a private temp file and move it into place atomically."""
        prev = i18n.language()
        if self.lang:
            i18n.set_language("es_MX" if self.lang.startswith("es") else "en")
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
            flow = (self.header_flowables() if with_header else []) + list(story)
            with atomic_writer(self.out) as fh:
                doc = _CountingDoc(fh, pagesize=self.pagesize, leftMargin=18 * mm, rightMargin=18 * mm,
                                   topMargin=22 * mm, bottomMargin=18 * mm, title=self.title,
                                   author="", creator="unionkit", subject=self.period)
                frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
                doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._frame)])
                doc.multiBuild(flow)
        finally:
            if self.lang:
                i18n.set_language(prev)
        os.chmod(self.out, 0o600)
        return self.out


class _CountingDoc(BaseDocTemplate):
    """Replaces the ``{pages}`` placeholder in the footer with the real page count (two passes)."""

    _total = 0

    def afterFlowable(self, flowable) -> None:  # noqa: N802 - reportlab API
        pass

    def handle_documentEnd(self) -> None:  # noqa: N802
        super().handle_documentEnd()
        self._total = self.page

    def build(self, flowables, **kw) -> None:  # noqa: D401
        super().build(flowables, canvasmaker=_make_canvas(self), **kw)


def _make_canvas(doc: _CountingDoc):
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *a, **k) -> None:
            super().__init__(*a, **k)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._code = [c.replace("{pages}", str(total)) if isinstance(c, str) else c for c in self._code]
                super().showPage()
            super().save()

    return NumberedCanvas
