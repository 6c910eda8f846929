"""Catalogs: every es_MX entry present with the same {placeholders}; fallback chain; locale formats."""

import datetime as dt

from unionkit import i18n
from unionkit.formatting import format_date, format_datetime, format_long_date
from unionkit.i18n_tools import fields, problems


def test_every_spanish_entry_is_present_with_the_same_placeholders():
    assert problems() == []


def test_placeholder_comparison_catches_a_renamed_field():
    assert fields("Hola {name}, {n:d}") == {"name", "n"}
    assert fields("Hola {nombre}") != fields("Hola {name}")


def test_fallback_chain_for_plain_es_and_english():
    assert i18n.normalize_language("es") == "es_MX"
    assert i18n.normalize_language("es_ES.UTF-8") == "es_MX"
    assert i18n.normalize_language("en_GB") == "en"
    i18n.set_language("es")
    assert i18n._("Wrong passphrase.") == "Contraseña incorrecta."
    i18n.set_language("en")
    assert i18n._("Wrong passphrase.") == "Wrong passphrase."


def test_dates_are_dd_mm_yyyy():
    d = dt.date(2024, 3, 5)
    assert format_date(d, "es_MX") == "05/03/2024"
    assert format_long_date(d, "es_MX") == "5 de marzo de 2024"
    assert format_datetime(dt.datetime(2024, 3, 5, 14, 7), "es_MX") == "05/03/2024 14:07"
