"""Money: integer centavos, strict parsing, babel display (issue 2 §4; SECURITY R27)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from unionkit.errors import ValidationError
from unionkit.formatting import format_money, truncated_percent
from unionkit.money import Money, parse_centavos


@pytest.mark.parametrize("text,cents", [
    ("1,234.50", 123450), ("$1,234.50", 123450), ("1234.5", 123450), ("(120.00)", -12000),
    ("-5", -500), ("$ 0.07", 7), ("MXN 2,500.00", 250000), ("12,345,678", 1234567800), ("0", 0),
])
def test_parse_accepts(text, cents):
    assert parse_centavos(text) == cents


@pytest.mark.parametrize("text", ["1.234", "1,234", "", "abc", "1.2.3", "1,23", "12.345", "1.005", "—",
                                  "1e3", "nan", "$"])
def test_parse_rejects_ambiguous_and_garbage(text):
    with pytest.raises(ValidationError):
        parse_centavos(text)


def test_spanish_style():
    assert parse_centavos("1.234,50", style="es") == 123450


@given(st.integers(min_value=-10**11, max_value=10**11))
def test_format_parse_round_trip(cents):
    m = Money(cents)
    for loc in ("es_MX", "en_US"):
        text = format_money(m, loc)
        assert Money.parse(text) == m


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        Money(1.5)
    with pytest.raises(TypeError):
        Money.from_decimal(1.5)
    assert Money.from_decimal(Decimal("10.005")).centavos == 1001
    assert Money(100).percent(Decimal("1.5")).centavos == 2  # 1.5 centavos -> banker's rounding


def test_display():
    assert format_money(Money(123450), "es_MX") == "$1,234.50"
    assert format_money(Money(123450), "en_US") == "$1,234.50"
    assert format_money(Money(-500), "es_MX") == "-$5.00"


def test_truncated_percent_never_rounds_up():
    assert truncated_percent(749, 2500) == "29.96"
    assert truncated_percent(2, 3) == "66.66"
    assert truncated_percent(750, 2500) == "30.00"


def test_no_float_in_money_paths():
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "unionkit"
    hits = []
    for sub in ("money.py", "ledger"):
        for p in ([root / sub] if sub.endswith(".py") else (root / sub).rglob("*.py")):
            if not p.exists():
                continue
            for node in ast.walk(ast.parse(p.read_text())):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float":
                    hits.append(f"{p.name}:{node.lineno}")
    assert hits == []
