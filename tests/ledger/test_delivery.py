"""Art. 373 delivery log service: batch marks in one transaction, undo, counts, dates validated."""

import datetime as dt

import pytest

from tests.ledger.conftest import add_person, add_workplace
from unionkit import i18n
from unionkit.errors import ValidationError
from unionkit.ledger import delivery


@pytest.fixture
def setup(vault):
    wp = add_workplace(vault, "Planta León")
    people = {n: add_person(vault, n, apellido=a, workplace_id=wp)
              for n, a in (("José", "Núñez"), ("Ana", "Álvarez"), ("Beto", "Zapata"), ("Carla", "Ortiz"))}
    people["ex"] = add_person(vault, "Eva", apellido="Ruiz", status="resigned")
    people["nonmember"] = add_person(vault, "Nico", apellido="Soto", is_member=0)
    rid = delivery.report_for(vault, "2025-12", "2026-05", "ab" * 32)
    return rid, people


def test_list_reports_newest_first(vault, setup):
    rid, _p = setup
    older = delivery.report_for(vault, "2025-07", "2025-12", "cd" * 32)
    reports = delivery.list_reports(vault)
    assert [r.id for r in reports] == [rid, older]
    assert reports[0].period_end == dt.date(2026, 5, 31) and reports[0].head_hash == "ab" * 32
    assert delivery.report_for(vault, "2025-12", "2026-05", "ff" * 32) == rid  # reused, not duplicated
    with pytest.raises(ValidationError):
        delivery.get_report(vault, 999)


def test_batch_record_counts_and_clear(vault, setup, clock):
    rid, p = setup
    assert delivery.delivery_counts(vault, rid) == (0, 4)
    n = delivery.record_deliveries(vault, rid, [p["José"], p["Ana"], p["Ana"]], "hand", dt.date(2026, 6, 1),
                                   clock=clock)
    assert n == 2
    assert delivery.delivery_counts(vault, rid) == (2, 4)
    log = {r["person_id"]: r for r in delivery.delivery_log(vault, rid)}
    assert log[p["José"]]["method"] == "hand" and log[p["José"]]["delivered_at"] == "2026-06-01"
    assert log[p["Beto"]]["method"] is None
    # re-marking changes how and when, not the count
    delivery.record_deliveries(vault, rid, [p["José"]], "email", clock=clock)
    log = {r["person_id"]: r for r in delivery.delivery_log(vault, rid)}
    assert log[p["José"]]["method"] == "email" and log[p["José"]]["delivered_at"] == "2026-06-15"
    assert delivery.delivery_counts(vault, rid) == (2, 4)
    assert delivery.clear_delivery(vault, rid, [p["José"], p["Beto"]]) == 1
    assert delivery.delivery_counts(vault, rid) == (1, 4)
    # another account's log is separate
    other = delivery.report_for(vault, "2025-07", "2025-12", "cd" * 32)
    assert delivery.delivery_counts(vault, other) == (0, 4)


def test_batch_is_all_or_nothing(vault, setup, clock):
    rid, p = setup
    with pytest.raises(ValidationError):
        delivery.record_deliveries(vault, rid, [p["José"], p["nonmember"]], "hand", clock=clock)
    with pytest.raises(ValidationError):
        delivery.record_deliveries(vault, rid, [p["José"], 99999], "hand", clock=clock)
    assert delivery.delivery_counts(vault, rid) == (0, 4)
    with pytest.raises(ValidationError):
        delivery.record_deliveries(vault, rid, [], "hand", clock=clock)
    with pytest.raises(ValidationError, match="fax"):
        delivery.record_deliveries(vault, rid, [p["José"]], "fax", clock=clock)


def test_dates_validated_with_translated_message(vault, setup, clock):
    rid, p = setup
    prev = i18n.language()
    i18n.set_language("es_MX")
    try:
        with pytest.raises(ValidationError, match="futur") as exc:
            delivery.record_deliveries(vault, rid, [p["José"]], "hand", dt.date(2026, 6, 16), clock=clock)
        assert "16/06/2026" in exc.value.message and "fecha" in exc.value.message
        with pytest.raises(ValidationError, match="31/05/2026"):
            delivery.record_deliveries(vault, rid, [p["José"]], "hand", dt.date(2026, 5, 30), clock=clock)
    finally:
        i18n.set_language(prev)
    delivery.record_deliveries(vault, rid, [p["José"]], "hand", dt.date(2026, 5, 31), clock=clock)
    assert delivery.delivery_counts(vault, rid) == (1, 4)


def test_log_order_and_search_text(vault, setup, clock):
    rid, p = setup
    log = delivery.delivery_log(vault, rid)
    # Spanish order by surname (Álvarez first, not after Zapata), the resigned member and non-member left out
    assert [r["name"] for r in log] == ["Ana Álvarez", "José Núñez", "Carla Ortiz", "Beto Zapata"]
    assert "nunez" in log[1]["search"] and "planta leon" in log[1]["search"]
    # a member who left after receiving it does not count
    delivery.record_deliveries(vault, rid, [p["ex"], p["Ana"]], "mail", clock=clock)
    assert delivery.delivery_counts(vault, rid) == (1, 4)

