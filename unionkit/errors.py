"""Domain exceptions. Each carries a message already translated for the user."""

from __future__ import annotations


class UnionkitError(Exception):
    """A user-facing error: the message is translated and shown as is (no traceback)."""

    code = "error"

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message


class VaultError(UnionkitError):
    code = "vault"


class WrongPassphrase(VaultError):
    code = "wrong_passphrase"


class DamagedVault(VaultError):
    code = "damaged_vault"


class NotAVault(VaultError):
    code = "not_a_vault"


class NewerVault(VaultError):
    code = "newer_vault"


class VaultLocked(VaultError):
    """The vault is open in another process (one writer per vault)."""

    code = "vault_in_use"


class ThrottledUnlock(VaultError):
    code = "throttled"

    def __init__(self, message: str, *, wait_seconds: float) -> None:
        super().__init__(message)
        self.wait_seconds = wait_seconds


class ValidationError(UnionkitError):
    code = "invalid"


class ClosedPeriodError(UnionkitError):
    code = "closed_period"


class ImportFileError(UnionkitError):
    """A file that cannot be read as a roster/list: says which file, line and column."""

    code = "import_file"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: str | None = None) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.column = column
