"""Consultations in the vault: setup, booths with their roll sections, double-entry tally sheets, closing.

Kinds (DOMAIN §2 "Consultation"): initial CCT, revision, termination (LFT 390 Ter, 401 I), legitimation
(historical, Transitorio Décimo Primero 2019), representation (LFT 388, 390 Bis), strike recount (931)
and union election races (371 IX). Each booth's sheet is entered twice; closing is blocked while any
booth lacks an entry, the two entries differ, or the ballot accounting does not add up (DOMAIN §2
"Integrity check"). The closed result is stored as JSON with the SHA-256 of the canonical tally data.
Secrecy: only per-booth totals are stored; nothing links a voter to a ballot (LFT 390 Bis III).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from unionkit.errors import ValidationError
from unionkit.i18n import N_, _
from unionkit.vault import Vault
from unionkit.votes import rolls
from unionkit.votes.tally import (
    APPROVAL,
    ELECTION,
    NO,
    REPRESENTATION,
    YES,
    Sheet,
    TallyResult,
    ballot_errors,
    compare_entries,
    tally,
)

KINDS = {
    "initial_cct": N_("Initial CCT approval"),
    "revision": N_("CCT revision"),
    "termination": N_("CCT termination"),
    "legitimation": N_("CCT legitimation (historical)"),
    "representation": N_("Representation (several unions)"),
    "strike_recount": N_("Strike recount"),
    "election": N_("Union election"),
}
STATUSES = {"draft": N_("draft"), "voting": N_("voting"), "closed": N_("closed"), "cancelled": N_("cancelled")}
DATE_FIELDS = ("aviso_date", "convocatoria_date", "vote_date", "padron_published_date", "cct_copy_delivered_date",
               "results_posted_date", "cfcrl_notice_date")
_COLS = ("id", "kind", "title", "status", "roll_id", "parent_id", "race", "seats", "rule", "employer", "cct_ref",
         "place", *DATE_FIELDS, "vote_time", "settings", "incidents", "result", "tally_sha256", "closed_at")


def tally_kind(kind: str) -> str:
    if kind == "representation":
        return REPRESENTATION
    return ELECTION if kind == "election" else APPROVAL


def default_rule(vault: Vault, kind: str) -> str:
    """The decision base for approval votes; a vault setting, switchable without a redeploy (DOMAIN §2)."""
    return vault.get_setting(f"votes.rule.{kind}") or vault.get_setting("votes.rule") or "valid"


def create(vault: Vault, kind: str, title: str, *, roll_id: int | None, options: list[str] | None = None,
           rule: str | None = None, parent_id: int | None = None, race: str = "", seats: int = 0,
           settings: dict | None = None, **fields: object) -> int:
    if kind not in KINDS:
        raise ValidationError(_("Unknown consultation kind: {kind}.").format(kind=kind))
    if not title.strip():
        raise ValidationError(_("The consultation needs a title."))
    if tally_kind(kind) == APPROVAL:
        options = [YES, NO]
    elif not options or len(options) < (2 if kind == "representation" else 1):
        raise ValidationError(_("List the contending unions (at least two).") if kind == "representation"
                              else _("Register at least one slate."))
    if len(set(options)) != len(options):
        raise ValidationError(_("Each option must have a different name."))
    bad = set(fields) - set(DATE_FIELDS) - {"employer", "cct_ref", "place", "vote_time", "incidents"}
    if bad:
        raise ValidationError(f"unknown fields: {sorted(bad)}")
    values = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in fields.items()}
    cols = ["kind", "title", "roll_id", "rule", "parent_id", "race", "seats", "settings", *values]
    params = [kind, title.strip(), roll_id, rule or default_rule(vault, kind), parent_id, race, seats,
              json.dumps(settings or {}, sort_keys=True), *values.values()]
    with vault.transaction() as conn:
        cid = int(conn.execute(f"INSERT INTO consultation ({', '.join(cols)}) VALUES "
                               f"({', '.join('?' * len(cols))})", params).lastrowid)
        conn.executemany("INSERT INTO vote_option (consultation_id, seq, name) VALUES (?,?,?)",
                         [(cid, i, name) for i, name in enumerate(options, 1)])
    return cid


def get(vault: Vault, cid: int) -> dict:
    rows = vault.query(f"SELECT {', '.join(_COLS)} FROM consultation WHERE id = ?", (cid,))
    if not rows:
        raise ValidationError(_("There is no consultation number {id}.").format(id=cid))
    c = dict(zip(_COLS, rows[0], strict=True))
    c["settings"] = json.loads(c["settings"] or "{}")
    c["options"] = [r[0] for r in vault.query(
        "SELECT name FROM vote_option WHERE consultation_id = ? ORDER BY seq", (cid,))]
    return c


def update(vault: Vault, cid: int, **fields: object) -> None:
    c = get(vault, cid)
    if c["status"] == "closed" and set(fields) - {"results_posted_date", "cfcrl_notice_date", "incidents", "settings"}:
        raise ValidationError(_("The consultation is closed: its tally can no longer change."))
    allowed = set(DATE_FIELDS) | {"title", "employer", "cct_ref", "place", "vote_time", "incidents", "rule",
                                  "status", "settings"}
    if set(fields) - allowed:
        raise ValidationError(f"unknown fields: {sorted(set(fields) - allowed)}")
    for k, v in fields.items():
        if isinstance(v, dt.date):
            v = v.isoformat()
        elif k == "settings":
            v = json.dumps(v, sort_keys=True)
        vault.execute(f"UPDATE consultation SET {k} = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                      "WHERE id = ?", (v, cid))


def list_consultations(vault: Vault) -> list[dict]:
    rows = vault.query("SELECT id, kind, title, status, vote_date, parent_id, race, result FROM consultation "
                       "ORDER BY COALESCE(vote_date, '9999') DESC, id DESC")
    out = []
    for cid, kind, title, status, vote_date, parent, race, result in rows:
        res = json.loads(result) if result else {}
        out.append({"id": cid, "kind": kind, "title": title, "status": status, "vote_date": vote_date,
                    "parent_id": parent, "race": race, "outcome": res.get("outcome"), "winner": res.get("winner")})
    return out


# ---------------------------------------------------------------- booths and sheets

def add_booth(vault: Vault, cid: int, code: str, *, place: str = "", first_seq: int = 1,
              last_seq: int | None = None, folio_from: int | None = None, folio_to: int | None = None) -> int:
    c = get(vault, cid)
    n = rolls.roll_info(vault, c["roll_id"])["eligible"] if c["roll_id"] else 0
    last = n if last_seq is None else last_seq
    if not (1 <= first_seq <= last + 1) or last > n:
        raise ValidationError(_("The booth's roll section must lie within 1..{n}.").format(n=n))
    return int(vault.execute(
        "INSERT INTO booth (consultation_id, code, place, first_seq, last_seq, padron, folio_from, folio_to) "
        "VALUES (?,?,?,?,?,?,?,?)", (cid, code, place, first_seq, last, last - first_seq + 1, folio_from,
                                     folio_to)).lastrowid)


def split_booths(vault: Vault, cid: int, count: int, place: str = "") -> list[int]:
    """Divide the roll (in its alphabetical order) into ``count`` consecutive booth sections."""
    c = get(vault, cid)
    n = rolls.roll_info(vault, c["roll_id"])["eligible"]
    ids, start = [], 1
    for i in range(count):
        size = n // count + (1 if i < n % count else 0)
        ids.append(add_booth(vault, cid, str(i + 1), place=place, first_seq=start, last_seq=start + size - 1))
        start += size
    return ids


def booths(vault: Vault, cid: int) -> list[dict]:
    cols = ("id", "code", "place", "first_seq", "last_seq", "padron", "folio_from", "folio_to")
    return [dict(zip(cols, r, strict=True)) for r in vault.query(
        f"SELECT {', '.join(cols)} FROM booth WHERE consultation_id = ? ORDER BY id", (cid,))]


def save_sheet(vault: Vault, booth_id: int, entry: int, votes: dict[str, int], *, null: int = 0, blank: int = 0,
               received: int | None = None, unused: int | None = None, cancelled: int | None = None,
               entered_by: str = "") -> None:
    """Record entry 1 or 2 of a booth's tally sheet (replacing an earlier version of the same entry)."""
    row = vault.query("SELECT b.consultation_id FROM booth b WHERE b.id = ?", (booth_id,))
    if not row:
        raise ValidationError(_("There is no booth number {id}.").format(id=booth_id))
    cid = row[0][0]
    if get(vault, cid)["status"] == "closed":
        raise ValidationError(_("The consultation is closed: its tally can no longer change."))
    opts = dict(vault.query("SELECT name, id FROM vote_option WHERE consultation_id = ?", (cid,)))
    unknown = set(votes) - set(opts)
    if unknown:
        raise ValidationError(_("Unknown options: {names}.").format(names=", ".join(sorted(unknown))))
    if any(v is not None and v < 0 for v in [*votes.values(), null, blank, received, unused, cancelled]):
        raise ValidationError(_("Counts cannot be negative."))
    with vault.transaction() as conn:
        conn.execute("DELETE FROM tally_sheet WHERE booth_id = ? AND entry = ?", (booth_id, entry))
        sid = conn.execute("INSERT INTO tally_sheet (booth_id, entry, entered_by, null_votes, blank, received, "
                           "unused, cancelled) VALUES (?,?,?,?,?,?,?,?)",
                           (booth_id, entry, entered_by, null, blank, received, unused, cancelled)).lastrowid
        conn.executemany("INSERT INTO tally_count (sheet_id, option_id, votes) VALUES (?,?,?)",
                         [(sid, opts[name], int(votes.get(name, 0))) for name in opts])
        conn.execute("UPDATE consultation SET status = 'voting' WHERE id = ? AND status = 'draft'", (cid,))


def sheet(vault: Vault, booth_id: int, entry: int) -> Sheet | None:
    row = vault.query("SELECT s.id, b.code, s.null_votes, s.blank, s.received, s.unused, s.cancelled, b.padron "
                      "FROM tally_sheet s JOIN booth b ON b.id = s.booth_id WHERE s.booth_id = ? AND s.entry = ?",
                      (booth_id, entry))
    if not row:
        return None
    sid, code, null, blank, received, unused, cancelled, padron = row[0]
    counts = dict(vault.query("SELECT o.name, c.votes FROM tally_count c JOIN vote_option o ON o.id = c.option_id "
                              "WHERE c.sheet_id = ? ORDER BY o.seq", (sid,)))
    return Sheet(code, counts, null, blank, received, unused, cancelled, padron)


def booth_status(vault: Vault, cid: int) -> list[dict]:
    """Per booth: both entries, the fields where they differ, ballot-accounting errors, and readiness."""
    out = []
    for b in booths(vault, cid):
        s1, s2 = sheet(vault, b["id"], 1), sheet(vault, b["id"], 2)
        diffs = compare_entries(s1, s2) if s1 and s2 else []
        errors = ballot_errors(s1) if s1 else []
        by = dict(vault.query("SELECT entry, entered_by FROM tally_sheet WHERE booth_id = ?", (b["id"],)))
        out.append({**b, "entry1": s1, "entry2": s2, "diffs": diffs, "errors": errors, "by1": by.get(1, ""),
                    "by2": by.get(2, ""),
                    "ready": bool(s1 and s2 and not diffs and not errors)})
    return out


def closing_problems(vault: Vault, cid: int) -> list[str]:
    problems = []
    for b in booth_status(vault, cid):
        if b["entry1"] is None or b["entry2"] is None:
            problems.append(_("Booth {booth}: the tally sheet must be entered twice.").format(booth=b["code"]))
        elif b["diffs"]:
            problems.append(_("Booth {booth}: the two entries differ in {fields}.").format(
                booth=b["code"], fields=", ".join(b["diffs"])))
        problems.extend(b["errors"])
    if not booths(vault, cid):
        problems.append(_("The consultation has no booths."))
    return problems


def _quorum(c: dict) -> tuple[int, int] | None:
    q = c["settings"].get("quorum")
    return (int(q[0]), int(q[1])) if q else None


def compute_result(vault: Vault, cid: int) -> TallyResult:
    """The result from entry 1 of every booth (provisional until the consultation is closed)."""
    c = get(vault, cid)
    padron = rolls.roll_info(vault, c["roll_id"])["eligible"] if c["roll_id"] else 0
    sheets = [s for b in booths(vault, cid) if (s := sheet(vault, b["id"], 1)) is not None]
    res = tally(tally_kind(c["kind"]), padron, sheets, rule=c["rule"], options=c["options"],
                nulls_in_turnout=c["settings"].get("nulls_in_turnout", True), quorum=_quorum(c))
    if c["kind"] == "election":
        from unionkit.votes.union_elections import gender_warnings

        res.warnings.extend(gender_warnings(vault, cid, res.winner))
    return res


def tally_data(vault: Vault, cid: int) -> str:
    """Canonical JSON of the tally (roll hash, every booth's agreed sheet, result): hashed into the acta."""
    c = get(vault, cid)
    roll = rolls.roll_info(vault, c["roll_id"]) if c["roll_id"] else {"sha256": "", "eligible": 0}
    sheets = []
    for b in booths(vault, cid):
        s = sheet(vault, b["id"], 1)
        sheets.append({"booth": b["code"], "padron": b["padron"], "options": s.options if s else {},
                       "null": s.null if s else 0, "blank": s.blank if s else 0,
                       "received": s.received if s else None, "unused": s.unused if s else None,
                       "cancelled": s.cancelled if s else None})
    return json.dumps({"consultation": c["id"], "kind": c["kind"], "rule": c["rule"], "roll_sha256": roll["sha256"],
                       "padron": roll["eligible"], "sheets": sheets}, sort_keys=True, ensure_ascii=False)


def close(vault: Vault, cid: int) -> TallyResult:
    """Close the tally: blocked while any booth is missing, mismatched or inconsistent."""
    problems = closing_problems(vault, cid)
    if problems:
        raise ValidationError(_("The tally cannot be closed: {problems}").format(problems=" ".join(problems)))
    result = compute_result(vault, cid)
    digest = hashlib.sha256(tally_data(vault, cid).encode("utf-8")).hexdigest()
    vault.execute("UPDATE consultation SET status = 'closed', result = ?, tally_sha256 = ?, closed_at = ? "
                  "WHERE id = ?", (json.dumps(result.to_json(), ensure_ascii=False), digest,
                                   dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), cid))
    return result


def date_checks(vault: Vault, cid: int) -> list:
    from unionkit.votes.calendar import consultation_checks

    c = get(vault, cid)
    if not c["vote_date"]:
        return []
    extra = [dt.date.fromisoformat(d) for d in json.loads(vault.get_setting("votes.non_working_days") or "[]")]

    def d(k: str) -> dt.date | None:
        return dt.date.fromisoformat(c[k]) if c[k] else None

    return consultation_checks(c["kind"], d("vote_date"), aviso=d("aviso_date"), convocatoria=d("convocatoria_date"),
                               results_posted=d("results_posted_date"), cfcrl_notice=d("cfcrl_notice_date"),
                               cct_copy=d("cct_copy_delivered_date"), padron_published=d("padron_published_date"),
                               extra=extra)
