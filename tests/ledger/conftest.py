"""Helpers for the treasury tests: people added with plain SQL (the register is another area)."""

from __future__ import annotations

import datetime as dt

import pytest

from unionkit.clock import FakeClock


def add_person(vault, nombre: str, curp: str | None = None, *, employee_no: str = "", workplace_id=None,
               is_member: int = 1, join_date: str | None = "2020-01-15", status: str = "active",
               apellido: str = "Pérez") -> int:
    cur = vault.execute("INSERT INTO person(nombre, primer_apellido, curp, employee_no, workplace_id, is_member, "
                        "join_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (nombre, apellido, curp, employee_no, workplace_id, is_member, join_date, status))
    return int(cur.lastrowid)


def add_workplace(vault, name: str = "Planta Silao") -> int:
    return int(vault.execute("INSERT INTO workplace(name) VALUES (?)", (name,)).lastrowid)


@pytest.fixture
def clock():
    return FakeClock(dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC))
