"""Unexpected errors go to a log file in the data directory, never onto the screen."""

from __future__ import annotations

import logging
import logging.handlers
import re
import tempfile
import traceback
from pathlib import Path

from .paths import default_data_dir

LOG_NAME = "innovationslek.log"
LOG_MAX_BYTES = 1_000_000  # then the file rotates: at most LOG_BACKUPS + 1 files of this size
LOG_BACKUPS = 3
MAX_MESSAGE = 2000  # characters of one log message; the rest is cut
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_for_log(text: str, limit: int = MAX_MESSAGE) -> str:
    """Control characters (escape sequences, bidi overrides) written as \\xNN, so that
    showing the log in a terminal runs nothing; over-long text is cut."""
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text) - limit} more characters)"
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


class EscapingFormatter(logging.Formatter):
    """Every line is escaped: text from the network or from files cannot reach the
    terminal of whoever reads the log."""

    def format(self, record: logging.LogRecord) -> str:
        lines = super().format(record).split("\n")
        return "\n".join(escape_for_log(line) for line in lines)


def log_path(data_dir: Path | None = None) -> Path:
    return (data_dir or default_data_dir()) / LOG_NAME


def log_exception(exc: BaseException, data_dir: Path | None = None) -> Path:
    """Append the traceback to the log; fall back to the temp dir if the data dir is
    not writable. Returns the file written."""
    text = "".join(traceback.format_exception(exc))
    for target in (log_path(data_dir), Path(tempfile.gettempdir()) / LOG_NAME):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("a", encoding="utf-8") as fh:
                fh.write(text + "\n")
            return target
        except OSError:
            continue
    return Path(LOG_NAME)


def configure_logging(data_dir: Path) -> None:
    """Route ``logging`` to the log file (used by the app for warnings it recovers from),
    rotated by size. The web server's library logs there too, from warnings up (no line
    per request)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_path(data_dir), maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(EscapingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("kiosk")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    web = logging.getLogger("aiohttp")
    web.handlers[:] = [handler]
    web.setLevel(logging.WARNING)
    web.propagate = False
