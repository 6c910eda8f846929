"""Text folding for search and Spanish sorting, and cell clean-up.

``fold("Núñez Peña")`` -> ``"nunez pena"`` (search: case and accents removed);
``sort_key("Núñez", "Peña", "José")`` -> ``"nun~ez pen~a jose"`` (ñ sorts after n and before o, as in
Spanish, because '~' > 'z' in byte order).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WS = re.compile(r"\s+")


def clean(value: object) -> str:
    """Trim and collapse inner whitespace (newlines and tabs included)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lower-case, without accents or diacritics (ñ -> n), single spaces."""
    if text.isascii():
        return _WS.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _WS.sub(" ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


@lru_cache(maxsize=8192)
def sort_fold(text: str) -> str:
    if text.isascii():
        return _WS.sub(" ", text.lower()).strip()
    t = text.casefold().replace("ñ", "n~")
    decomposed = unicodedata.normalize("NFKD", t)
    return _WS.sub(" ", "".join(c for c in decomposed if not unicodedata.combining(c))).strip()


def sort_key(primer_apellido: str, segundo_apellido: str, nombre: str) -> str:
    return " ".join(sort_fold(p) for p in (primer_apellido, segundo_apellido, nombre) if p)


def search_text(nombre: str, primer_apellido: str, segundo_apellido: str) -> str:
    """What the FTS index holds for a person: the folded names (CURP and employee number are searched
    through their own indexes, which keeps the trigram index small and the import fast)."""
    return " ".join(fold(p) for p in (nombre, primer_apellido, segundo_apellido) if p)


_PARTICLES = {"de", "del", "la", "las", "los", "y", "san", "santa", "van", "von", "da", "di", "mac", "mc"}


def split_full_name(full: str, curp: str = "") -> tuple[str, str, str]:
    """Split "NÚÑEZ PEÑA JOSÉ ÁNGEL" or "José Ángel Núñez Peña" or "Núñez Peña, José" into
    (nombre, primer_apellido, segundo_apellido). With a CURP, the order is chosen so that the first
    surname's initial and the given name's initial agree with it; else surnames come first (payroll)."""
    full = clean(full)
    if "," in full:
        surnames, _, names = full.partition(",")
        s = _group(surnames.split())
        return clean(names), s[0] if s else "", " ".join(s[1:])
    words = _group(full.split())
    if len(words) <= 1:
        return full, "", ""
    if len(words) == 2:
        surnames_first = (words[1], words[0], "")
        names_first = (words[0], words[1], "")
    else:
        surnames_first = (" ".join(words[2:]), words[0], words[1])
        names_first = (" ".join(words[:-2]), words[-2], words[-1])
    c = (curp or "").upper()
    if len(c) >= 4:
        def agrees(parts: tuple[str, str, str]) -> bool:
            return fold(parts[1])[:1].upper() == c[0] and _first_initial(parts[0]) == c[3]
        if agrees(names_first) and not agrees(surnames_first):
            return names_first
    return surnames_first


def _first_initial(names: str) -> str:
    words = fold(names).split()
    if len(words) > 1 and words[0] in ("maria", "jose", "ma.", "ma", "j."):
        words = words[1:]
    return words[0][:1].upper() if words else ""


def _group(words: list[str]) -> list[str]:
    """Join particles to the following word: ["de", "la", "Cruz"] -> ["de la Cruz"]."""
    out: list[str] = []
    pending: list[str] = []
    for w in words:
        if w.lower() in _PARTICLES:
            pending.append(w)
            continue
        out.append(" ".join(pending + [w]))
        pending = []
    if pending:
        if out:
            out[-1] = out[-1] + " " + " ".join(pending)
        else:
            out.append(" ".join(pending))
    return out
