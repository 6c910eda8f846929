"""The dues opt-out dialog (LFT art. 110-VI): a new statement, then sent to the employer and withdrawn."""

import datetime as dt

import pytest

from unionkit.members.optouts import active_optout, has_optout, list_optouts
from unionkit.members.service import add_person
from unionkit.ui.members.optout_dialog import OptOutDialog

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def person(vault):
    return add_person(vault, {"nombre": "Ana", "primer_apellido": "Núñez", "curp": "", "is_member": 1})


def test_new_statement_then_sent_then_withdrawn(vault, person, qtbot):
    d = OptOutDialog(vault, person)
    qtbot.addWidget(d)
    assert d.current is None and d.withdrawn.parent() is None  # no withdrawal field for a new statement
    d.statement.setText("03/02/2025")
    d.sent.setText("01/02/2025")  # before it was signed
    d.apply()
    assert "antes" in d.message.text() or "before" in d.message.text()
    assert list_optouts(vault, person) == []
    d.sent.setText("")
    d.apply()
    assert d.result() == 1 and has_optout(vault, person, dt.date(2025, 3, 1))

    d2 = OptOutDialog(vault, person)
    qtbot.addWidget(d2)
    assert d2.current is not None and d2.statement.isReadOnly() and d2.statement.text() == "03/02/2025"
    d2.sent.setText("10/02/2025")
    d2.withdrawn.setText("01/01/2025")  # before the statement: refused with a message, sent date kept
    d2.apply()
    assert d2.message.text() and d2.result() != 1
    assert active_optout(vault, person).sent_to_employer_date == "2025-02-10"
    d2.withdrawn.setText("15/06/2025")
    d2.apply()
    assert d2.result() == 1
    assert has_optout(vault, person, dt.date(2025, 6, 14)) and not has_optout(vault, person, dt.date(2025, 6, 15))
    assert active_optout(vault, person) is None


def test_future_and_malformed_dates_are_refused(vault, person, qtbot):
    d = OptOutDialog(vault, person)
    qtbot.addWidget(d)
    d.statement.setText((dt.date.today() + dt.timedelta(days=3)).strftime("%d/%m/%Y"))
    d.apply()
    assert d.message.text() and list_optouts(vault, person) == []
    d.statement.setText("31/02/2025")
    d.apply()
    assert d.message.text() and list_optouts(vault, person) == []
