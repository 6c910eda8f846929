import datetime as dt

import pytest

from unionkit.votes.threshold import RollPerson, SupportRow, check_support, met, missing, required


@pytest.mark.parametrize(("n", "req"), [(10, 3), (19, 6), (101, 31), (2500, 750), (0, 0), (1, 1), (3, 1),
                                        (4, 2), (100, 30), (7, 3)])
def test_required_exact_integers(n, req):
    assert required(n) == req
    assert met(req, n)
    if req:
        assert not met(req - 1, n)


def test_749_of_2500_is_2996_and_fails():
    res = check_support([], {}, 2500, dt.date(2026, 1, 1))
    res.valid_supporters = 749
    assert res.pct == "29.96"
    assert not res.met
    assert res.missing == 1
    res.valid_supporters = 750
    assert res.pct == "30.00" and res.met and res.missing == 0


def test_exhaustive_small_rolls_match_fraction_rule():
    from fractions import Fraction

    for n in range(1, 400):
        for s in range(0, n + 1):
            assert met(s, n) == (Fraction(s, n) >= Fraction(3, 10))
        assert required(n) == min(s for s in range(n + 1) if Fraction(s, n) >= Fraction(3, 10))
        assert missing(0, n) == required(n)


def _roll():
    people = [RollPerson("SABC560626MDFLRN01", "Ana", dt.date(2015, 2, 1)),
              RollPerson("BEML920313HMCLNS09", "Bruno", dt.date(2020, 3, 15)),
              RollPerson("BOXW310820HNERXN09", "Carla", dt.date(2026, 2, 1))]
    return {p.curp: p for p in people}


def test_each_rejection_has_line_and_reason():
    rows = [
        SupportRow(2, "Ana", "SABC560626MDFLRN01", None, True),
        SupportRow(3, "Ana otra vez", "SABC560626MDFLRN01", None, True),
        SupportRow(4, "Bruno", "BEML920313HMCLNS09", None, False),
        SupportRow(5, "Nadie", "BOXW310820HNERXN08", None, True),
        SupportRow(6, "Carla", "BOXW310820HNERXN09", None, True),
        SupportRow(7, "Fuera", "HEGG560427MVZRRL04", dt.date(2010, 1, 1), True),
        SupportRow(8, "", "", None, True),
    ]
    res = check_support(rows, _roll(), 3, dt.date(2026, 1, 15))
    codes = {r["line"]: r["code"] for r in res.rejected}
    assert res.valid_supporters == 1
    assert codes == {3: "duplicate", 4: "not_signed", 5: "invalid_curp", 6: "hired_after_filing",
                     7: "not_on_roll", 8: "no_name"}
    assert "2" in next(r["reason"] for r in res.rejected if r["line"] == 3)
    assert res.counter_text().startswith("1 ")


def test_second_denominator_blocks():
    res = check_support([], {}, 10, dt.date(2026, 1, 1), in_service=20)
    res.valid_supporters = 3
    assert met(3, 10) and not res.met
    assert res.missing == 3


def test_thin_margin_warning():
    res = check_support([], {}, 100, dt.date(2026, 1, 1))
    res.valid_supporters = 32
    assert res.met and res.warnings
    res.valid_supporters = 33
    assert res.met and not res.warnings
