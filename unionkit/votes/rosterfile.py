"""Read the ROLL and supporter files of ``votes threshold`` with the members area's roster reader.

Headers are matched loosely (case, accents and spaces folded): "Nombre" (or given name + surnames),
"CURP", "Fecha de ingreso"/"Fecha de contratación", "Firma" (sí/no), "Confianza", "Estatus",
"Fecha de baja". Eligibility of the covered-worker roll (LFT 390 Bis III a), 363):
confianza excluded; hires after the filing date excluded; dismissals within 3 months before or after
the filing date included; workers who resigned (ended the relationship themselves) excluded.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

from unionkit.errors import ImportFileError
from unionkit.i18n import _
from unionkit.votes.eligibility import Candidate, evaluate, reason_text
from unionkit.votes.threshold import RollMap, RollPerson, SupportRow

_SYNONYMS = {
    "name": ("nombre completo", "nombre", "name", "full name", "trabajador", "nombre del trabajador"),
    "given": ("nombres", "nombre(s)", "given name"),
    "surname1": ("primer apellido", "apellido paterno", "paterno", "first surname"),
    "surname2": ("segundo apellido", "apellido materno", "materno", "second surname"),
    "curp": ("curp",),
    "hire": ("fecha de ingreso", "fecha ingreso", "fecha de contratacion", "fecha contratacion", "ingreso",
             "hire date", "hire_date", "fecha de alta", "alta"),
    "signed": ("firma", "firmo", "firmado", "firma autografa", "signed", "signature"),
    "confianza": ("confianza", "de confianza", "trabajador de confianza", "confidential"),
    "status": ("estatus", "status", "situacion", "estado"),
    "left": ("fecha de baja", "baja", "fecha baja", "status date", "status_date", "end date"),
}
_YES = {"si", "s", "x", "yes", "y", "1", "true", "verdadero", "firmado", "firmo", "ok", "\u2713"}


def fold(text: str) -> str:
    t = unicodedata.normalize("NFKD", text or "")
    return " ".join("".join(c for c in t if not unicodedata.combining(c)).lower().replace("_", " ").split())


def _columns(headers: list[str]) -> dict[str, int]:
    folded = [fold(h) for h in headers]
    cols: dict[str, int] = {}
    for key, names in _SYNONYMS.items():
        for name in names:
            if name in folded and folded.index(name) not in cols.values():
                cols[key] = folded.index(name)
                break
    # Fill the gaps with the member importer's header aliases (same files, same guesses).
    from unionkit.members.mapping import auto_map

    guessed = auto_map(headers)
    for ours, theirs in (("name", "nombre_completo"), ("name", "nombre"), ("surname1", "primer_apellido"),
                         ("surname2", "segundo_apellido"), ("curp", "curp"), ("hire", "hire_date"),
                         ("confianza", "confianza")):
        if ours not in cols and theirs in guessed and guessed[theirs] not in cols.values():
            cols[ours] = guessed[theirs]
    return cols


def _read(path: str | Path, need_signed: bool = False):
    from unionkit.members.reader import read_table

    table = read_table(path)
    cols = _columns(table.headers)
    if "curp" not in cols or not ({"name", "given"} & cols.keys()):
        raise ImportFileError(_("{name}: the file needs at least the columns “Nombre” and “CURP” (found: "
                                "{found}).").format(name=Path(path).name, found=", ".join(table.headers)),
                              path=str(path), line=table.header_line)
    if need_signed and "signed" not in cols:
        raise ImportFileError(_("{name}: the supporter list needs a “Firma” column (sí/no).").format(
            name=Path(path).name), path=str(path), line=table.header_line)
    return table, cols


def _cell(cells: list[str], cols: dict[str, int], key: str) -> str:
    i = cols.get(key)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _name(cells: list[str], cols: dict[str, int]) -> str:
    if "name" in cols:
        base = _cell(cells, cols, "name")
    else:
        base = _cell(cells, cols, "given")
    parts = [base, _cell(cells, cols, "surname1"), _cell(cells, cols, "surname2")]
    return " ".join(p for p in parts if p)


def _date(text: str) -> dt.date | None:
    from unionkit.members.dates import try_parse_date

    if not text:
        return None
    value, _msg = try_parse_date(text)
    return value


def read_roll(path: str | Path, filing_date: dt.date, purpose: str = "representation") -> tuple[
        dict[str, RollPerson], int, list[dict]]:
    """-> (eligible people by CURP, covered N, excluded rows with line and reason)."""
    from unionkit.members.identifiers import normalize_curp

    table, cols = _read(path)
    roll = RollMap()
    excluded: list[dict] = []
    for line, cells in table.rows:
        curp = normalize_curp(_cell(cells, cols, "curp"))
        cand = Candidate(
            full_name=_name(cells, cols), curp=curp, hire_date=_date(_cell(cells, cols, "hire")),
            confianza=fold(_cell(cells, cols, "confianza")) in _YES,
            status=_status(_cell(cells, cols, "status")), status_date=_date(_cell(cells, cols, "left")))
        ok, code = evaluate(cand, purpose, filing_date)
        if curp and curp in roll:
            ok, code = False, "duplicate"
        if not ok:
            excluded.append({"line": line, "reason": reason_text(code), "code": code, "name": cand.full_name})
            if curp and curp not in roll:
                roll.excluded.setdefault(curp, code)
            continue
        roll[curp or f"#line{line}"] = RollPerson(curp, cand.full_name, cand.hire_date, False,
                                                  cand.status == "dismissed")
    return roll, len(roll), excluded


def _status(text: str) -> str:
    f = fold(text)
    if not f or f in ("activo", "active", "alta", "vigente"):
        return "active"
    if f.startswith(("despid", "dismiss", "rescis", "baja")):
        return "dismissed"
    if f.startswith(("renun", "resign", "retir")):
        return "quit"
    if f.startswith(("falle", "decea")):
        return "deceased"
    return "active"


def read_supporters(path: str | Path) -> list[SupportRow]:
    from unionkit.members.identifiers import normalize_curp

    table, cols = _read(path, need_signed=True)
    rows = []
    for line, cells in table.rows:
        rows.append(SupportRow(line, _name(cells, cols), normalize_curp(_cell(cells, cols, "curp")),
                               _date(_cell(cells, cols, "hire")), fold(_cell(cells, cols, "signed")) in _YES))
    return rows


def read_roll_entries(path: str | Path, as_of: dt.date, purpose: str) -> list:
    """Every row of a roster file as a roll entry (eligible or excluded with the reason code)."""
    from unionkit.members.identifiers import normalize_curp
    from unionkit.votes.rolls import RollEntry

    table, cols = _read(path)
    out, seen = [], set()
    for _line, cells in table.rows:
        curp = normalize_curp(_cell(cells, cols, "curp"))
        cand = Candidate(
            full_name=_name(cells, cols), curp=curp, hire_date=_date(_cell(cells, cols, "hire")),
            confianza=fold(_cell(cells, cols, "confianza")) in _YES,
            status=_status(_cell(cells, cols, "status")), status_date=_date(_cell(cells, cols, "left")))
        ok, code = evaluate(cand, purpose, as_of)
        if ok and curp and curp in seen:
            ok, code = False, "duplicate"
        seen.add(curp)
        out.append(RollEntry(ok, code, curp, cand.full_name,
                             cand.hire_date.isoformat() if cand.hire_date else "", "", None))
    return out
