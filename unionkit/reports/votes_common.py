"""Helpers shared by the votes documents: language switching while the story is built, labels."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

from unionkit import i18n
from unionkit.formatting import format_date, format_long_date
from unionkit.i18n import _


@contextlib.contextmanager
def language(lang: str | None) -> Iterator[None]:
    """Build the story in the document's language (UnionDocument switches only while rendering)."""
    prev = i18n.language()
    if lang:
        i18n.set_language("es_MX" if lang.startswith("es") else "en")
    try:
        yield
    finally:
        i18n.set_language(prev)


def option_label(name: str) -> str:
    return {"yes": _("YES"), "no": _("NO")}.get(name, name)


def outcome_label(outcome: str | None, winner: str | None = None) -> str:
    labels = {"approved": _("APPROVED"), "rejected": _("REJECTED"), "tie": _("TIE"),
              "no_quorum": _("VOID: TURNOUT OR QUORUM NOT REACHED"), None: _("NOT COUNTED YET")}
    if outcome == "winner":
        return _("WINNER: {name}").format(name=winner or "")
    return labels.get(outcome, outcome or "")


def long_date(iso: str | None) -> str:
    return format_long_date(dt.date.fromisoformat(iso)) if iso else "____________________"


def short_date(iso: str | None) -> str:
    return format_date(dt.date.fromisoformat(iso)) if iso else "__/__/____"


def esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def kv_table(rows, col_widths=None, right_cols=()):
    """A label/value table: labels bold, no header shading (the shared ``simple_table`` shades row 0)."""
    from reportlab.platypus import Table, TableStyle

    from unionkit.reports.common import FONT, FONT_BOLD, GRID

    t = Table([list(r) for r in rows], colWidths=col_widths, hAlign="LEFT")
    cmds = [("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTNAME", (0, 0), (0, -1), FONT_BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), 8.5), ("LINEBELOW", (0, 0), (-1, -1), 0.25, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    cmds += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right_cols]
    t.setStyle(TableStyle(cmds))
    return t


def signature_tables(rows, header, col_widths, chunk: int = 25, row_height: float = 22.0):
    """Chunked tables with rows tall enough to sign in, and a box around the signature column."""
    from reportlab.lib import colors
    from reportlab.platypus import Table

    from unionkit.reports.common import table_style

    out = []
    for i in range(0, max(len(rows), 1), chunk):
        part = rows[i:i + chunk]
        t = Table([list(header), *[list(r) for r in part]], colWidths=col_widths,
                  rowHeights=[None] + [row_height] * len(part), repeatRows=1, hAlign="LEFT")
        style = table_style(1)
        style.add("VALIGN", (0, 1), (-1, -1), "MIDDLE")
        style.add("BOX", (-1, 0), (-1, -1), 0.5, colors.black)
        out.append(t)
        t.setStyle(style)
    return out


def heading(doc, title: str, subtitle: str = "") -> list:
    """The big title and subtitle of a votes document; the page header keeps the short ``doc.title``
    (long titles collide with the union name in the shared page frame)."""
    from reportlab.platypus import Paragraph

    sub = " \u00b7 ".join(x for x in (doc.union_name, doc.period, subtitle) if x)
    return [Paragraph(esc(title), doc.styles["Title"]), Paragraph(esc(sub), doc.styles["Subtitle"])]


def left_table(*args, **kw):
    """The shared ``simple_table``, aligned to the left margin like the rest of the page."""
    from unionkit.reports.common import simple_table

    t = simple_table(*args, **kw)
    t.hAlign = "LEFT"
    return t
