"""Theme files (``themes/*.toml``): the fields of a Textual theme, checked without Textual.

The UI turns a checked :class:`ThemeSpec` into a ``textual.theme.Theme``; keeping the check
here lets ``innovationslek check`` report a broken theme as ``path:line: message``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .fields import Fields
from .problems import Problem
from .tomlfile import read_toml

COLOUR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_COLOUR_RE = re.compile(
    r"^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{4}|#[0-9a-fA-F]{6}|#[0-9a-fA-F]{8}|ansi_[a-z_]+|[a-z]+|rgba?\([0-9., %]+\))$"
)


@dataclass(frozen=True)
class ThemeSpec:
    name: str
    colours: dict[str, str]
    dark: bool = True
    variables: dict[str, str] = field(default_factory=dict)
    path: str = ""


def load_theme(path: Path | str) -> tuple[ThemeSpec | None, list[Problem]]:
    source, data, problems = read_toml(path)
    if data is None or source is None:
        return None, problems
    f = Fields(source, data, problems, where="theme", span=source.table_span(""))
    name = f.text("name")
    if name and not re.match(r"^[a-z0-9][a-z0-9-]*$", name):
        f.report("name", f"'{name}' must be lower-case letters, digits and '-'")
    colours: dict[str, str] = {}
    for key in COLOUR_KEYS:
        value = f.text(key, required=key == "primary")
        if value:
            if not _COLOUR_RE.match(value):
                f.report(key, f"'{value}' is not a colour (use #rrggbb or an ansi_ name)")
            else:
                colours[key] = value
    dark = data.get("dark", True)
    f.used.add("dark")
    if not isinstance(dark, bool):
        f.report("dark", "must be true or false")
        dark = True
    variables_raw = f.table_at("variables", required=False)
    variables = {}
    for key, value in variables_raw.items():
        if not isinstance(value, str):
            f.report("variables", f"variable '{key}' must be text")
        else:
            variables[key] = value
    f.finish()
    return ThemeSpec(name=name, colours=colours, dark=dark, variables=variables, path=str(path)), problems
