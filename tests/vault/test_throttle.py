"""Failed unlocks are throttled with a growing delay that survives a restart."""

import pytest

from tests.conftest import PASS
from unionkit.clock import FakeClock
from unionkit.errors import ThrottledUnlock, WrongPassphrase
from unionkit.vault.throttle import UnlockGuard, delay_after


def test_delays_grow_and_are_capped():
    assert [delay_after(n) for n in range(6)] == [0, 0, 0, 2, 4, 8]
    assert delay_after(50) == 300


def test_throttle_survives_a_new_guard_and_resets_on_success(vault, tmp_path):
    folder = vault.folder
    vault.close()
    clock = FakeClock()
    state = tmp_path / "cfg" / "throttle.json"
    guard = UnlockGuard(clock, state)
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            guard.open(folder, "nope")
    restarted = UnlockGuard(clock, state)  # as after an app restart
    with pytest.raises(ThrottledUnlock) as exc:
        restarted.open(folder, PASS)
    assert exc.value.wait_seconds == pytest.approx(2, abs=0.01)
    assert "2 segundos" in exc.value.message
    clock.advance(2.5)
    restarted.open(folder, PASS).close()
    assert restarted.wait_seconds(folder) == 0
    assert oct(state.stat().st_mode & 0o777) == "0o600"
