"""Synthetic exhibits for the demo vault, tests and benchmarks: a JPEG with camera and GPS EXIF and
an XMP packet, a PNG with an author text chunk, and a small PDF with an author and a subject."""

from __future__ import annotations

import io
import random


def jpeg_with_gps(width: int = 640, height: int = 480, *, seed: int = 1, caption: str = "") -> bytes:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    im = Image.new("RGB", (width, height), (rng.randrange(90, 200), rng.randrange(90, 200), rng.randrange(90, 200)))
    d = ImageDraw.Draw(im)
    for _i in range(12):
        x, y = rng.randrange(width), rng.randrange(height)
        d.rectangle([x, y, x + rng.randrange(20, 160), y + rng.randrange(20, 120)],
                    fill=(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    if caption:
        d.rectangle([0, height - 40, width, height], fill=(20, 20, 20))
        d.text((12, height - 30), caption, fill=(255, 255, 255))
    exif = Image.Exif()
    exif[0x010F] = "Motorola"        # Make
    exif[0x0110] = "moto g(8) power"  # Model
    exif[0x0132] = "2026:02:10 07:41:12"  # DateTime
    exif[0x013B] = "Organizador Anonimo"  # Artist
    exif[0x8825] = {1: "N", 2: (21.0, 7.0, 25.2), 3: "W", 4: (101.0, 41.0, 3.6)}  # Silao, Gto.
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-'
           b'ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Organizador"/>'
           b'</rdf:RDF></x:xmpmeta>')
    out = io.BytesIO()
    im.save(out, format="JPEG", quality=85, exif=exif, xmp=xmp)
    return out.getvalue()


def png_with_text(seed: int = 2) -> bytes:
    from PIL import Image, PngImagePlugin

    im = Image.new("RGB", (320, 200), (200, 220, 240 - seed))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Organizador Anónimo")
    info.add_text("Comment", "tomada en la nave 3")
    out = io.BytesIO()
    im.save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def pdf_with_author(lines: list[str], *, author: str = "Lic. Recursos Humanos", title: str = "Aviso") -> bytes:
    from reportlab.lib.pagesizes import LETTER
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=LETTER)
    c.setAuthor(author)
    c.setTitle(title)
    c.setSubject("Recursos Humanos")
    c.setFont("Helvetica", 11)
    y = 720
    for line in lines:
        c.drawString(72, y, line)
        y -= 16
    c.showPage()
    c.save()
    return buf.getvalue()
