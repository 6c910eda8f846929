"""Demo register: ~2,000 people (``small``: ~200) in 3 workplaces, Spanish names, valid CURPs,
membership history (joins, suspensions, resignations, dismissals, deaths) and a few dues opt-outs."""

from __future__ import annotations

import datetime as dt
import random

from stdnum.mx import curp as std_curp
from stdnum.mx import rfc as std_rfc

from unionkit.members.identifiers import check_curp, curp_check_digit
from unionkit.members.service import add_workplace, derived_columns
from unionkit.members.text import fold
from unionkit.vault import Vault

MALE = ("José", "Juan", "Luis", "Carlos", "Miguel Ángel", "Jesús", "Francisco", "Alejandro", "Jorge",
        "Ricardo", "Fernando", "Héctor", "Raúl", "Sergio", "Andrés", "Martín", "Óscar", "Eduardo",
        "José Luis", "Juan Carlos", "Iván", "Rubén", "Gerardo", "Ramón", "Julián", "Efraín", "Ángel")
FEMALE = ("María", "Guadalupe", "Rosa", "Ana", "Leticia", "Patricia", "Verónica", "Claudia", "Mónica",
          "María José", "Adriana", "Araceli", "Norma", "Beatriz", "Alejandra", "Gabriela", "Silvia",
          "Yolanda", "Itzel", "Xóchitl", "Fernanda", "Sofía", "Dulce María", "Mariana", "Lucía", "Inés")
SURNAMES = ("Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
            "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres",
            "Díaz", "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero",
            "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera", "Medina",
            "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz", "Rojas", "Contreras", "Salazar", "Luna",
            "Ortega", "Santiago", "Guerrero", "Núñez", "Peña", "Ibarra", "Añorve", "de la Cruz", "Ávila",
            "Zúñiga", "Ochoa", "Cervantes", "Padilla", "Estrada", "Bautista", "Solís", "Ríos", "Mejía")
WORKPLACES = (
    ("Planta Silao", "Autopartes del Bajío, S.A. de C.V.", "ABA", "Carretera Silao-León km 4.5, Silao, Gto.",
     "11", 0.5),
    ("Planta Celaya", "Autopartes del Bajío, S.A. de C.V.", "ABA", "Av. Tecnológico 1200, Celaya, Gto.", "11", 0.3),
    ("CEDIS León", "Logística Automotriz Leonesa, S.A. de C.V.", "LAL", "Blvd. Aeropuerto 3500, León, Gto.",
     "11", 0.2),
)
STATES = ("GT",) * 8 + ("MN", "JC", "QT", "SP", "DF", "MC", "ZS", "VZ", "OC", "GR", "NE")
DEPARTMENTS = ("Ensamble", "Estampado", "Pintura", "Calidad", "Mantenimiento", "Almacén", "Soldadura",
               "Embarques")
SHIFTS = ("Matutino", "Vespertino", "Nocturno", "Mixto")
POSITIONS = ("Operador(a) general", "Operador(a) de montacargas", "Técnico(a) de mantenimiento",
             "Inspector(a) de calidad", "Almacenista", "Soldador(a)", "Ayudante general")
_VOWELS = "AEIOU"


def _letters(text: str) -> str:
    return "".join(c for c in fold(text).upper().replace("Ñ", "X") if c.isalpha())


def _main_word(text: str) -> str:
    words = [w for w in text.split() if fold(w) not in ("de", "la", "del", "las", "los", "y")]
    return words[0] if words else text


def make_curp(rng: random.Random, nombre: str, ap1: str, ap2: str, birth: dt.date, sex: str,
              taken: set[str]) -> str:
    """A CURP that passes python-stdnum (format, date, state, word list, check digit) and is unique."""
    a1, a2 = _letters(_main_word(ap1)), _letters(_main_word(ap2)) if ap2 else ""
    names = nombre.split()
    given = names[1] if len(names) > 1 and fold(names[0]) in ("maria", "jose") else names[0]
    g = _letters(given)
    vowel = next((c for c in a1[1:] if c in _VOWELS), "X")
    cons = [next((c for c in w[1:] if c not in _VOWELS), "X") if w else "X" for w in (a1, a2, g)]
    state = rng.choice(STATES)
    for attempt in range(60):
        diff = str(attempt % 10) if birth.year < 2000 else chr(ord("A") + attempt % 26)
        base = (a1[0] + vowel + (a2[:1] or "X") + g[0] + birth.strftime("%y%m%d") + sex + state + "".join(cons)
                + diff)
        if std_curp.compact(base[:4]) and base[:4] in std_curp._name_blacklist:
            base = base[0] + "X" + base[2:]
        curp = base + curp_check_digit(base)
        if curp not in taken:
            if check_curp(curp) is not None:  # same rules as stdnum (tests cross-check the demo with it)
                continue
            taken.add(curp)
            return curp
        if attempt >= 9 and birth.year < 2000:
            state = rng.choice(STATES)
    raise RuntimeError("could not make a unique CURP")


def _rfc(prefix: str, founded: dt.date, rng: random.Random) -> str:
    base = prefix + founded.strftime("%y%m%d") + rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") + str(rng.randrange(10))
    return base + std_rfc.calc_check_digit(base)


def _rand_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def populate(vault: Vault, rng: random.Random, small: bool = False) -> None:
    today = dt.date.today()
    wps = []
    for name, legal, prefix, address, state, share in WORKPLACES:
        wid = add_workplace(vault, name, employer_legal_name=legal, employer_rfc=_rfc(prefix, dt.date(1998, 4, 17),
                            rng), address=address, state_code=state, sector="Automotriz")
        wps.append((wid, share))
    n = 200 if small else 2000
    taken: set[str] = set()
    people, histories = [], []
    for i in range(n):
        sex = rng.choice("HM")
        nombre = rng.choice(MALE if sex == "H" else FEMALE)
        ap1 = rng.choice(SURNAMES)
        ap2 = rng.choice(SURNAMES) if rng.random() > 0.04 else ""
        birth = _rand_date(rng, dt.date(1960, 1, 1), dt.date(2004, 12, 31))
        hire = _rand_date(rng, max(birth + dt.timedelta(days=18 * 366), dt.date(2008, 1, 1)),
                          today - dt.timedelta(days=30))
        wid = rng.choices([w for w, _ in wps], weights=[s for _, s in wps])[0]
        is_member = rng.random() < 0.85
        join = _rand_date(rng, max(hire, dt.date(2019, 5, 2)), today) if is_member else None
        curp = make_curp(rng, nombre, ap1, ap2, birth, sex, taken)
        p = {"nombre": nombre, "primer_apellido": ap1, "segundo_apellido": ap2, "curp": curp,
             "employee_no": f"{rng.randrange(10000, 99999)}-{i:04d}", "sex": sex, "birth_date": birth.isoformat(),
             "workplace_id": wid, "department": rng.choice(DEPARTMENTS), "shift": rng.choice(SHIFTS),
             "position": rng.choice(POSITIONS), "hire_date": hire.isoformat(), "confianza": 0,
             "phone": f"477{rng.randrange(1000000, 9999999)}" if rng.random() < 0.7 else "",
             "is_member": int(is_member), "join_date": join.isoformat() if join else None}
        events = []
        if join:
            events.append((join.isoformat(), "join", "active", "Afiliación por solicitud escrita"))
            r = rng.random()
            if r < 0.10 and (today - join).days > 60:
                when = _rand_date(rng, join + dt.timedelta(days=30), today)
                status, reason = rng.choice([("resigned", "Renuncia voluntaria al sindicato"),
                                             ("dismissed", "Baja por terminación de la relación laboral"),
                                             ("deceased", "Fallecimiento"),
                                             ("suspended", "Suspensión de derechos por acuerdo de asamblea")])
                events.append((when.isoformat(), "status", status, reason))
                if status == "suspended" and rng.random() < 0.5 and (today - when).days > 40:
                    back = _rand_date(rng, when + dt.timedelta(days=20), today)
                    events.append((back.isoformat(), "status", "active", "Restitución de derechos"))
        last = events[-1] if events else None
        p["status"] = last[2] if last else "active"
        p["status_date"] = last[0] if last else None
        p["search_text"], p["sort_name"] = derived_columns(p)
        people.append(p)
        histories.append(events)
    cols = list(people[0])
    with vault.transaction() as conn:
        for p, events in zip(people, histories, strict=True):
            pid = conn.execute(f"INSERT INTO person({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                               [p[c] for c in cols]).lastrowid
            conn.executemany("INSERT INTO membership_event(person_id, event_date, kind, status, reason) "
                             "VALUES (?, ?, ?, ?, ?)", [(pid, *e) for e in events])
            if p["is_member"] and p["status"] == "active" and rng.random() < 0.03:
                stated = _rand_date(rng, dt.date.fromisoformat(p["join_date"]), today)
                conn.execute("INSERT INTO dues_optout(person_id, statement_date, sent_to_employer_date) "
                             "VALUES (?, ?, ?)", (pid, stated.isoformat(),
                                                  (stated + dt.timedelta(days=rng.randrange(1, 10))).isoformat()))


def roster_rows(n: int, rng: random.Random, *, workplaces: tuple[str, ...] = ("Planta Silao", "Planta Celaya"),
                ) -> list[list[str]]:
    """``n`` synthetic roster rows (header first) with unique valid CURPs, for tests and benchmarks."""
    taken: set[str] = set()
    rows = [["Nombre(s)", "Apellido Paterno", "Apellido Materno", "CURP", "No. Empleado", "Fecha de ingreso",
             "Centro de trabajo", "Departamento", "Turno", "Puesto", "Sexo"]]
    for i in range(n):
        sex = rng.choice("HM")
        nombre = rng.choice(MALE if sex == "H" else FEMALE)
        ap1, ap2 = rng.choice(SURNAMES), rng.choice(SURNAMES)
        birth = _rand_date(rng, dt.date(1960, 1, 1), dt.date(2004, 12, 31))
        hire = _rand_date(rng, dt.date(2008, 1, 1), dt.date(2025, 12, 31))
        rows.append([nombre, ap1, ap2, make_curp(rng, nombre, ap1, ap2, birth, sex, taken), str(100000 + i),
                     hire.strftime("%d/%m/%Y"), rng.choice(workplaces), rng.choice(DEPARTMENTS), rng.choice(SHIFTS),
                     rng.choice(POSITIONS), "Hombre" if sex == "H" else "Mujer"])
    return rows


def write_roster_csv(path, n: int, seed: int = 7) -> None:
    """Write a synthetic roster CSV (UTF-8, comma) of ``n`` data rows."""
    import csv

    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(roster_rows(n, random.Random(seed)))
