"""Amounts in words for receipts, the Mexican way: ``UN MIL DOSCIENTOS PESOS 00/100 M.N.``."""

from __future__ import annotations

from unionkit.money import Money

_UNITS = ("", "UN", "DOS", "TRES", "CUATRO", "CINCO", "SEIS", "SIETE", "OCHO", "NUEVE", "DIEZ", "ONCE", "DOCE",
          "TRECE", "CATORCE", "QUINCE", "DIECISÉIS", "DIECISIETE", "DIECIOCHO", "DIECINUEVE", "VEINTE",
          "VEINTIÚN", "VEINTIDÓS", "VEINTITRÉS", "VEINTICUATRO", "VEINTICINCO", "VEINTISÉIS", "VEINTISIETE",
          "VEINTIOCHO", "VEINTINUEVE")
_TENS = ("", "", "", "TREINTA", "CUARENTA", "CINCUENTA", "SESENTA", "SETENTA", "OCHENTA", "NOVENTA")
_HUNDREDS = ("", "CIENTO", "DOSCIENTOS", "TRESCIENTOS", "CUATROCIENTOS", "QUINIENTOS", "SEISCIENTOS",
             "SETECIENTOS", "OCHOCIENTOS", "NOVECIENTOS")


def _below_thousand(n: int) -> str:
    if n == 0:
        return ""
    if n == 100:
        return "CIEN"
    h, rest = divmod(n, 100)
    parts = [_HUNDREDS[h]] if h else []
    if rest < 30:
        if rest:
            parts.append(_UNITS[rest])
    else:
        t, u = divmod(rest, 10)
        parts.append(_TENS[t] + (" Y " + _UNITS[u] if u else ""))
    return " ".join(parts)


def integer_words(n: int) -> str:
    """Spanish cardinal in capitals, apocopated before a noun (``UN``, ``VEINTIÚN``)."""
    if n < 0:
        return "MENOS " + integer_words(-n)
    if n == 0:
        return "CERO"
    millions, rest = divmod(n, 1_000_000)
    thousands, units = divmod(rest, 1000)
    parts = []
    if millions:
        parts.append("UN MILLÓN" if millions == 1 else integer_words(millions) + " MILLONES")
    if thousands:
        parts.append("MIL" if thousands == 1 else _below_thousand(thousands) + " MIL")
    if units:
        parts.append(_below_thousand(units))
    return " ".join(parts)


def amount_in_words(amount: Money) -> str:
    """``UN MIL DOSCIENTOS PESOS 00/100 M.N.`` (invoice style keeps ``UN MIL``)."""
    pesos, cents = divmod(abs(amount.centavos), 100)
    if pesos == 0:
        body = "CERO PESOS"
    else:
        words = integer_words(pesos)
        if 1000 <= pesos < 2000:  # "UN MIL", as on invoices and cheques
            words = "UN " + words
        if pesos % 1_000_000 == 0:
            words += " DE"
        body = words + (" PESO" if pesos == 1 else " PESOS")
    sign = "MENOS " if amount.centavos < 0 else ""
    return f"{sign}{body} {cents:02d}/100 M.N."
