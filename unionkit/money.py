"""Money as integer centavos. Never a float (SECURITY R27, DESIGN 'Money').

Parsing is strict: Mexican style ``1,234.50`` by default (``$``, spaces, ``MXN`` and a leading
minus or accounting parentheses allowed); ``style="es"`` reads ``1.234,50``. Ambiguous input such
as ``1.234`` or ``1,234`` (one separator followed by exactly three digits) is rejected, never
guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation

from unionkit.errors import ValidationError
from unionkit.i18n import _

_CENT = Decimal("0.01")


@dataclass(frozen=True, order=True, slots=True)
class Money:
    """An amount in MXN centavos."""

    centavos: int

    def __post_init__(self) -> None:
        if not isinstance(self.centavos, int) or isinstance(self.centavos, bool):
            raise TypeError(f"Money takes integer centavos, got {type(self.centavos).__name__!r}")

    @classmethod
    def zero(cls) -> Money:
        return cls(0)

    @classmethod
    def from_decimal(cls, value: Decimal, rounding: str = ROUND_HALF_UP) -> Money:
        if not isinstance(value, Decimal):
            raise TypeError("Money.from_decimal takes a Decimal")
        return cls(int((value * 100).quantize(Decimal(1), rounding=rounding)))

    @classmethod
    def parse(cls, text: str, style: str = "mx") -> Money:
        return cls(parse_centavos(text, style))

    def to_decimal(self) -> Decimal:
        return (Decimal(self.centavos) / 100).quantize(_CENT)

    def plain(self) -> str:
        """Machine form, e.g. ``-1234.50`` (CSV, JSON)."""
        return str(self.to_decimal())

    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.centavos + other.centavos)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.centavos - other.centavos)

    def __neg__(self) -> Money:
        return Money(-self.centavos)

    def __abs__(self) -> Money:
        return Money(abs(self.centavos))

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int) or isinstance(factor, bool):
            return NotImplemented
        return Money(self.centavos * factor)

    __rmul__ = __mul__

    def percent(self, pct: Decimal, rounding: str = ROUND_HALF_EVEN) -> Money:
        """``pct`` percent of this amount, rounded to the centavo by ``rounding``."""
        return Money(int((Decimal(self.centavos) * pct / 100).quantize(Decimal(1), rounding=rounding)))

    def __bool__(self) -> bool:
        return self.centavos != 0

    def __repr__(self) -> str:
        return f"Money({self.plain()})"


_MX = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$")
_ES = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d{1,2})?$")


def parse_centavos(text: str, style: str = "mx") -> int:
    """Parse a typed or imported amount into integer centavos; raise ValidationError if unclear."""
    if text is None:
        raise ValidationError(_("Empty amount."))
    raw = str(text)
    s = raw.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not s:
        raise ValidationError(_("Empty amount."))
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1]
    if s.startswith(("-", "\u2212")):
        negative, s = (not negative), s[1:]
    elif s.startswith("+"):
        s = s[1:]
    for token in ("MXN", "MX$", "$"):
        if s.upper().startswith(token):
            s = s[len(token):]
        if s.upper().endswith(token):
            s = s[: -len(token)]
    if s.startswith("-") and not negative:
        negative, s = True, s[1:]
    thousands, decimal_sep, pattern = (",", ".", _MX) if style == "mx" else (".", ",", _ES)
    # One separator followed by exactly three digits: thousands or decimals? Never guess.
    if re.fullmatch(r"\d{1,3}[.,]\d{3}", s):
        raise ValidationError(
            _("Ambiguous amount \u201c{text}\u201d: write it with two decimals, for example 1,234.00.").format(
                text=raw.strip()))
    if not pattern.fullmatch(s):
        raise ValidationError(_("Not an amount: \u201c{text}\u201d.").format(text=raw.strip()))
    s = s.replace(thousands, "").replace(decimal_sep, ".")
    try:
        value = Decimal(s)
    except InvalidOperation as exc:  # pragma: no cover - the regex guards it
        raise ValidationError(_("Not an amount: \u201c{text}\u201d.").format(text=raw.strip())) from exc
    cents = int((value * 100).to_integral_exact())
    return -cents if negative else cents
