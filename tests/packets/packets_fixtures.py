"""Shared constants and helpers for the claims tests (imported by conftest and the tests)."""

from __future__ import annotations

CURP_A = "PEGJ900101MGTRRN09"
CURP_B = "LOMR850315HGTPRS02"
NSS_A = "12345678901"


def add_people(vault) -> None:
    vault.execute("INSERT INTO person(nombre, primer_apellido, segundo_apellido, curp, nss, phone, address) "
                  "VALUES ('Juana', 'Pérez', 'Gómez', ?, ?, '477 123 4567', 'Calle Hidalgo 23, Silao')",
                  (CURP_A, NSS_A))
    vault.execute("INSERT INTO person(nombre, primer_apellido, curp, nss, phone) "
                  "VALUES ('Ramón', 'López', ?, '98765432109', '4779876543')", (CURP_B,))
