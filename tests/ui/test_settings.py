"""The settings file: defaults, clamping, recent paths only, private permissions."""

from __future__ import annotations

import json
import os
import stat

from unionkit import settings as s


def test_defaults_and_round_trip(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    cfg = s.load(path)
    assert cfg.language == "es_MX" and cfg.autolock_minutes == 5 and cfg.backup_keep == 10
    cfg.language = "en"
    cfg.autolock_minutes = 12
    cfg.add_recent(tmp_path / "a")
    cfg.add_recent(tmp_path / "b")
    cfg.add_recent(tmp_path / "a")
    s.save(cfg, path)
    again = s.load(path)
    assert again.language == "en" and again.autolock_minutes == 12
    assert again.recent_vaults == [str((tmp_path / "a").resolve()), str((tmp_path / "b").resolve())]


def test_out_of_range_and_garbage_fall_back(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "fr", "autolock_minutes": 500, "backup_keep": "x",
                                "recent_vaults": ["/a", 3, None], "unknown": 1}))
    cfg = s.load(path)
    assert cfg.language == "es_MX" and cfg.autolock_minutes == 30 and cfg.backup_keep == 10
    assert cfg.recent_vaults == ["/a"]
    path.write_text("{not json")
    assert s.load(path).autolock_minutes == 5
    cfg.autolock_minutes = 0
    assert cfg.normalized().autolock_minutes == 1


def test_recent_list_is_bounded(tmp_path):
    cfg = s.Settings()
    for i in range(20):
        cfg.add_recent(tmp_path / str(i))
    assert len(cfg.recent_vaults) == s.RECENT_MAX
    cfg.remove_recent(tmp_path / "19")
    assert str((tmp_path / "19").resolve()) not in cfg.recent_vaults


def test_private_permissions_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        path = s.save(s.Settings(), tmp_path / "new" / "settings.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_file_dialog_history_is_forgotten(qapp):
    from PySide6.QtCore import QSettings

    from unionkit.ui.dialogs import forget_file_dialog_history

    qt = QSettings(QSettings.Scope.UserScope, "QtProject")
    qt.setValue("FileDialog/history", ["/home/x/padron-secreto"])
    qt.setValue("FileDialog/lastVisited", "file:///home/x/padron-secreto")
    qt.sync()
    forget_file_dialog_history()
    again = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert again.value("FileDialog/history") is None and again.value("FileDialog/lastVisited") is None
