"""What metadata a file carries, and share copies without it (SECURITY.md R22).

*Evidence* copies are the original bytes, untouched. *Share* copies (for a lawyer's quick look, the
press, a messaging app) are re-written without EXIF (GPS, camera make/model, dates), XMP, IPTC, ICC,
PNG text chunks, comments, and without the PDF document information and XMP metadata.
"""

from __future__ import annotations

import io
import re
import zipfile

from unionkit.errors import UnionkitError
from unionkit.i18n import _

IMAGE_MIMES = {"image/jpeg", "image/png", "image/tiff", "image/webp", "image/gif", "image/bmp"}
PDF_MIME = "application/pdf"
OOXML_SUFFIXES = (".docx", ".xlsx", ".pptx")
PLAIN_MIMES = {"text/plain", "text/csv"}
GPS_TAG = 0x8825  # 34853
_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF", "image/webp": "WEBP",
            "image/gif": "GIF", "image/bmp": "BMP"}


def kind_of(mime: str, filename: str) -> str:
    if mime in IMAGE_MIMES:
        return "image"
    if mime == PDF_MIME or filename.lower().endswith(".pdf"):
        return "pdf"
    if filename.lower().endswith(OOXML_SUFFIXES):
        return "ooxml"
    if mime in PLAIN_MIMES or mime.startswith("text/"):
        return "text"
    return "other"


def _fmt(value) -> str:
    if isinstance(value, bytes):
        return _("{n} bytes of binary data").format(n=len(value))
    text = str(value)
    return text if len(text) <= 200 else text[:200] + "…"


def describe(data: bytes, mime: str, filename: str) -> list[tuple[str, str]]:
    """Pairs (field, value) a person should see before sharing this file."""
    kind = kind_of(mime, filename)
    try:
        if kind == "image":
            return _describe_image(data)
        if kind == "pdf":
            return _describe_pdf(data)
        if kind == "ooxml":
            return _describe_ooxml(data)
    except Exception:  # noqa: BLE001 - a damaged file must not stop the browser
        return [(_("Metadata"), _("The file could not be read to list its metadata."))]
    return []


def _describe_image(data: bytes) -> list[tuple[str, str]]:
    from PIL import ExifTags, Image

    out: list[tuple[str, str]] = []
    with Image.open(io.BytesIO(data)) as im:
        exif = im.getexif()
        for tag, value in exif.items():
            if tag in (GPS_TAG, 0x8769):
                continue
            out.append((ExifTags.TAGS.get(tag, hex(tag)), _fmt(value)))
        for tag, value in exif.get_ifd(0x8769).items():
            out.append((ExifTags.TAGS.get(tag, hex(tag)), _fmt(value)))
        gps = exif.get_ifd(GPS_TAG)
        for tag, value in gps.items():
            out.append(("GPS " + ExifTags.GPSTAGS.get(tag, hex(tag)), _fmt(value)))
        for key in ("xmp", "XML:com.adobe.xmp"):
            if key in im.info:
                out.append(("XMP", _("present ({n} bytes)").format(n=len(im.info[key]))))
        for key in ("icc_profile", "comment"):
            if im.info.get(key):
                out.append((key, _fmt(im.info[key])))
        if "iptc" in im.info or "photoshop" in im.info:
            out.append(("IPTC", _("present")))
        if im.format == "PNG":
            for key, value in getattr(im, "text", {}).items():
                out.append(("PNG " + key, _fmt(value)))
    return out


def _describe_pdf(data: bytes) -> list[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    out = [(str(k).lstrip("/"), _fmt(v)) for k, v in (reader.metadata or {}).items()]
    if "/Metadata" in reader.trailer["/Root"]:
        out.append(("XMP", _("present")))
    return out


def _describe_ooxml(data: bytes) -> list[tuple[str, str]]:
    import defusedxml.ElementTree as ET  # noqa: N817

    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in ("docProps/core.xml", "docProps/app.xml"):
            if name in z.namelist():
                root = ET.fromstring(z.read(name))
                for el in root:
                    if el.text and el.text.strip():
                        out.append((el.tag.rsplit("}", 1)[-1], _fmt(el.text.strip())))
    return out


def can_share(mime: str, filename: str) -> bool:
    return kind_of(mime, filename) != "other"


def share_copy(data: bytes, mime: str, filename: str) -> bytes:
    """A copy of ``data`` without identifying metadata; refuses types it cannot clean."""
    kind = kind_of(mime, filename)
    if kind == "image":
        return _strip_image(data, mime)
    if kind == "pdf":
        return _strip_pdf(data)
    if kind == "ooxml":
        return _strip_ooxml(data)
    if kind == "text":
        return data
    raise UnionkitError(_("unionkit cannot remove the metadata of {name} ({mime}); share the original only "
                          "after checking it with a specialised tool.").format(name=filename, mime=mime))


def _strip_image(data: bytes, mime: str) -> bytes:
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as im:
        fmt = im.format or _FORMATS.get(mime, "PNG")
        clean = ImageOps.exif_transpose(im)  # keep what the viewer saw, then drop the tags
        if clean is im:
            clean = im.copy()
        clean.info = {}
        if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")
        out = io.BytesIO()
        kw = {"quality": 95} if fmt in ("JPEG", "WEBP") else {}
        clean.save(out, format=fmt, **kw)
    return out.getvalue()


def _strip_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    root = writer._root_object
    for key in ("/Metadata", "/PieceInfo"):
        if key in root:
            del root[NameObject(key)]
    for page in writer.pages:
        for key in ("/Metadata", "/PieceInfo"):
            if key in page:
                del page[NameObject(key)]
    writer.metadata = None
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_EMPTY_CORE = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties '
               b'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
               b'xmlns:dc="http://purl.org/dc/elements/1.1/"/>')


_EMPTY_CUSTOM = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
                 b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>')


def _strip_ooxml(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == "docProps/core.xml":
                body = _EMPTY_CORE
            elif item.filename == "docProps/custom.xml":
                body = _EMPTY_CUSTOM
            elif item.filename == "docProps/app.xml":
                body = re.sub(rb"<(Company|Manager)>.*?</\1>", b"", body, flags=re.S)
            zout.writestr(item.filename, body)
    return out.getvalue()
