"""Text of a PDF (for the redaction check) and redaction of text inside a PDF exhibit.

Replacing text inside a PDF only works where the text is stored as plain strings; when a secret is
still there afterwards the exhibit is replaced by a one-page notice asking for a hand-redacted copy
(never shipped with the data in it).
"""

from __future__ import annotations

import io

from unionkit.i18n import _
from unionkit.packets.redact import Redactor


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        parts = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata or {}
        parts += [str(v) for v in meta.values()]
        return "\n".join(parts)
    except Exception:  # noqa: BLE001 - unreadable: treated as text-free by the caller's checks
        return ""


def _replace_in_streams(data: bytes, red: Redactor) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for page in writer.pages:
        contents = page.get_contents()
        if contents is None:
            continue
        raw = contents.get_data()
        for secret in red.secrets:
            for enc in ("latin-1", "utf-8"):
                try:
                    b = secret.encode(enc)
                except UnicodeEncodeError:
                    continue
                raw = raw.replace(b, b"XXXX")
                raw = raw.replace(b.upper(), b"XXXX")
        stream = ContentStream(None, writer)
        stream.set_data(raw)
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _notice_pdf(reason: str) -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    from unionkit.reports.common import FONT, register_fonts

    register_fonts()
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=LETTER, invariant=1)
    c.setAuthor("")
    c.setFont(FONT, 12)
    y = 700
    for line in reason.split("\n"):
        c.drawString(72, y, line)
        y -= 18
    c.showPage()
    c.save()
    return buf.getvalue()


def redact_pdf(data: bytes, red: Redactor) -> bytes:
    try:
        cleaned = _replace_in_streams(data, red)
        if not red.leaks(pdf_text(cleaned)):
            return cleaned
    except Exception:  # noqa: BLE001 - fall back to the notice
        pass
    return _notice_pdf(_("This exhibit shows personal data of workers that unionkit could not remove.") + "\n"
                       + _("It was withheld from this redacted packet: attach a copy redacted by hand."))
