"""The vault's key header: Argon2id over the passphrase wraps the random database key (AES-GCM).

Design (SECURITY.md 1.6, as Tella Desktop): a random 32-byte data-encryption key (DEK) is what
SQLCipher gets, as a raw hex key; the passphrase never reaches SQL text. The header stores the DEK
wrapped with AES-256-GCM under a key derived by Argon2id, with the header fields as associated data.

- A wrong passphrase fails the GCM tag; a damaged header fails its SHA-256 checksum first, so the
  two get different messages.
- Two copies (``key.hdr`` and ``key.hdr.bak``), each with a generation number: the newest copy
  whose checksum holds is authoritative, so a passphrase change (one atomic rename) is crash-safe:
  exactly one of the old and new passphrases opens the vault afterwards.
- During a full rekey the header carries the new DEK as ``pending`` until the database is rekeyed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from unionkit.errors import DamagedVault, NewerVault, NotAVault, WrongPassphrase
from unionkit.fsutil import write_private
from unionkit.i18n import _

MAGIC = "unionkit-vault-key"
FORMAT_VERSION = 1
HEADER_NAMES = ("key.hdr", "key.hdr.bak")

# RFC 9106 second option (p=4) made costlier: 128 MiB and t=4. 64 MiB, t=3 took only 0.19 s on
# this 2-core machine, below the 0.5-1 s SECURITY R3 asks for; this takes ~0.5 s. More memory
# (rather than more passes) is what makes GPU guessing expensive.
REAL_KDF = {"alg": "argon2id", "memory_kib": 131072, "time_cost": 4, "parallelism": 4}
# Only for the test-suite, and only when UNIONKIT_TEST_FAST_KDF=1 is set explicitly.
TEST_KDF = {"alg": "argon2id", "memory_kib": 1024, "time_cost": 1, "parallelism": 1}


def default_kdf() -> dict:
    return dict(TEST_KDF if os.environ.get("UNIONKIT_TEST_FAST_KDF") == "1" else REAL_KDF)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def _unb64(s: str) -> bytes:
    return base64.b64decode(s.encode("ascii"), validate=True)


@dataclass
class WrappedKey:
    salt: str
    nonce: str
    ciphertext: str


@dataclass
class Header:
    vault_uid: str
    generation: int
    kdf: dict
    key: WrappedKey
    pending: WrappedKey | None = None
    version: int = FORMAT_VERSION
    magic: str = MAGIC
    extra: dict = field(default_factory=dict)

    def body(self) -> dict:
        d = asdict(self)
        return d

    def aad(self) -> bytes:
        """Associated data: everything that must not be swapped under the wrapped key."""
        return json.dumps({"magic": self.magic, "version": self.version, "vault_uid": self.vault_uid,
                           "kdf": self.kdf}, sort_keys=True).encode()

    def to_bytes(self) -> bytes:
        body = json.dumps(self.body(), sort_keys=True, separators=(",", ":"))
        checksum = hashlib.sha256(body.encode()).hexdigest()
        return json.dumps({"body": body, "sha256": checksum}).encode() + b"\n"


def derive_kek(passphrase: str, salt: bytes, kdf: dict) -> bytes:
    if kdf.get("alg") != "argon2id":
        raise DamagedVault(_("The vault header names an unknown key derivation."))
    secret = bytearray(passphrase.encode("utf-8"))
    try:
        return hash_secret_raw(bytes(secret), salt, time_cost=int(kdf["time_cost"]),
                               memory_cost=int(kdf["memory_kib"]), parallelism=int(kdf["parallelism"]),
                               hash_len=32, type=Type.ID)
    finally:
        for i in range(len(secret)):
            secret[i] = 0


def wrap(dek: bytes, passphrase: str, kdf: dict, aad: bytes) -> WrappedKey:
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = derive_kek(passphrase, salt, kdf)
    ct = AESGCM(kek).encrypt(nonce, dek, aad)
    return WrappedKey(_b64(salt), _b64(nonce), _b64(ct))


def unwrap(wk: WrappedKey, passphrase: str, kdf: dict, aad: bytes) -> bytes:
    kek = derive_kek(passphrase, _unb64(wk.salt), kdf)
    try:
        return AESGCM(kek).decrypt(_unb64(wk.nonce), _unb64(wk.ciphertext), aad)
    except InvalidTag:
        raise WrongPassphrase(_("Wrong passphrase.")) from None


def parse(data: bytes) -> Header:
    """Parse one header copy; raise NotAVault / DamagedVault / NewerVault."""
    try:
        outer = json.loads(data.decode("utf-8"))
        body_text = outer["body"]
        checksum = outer["sha256"]
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        raise DamagedVault(_("The vault's key header is damaged.")) from None
    if hashlib.sha256(body_text.encode()).hexdigest() != checksum:
        raise DamagedVault(_("The vault's key header is damaged (checksum mismatch)."))
    body = json.loads(body_text)
    if body.get("magic") != MAGIC:
        raise NotAVault(_("This is not a unionkit vault."))
    if int(body.get("version", 0)) > FORMAT_VERSION:
        raise NewerVault(_("This vault was made by a newer version of unionkit. Update the app to open it."))
    try:
        pending = body.get("pending")
        return Header(vault_uid=body["vault_uid"], generation=int(body["generation"]), kdf=body["kdf"],
                      key=WrappedKey(**body["key"]), pending=WrappedKey(**pending) if pending else None,
                      version=int(body["version"]), magic=body["magic"], extra=body.get("extra", {}))
    except (KeyError, TypeError, ValueError):
        raise DamagedVault(_("The vault's key header is damaged.")) from None


def read_best(folder: Path) -> tuple[Header, list[str]]:
    """Return the newest intact header copy and the names of damaged or stale copies."""
    found: list[tuple[Header, str]] = []
    errors: list[Exception] = []
    bad: list[str] = []
    present = 0
    for name in HEADER_NAMES:
        p = folder / name
        if not p.exists():
            bad.append(name)
            continue
        present += 1
        try:
            found.append((parse(p.read_bytes()), name))
        except (NotAVault, NewerVault):
            raise
        except DamagedVault as exc:
            errors.append(exc)
            bad.append(name)
    if not present:
        raise NotAVault(_("This is not a unionkit vault: no key header in {path}.").format(path=str(folder)))
    if not found:
        raise DamagedVault(_("The vault is damaged: both copies of its key header are unreadable. "
                             "Restore it from a backup (File \u2192 Restore backup)."))
    found.sort(key=lambda hn: hn[0].generation, reverse=True)
    best, _name = found[0]
    stale = [n for h, n in found if h.generation != best.generation]
    return best, bad + stale


def write_both(folder: Path, header: Header) -> None:
    """Write the primary copy (atomic rename), then the backup copy."""
    data = header.to_bytes()
    write_private(folder / HEADER_NAMES[0], data)
    write_private(folder / HEADER_NAMES[1], data)
