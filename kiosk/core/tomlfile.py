"""Reading user-edited TOML files with precise, friendly problems.

``tomllib`` reports syntax errors with a line but keeps no positions for values, so
:class:`TomlSource` finds the line of a value by scanning the text for the table entry that
holds it (a card's ``id = "..."`` line) and then for the key below it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
import tomllib
from functools import cached_property
from pathlib import Path
from typing import Any

from .problems import Problem
from .text import text_problem

_LINE_RE = re.compile(r"at line (\d+)")


class TomlSource:
    """The raw text of one TOML file plus helpers that locate keys in it."""

    def __init__(self, path: Path | str, text: str):
        self.path = str(path)
        self.text = text
        self.lines = text.splitlines()

    # -- locating values ---------------------------------------------------------------
    # The header lines are indexed once and the entries of each array of tables once, so
    # that pointing at a line stays linear in the size of the file (a deck of thousands of
    # cards is checked in well under a second).
    @cached_property
    def _headers(self) -> list[tuple[int, str]]:
        return [(i, name) for i, line in enumerate(self.lines) if (name := _header_name(line)) is not None]

    @cached_property
    def _header_lines(self) -> list[int]:
        return [i for i, _ in self._headers]

    def _entries(self, section: str, within: tuple[int, int] | None) -> list[tuple[int, int]]:
        key = (section, within)
        cache = self.__dict__.setdefault("_entry_cache", {})
        if key in cache:
            return cache[key]
        lo, hi = within if within else (0, len(self.lines))
        first = bisect_left(self._header_lines, lo)
        last = bisect_left(self._header_lines, hi)
        headers = self._headers[first:last]
        spans = []
        for k, (begin, name) in enumerate(headers):
            if name != section:
                continue
            end = hi
            for i, other in headers[k + 1:]:
                if not other.startswith(section + "."):
                    end = i
                    break
            spans.append((begin, end))
        cache[key] = spans
        return spans

    def _ids(self, section: str) -> dict[str, tuple[int, int]]:
        cache = self.__dict__.setdefault("_id_cache", {})
        if section not in cache:
            ids: dict[str, tuple[int, int]] = {}
            for begin, end in self._entries(section, None):
                for i in range(begin, end):
                    if i > begin and _header_name(self.lines[i]) is not None:
                        break
                    match = _ID_LINE.match(self.lines[i])
                    if match:
                        ids.setdefault(match.group(2), (begin, end))
                        break
            cache[section] = ids
        return cache[section]

    def entry_range(self, section: str, *, anchor_id: str | None = None, nth: int = 0,
                    within: tuple[int, int] | None = None) -> tuple[int, int] | None:
        """0-based [start, end) of one entry of an array of tables such as ``cards``:
        the one whose ``id`` is ``anchor_id``, or else the ``nth`` one. The entry runs up
        to the next header that is not one of its own sub-tables (``[[cards.steps]]``)."""
        if anchor_id is not None and within is None:
            return self._ids(section).get(anchor_id)
        spans = self._entries(section, within)
        return spans[nth] if 0 <= nth < len(spans) else None

    def key_line(self, key: str, span: tuple[int, int] | None) -> int:
        """1-based line of ``key = ...`` directly inside ``span`` (not in its sub-tables);
        the span's first line when the key is absent; 0 without a span."""
        if span is None:
            return 0
        begin, end = span
        rx = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=') if key else None
        for i in range(begin, end):
            if i > begin and _header_name(self.lines[i]) is not None:
                break
            if rx is not None and rx.match(self.lines[i]):
                return i + 1
        return begin + 1

    def table_span(self, name: str) -> tuple[int, int] | None:
        """0-based span of a plain table such as ``[deck]`` (or the top level for "")."""
        if name == "":
            for i, line in enumerate(self.lines):
                if _header_name(line) is not None:
                    return 0, i
            return 0, len(self.lines)
        for i, line in enumerate(self.lines):
            if line.strip().startswith("[") and not line.strip().startswith("[[") and _header_name(line) == name:
                for j in range(i + 1, len(self.lines)):
                    if _header_name(self.lines[j]) is not None:
                        return i, j
                return i, len(self.lines)
        return None

    def problem(self, line: int, message: str) -> Problem:
        return Problem(self.path, line, message)


_ID_LINE = re.compile(r"""^\s*id\s*=\s*(["'])(.*?)\1""")
_HEADER_RE = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")


def _header_name(line: str) -> str | None:
    match = _HEADER_RE.match(line)
    return match.group(1).replace('"', "").replace(" ", "") if match else None


def read_toml(path: Path | str) -> tuple[TomlSource | None, dict[str, Any] | None, list[Problem]]:
    """Read a TOML file: (source, data, problems). ``data`` is None when unreadable."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        return None, None, [Problem(str(path), 0, "file not found")]
    except IsADirectoryError:
        return None, None, [Problem(str(path), 0, "is a directory, expected a .toml file")]
    except OSError as exc:
        return None, None, [Problem(str(path), 0, f"cannot read file: {exc.strerror or exc}")]
    return parse_toml_bytes(path, raw)


def parse_toml_bytes(
    path: Path | str, raw: bytes
) -> tuple[TomlSource | None, dict[str, Any] | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, None, [
            Problem(str(path), line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")
        ]
    if text.startswith("\ufeff"):
        text = text[1:]
    source = TomlSource(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _LINE_RE.search(str(exc))
        line = int(match.group(1)) if match else 0
        message = _LINE_RE.sub("", str(exc)).replace("(, column", "(column").strip()
        message = re.sub(r"\s*\(\s*column \d+\)", "", message).strip() or "invalid TOML"
        return source, None, [Problem(str(path), line, f"TOML syntax error: {message}")]
    problems = [
        source.problem(_line_of_text(source, value), msg)
        for where, value, msg in _walk_text(data, "")
        if msg
    ]
    return source, data, problems


def _walk_text(node: Any, where: str):
    """Yield (where, value, message) for every string that cannot be shown on the console."""
    if isinstance(node, str):
        msg = text_problem(node)
        if msg:
            yield where, node, f"{where}: {msg}" if where else msg
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _walk_text(value, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk_text(value, f"{where}[{i}]")


def _line_of_text(source: TomlSource, value: str) -> int:
    probe = value[:40]
    for i, line in enumerate(source.lines):
        if probe in line:
            return i + 1
    return 0
