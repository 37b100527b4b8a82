"""Reading user-edited TOML files with precise, friendly problems.

``tomllib`` reports syntax errors with a line but keeps no positions for values, so
:class:`TomlSource` finds the line of a value by scanning the text for the table entry that
holds it (a card's ``id = "..."`` line) and then for the key below it.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
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
            for i, other in headers[k + 1 :]:
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

    @cached_property
    def id_lines(self) -> dict[str, list[int]]:
        """1-based lines of every ``id = "..."``, by id (duplicates are found in one pass)."""
        found: dict[str, list[int]] = {}
        for i, line in enumerate(self.lines):
            match = _ID_LINE.match(line)
            if match:
                found.setdefault(match.group(2), []).append(i + 1)
        return found

    def entry_range(
        self, section: str, *, anchor_id: str | None = None, nth: int = 0, within: tuple[int, int] | None = None
    ) -> tuple[int, int] | None:
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


def parse_toml_bytes(path: Path | str, raw: bytes) -> tuple[TomlSource | None, dict[str, Any] | None, list[Problem]]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return (
            None,
            None,
            [Problem(str(path), line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x}); save the file as UTF-8")],
        )
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
    except RecursionError:
        return source, None, [Problem(str(path), _deepest_line(source), _TOO_DEEP)]
    texts, too_deep = _walk_text(data)
    if too_deep:
        return source, None, [Problem(str(path), _deepest_line(source), _TOO_DEEP)]
    finder = _TextFinder(source)
    problems = [source.problem(finder.line_of(value), msg) for value, msg in texts]
    return source, data, problems


MAX_DEPTH = 32  # tables and lists inside each other; our files need four
_TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep (tables or lists inside each other); not a file of ours"


def _walk_text(data: Any) -> tuple[list[tuple[str, str]], bool]:
    """(value, message) for every string that cannot be shown on the console, and whether
    the data is nested too deeply. A loop with its own stack: a hostile file cannot exhaust
    Python's recursion limit."""
    found: list[tuple[str, str]] = []
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        node, where, depth = stack.pop()
        if depth > MAX_DEPTH:
            return found, True
        if isinstance(node, str):
            msg = text_problem(node)
            if msg:
                found.append((node, f"{where}: {msg}" if where else msg))
        elif isinstance(node, dict):
            children = [(value, f"{where}.{key}" if where else str(key), depth + 1) for key, value in node.items()]
            stack.extend(reversed(children))
        elif isinstance(node, list):
            stack.extend(reversed([(value, f"{where}[{i}]", depth + 1) for i, value in enumerate(node)]))
    return found, False


def _deepest_line(source: TomlSource) -> int:
    """The first line where brackets or dotted names go deeper than ``MAX_DEPTH``."""
    depth = 0
    for number, line in enumerate(source.lines, 1):
        if line.count(".") > MAX_DEPTH:
            return number
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return number
            elif ch in "]}":
                depth = max(0, depth - 1)
    return 1


class _TextFinder:
    """The line of a text value. Problems come in file order, so each search starts where
    the last one ended; checking a file stays linear however many problems it has."""

    def __init__(self, source: TomlSource):
        self.text = source.text
        self.starts = [0]
        for line in source.lines:
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.cursor = 0

    def line_of(self, value: str) -> int:
        for probe in _probes(value[:40]):
            at = self.text.find(probe, self.cursor)
            if at < 0:
                at = self.text.find(probe)
            if at >= 0:
                self.cursor = at
                return bisect_right(self.starts, at)
        return 0


def _probes(value: str) -> list[str]:
    """How the value may be written in the file: as it is, or with TOML escapes
    (``\\u001b`` or ``\\u001B``) for the characters a file cannot hold raw."""

    def escaped(form: str) -> str:
        return "".join(form.format(ord(ch)) if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 else ch for ch in value)

    lower = escaped("\\u{:04x}")
    return [value] if lower == value else [value, lower, escaped("\\u{:04X}")]
