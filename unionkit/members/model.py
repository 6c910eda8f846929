"""Plain data of the member register: field lists, statuses, the state catalog, Person/Workplace."""

from __future__ import annotations

from dataclasses import dataclass, fields

from unionkit.i18n import N_, _

STATUSES = ("active", "suspended", "resigned", "dismissed", "deceased")
LEAVING_STATUSES = ("resigned", "dismissed", "deceased")
_STATUS_LABELS = {
    "active": N_("Active"), "suspended": N_("Suspended"), "resigned": N_("Resigned"),
    "dismissed": N_("Dismissed"), "deceased": N_("Deceased"),
}
SEXES = ("H", "M", "X", "")

# DOMAIN §7.5: INEGI code -> (name, CURP code)
STATES = {
    "01": ("Aguascalientes", "AS"), "02": ("Baja California", "BC"), "03": ("Baja California Sur", "BS"),
    "04": ("Campeche", "CC"), "05": ("Coahuila de Zaragoza", "CL"), "06": ("Colima", "CM"),
    "07": ("Chiapas", "CS"), "08": ("Chihuahua", "CH"), "09": ("Ciudad de México", "DF"),
    "10": ("Durango", "DG"), "11": ("Guanajuato", "GT"), "12": ("Guerrero", "GR"), "13": ("Hidalgo", "HG"),
    "14": ("Jalisco", "JC"), "15": ("México", "MC"), "16": ("Michoacán de Ocampo", "MN"),
    "17": ("Morelos", "MS"), "18": ("Nayarit", "NT"), "19": ("Nuevo León", "NL"), "20": ("Oaxaca", "OC"),
    "21": ("Puebla", "PL"), "22": ("Querétaro", "QT"), "23": ("Quintana Roo", "QR"),
    "24": ("San Luis Potosí", "SP"), "25": ("Sinaloa", "SL"), "26": ("Sonora", "SR"), "27": ("Tabasco", "TC"),
    "28": ("Tamaulipas", "TS"), "29": ("Tlaxcala", "TL"), "30": ("Veracruz de Ignacio de la Llave", "VZ"),
    "31": ("Yucatán", "YN"), "32": ("Zacatecas", "ZS"),
}


def status_label(status: str) -> str:
    return _(_STATUS_LABELS.get(status, status))


@dataclass
class Person:
    id: int = 0
    nombre: str = ""
    primer_apellido: str = ""
    segundo_apellido: str = ""
    curp: str | None = None
    nss: str = ""
    rfc: str = ""
    employee_no: str = ""
    sex: str = ""
    birth_date: str | None = None
    workplace_id: int | None = None
    department: str = ""
    shift: str = ""
    position: str = ""
    hire_date: str | None = None
    confianza: int = 0
    phone: str = ""
    email: str = ""
    address: str = ""
    notes: str = ""
    is_member: int = 0
    join_date: str | None = None
    status: str = "active"
    status_date: str | None = None

    @property
    def full_name(self) -> str:
        """"Nombre Apellido1 Apellido2" as written on documents."""
        return " ".join(p for p in (self.nombre, self.primer_apellido, self.segundo_apellido) if p)

    @property
    def list_name(self) -> str:
        """"Apellido1 Apellido2, Nombre" for sorted lists."""
        surnames = " ".join(p for p in (self.primer_apellido, self.segundo_apellido) if p)
        return f"{surnames}, {self.nombre}" if surnames else self.nombre


PERSON_COLUMNS = tuple(f.name for f in fields(Person))
EDITABLE_FIELDS = tuple(c for c in PERSON_COLUMNS if c not in ("id", "status", "status_date"))


@dataclass
class Workplace:
    id: int = 0
    name: str = ""
    employer_legal_name: str = ""
    employer_rfc: str = ""
    address: str = ""
    state_code: str = ""
    sector: str = ""


WORKPLACE_COLUMNS = tuple(f.name for f in fields(Workplace))


@dataclass
class MembershipEvent:
    id: int
    person_id: int
    event_date: str
    kind: str
    status: str
    reason: str
