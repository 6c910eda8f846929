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


def test_each_area_reads_its_own_catalog_first():
    """'Status' may be 'Estatus' in the register and 'Estado' elsewhere without a clash."""
    from unionkit.i18n_tools import _read, po_path

    i18n.set_language("es_MX")
    per_domain = {}
    for dom in ("members", "ledger", "votes", "packets"):
        cat = _read(po_path("es_MX", dom), "es_MX", dom)
        m = cat.get("Status")
        if m is not None and m.string:
            per_domain[dom] = m.string
    module_of = {"members": "unionkit.members.fake", "ledger": "unionkit.ui.treasury.fake",
                 "votes": "unionkit.votes.fake", "packets": "unionkit.packets.fake"}
    for dom, expected in per_domain.items():
        scope = {"__name__": module_of[dom], "_": i18n._}
        exec("result = _('Status')", scope)
        assert scope["result"] == expected, dom
