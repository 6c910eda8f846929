"""The passphrase strength estimate behind the meter."""

from __future__ import annotations

from unionkit.ui.strength import MIN_SCORE, StrengthMeter, score


def test_scores():
    assert score("") == 0
    assert score("abc") == 0
    assert score("password") == 0
    assert score("aaaaaaaaaaaaaaaaaaaaa") == 0
    assert score("12345678") == 0
    assert score("correct horse battery staple ñ") == 4
    assert score("jabalí pluma verde lunes") >= 3
    assert score("Tr4b4j0!") >= MIN_SCORE


def test_meter_follows_text(qtbot):
    m = StrengthMeter()
    qtbot.addWidget(m)
    assert m.label.text() == "Seguridad: —"
    m.update_for("jabalí pluma verde lunes")
    assert m.label.text() in ("Seguridad: Fuerte", "Seguridad: Muy fuerte")
    m.update_for("abc")
    assert m.label.text() == "Seguridad: Muy débil"
