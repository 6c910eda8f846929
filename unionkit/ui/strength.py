"""Passphrase strength: a rough estimate of the guessing work, shown as a five-step meter.

Not a guarantee: it counts length and character variety, and punishes repeats, sequences and the
most common choices. Long passphrases of several words score best, as SECURITY.md recommends.
"""

from __future__ import annotations

import math
import string

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from unionkit.i18n import _, pgettext

COMMON = {"password", "contraseña", "contrasena", "123456", "12345678", "qwerty", "sindicato",
          "unionkit", "admin", "letmein", "abc123", "111111", "iloveyou", "teamo", "mexico"}
COLORS = ("#b3261e", "#d9730d", "#c9a227", "#4f8a10", "#2e7d32")
MIN_SCORE = 2  # a vault cannot be created with a weaker passphrase


def entropy_bits(passphrase: str) -> float:
    if not passphrase:
        return 0.0
    pool = 0
    if any(c in string.ascii_lowercase for c in passphrase):
        pool += 26
    if any(c in string.ascii_uppercase for c in passphrase):
        pool += 26
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(c in " " + string.punctuation for c in passphrase):
        pool += 33
    if any(ord(c) > 127 for c in passphrase):
        pool += 40
    # Characters that repeat the previous one or continue a run add little.
    effective = 1.0
    for prev, cur in zip(passphrase, passphrase[1:], strict=False):
        effective += 0.25 if cur == prev or abs(ord(cur) - ord(prev)) == 1 else 1.0
    bits = effective * math.log2(max(pool, 2))
    lowered = passphrase.lower()
    for word in COMMON:  # a common word inside counts as one guess, not as many characters
        if len(word) > 4 and word in lowered:
            bits -= (len(word) - 1) * math.log2(max(pool, 2))
    if len(set(passphrase)) < 5:
        bits = min(bits, 20.0)
    return max(bits, 0.0)


def score(passphrase: str) -> int:
    """0 (very weak) .. 4 (very strong)."""
    bits = entropy_bits(passphrase)
    if len(passphrase) < 8 or bits < 28:
        return 0
    if bits < 40:
        return 1
    if bits < 55:
        return 2
    if bits < 75:
        return 3
    return 4


def level_name(level: int) -> str:
    return (pgettext("strength", "Very weak"), pgettext("strength", "Weak"), pgettext("strength", "Fair"),
            pgettext("strength", "Strong"), pgettext("strength", "Very strong"))[level]


class StrengthMeter(QWidget):
    """A bar and a word ("Strong") that follow the passphrase field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 5)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.label = QLabel(self)
        self.label.setMinimumWidth(110)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.bar, 1)
        lay.addWidget(self.label)
        self.current = 0
        self.update_for("")

    def update_for(self, passphrase: str) -> int:
        self.current = score(passphrase)
        self._empty = not passphrase
        self.bar.setValue(self.current + 1 if passphrase else 0)
        color = COLORS[self.current]
        self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {color}; }}")
        self.retranslate()
        return self.current

    def retranslate(self) -> None:
        self.label.setText(_("Strength: {level}").format(level=level_name(self.current))
                           if not self._empty else _("Strength: —"))
