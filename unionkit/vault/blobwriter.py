"""Write a stream into the encrypted file store (see ``blobfiles``) as a three-stage pipeline.

A reader thread reads 4 MiB pieces and feeds SHA-256 (over the original bytes, as read), the calling
thread encrypts them with AES-256-GCM, a writer thread writes them with big writes and asks the
kernel to start write-back at once (``sync_file_range`` on Linux), so the final ``fsync`` has little
left to do. hashlib, the ``cryptography`` AEAD and file I/O all release the GIL: on 2 cores the
stages overlap. Progress is reported per piece; ``cancelled()`` is checked per piece, and a cancel or
any error removes the file.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import queue
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from unionkit.fsutil import fsync_dir
from unionkit.vault import blobfiles
from unionkit.vault.blobfiles import Descriptor

_END = object()
_DEPTH = 3


class SourceError(Exception):
    """Reading the source failed; ``error`` is the OSError (the caller words the message)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def _start_writeback() -> Callable[[int, int, int], None]:
    if not sys.platform.startswith("linux"):
        return lambda fd, off, n: None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.sync_file_range
        fn.argtypes = [ctypes.c_int, ctypes.c_longlong, ctypes.c_longlong, ctypes.c_uint]
    except (OSError, AttributeError):  # pragma: no cover - not glibc/musl
        return lambda fd, off, n: None
    return lambda fd, off, n: fn(fd, off, n, 2)  # SYNC_FILE_RANGE_WRITE: start, do not wait


_writeback = _start_writeback()


@dataclass
class StagedFile:
    """A fully written and fsynced file, not yet referenced by a committed ``blob`` row."""

    path: Path
    descriptor: Descriptor
    sha256: str

    @property
    def size(self) -> int:
        return self.descriptor.size

    def discard(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


def _put(q: queue.Queue, item, stop: threading.Event) -> bool:
    while not stop.is_set():
        try:
            q.put(item, timeout=0.05)
            return True
        except queue.Full:
            continue
    return False


def _get(q: queue.Queue, werrors: list):
    """The next piece from the reader; raises the writer's error as soon as there is one."""
    while True:
        if werrors:
            raise werrors[0]
        try:
            return q.get(timeout=0.05)
        except queue.Empty:
            continue


def _reader(fh: BinaryIO, chunk: int, out: queue.Queue, h, stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            data = fh.read(chunk)
            if not data:
                break
            while len(data) < chunk:  # a pipe or socket may return short reads
                more = fh.read(chunk - len(data))
                if not more:
                    break
                data += more
            h.update(data)
            if not _put(out, data, stop):
                return
        _put(out, _END, stop)
    except OSError as exc:
        _put(out, SourceError(exc), stop)


def _writer(fd: int, off: int, inq: queue.Queue, errors: list, stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            try:
                item = inq.get(timeout=0.05)
            except queue.Empty:
                continue
            if item is _END:
                return
            view = memoryview(item)
            while view:
                n = os.write(fd, view)
                view = view[n:]
            _writeback(fd, off, len(item))
            off += len(item)
    except OSError as exc:
        errors.append(exc)
        stop.set()


def write_stream(vault_folder: Path, fh: BinaryIO, *, total: int | None = None,
                 progress: Callable[[float], None] | None = None,
                 cancelled: Callable[[], bool] | None = None,
                 on_cancel: Callable[[], Exception] | None = None) -> StagedFile:
    """Encrypt ``fh`` into a new file under ``blobs/``; returns it fsynced (not yet referenced).

    Raises :class:`SourceError` when reading fails, the OSError of a failed write (e.g. ENOSPC),
    or ``on_cancel()`` when ``cancelled()`` turns true. The file is removed in every such case."""
    path, fd = blobfiles.new_file(vault_folder)
    file_id = bytes.fromhex(path.name[:32])
    key = os.urandom(32)
    aead = AESGCM(key)
    chunk = blobfiles.CHUNK
    header = blobfiles.header_bytes(file_id, chunk)
    h = hashlib.sha256()
    stop = threading.Event()
    inq: queue.Queue = queue.Queue(maxsize=_DEPTH)
    outq: queue.Queue = queue.Queue(maxsize=_DEPTH)
    werrors: list[OSError] = []
    reader = threading.Thread(target=_reader, args=(fh, chunk, inq, h, stop), daemon=True, name="blob-read")
    writer = threading.Thread(target=_writer, args=(fd, len(header), outq, werrors, stop), daemon=True,
                              name="blob-write")
    ok = False
    try:
        os.write(fd, header)
        reader.start()
        writer.start()
        size = index = 0
        pending: bytes | None = None
        while True:
            item = _get(inq, werrors)
            if isinstance(item, SourceError):
                raise item
            if cancelled is not None and cancelled():
                raise on_cancel() if on_cancel else InterruptedError("cancelled")
            final = item is _END
            if pending is not None or final:
                piece = b"" if pending is None else pending
                size += len(piece)
                if len(piece) < chunk:  # only the last piece can be short: pad it (hides the exact size)
                    piece += bytes(chunk - len(piece))
                nonce, aad = blobfiles.nonce_aad(header, index, final)
                if not _put(outq, aead.encrypt(nonce, piece, aad), stop):
                    raise werrors[0] if werrors else OSError(errno.EIO, "write stopped")
                index += 1
                if progress is not None and total:
                    progress(min(1.0, size / total))
            if final:
                break
            pending = item
        _put(outq, _END, stop)
        writer.join()
        if werrors:
            raise werrors[0]
        os.fsync(fd)
        fsync_dir(path.parent)
        ok = True
    finally:
        stop.set()
        for t in (reader, writer):
            while t.is_alive():
                for q in (inq, outq):
                    with contextlib.suppress(queue.Empty):
                        q.get_nowait()
                t.join(0.01)
        os.close(fd)
        if not ok:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
    if progress is not None:
        progress(1.0)
    return StagedFile(path, Descriptor(path.name, key, size, chunk), h.hexdigest())
