"""Helpers shared by the votes tests (a uniquely named module: ``conftest`` names clash across folders)."""

from unionkit.members.identifiers import curp_check_digit


def make_curp(i: int, sex: str = "H") -> str:
    c17 = f"GOMA{80 + i // 336 % 20:02d}{i // 28 % 12 + 1:02d}{i % 28 + 1:02d}{sex}DFRRN0"
    return c17 + curp_check_digit(c17)
