"""Themes from ``themes/*.toml`` (checked by the core), registered with Textual: the shipped
ones and any the organisation drops into ``<data dir>/themes``."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.theme import Theme

from ..core.paths import THEMES_DIR
from ..core.problems import FileProblems, Problem
from ..core.theme_file import ThemeSpec, load_theme

DEFAULT_THEME = "kiosk-dark"
CONSOLE_THEME = "console"


def to_theme(spec: ThemeSpec) -> Theme:
    return Theme(name=spec.name, dark=spec.dark, variables=dict(spec.variables), **spec.colours)


def shipped_specs(themes_dir: Path = THEMES_DIR, user_dir: Path | None = None) -> list[ThemeSpec]:
    specs = []
    own = sorted(user_dir.glob("*.toml")) if user_dir is not None and user_dir.is_dir() else []
    for path in sorted(themes_dir.glob("*.toml")) + own:
        spec, problems = load_theme(path)
        if spec is not None and not problems:
            specs.append(spec)
    return specs


def resolve_theme(name_or_path: str, themes_dir: Path = THEMES_DIR,
                  user_dir: Path | None = None) -> ThemeSpec | None:
    """The theme a user asked for; raises FileProblems with a clear message when it is
    missing or broken. None means: choose automatically."""
    if not name_or_path:
        return None
    if name_or_path.endswith(".toml") or "/" in name_or_path:
        spec, problems = load_theme(name_or_path)
        if problems or spec is None:
            raise FileProblems(problems or [Problem(name_or_path, 0, "not a theme")])
        return spec
    specs = shipped_specs(themes_dir, user_dir)
    for spec in specs:
        if spec.name == name_or_path:
            return spec
    names = ", ".join(s.name for s in specs)
    raise FileProblems([Problem(name_or_path, 0, f"no theme called '{name_or_path}' (shipped: {names})")])


def register_themes(app: App, user_dir: Path | None = None) -> None:
    for spec in shipped_specs(user_dir=user_dir):
        app.register_theme(to_theme(spec))


def pick_theme(app: App, wanted: str, term: str, user_dir: Path | None = None) -> str:
    spec = resolve_theme(wanted, user_dir=user_dir) if wanted else None
    if spec is not None:
        app.register_theme(to_theme(spec))
        return spec.name
    return CONSOLE_THEME if term == "linux" else DEFAULT_THEME
