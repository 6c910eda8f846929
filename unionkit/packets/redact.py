"""Redaction: workers' CURP, NSS, home address, phone (and full name) become "Trabajador/a A".

Built from the case's affected workers; also blanks any CURP-shaped or NSS-shaped string in free text,
whoever it belongs to. Applied to every text that goes into a packet (narrative, timeline, exhibit
names, text exhibits, PDF exhibits where the text can be replaced).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unionkit.i18n import _
from unionkit.packets.cases import Worker

CURP_RE = re.compile(r"\b[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{5}[A-Z0-9]\d\b", re.IGNORECASE)
NSS_RE = re.compile(r"(?<!\d)\d{11}(?!\d)")


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isdigit())


@dataclass
class Redactor:
    enabled: bool = True
    pairs: list[tuple[re.Pattern, str]] = field(default_factory=list)
    secrets: list[str] = field(default_factory=list)  # raw values that must never appear

    @classmethod
    def for_workers(cls, workers: list[Worker], enabled: bool = True) -> Redactor:
        r = cls(enabled=enabled)
        if not enabled:
            return r
        for w in workers:
            for value in (w.curp, w.nss, w.address, w.name):
                if value and len(value.strip()) >= 4:
                    r.pairs.append((re.compile(re.escape(value.strip()), re.IGNORECASE), w.pseudonym))
                    if value is not w.name:  # names are replaced too, but only these four are checked
                        r.secrets.append(value.strip())
            digits = _digits(w.phone)
            if len(digits) >= 7:
                # the phone written with any spaces, dashes or dots between its digits
                pat = r"[\s\-.()]*".join(re.escape(d) for d in digits[-10:])
                r.pairs.append((re.compile(pat), w.pseudonym))
                r.secrets.append(w.phone.strip())
        r.pairs.sort(key=lambda p: -len(p[0].pattern))
        return r

    def text(self, s: str | None) -> str:
        s = s or ""
        if not self.enabled or not s:
            return s
        for pat, repl in self.pairs:
            s = pat.sub(repl, s)
        s = CURP_RE.sub(_("[CURP withheld]"), s)
        return NSS_RE.sub(_("[NSS withheld]"), s)

    def leaks(self, s: str) -> list[str]:
        """Secrets still present in ``s`` (case-insensitive; phone compared by digits)."""
        if not self.enabled:
            return []
        low = s.lower()
        digits = _digits(s)
        out = []
        for sec in self.secrets:
            d = _digits(sec)
            if sec.lower() in low or (len(d) >= 7 and d == _digits(sec) and d in digits and not any(
                    c.isalpha() for c in sec)):
                out.append(sec)
        return out
