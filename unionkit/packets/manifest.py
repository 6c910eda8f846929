"""Packet manifest: SHA-256 of every file, in ``sha256sum`` format (``sha256sum -c MANIFEST.sha256`` works),
signed with the vault's Ed25519 key in minisign format (SECURITY.md R25), and the verifier."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from unionkit import __version__
from unionkit.errors import UnionkitError
from unionkit.fsutil import write_private
from unionkit.i18n import _
from unionkit.vault import Vault

MANIFEST = "MANIFEST.sha256"
SIGNATURE = MANIFEST + ".minisig"
PUBKEY = "unionkit-packet.pub"
_KEY_SETTING = "packets.signing_key"


def sha256_file(path: Path, bufsize: int = 4 * 1024 * 1024) -> str:
    h = hashlib.sha256()
    with open(path, "rb", buffering=0) as fh:
        while chunk := fh.read(bufsize):
            h.update(chunk)
    return h.hexdigest()


def write_manifest(folder: Path, hashes: dict[str, str]) -> Path:
    """``hashes``: path relative to ``folder`` (POSIX) -> sha256."""
    lines = "".join(f"{h}  {name}\n" for name, h in sorted(hashes.items()))
    out = Path(folder) / MANIFEST
    write_private(out, lines.encode("utf-8"))
    return out


def read_manifest(folder: Path) -> dict[str, str]:
    path = Path(folder) / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        raise UnionkitError(_("No {name} in {folder}: this is not a unionkit packet folder.").format(
            name=MANIFEST, folder=str(folder))) from None
    out = {}
    for line in text.splitlines():
        if line.strip():
            digest, _sep, name = line.partition("  ")
            out[name] = digest.strip().lower()
    return out


# -- minisign-compatible Ed25519 signatures --------------------------------------------------------
def _signing_key(vault: Vault):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    raw = vault.get_setting(_KEY_SETTING)
    if raw:
        data = base64.b64decode(raw)
        return data[:8], Ed25519PrivateKey.from_private_bytes(data[8:])
    key_id, key = os.urandom(8), Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives import serialization as s

    priv = key.private_bytes(s.Encoding.Raw, s.PrivateFormat.Raw, s.NoEncryption())
    vault.set_setting(_KEY_SETTING, base64.b64encode(key_id + priv).decode())
    return key_id, key


def public_key_text(vault: Vault) -> str:
    from cryptography.hazmat.primitives import serialization as s

    key_id, key = _signing_key(vault)
    pub = key.public_key().public_bytes(s.Encoding.Raw, s.PublicFormat.Raw)
    return ("untrusted comment: minisign public key " + key_id[::-1].hex().upper() + "\n"
            + base64.b64encode(b"Ed" + key_id + pub).decode() + "\n")


def sign_file(vault: Vault, path: Path) -> Path:
    """Write ``path.minisig`` (prehashed BLAKE2b-512, 'ED'), with a trusted comment."""
    key_id, key = _signing_key(vault)
    digest = hashlib.blake2b(Path(path).read_bytes(), digest_size=64).digest()
    sig = key.sign(digest)
    when = int(dt.datetime.now(dt.UTC).timestamp())
    trusted = f"timestamp:{when}\tfile:{Path(path).name}\tunionkit {__version__}"
    global_sig = key.sign(sig + trusted.encode())
    text = ("untrusted comment: signature from unionkit\n" + base64.b64encode(b"ED" + key_id + sig).decode()
            + "\ntrusted comment: " + trusted + "\n" + base64.b64encode(global_sig).decode() + "\n")
    out = Path(str(path) + ".minisig")
    write_private(out, text.encode())
    return out


def verify_signature(path: Path, sig_path: Path, pub_text: str) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        pub = base64.b64decode(pub_text.strip().splitlines()[-1])
        lines = Path(sig_path).read_text(encoding="utf-8").splitlines()
        sig_blob = base64.b64decode(lines[1])
        trusted = lines[2].removeprefix("trusted comment: ")
        global_sig = base64.b64decode(lines[3])
        if pub[:2] != b"Ed" or sig_blob[2:10] != pub[2:10]:
            return False
        key = Ed25519PublicKey.from_public_bytes(pub[10:42])
        data = Path(path).read_bytes()
        msg = hashlib.blake2b(data, digest_size=64).digest() if sig_blob[:2] == b"ED" else data
        key.verify(sig_blob[10:74], msg)
        key.verify(global_sig, sig_blob[10:74] + trusted.encode())
        return True
    except (InvalidSignature, ValueError, IndexError, OSError):
        return False


# -- verification --------------------------------------------------------------------------------
@dataclass
class VerifyResult:
    folder: str
    checked: int = 0
    mismatched: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    zip_problems: list[str] = field(default_factory=list)
    signature: str = "absent"  # "valid", "invalid" or "absent"

    @property
    def ok(self) -> bool:
        return not (self.mismatched or self.missing or self.unlisted or self.zip_problems) and \
            self.signature != "invalid"

    def as_json(self) -> dict:
        return {"ok": self.ok, "folder": self.folder, "checked": self.checked, "mismatched": self.mismatched,
                "missing": self.missing, "unlisted": self.unlisted, "zip_problems": self.zip_problems,
                "signature": self.signature}


_OWN = {MANIFEST, SIGNATURE, PUBKEY}


def verify(folder: Path, pubkey: str | None = None) -> VerifyResult:
    """Check every file listed in the manifest, the files next to it, the ZIP copy and the signature."""
    folder = Path(folder)
    if folder.is_file() and folder.suffix.lower() == ".zip":
        return verify_zip_only(folder)
    if not (folder / MANIFEST).exists():
        subs = [p for p in folder.iterdir() if (p / MANIFEST).exists()] if folder.is_dir() else []
        if len(subs) == 1:
            folder = subs[0]
    listed = read_manifest(folder)
    res = VerifyResult(str(folder))
    for name, digest in listed.items():
        p = folder / name
        if not p.is_file():
            res.missing.append(name)
            continue
        res.checked += 1
        if sha256_file(p) != digest:
            res.mismatched.append(name)
    for p in folder.rglob("*"):
        rel = p.relative_to(folder).as_posix()
        if p.is_file() and rel not in listed and rel not in _OWN and not (p.parent == folder and
                                                                            p.suffix == ".zip"):
            res.unlisted.append(rel)
    for z in folder.glob("*.zip"):
        res.zip_problems += _verify_zip(z, listed)
    if (folder / SIGNATURE).exists():
        pub = pubkey or ((folder / PUBKEY).read_text(encoding="utf-8") if (folder / PUBKEY).exists() else "")
        res.signature = "valid" if pub and verify_signature(folder / MANIFEST, folder / SIGNATURE, pub) \
            else "invalid"
    return res


def _verify_zip(path: Path, listed: dict[str, str]) -> list[str]:
    problems = []
    try:
        with zipfile.ZipFile(path) as z:
            names = {i.filename.split("/", 1)[-1]: i for i in z.infolist() if not i.is_dir()}
            for name, digest in listed.items():
                info = names.get(name)
                if info is None:
                    problems.append(f"{path.name}: {name} missing")
                    continue
                h = hashlib.sha256()
                with z.open(info) as fh:
                    while chunk := fh.read(4 * 1024 * 1024):
                        h.update(chunk)
                if h.hexdigest() != digest:
                    problems.append(f"{path.name}: {name}")
    except (zipfile.BadZipFile, OSError):
        problems.append(f"{path.name}: unreadable")
    return problems


def verify_zip_only(path: Path) -> VerifyResult:
    """A recipient who only has the ZIP: check its members against the manifest inside it."""
    res = VerifyResult(str(path))
    try:
        with zipfile.ZipFile(path) as z:
            names = [n for n in z.namelist() if n.split("/", 1)[-1] == MANIFEST]
            if not names:
                raise UnionkitError(_("No {name} in {folder}: this is not a unionkit packet folder.").format(
                    name=MANIFEST, folder=str(path)))
            listed = {}
            for line in z.read(names[0]).decode("utf-8").splitlines():
                if line.strip():
                    digest, _sep, name = line.partition("  ")
                    listed[name] = digest.strip().lower()
    except (zipfile.BadZipFile, OSError):
        raise UnionkitError(_("{path} is not a readable ZIP file.").format(path=str(path))) from None
    res.checked = len(listed)
    for problem in _verify_zip(path, listed):
        (res.missing if problem.endswith(" missing") else res.zip_problems).append(problem)
    return res
