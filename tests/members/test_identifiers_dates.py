"""CURP/RFC/NSS checks (DOMAIN §7.2-7.4 vectors) and the roster date parser (Hypothesis)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionkit.members.dates import DateParseError, iso_date, parse_date, try_parse_date
from unionkit.members.identifiers import (
    check_curp,
    check_nss,
    check_rfc,
    curp_birth_date,
    curp_check_digit,
    curp_sex,
    normalize_curp,
)


@pytest.mark.parametrize("curp", ["BOXW310820HNERXN09", "SABC560626MDFLRN01", "BEML920313HMCLNS09",
                                  " beml 920313 hmclns09 "])
def test_valid_curps(curp):
    assert check_curp(curp) is None


@pytest.mark.parametrize("curp,code", [
    ("", "curp_missing"), ("  ", "curp_missing"), ("BEML92", "curp_format"),
    ("BEML921313HMCLNS09", "curp_format"), ("BEML920313HZZLNS09", "curp_format"),
    ("BOXW310820HNERXN08", "curp_check_digit"), ("1EML920313HMCLNS09", "curp_format"),
])
def test_curp_problems(curp, code):
    assert check_curp(curp).code == code
    assert check_curp(curp).message


def test_curp_optional_and_derivations():
    assert check_curp("", required=False) is None
    assert normalize_curp("beml-920313") == "BEML920313"
    assert curp_birth_date("BEML920313HMCLNS09") == dt.date(1992, 3, 13)
    assert curp_birth_date("AAAA050101HDFXXXA0") == dt.date(2005, 1, 1)
    assert curp_sex("SABC560626MDFLRN01") == "M"
    assert curp_check_digit("BOXW310820HNERXN0") == "9"


def test_rfc_and_nss():
    assert check_rfc("GODE561231GR8") is None
    assert check_rfc("MAB9307148T4") is None
    p = check_rfc("VACE460910SX6")
    assert p.code == "rfc_check_digit" and p.warning
    assert check_rfc("HOLA").code == "rfc_format"
    assert check_rfc("") is None
    assert check_nss("12345678903") is None
    assert check_nss("12345678904").code == "nss_check_digit"
    assert check_nss("123").code == "nss_format"


@pytest.mark.parametrize("text,expected", [
    ("05/03/2024", dt.date(2024, 3, 5)), ("5/3/2024", dt.date(2024, 3, 5)),
    ("2024-03-05", dt.date(2024, 3, 5)),
    ("05-03-2024", dt.date(2024, 3, 5)), ("45356", dt.date(2024, 3, 5)), ("45356.0", dt.date(2024, 3, 5)),
    ("15/ene/2020", dt.date(2020, 1, 15)), ("1 DIC 2019", dt.date(2019, 12, 1)),
    ("29/02/2024", dt.date(2024, 2, 29)), ("61", dt.date(1900, 3, 1)), ("59", dt.date(1900, 2, 28)),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["", "31/02/2024", "29/02/2023", "05/03/24", "03/25/2024", "60", "99999",
                                  "hoy", "2024-13-01", "15/xyz/2020"])
def test_bad_dates(text):
    with pytest.raises(DateParseError) as e:
        parse_date(text)
    assert e.value.code == "date" and e.value.message


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2099, 12, 31)))
def test_roundtrip_formats(d):
    assert parse_date(d.strftime("%d/%m/%Y")) == d
    assert parse_date(d.isoformat()) == d
    serial = (d - dt.date(1899, 12, 30)).days
    assert parse_date(str(serial)) == d


@given(st.text(max_size=30))
def test_parser_never_raises_other_errors(text):
    value, message = try_parse_date(text)
    assert (value is None) != (message is None)


_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@given(st.text(alphabet=_ALNUM, min_size=17, max_size=17), st.booleans())
def test_fast_curp_check_agrees_with_stdnum(first17, fix_digit):
    from stdnum.exceptions import ValidationError as StdError
    from stdnum.mx import curp as std

    curp = first17 + (std.calc_check_digit(first17) if fix_digit else "0")
    try:
        std.validate(curp)
        std_ok = True
    except StdError:
        std_ok = False
    ours = check_curp(curp)
    if curp[10] == "X":  # a non-binary marker: we accept it (DOMAIN §7.2), stdnum does not
        return
    assert (ours is None) == std_ok, (curp, ours)


def test_demo_curps_are_valid_for_stdnum(vault):
    import random

    from stdnum.mx import curp as std

    from unionkit.demo.members import populate

    populate(vault, random.Random(3), small=True)
    curps = [r[0] for r in vault.query("SELECT curp FROM person")]
    assert 150 <= len(curps) <= 250 and len(set(curps)) == len(curps)
    for c in curps:
        std.validate(c)
    assert vault.scalar("SELECT count(*) FROM workplace") == 3
    assert vault.scalar("SELECT count(*) FROM membership_event WHERE kind = 'status'") > 0


@given(st.text(max_size=24))
def test_check_curp_never_raises(text):
    p = check_curp(text)
    assert p is None or p.code in ("curp_missing", "curp_format", "curp_check_digit")


_DATE_CELLS = st.one_of(
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat),
    st.text(alphabet="0123456789/-", min_size=10, max_size=10),
    st.sampled_from(["31/02/2024", "03/25/2024", "00/01/2024", "2024-13-01", "05/03/24", "", "١٢/٠٣/٢٠٢٤"]))


@given(_DATE_CELLS)
def test_iso_date_is_parse_date(text):
    """The quick path for the usual forms gives what parse_date gives, errors included."""
    try:
        expected = parse_date(text).isoformat()
    except DateParseError as exc:
        with pytest.raises(DateParseError) as got:
            iso_date(text)
        assert got.value.message == exc.message
    else:
        assert iso_date(text) == expected
