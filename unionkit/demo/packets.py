"""Demo data for the claims area: one RRLM case (organizers fired at a plant that exports auto parts
to the US) with a timeline, three affected workers from the register, domestic filings, and a few
synthetic exhibits: photos with fake camera and GPS EXIF (so that share copies visibly lose it), a
screenshot, the dismissal notice as a PDF with an author, and a witness statement."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from unionkit.packets import cases, evidence, samples
from unionkit.vault import Vault

EVENTS = [
    (-60, "Comité sindical independiente", "Se realiza la primera reunión de organización fuera de la planta.", ""),
    (-52, "Gerente de Recursos Humanos", "Supervisores preguntan a trabajadores del turno 2 si asistieron a la "
          "reunión y les advierten que 'la empresa ya tiene sindicato'.", "12"),
    (-45, "Gerente de Recursos Humanos", "Despido de {a} por 'bajo desempeño', una semana después de firmar "
          "el apoyo a la constancia.", "1"),
    (-38, "Gerente de planta", "Despido de {b} y {c}, ambos integrantes del comité organizador.", "2"),
    (-30, "Sindicato titular del contrato", "Reunión obligatoria en horario de trabajo para pedir la firma de "
          "cartas de renuncia al sindicato independiente.", "80"),
    (-21, "CFCRL", "Se presenta queja por injerencia patronal ante el Centro Federal de Conciliación y "
          "Registro Laboral.", ""),
]


def _shift(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def populate(vault: Vault, rng: random.Random, small: bool = False) -> None:
    wp = vault.query("SELECT id, name, employer_legal_name, employer_rfc, address, state_code FROM workplace "
                     "ORDER BY id LIMIT 1")
    wid, name, legal, rfc, address, state = wp[0] if wp else (None, "Planta Silao",
                                                              "Autopartes del Bajío, S.A. de C.V.", "",
                                                              "Carretera Silao-León km 5, Silao, Gto.", "11")
    case = cases.create(
        vault, "Despidos de organizadores en " + name, kind="rrlm", status="submitted", workplace_id=wid,
        facility_name=name, facility_legal_name=legal, facility_rfc=rfc, facility_address=address,
        facility_state=state, facility_parent="Grupo Automotriz Norteamericano", facility_sector="manufacturing",
        facility_subsector="auto_parts", facility_products="Arneses eléctricos y tableros para camionetas",
        facility_us_trade="Exporta a plantas de ensamble en Michigan y Texas (fracción arancelaria 8544.30)",
        exports_to_us=1, facility_headcount=1850, anonymous=1,
        narrative=("Desde que un grupo de trabajadores comenzó a organizar un sindicato independiente, la "
                   "empresa despidió a tres integrantes del comité organizador en menos de un mes.\n"
                   "Los despidos ocurrieron días después de que firmaron su apoyo para solicitar la Constancia "
                   "de Representatividad; la empresa alegó causas que no constan por escrito.\n"
                   "Supervisores y el sindicato titular presionaron a los trabajadores para renunciar al "
                   "sindicato independiente."),
        requested_action=("Que se solicite a México una revisión de la denegación de derechos en la instalación, "
                          "la reinstalación de los trabajadores despedidos con salarios caídos y el cese de la "
                          "injerencia patronal."),
        submitted_at=_shift(-14))
    people = vault.query("SELECT curp, trim(nombre || ' ' || primer_apellido) FROM person WHERE curp IS NOT NULL "
                         "AND workplace_id IS ? ORDER BY id LIMIT 3", (wid,)) or \
        vault.query("SELECT curp, trim(nombre || ' ' || primer_apellido) FROM person WHERE curp IS NOT NULL "
                    "ORDER BY id LIMIT 3")
    names = []
    for curp, full in people:
        cases.add_worker(vault, case.id, curp, "despedido/a")
        names.append(full)
    while len(names) < 3:
        names.append("un organizador")
    for days, actors, text, affected in EVENTS:
        cases.add_event(vault, case.id, _shift(days), text.format(a=names[0], b=names[1], c=names[2]),
                        actors=actors, affected=affected)
    cases.set_laws(vault, case.id, ["133", "357", "358", "387", "390 Bis", "47"])
    cases.add_filing(vault, case.id, authority="CFCRL", kind="Queja por injerencia patronal",
                     folio=f"CFCRL/QJ/{rng.randrange(1000, 9999)}/{dt.date.today().year}", filed_at=_shift(-21),
                     status="en trámite")
    cases.add_filing(vault, case.id, authority="Tribunal Laboral Federal", kind="Demanda por despido injustificado",
                     folio=f"TLF-GTO/{rng.randrange(100, 999)}/{dt.date.today().year}", filed_at=_shift(-20),
                     status="admitida")
    first = people[0][0] if people else ""
    with tempfile.TemporaryDirectory(prefix="uk-demo-") as tmp:
        d = Path(tmp)
        exhibits = [
            ("foto-entrada.jpg", samples.jpeg_with_gps(seed=3, caption="Acceso principal - cambio de turno"),
             "Foto del aviso 'No se permiten reuniones' en el acceso principal", "Acceso principal"),
            ("foto-reunion.jpg", samples.jpeg_with_gps(seed=7, caption="Reunion obligatoria - comedor"),
             "Reunión obligatoria convocada por el sindicato titular", "Comedor, nave 2"),
            ("captura-chat.png", samples.png_with_text(seed=5), "Captura de mensaje del supervisor", ""),
            ("aviso-rescision.pdf", samples.pdf_with_author(["AVISO DE RESCISION DE LA RELACION DE TRABAJO",
                                                             f"Trabajador: {names[0]}", f"CURP: {first}",
                                                             "Causa: bajo desempeno"]),
             "Aviso de rescisión entregado al trabajador", "Oficina de Recursos Humanos"),
            ("testimonio.txt", (f"Testimonio de un compañero de {names[0]} (CURP {first}):\n"
                                "El supervisor nos dijo que quien firmara con el sindicato nuevo se iba.\n"
                                ).encode(), "Testimonio anónimo de un compañero", ""),
        ]
        for i, (fname, data, desc, place) in enumerate(exhibits):
            p = d / fname
            p.write_bytes(data)
            evidence.add(vault, p, case_id=case.id, description=desc, place=place, collected_by="Comité organizador",
                         source="Trabajador del turno 2" if i < 3 else "Entregado por el trabajador",
                         captured_at=_shift(-50 + 5 * i), tags="despidos, injerencia", actor="demo")
