"""A typed reader for one TOML table that records problems instead of raising.

Loaders build domain objects in one pass: each ``get_*`` call returns a usable value (a
default when the field is missing or wrong) and records a problem that names the file, the
entry (e.g. ``card 'fem-varfor'``), the field and the line. ``finish()`` reports keys that
were never asked for, which are usually typos.
"""

from __future__ import annotations

from typing import Any

from .problems import Problem
from .tomlfile import TomlSource

_TYPE_NAMES = {
    bool: "true or false",
    str: "text",
    int: "a whole number",
    list: "a list",
    dict: "a table",
    float: "a decimal number",
}


class Fields:
    def __init__(
        self,
        source: TomlSource,
        table: Any,
        problems: list[Problem],
        *,
        where: str,
        span: tuple[int, int] | None = None,
    ):
        self.source = source
        self.problems = problems
        self.where = where  # e.g. "card 'fem-varfor'" or "[deck]"
        self.span = span  # the lines of this table in the file, for pointing at a key
        self.used: set[str] = set()
        if not isinstance(table, dict):
            self.report("", f"expected a table, got {_describe(table)}")
            table = {}
        self.table: dict[str, Any] = table

    # -- reporting ---------------------------------------------------------------------
    def line(self, key: str) -> int:
        return self.source.key_line(key, self.span)

    def report(self, key: str, message: str) -> None:
        field = f", field '{key}'" if key else ""
        self.problems.append(self.source.problem(self.line(key), f"{self.where}{field}: {message}"))

    # -- typed getters -----------------------------------------------------------------
    def _raw(self, key: str, required: bool) -> Any:
        self.used.add(key)
        if key not in self.table:
            if required:
                self.report(key, "missing")
            return None
        return self.table[key]

    def text(self, key: str, *, required: bool = True, max_len: int | None = None, default: str = "") -> str:
        value = self._raw(key, required)
        if value is None:
            return default
        if not isinstance(value, str):
            self.report(key, f"must be text, got {_describe(value)}")
            return default
        stripped = value.strip()
        if required and not stripped:
            self.report(key, "is empty")
        if max_len is not None and len(stripped) > max_len:
            self.report(key, f"is {len(stripped)} characters; at most {max_len} fit on the card")
        return stripped

    def integer(
        self,
        key: str,
        *,
        required: bool = True,
        minimum: int | None = None,
        maximum: int | None = None,
        default: int = 0,
    ) -> int:
        value = self._raw(key, required)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.report(key, f"must be a whole number, got {_describe(value)}")
            return default
        if minimum is not None and value < minimum:
            self.report(key, f"is {value}; must be at least {minimum}")
            return default if default >= (minimum or 0) else minimum
        if maximum is not None and value > maximum:
            self.report(key, f"is {value}; must be at most {maximum}")
            return maximum
        return value

    def boolean(self, key: str, *, required: bool = True, default: bool = False) -> bool:
        value = self._raw(key, required)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report(key, f"must be true or false, got {_describe(value)}")
            return default
        return value

    def choice(
        self, key: str, options: list[str] | tuple[str, ...], *, required: bool = True, default: str = ""
    ) -> str:
        value = self.text(key, required=required, default=default)
        if value and value not in options:
            self.report(key, f"'{value}' is not one of: {', '.join(options)}")
            return default
        return value

    def text_list(
        self,
        key: str,
        *,
        required: bool = True,
        max_items: int | None = None,
        max_len: int | None = None,
        min_items: int = 0,
    ) -> list[str]:
        value = self._raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.report(key, f"must be a list of text, got {_describe(value)}")
            return []
        items = [v.strip() for v in value]
        if any(not v for v in items):
            self.report(key, "has an empty item")
        if len(items) < min_items:
            self.report(key, f"has {len(items)} items; needs at least {min_items}")
        if max_items is not None and len(items) > max_items:
            self.report(key, f"has {len(items)} items; at most {max_items} fit")
        if max_len is not None:
            for v in items:
                if len(v) > max_len:
                    self.report(key, f"item '{v[:30]}...' is {len(v)} characters; at most {max_len}")
        return [v for v in items if v]

    def tables(self, key: str, *, required: bool = True) -> list[Any]:
        value = self._raw(key, required)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report(key, f"must be an array of tables ([[{key}]]), got {_describe(value)}")
            return []
        return value

    def table_at(self, key: str, *, required: bool = True) -> Any:
        value = self._raw(key, required)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.report(key, f"must be a table ([{key}]), got {_describe(value)}")
            return {}
        return value

    def finish(self) -> None:
        for key in self.table:
            if key not in self.used:
                known = ", ".join(sorted(self.used))
                self.report(key, f"unknown key (a typo?); known keys here: {known}")


def _describe(value: Any) -> str:
    for kind, name in _TYPE_NAMES.items():
        if isinstance(value, kind):
            return name
    return type(value).__name__
