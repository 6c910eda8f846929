"""The encrypted vault: SQLCipher connection, key header, migrations, backup, lock."""

from unionkit.vault.vault import Vault, is_vault_folder, unlock_key

__all__ = ["Vault", "is_vault_folder", "unlock_key"]
