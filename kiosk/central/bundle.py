"""Bundles, for kiosks that never see the network: ``innovationslek export --bundle FILE``
writes everything ready to leave the kiosk into one file, ``innovationslek import FILE --to
URL`` delivers it with the same rule as ``sync`` (whole sessions per transaction, ``ON
CONFLICT DO NOTHING`` on the global ids), so importing a bundle twice, or two bundles that
overlap, stores every row once.

The file is gzip-compressed JSON with a SHA-256 of its content; a cut, damaged or foreign
file is refused before anything is written.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..core.atomic import write_atomic
from .outbox import BATCH_ROWS, TABLES, Batch, Outbox
from .pg import CentralError, connect, driver_errors, lost
from .schema import ready
from .settings import CentralSettings
from .sync import Hook, SyncResult, send_batches

MAGIC = "innovationslek-bundle"
VERSION = 1
# Columns per table, kiosk id first, as in Batch and the central tables.
WIDTHS = {"sessions": 11, "ballots": 8, "card_events": 7, "exercises": 8, "plans": 7}
NO_CENTRAL = "bundle"  # the outbox takes everything ready, whatever any database acknowledged


class BundleError(ValueError):
    """The file is not a bundle this version can read; the message says why."""


@dataclass(frozen=True)
class BundleInfo:
    kiosk_id: str
    counts: dict[str, int]


def _digest(tables: dict) -> str:
    return hashlib.sha256(json.dumps(tables, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def write_bundle(data_dir: Path | str, out: Path | str, settings: CentralSettings | None = None) -> BundleInfo:
    outbox = Outbox(data_dir, settings)
    try:
        tables: dict[str, list] = {name: [] for name in TABLES}
        for batch in outbox.batches(NO_CENTRAL):
            for name in TABLES:
                tables[name].extend(list(row) for row in getattr(batch, name))
        doc = {
            "format": MAGIC,
            "version": VERSION,
            "kiosk_id": outbox.kiosk_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "tables": tables,
            "sha256": _digest(tables),
        }
        payload = gzip.compress(json.dumps(doc, ensure_ascii=False).encode(), mtime=0)
        write_atomic(Path(out), payload)
        return BundleInfo(outbox.kiosk_id, {k: len(v) for k, v in tables.items()})
    finally:
        outbox.close()


def read_bundle(path: Path | str) -> tuple[str, dict[str, list]]:
    """(kiosk id, rows per table) of a bundle file, checked; or BundleError."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise BundleError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        doc = json.loads(gzip.decompress(raw).decode("utf-8"))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, ValueError):
        raise BundleError(f"{path} is not a bundle or is damaged (it does not unpack)") from None
    if not isinstance(doc, dict) or doc.get("format") != MAGIC:
        raise BundleError(f"{path} is not an innovationslek bundle")
    if doc.get("version") != VERSION:
        raise BundleError(f"{path} is a bundle of version {doc.get('version')}; this version reads {VERSION}")
    tables, kiosk = doc.get("tables"), doc.get("kiosk_id")
    if not isinstance(tables, dict) or not isinstance(kiosk, str) or _digest(tables) != doc.get("sha256"):
        raise BundleError(f"{path} is damaged (its checksum does not match)")
    for name, width in WIDTHS.items():
        rows = tables.get(name)
        if not isinstance(rows, list) or any(not isinstance(r, list) or len(r) != width or r[0] != kiosk for r in rows):
            raise BundleError(f"{path} is damaged (table {name})")
    return kiosk, tables


def _batches(tables: dict[str, list], batch_rows: int) -> Iterator[Batch]:
    """Whole sessions per batch, as the sync sends them; plans without a session last."""
    children: dict[int, dict[str, list]] = {}
    for name in ("ballots", "card_events", "exercises", "plans"):
        for row in tables[name]:
            if row[2] is not None:
                children.setdefault(row[2], {}).setdefault(name, []).append(tuple(row))
    batch = Batch()
    for row in tables["sessions"]:
        batch.sessions.append(tuple(row))
        for name, rows in children.pop(row[1], {}).items():
            getattr(batch, name).extend(rows)
        if batch.rows >= batch_rows:
            yield batch
            batch = Batch()
    if batch.rows:
        yield batch
    loose = [tuple(r) for r in tables["plans"] if r[2] is None]
    if loose:
        yield Batch(plans=loose)
    if children:
        raise BundleError("the bundle has rows of sessions it does not contain")


def import_bundle(path: Path | str, url: str, *, batch_rows: int = BATCH_ROWS, hook: Hook | None = None) -> SyncResult:
    kiosk, tables = read_bundle(path)
    # Check that every row belongs to a session in the file before anything is written.
    list(_batches(tables, batch_rows))
    conn = connect(url)
    try:
        try:
            ready(conn)
        except driver_errors() as exc:
            raise lost(exc, url) from None
        result = SyncResult()
        send_batches(conn, url, kiosk, _batches(tables, batch_rows), result, lambda b: None, hook)
        return result
    finally:
        conn.close()


__all__ = ["BundleError", "CentralError", "write_bundle", "read_bundle", "import_bundle"]
