"""Read a stored blob ahead of its consumer: a thread fetches (and SQLCipher decrypts) the next chunks
while the caller hashes and writes the current one (both release the GIL, so two cores overlap)."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from unionkit.vault import Vault
from unionkit.vault.blobs import iter_chunks

_END = object()


def prefetched_chunks(vault: Vault, blob_id: int, depth: int = 3) -> Iterator[bytes]:
    q: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def reader() -> None:
        try:
            for chunk in iter_chunks(vault, blob_id):
                while not stop.is_set():
                    try:
                        q.put(chunk, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(_END)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the consumer
            q.put(exc)

    t = threading.Thread(target=reader, daemon=True, name="blob-prefetch")
    t.start()
    try:
        while True:
            item = q.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        t.join(timeout=5)
