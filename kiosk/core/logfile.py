"""Unexpected errors go to a log file in the data directory, never onto the screen."""

from __future__ import annotations

import logging
import tempfile
import traceback
from pathlib import Path

from .paths import default_data_dir

LOG_NAME = "innovationslek.log"


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
    """Route ``logging`` to the log file (used by the app for warnings it recovers from)."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(log_path(data_dir), encoding="utf-8")
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("kiosk")
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
