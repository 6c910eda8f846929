"""The join of a member registered by a roster import is the person row itself, not an event row.

A member's history starts with a 'join' event. People added by hand or enrolled later get one in
``membership_event``. People a roster import registers as members do not: their join is what the
import wrote on the person row (``join_date``, ``status = 'active'``, ``import_batch_id`` naming the
batch with the file's SHA-256 and time), and the history, the members-on-a-day count and the quarterly
joiners (LFT art. 377-III) read it from there as an *implicit* join event. Writing 100,000 copies of
what the person rows already say was a fifth of a 100,000-row import (25 MB of the 80 MB it wrote).

An implicit join becomes a stored event (:func:`materialize`) before anything could change what it
reads or follow it: a status change (so that a stored status event never sorts before a later-stored join
of the same day), a new join (re-enrolment after leaving), an edit of the join date or the membership
flag. Implicit joins therefore only exist for people with no stored events at all.
"""

from __future__ import annotations

from unionkit.i18n import _

# Persons (alias p) whose join is implicit: imported as members and no stored join event.
IMPLICIT = ("p.import_batch_id IS NOT NULL AND p.is_member = 1 AND p.join_date IS NOT NULL AND NOT EXISTS "
            "(SELECT 1 FROM membership_event j WHERE j.person_id = p.id AND j.kind = 'join')")

# Every membership event, stored or implicit, as (id, person_id, event_date, kind, status, reason);
# implicit joins have id 0, so a stored event of the same day sorts after them. One parameter: the
# reason shown for implicit joins (``reason()``), to be passed first.
ALL_EVENTS = ("SELECT id, person_id, event_date, kind, status, reason FROM membership_event UNION ALL "
              f"SELECT 0, p.id, p.join_date, 'join', 'active', ? FROM person p WHERE {IMPLICIT}")


def reason() -> str:
    """The reason an implicit join shows (in the language of the moment)."""
    return _("Registered by roster import")


def with_events(sql: str) -> str:
    """``sql`` prefixed with the CTE ``ev`` of all events; pass ``reason()`` as its first parameter."""
    return f"WITH ev(id, person_id, event_date, kind, status, reason) AS ({ALL_EVENTS}) {sql}"


def materialize(conn, person_id: int) -> None:
    """Store the implicit join of ``person_id`` as an event, if it has one (inside the caller's
    transaction)."""
    conn.execute("INSERT INTO membership_event(person_id, event_date, kind, status, reason) "
                 f"SELECT p.id, p.join_date, 'join', 'active', ? FROM person p WHERE p.id = ? AND {IMPLICIT}",
                 (reason(), person_id))
