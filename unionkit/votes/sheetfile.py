"""Read booth tally sheets from a CSV/XLSX file for ``votes tally``.

Header: ``booth``, one column per option (``yes``, ``no`` for approval; the unions' names for
representation), ``null``; optional ``blank`` (folded into null), ``received``, ``unused``, ``cancelled``
and ``padron`` (the booth's roll section). Numbers must be whole and not negative.
"""

from __future__ import annotations

from pathlib import Path

from unionkit.errors import ImportFileError
from unionkit.i18n import _
from unionkit.votes.rosterfile import fold
from unionkit.votes.tally import APPROVAL, NO, YES, Sheet

_SPECIAL = {"booth": "booth", "casilla": "booth", "null": "null", "nulos": "null", "nulo": "null",
            "blank": "blank", "blanco": "blank", "en blanco": "blank", "received": "received",
            "recibidas": "received", "unused": "unused", "sobrantes": "unused", "no usadas": "unused",
            "cancelled": "cancelled", "canceled": "cancelled", "canceladas": "cancelled",
            "inutilizadas": "cancelled", "padron": "padron"}
_APPROVAL_NAMES = {"yes": YES, "si": YES, "a favor": YES, "no": NO, "en contra": NO}


def read_sheets(path: str | Path, kind: str) -> tuple[list[Sheet], list[str]]:
    """-> (sheets, option names in column order). Raises ImportFileError with line and column."""
    from unionkit.members.reader import read_table

    table = read_table(path)
    roles: list[tuple[str, str]] = []  # (role, option name) per column
    options: list[str] = []
    for h in table.headers:
        f = fold(h)
        if kind == APPROVAL and f in _APPROVAL_NAMES:
            roles.append(("option", _APPROVAL_NAMES[f]))
            options.append(_APPROVAL_NAMES[f])
        elif f in _SPECIAL:
            roles.append((_SPECIAL[f], ""))
        elif not f:
            roles.append(("skip", ""))
        elif kind == APPROVAL:
            raise ImportFileError(_("{name}: unknown column “{column}” (an approval sheet has booth, yes, no, "
                                    "null).").format(name=Path(path).name, column=h), path=str(path),
                                  line=table.header_line, column=h)
        else:
            roles.append(("option", h.strip()))
            options.append(h.strip())
    got = {r for r, _o in roles}
    if "booth" not in got or "null" not in got or not options:
        raise ImportFileError(_("{name}: the header must be “booth”, one column per option, then “null”.")
                              .format(name=Path(path).name), path=str(path), line=table.header_line)
    if len(set(options)) != len(options):
        raise ImportFileError(_("{name}: an option appears twice in the header.").format(name=Path(path).name),
                              path=str(path), line=table.header_line)
    sheets = []
    for line, cells in table.rows:
        values: dict[str, object] = {"options": {}}
        for (role, opt), header, cell in zip(roles, table.headers, cells, strict=False):
            text = cell.strip()
            if role in ("skip",):
                continue
            if role == "booth":
                values["booth"] = text or str(line)
                continue
            if not text:
                if role in ("option", "null"):
                    values_n = 0
                else:
                    continue
            else:
                try:
                    values_n = int(text.replace(",", "").replace(" ", ""))
                except ValueError:
                    raise ImportFileError(_("{name}, line {line}, column “{column}”: “{value}” is not a whole "
                                            "number.").format(name=Path(path).name, line=line, column=header,
                                                              value=text),
                                          path=str(path), line=line, column=header) from None
            if values_n < 0:
                raise ImportFileError(_("{name}, line {line}, column “{column}”: votes cannot be negative.")
                                      .format(name=Path(path).name, line=line, column=header),
                                      path=str(path), line=line, column=header)
            if role == "option":
                values["options"][opt] = values_n  # type: ignore[index]
            else:
                values[role] = values_n
        sheets.append(Sheet(**values))  # type: ignore[arg-type]
    if not sheets:
        raise ImportFileError(_("{name}: no booth rows.").format(name=Path(path).name), path=str(path))
    return sheets, options
