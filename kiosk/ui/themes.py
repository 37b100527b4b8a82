"""Themes from ``themes/*.toml`` (checked by the core), registered with Textual: the shipped
ones and any the organisation drops into ``<data dir>/themes``."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.theme import Theme

from ..core.checking import check_theme
from ..core.paths import THEMES_DIR
from ..core.problems import FileProblems, Problem
from ..core.theme_file import ThemeSpec, load_theme

DEFAULT_THEME = "kiosk-dark"
CONSOLE_THEME = "console"


def to_theme(spec: ThemeSpec) -> Theme:
    c = spec.colours  # the keys of COLOUR_KEYS that the file sets; primary always
    return Theme(
        name=spec.name,
        primary=c["primary"],
        secondary=c.get("secondary"),
        warning=c.get("warning"),
        error=c.get("error"),
        success=c.get("success"),
        accent=c.get("accent"),
        foreground=c.get("foreground"),
        background=c.get("background"),
        surface=c.get("surface"),
        panel=c.get("panel"),
        boost=c.get("boost"),
        dark=spec.dark,
        variables=dict(spec.variables),
    )


def shipped_specs(themes_dir: Path = THEMES_DIR, user_dir: Path | None = None) -> list[ThemeSpec]:
    specs = []
    own = sorted(user_dir.glob("*.toml")) if user_dir is not None and user_dir.is_dir() else []
    for path in sorted(themes_dir.glob("*.toml")) + own:
        spec, problems = load_theme(path)
        if spec is not None and not problems:
            specs.append(spec)
    return specs


def resolve_theme(name_or_path: str, themes_dir: Path = THEMES_DIR, user_dir: Path | None = None) -> ThemeSpec | None:
    """The theme a user asked for; raises FileProblems with a clear message when it is
    missing or broken. None means: choose automatically."""
    if not name_or_path:
        return None
    if name_or_path.endswith(".toml") or "/" in name_or_path:
        spec, _ = load_theme(name_or_path)
        problems = check_theme(name_or_path, theme_problems)  # as check says: never a crash at start
        if problems or spec is None:
            raise FileProblems(problems or [Problem(name_or_path, 0, "not a theme")])
        return spec
    specs = shipped_specs(themes_dir, user_dir)
    for spec in specs:
        if spec.name == name_or_path:
            if Path(spec.path).parent != Path(themes_dir):  # an organisation's own: checked as check does
                problems = check_theme(spec.path, theme_problems)
                if problems:
                    raise FileProblems(problems)
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


def start_with_theme(app: App, name: str) -> None:
    """Give an app that has not started yet its theme, before its stylesheet is parsed.

    Assigning ``app.theme`` runs Textual's theme watcher, which throws the parsed
    stylesheet away and parses every rule again (several times over while the first screen
    mounts); done before the first parse, the stylesheet is parsed once, with the theme's
    colours. This does what the watcher does, minus the reparse."""
    app.set_reactive(App.theme, name)
    dark = app.current_theme.dark
    app.update_classes({f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False)
    app.stylesheet.set_variables(app.get_css_variables())
    app._refresh_truecolor_filter(app.ansi_theme)  # private in Textual 8; the watcher's own step


def theme_problems(spec: ThemeSpec) -> list[tuple[str, str]]:
    """(key, message) for what would stop the app from using the theme, found the way the
    app uses it: Textual builds the colour system, adds the theme's variables and parses
    every stylesheet of the app with them."""
    from textual.color import Color, ColorParseError
    from textual.css.stylesheet import Stylesheet, StylesheetParseError
    from textual.css.tokenize import tokenize_values
    from textual.css.tokenizer import TokenError

    found: list[tuple[str, str]] = []
    for key, value in spec.colours.items():
        try:
            Color.parse(value)
        except ColorParseError as exc:
            found.append((key, str(exc)))
    if found:
        return found
    try:
        system = to_theme(spec).to_color_system().generate()
    except Exception as exc:  # Textual's own message says which colour
        return [("", f"the colours cannot be combined: {exc}")]
    for name, value in spec.variables.items():
        if name not in system:
            found.append((f"variables.{name}", "unknown variable (a typo?)"))
            continue
        try:
            tokenize_values({name: value})
        except TokenError as exc:
            found.append((f"variables.{name}", f"'{value}' is not a CSS value ({' '.join(str(exc).split())[:120]})"))
    if found:
        return found
    sheet = Stylesheet(variables={**system, **spec.variables})
    for source, where in _app_stylesheets():
        try:
            sheet.add_source(source, read_from=(where, ""), is_default_css=True)
            sheet.parse()
        except (StylesheetParseError, TokenError) as exc:
            del exc  # Textual's error object lists rules, not our keys: name the variable instead
            bad = [n for n in spec.variables if f"${n}" in source] or [""]
            message = (
                f"the styles of {where} cannot use this value" if bad[0] else f"the styles of {where} do not parse"
            )
            found.append((f"variables.{bad[0]}" if bad[0] else "", message))
            break
    return found


def _app_stylesheets() -> list[tuple[str, str]]:
    """The app's stylesheet and the default styles of every widget and screen it uses."""
    import importlib
    import pkgutil

    from textual.widget import Widget

    from . import screens

    for module in pkgutil.iter_modules(screens.__path__):
        importlib.import_module(f"{screens.__name__}.{module.name}")
    sources = [(Path(__file__).with_name("kiosk.tcss").read_text(encoding="utf-8"), "kiosk.tcss")]
    seen: set[type] = set()
    todo = [Widget]
    while todo:
        kind = todo.pop()
        for sub in kind.__subclasses__():
            if sub not in seen:
                seen.add(sub)
                todo.append(sub)
                css = sub.__dict__.get("DEFAULT_CSS", "")
                if css.strip():
                    sources.append((css, sub.__name__))
    return sources
