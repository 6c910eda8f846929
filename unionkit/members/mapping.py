"""Which roster column feeds which field: automatic from common Spanish/English headers, editable,
remembered per source (the set of headers) in the ``import_mapping`` table.

A mapping is ``{field: column_index}``; a column feeds at most one field.
"""

from __future__ import annotations

import hashlib
import json
import re

from unionkit.i18n import N_, _
from unionkit.members.text import fold
from unionkit.vault import Vault

# field -> (label, aliases as folded headers)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "nombre": (N_("Given name(s)"), ("nombre", "nombres", "nombre de pila", "name", "first name", "given name",
                                     "given names", "first names")),
    "primer_apellido": (N_("First surname"), ("apellido paterno", "primer apellido", "paterno", "ap paterno",
                                             "apellido 1", "apellido1", "apellido", "last name", "surname",
                                             "first surname", "father s surname")),
    "segundo_apellido": (N_("Second surname"), ("apellido materno", "segundo apellido", "materno",
                                               "ap materno", "apellido 2", "apellido2", "second surname",
                                               "mother s surname")),
    "nombre_completo": (N_("Full name"), ("nombre completo", "nombre del trabajador", "trabajador",
                                          "nombre y apellidos", "apellidos y nombre", "apellidos y nombres",
                                          "full name", "worker", "employee name", "nombre del empleado")),
    "curp": (N_("CURP"), ("curp", "clave curp", "clave unica de registro de poblacion")),
    "nss": (N_("NSS (IMSS)"), ("nss", "numero de seguridad social", "no seguridad social", "imss",
                               "numero imss", "no imss", "social security number")),
    "rfc": (N_("RFC"), ("rfc", "registro federal de contribuyentes")),
    "employee_no": (N_("Employee number"), ("no empleado", "numero de empleado", "num empleado", "no de empleado",
                                            "numero empleado", "num de empleado", "n empleado", "nomina",
                                            "no nomina", "numero de nomina", "ficha", "no ficha", "clave",
                                            "clave empleado", "employee number", "employee no", "employee id")),
    "sex": (N_("Sex"), ("sexo", "genero", "sex", "gender")),
    "birth_date": (N_("Birth date"), ("fecha de nacimiento", "fecha nacimiento", "nacimiento", "birth date",
                                      "date of birth", "birthdate")),
    "workplace": (N_("Workplace"), ("centro de trabajo", "planta", "sucursal", "workplace", "site", "plant")),
    "department": (N_("Department"), ("departamento", "depto", "area", "department")),
    "shift": (N_("Shift"), ("turno", "shift")),
    "position": (N_("Position"), ("puesto", "categoria", "position", "job title", "job")),
    "hire_date": (N_("Hire date"), ("fecha de ingreso", "fecha ingreso", "ingreso", "fecha de alta",
                                    "fecha alta", "fecha de contratacion", "hire date", "start date",
                                    "date hired")),
    "confianza": (N_("Confianza (management)"), ("confianza", "trabajador de confianza", "de confianza")),
    "phone": (N_("Phone"), ("telefono", "tel", "celular", "telefono celular", "movil", "phone", "mobile")),
    "email": (N_("Email"), ("correo", "correo electronico", "email", "e mail", "mail")),
    "address": (N_("Address"), ("domicilio", "direccion", "address")),
    "notes": (N_("Notes"), ("notas", "observaciones", "comentarios", "notes", "comments")),
    "join_date": (N_("Join date"), ("fecha de afiliacion", "afiliacion", "fecha afiliacion",
                                    "fecha de alta sindical", "alta sindical", "join date", "membership date")),
}
_PUNCT = re.compile(r"[^0-9a-z]+")


def field_label(field: str) -> str:
    return _(FIELDS[field][0])


def normalize_header(header: str) -> str:
    """'Nombre(s)' -> 'nombre'; 'No. Empleado' -> 'no empleado'; 'Número de empleado' -> 'numero de empleado'."""
    h = fold(header).replace("(s)", "").replace("(as)", "").replace("(es)", "")
    h = h.replace("º", "").replace("°", "")
    return _PUNCT.sub(" ", h).strip()


_ALIASES = {alias: f for f, (_label, aliases) in FIELDS.items() for alias in aliases}


def auto_map(headers: list[str]) -> dict[str, int]:
    """Guess {field: column index} from the headers (first match wins; a column feeds one field)."""
    mapping: dict[str, int] = {}
    for i, h in enumerate(headers):
        n = normalize_header(h)
        f = _ALIASES.get(n)
        if f is None:
            words = n.split()
            for key in ("curp", "rfc", "nss"):
                if key in words:
                    f = key
                    break
        if f and f not in mapping:
            mapping[f] = i
    if "nombre_completo" in mapping and "nombre" in mapping:
        del mapping["nombre_completo"]
    return mapping


def signature(headers: list[str]) -> str:
    return hashlib.sha256("\x1f".join(normalize_header(h) for h in headers).encode()).hexdigest()


def remember(vault: Vault, headers: list[str], mapping: dict[str, int]) -> None:
    if recall(vault, headers) == mapping:
        return  # nothing to change (a re-import must leave the vault as it was)
    vault.execute("INSERT INTO import_mapping(signature, mapping_json) VALUES (?, ?) ON CONFLICT(signature) "
                  "DO UPDATE SET mapping_json = excluded.mapping_json, "
                  "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')",
                  (signature(headers), json.dumps(mapping, sort_keys=True)))


def recall(vault: Vault, headers: list[str]) -> dict[str, int] | None:
    raw = vault.scalar("SELECT mapping_json FROM import_mapping WHERE signature = ?", (signature(headers),))
    if not raw:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    return {f: int(i) for f, i in data.items() if f in FIELDS and 0 <= int(i) < len(headers)}


def mapping_for(vault: Vault | None, headers: list[str]) -> dict[str, int]:
    """The remembered mapping for these headers, else the automatic one."""
    remembered = recall(vault, headers) if vault is not None else None
    return remembered if remembered is not None else auto_map(headers)
