"""Fixtures for the claims area: a vault with two workers on the register, a case, sample exhibits."""

from __future__ import annotations

from pathlib import Path

import pytest
from packets_fixtures import CURP_A, CURP_B, NSS_A, add_people

from unionkit.packets import cases, samples


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    out = {"jpg": d / "foto.jpg", "png": d / "captura.png", "pdf": d / "aviso.pdf", "txt": d / "nota.txt",
           "bin": d / "audio.mp3"}
    out["jpg"].write_bytes(samples.jpeg_with_gps())
    out["png"].write_bytes(samples.png_with_text())
    out["pdf"].write_bytes(samples.pdf_with_author(["Aviso de rescision", "Trabajadora: Juana Perez",
                                                    f"CURP {CURP_A}"]))
    out["txt"].write_text(f"Testigo con CURP {CURP_B}, tel. 477-987-6543\n", encoding="utf-8")
    out["bin"].write_bytes(bytes(range(256)) * 40)
    return out


@pytest.fixture
def case_vault(vault):
    add_people(vault)
    c = cases.create(vault, "Despidos de organizadores en Planta Silao", facility_name="Planta Silao",
                     facility_legal_name="Autopartes del Bajío S.A. de C.V.", facility_rfc="ABA150101AB1",
                     facility_address="Carretera Silao km 5", facility_state="11",
                     facility_sector="manufacturing", facility_subsector="auto_parts", exports_to_us=1,
                     narrative=f"Juana Pérez Gómez (CURP {CURP_A}, NSS {NSS_A}) fue despedida.\n"
                               "Una semana después despidieron a otro organizador.")
    cases.add_worker(vault, c.id, CURP_A, "despedida")
    cases.add_worker(vault, c.id, CURP_B, "testigo")
    cases.add_event(vault, c.id, "2026-02-10", f"Despido de {CURP_A}; su teléfono 477 123 4567",
                    actors="Gerente de RH")
    cases.add_event(vault, c.id, "2026-02-17", "Despido de un segundo organizador", affected="1")
    cases.set_laws(vault, c.id, ["133", "357"])
    return vault, c
