"""Vault commands: init, info, check, passwd, rekey, backup, restore, demo."""

from __future__ import annotations

import argparse
from pathlib import Path

from unionkit import __version__
from unionkit.checks import run_checks
from unionkit.errors import UnionkitError
from unionkit.i18n import _
from unionkit.vault import Vault
from unionkit.vault.backup import create_backup, restore_backup


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help=_("create a new vault"))
    p.add_argument("--union-name", default="", help=_("the union's name"))
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("info", help=_("show what is in the vault"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_info)

    p = sub.add_parser("check", help=_("verify integrity, encryption and the ledger chain"))
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("passwd", help=_("change the passphrase"))
    p.add_argument("--new-passphrase-file", required=True, metavar="F")
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("rekey", help=_("re-encrypt everything under a new random key"))
    p.set_defaults(handler=cmd_rekey)

    p = sub.add_parser("backup", help=_("write an encrypted, verified backup file"))
    p.add_argument("out", metavar="OUT")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help=_("restore a backup into a new vault folder"))
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument("--to", required=True, metavar="PATH")
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("demo", help=_("create a demo vault with synthetic data"))
    p.add_argument("path", metavar="PATH")
    p.add_argument("--small", action="store_true", help=_("a smaller demo (faster, for tests)"))
    p.set_defaults(handler=cmd_demo)
    register_erase(sub)


def cmd_init(args, ctx) -> int:
    path = ctx.vault_path()
    Vault.create(path, ctx.passphrase(_("New passphrase: ")), union_name=args.union_name).close()
    print(_("Vault created: {path}").format(path=str(path)))
    return 0


def vault_info(vault: Vault) -> dict:
    tables = [r[0] for r in vault.query(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
    counts = {}
    for t in ("person", "workplace", "ledger_entry", "consultation", "claim_case", "evidence"):
        if t in tables:
            counts[t] = vault.scalar(f'SELECT count(*) FROM "{t}"')
    return {
        "app_version": __version__,
        "path": str(vault.folder),
        "union_name": vault.union_name,
        "vault_uid": vault.header.vault_uid,
        "schema_version": vault.schema_version,
        "cipher_version": vault.scalar("PRAGMA cipher_version"),
        "kdf": vault.header.kdf,
        "counts": counts,
    }


def cmd_info(args, ctx) -> int:
    info = vault_info(ctx.open_vault())
    if args.json:
        ctx.emit_json(info)
    else:
        print(_("Union: {name}").format(name=info["union_name"]))
        print(_("Vault: {path}").format(path=info["path"]))
        print(_("Schema version: {v}; SQLCipher {c}").format(v=info["schema_version"], c=info["cipher_version"]))
        for k, v in info["counts"].items():
            print(f"  {k}: {v}")
    return 0


def cmd_check(args, ctx) -> int:
    results = run_checks(ctx.open_vault())
    ok = all(r.ok for r in results)
    if args.json:
        ctx.emit_json({"ok": ok, "checks": [r.__dict__ for r in results]})
    else:
        for r in results:
            print(("\u2713 " if r.ok else "\u2717 ") + r.message)
    return 0 if ok else 1


def cmd_passwd(args, ctx) -> int:
    try:
        new = Path(args.new_passphrase_file).read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError, UnicodeDecodeError):
        raise UnionkitError(_("Cannot read a passphrase from {path}.").format(
            path=args.new_passphrase_file)) from None
    old = ctx.passphrase()
    vault = ctx.open_vault()
    vault.change_passphrase(old, new)
    print(_("Passphrase changed."))
    return 0


def cmd_rekey(args, ctx) -> int:
    passphrase = ctx.passphrase()
    ctx.open_vault().rekey(passphrase)
    print(_("The vault was re-encrypted under a new key. Old backups still open with their old passphrase."))
    return 0


def cmd_backup(args, ctx) -> int:
    info = create_backup(ctx.open_vault(), Path(args.out))
    print(_("Backup written and verified: {path} ({size} bytes)").format(path=str(info.path), size=info.size))
    return 0


def cmd_restore(args, ctx) -> int:
    to = restore_backup(Path(args.backup), ctx.passphrase(), Path(args.to))
    print(_("Backup restored to {path}").format(path=str(to)))
    return 0


def cmd_demo(args, ctx) -> int:
    from unionkit.demo import DEMO_PASSPHRASE, create_demo

    path = Path(args.path)
    create_demo(path, small=args.small)
    print(_("Demo vault created: {path}").format(path=str(path)))
    print(_("Demo passphrase: {p}").format(p=DEMO_PASSPHRASE))
    return 0


def register_erase(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("erase", help=_("quick delete: destroy the vault's keys and files (cannot be undone)"))
    p.add_argument("--yes-destroy-everything", action="store_true", required=True,
                   help=_("required: confirms that the vault and its local backups are destroyed"))
    p.set_defaults(handler=cmd_erase)


def cmd_erase(args, ctx) -> int:
    from unionkit.vault.erase import crypto_erase

    crypto_erase(ctx.vault_path())
    print(_("The vault's keys were destroyed and its files deleted. Backups stored elsewhere still open "
            "with their own passphrase."))
    return 0
