"""The bare Linux console (TERM=linux) and the shipped themes: the console's 16 colours reach
it as themselves, text it has no glyph for is drawn with lookalikes, its rules in kiosk.tcss
apply, and what console mode changes stays inside the app that is in console mode."""

from __future__ import annotations

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.widgets import Input, Static

from kiosk.ui.colours import luminance
from kiosk.ui.console import CONSOLE_COLOURS, WholeBlockScrollBar
from kiosk.ui.themes import shipped_specs, to_theme
from tests.e2e.test_linux_console import CP437
from tests.ui.conftest import to_results


def screen_segments(app):
    """What the terminal is sent, row by row: (text, style) after every filter."""
    return [[(seg.text, seg.style) for seg in strip] for strip in app.screen._compositor.render_strips()]


def screen_text(app) -> str:
    return "\n".join("".join(text for text, _ in row) for row in screen_segments(app))


def as_console_colour(colour) -> int:
    """The colour number a 16-colour terminal is sent for this colour."""
    return colour.downgrade(ColorSystem.STANDARD).number


def test_every_ansi_colour_reaches_the_console_as_itself():
    for number in range(16):
        red, green, blue = CONSOLE_COLOURS.ansi_colors[number]
        assert as_console_colour(RichColor.from_rgb(red, green, blue)) == number


async def test_the_focus_frame_is_the_accent_yellow_not_red(make_app, monkeypatch):
    """Textual's default ANSI mapping made the console theme's yellow accent an orange that
    the console drew bright red: every focused field looked like an error."""
    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:  # framed fields (at 80x24 they are one row)
        await pilot.pause()
        assert app.theme == "console" and isinstance(app.focused, Input)
        frame = {as_console_colour(style.color) for row in screen_segments(app) for text, style in row if "╔" in text}
        assert frame == {3}  # ansi yellow
        plain = {as_console_colour(style.color) for row in screen_segments(app) for text, style in row if "┌" in text}
        assert plain == {12}  # the other fields: bright blue, a whole colour (its blue is dim on black)


async def test_norwegian_and_deck_text_is_drawn_in_console_glyphs(make_app, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop", language="nb", seed=2)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "ø" not in text and "Förbered" not in text and "ö" in text  # "Forbered økten" as "öktene"
        assert all(ch in CP437 for ch in text.replace("\n", ""))


async def test_other_themes_keep_their_own_letters(make_app, monkeypatch):
    monkeypatch.setenv("TERM", "xterm-256color")
    app = make_app(mode="workshop", language="nb")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "kiosk-dark" and "ø" in screen_text(app)


async def test_the_deck_ellipsis_becomes_a_glyph_the_console_has(make_app, monkeypatch):
    """Deck text such as '"Ja, och…"' (a card title) has characters CP437 lacks."""
    from kiosk.ui.screens.card import CardScreen

    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")  # the workshop starts: it has a session and its deck
        await pilot.pause()
        card = next(c for c in app.session.deck.methods if "…" in c.title)
        await app.push_screen(CardScreen(app.language, app.session, card.id))
        await pilot.pause()
        text = screen_text(app)
        assert card.title.replace("…", ".") in text
        assert all(ch in CP437 for ch in text.replace("\n", ""))


@pytest.mark.parametrize(("term", "top"), [("linux", 0), ("xterm-256color", 1)])
async def test_the_results_deal_button_rule_for_the_console_applies(make_app, monkeypatch, term, top):
    """The rule lived in the screen's own CSS, where a rule cannot start at the App, so it
    never applied; in kiosk.tcss it does. Elsewhere the button keeps its line above."""
    monkeypatch.setenv("TERM", term)
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await to_results(app, pilot)
        assert app.has_class("-console") == (term == "linux")
        assert screen.query_one("#deal").styles.margin.top == top


class Long(Screen):
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="long"):
            for n in range(200):
                yield Static(f"row {n}")


class PlainApp(App):
    def on_mount(self) -> None:
        self.push_screen(Long())


async def test_whole_block_scrollbars_stay_inside_the_console_app(make_app, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(Long())
        await pilot.pause()
        bar = app.screen.query_one("#long").vertical_scrollbar
        assert bar.display and bar.renderer is WholeBlockScrollBar
        for n in range(7):  # thumb positions in eighths of a cell: still only whole cells drawn
            app.screen.query_one("#long").scroll_to(y=n * 3, animate=False)
            await pilot.pause()
            assert not set("▁▂▃▄▅▆▇") & set(screen_text(app))
    assert ScrollBar.renderer is ScrollBarRender  # the class, for every other app, untouched
    other = PlainApp()
    async with other.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = other.screen.query_one("#long").vertical_scrollbar
        assert bar.display and bar.renderer is ScrollBarRender


async def test_two_apps_at_once_each_keep_their_own_scrollbars(make_app, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(Long())
        await pilot.pause()
        other = PlainApp()
        async with other.run_test(size=(80, 24)) as other_pilot:
            await other_pilot.pause()
            assert other.screen.query_one("#long").vertical_scrollbar.renderer is ScrollBarRender
        assert app.screen.query_one("#long").vertical_scrollbar.renderer is WholeBlockScrollBar


def contrast(one, other) -> float:
    """WCAG contrast of two Rich colours as drawn (the console's are RGB by now)."""
    high, low = sorted((luminance(*one.get_truecolor()), luminance(*other.get_truecolor())), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("term", "theme"), [("linux", ""), ("xterm-256color", "kiosk-dark"), ("xterm-256color", "kiosk-light")]
)
async def test_counts_on_the_bars_stand_out_in_every_theme(make_app, monkeypatch, term, theme):
    """Black on the light theme's bars (its colours are dark, for text on white) or on the
    console's red, brown or blue is barely there: white there, black on the light ones."""
    monkeypatch.setenv("TERM", term)
    app = make_app(mode="workshop", theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(app, pilot)
        counts = [
            (text, style)
            for row in screen_segments(app)
            for text, style in row
            if text.strip().isdigit() and style.bgcolor is not None
        ]
        assert len({style.bgcolor for _, style in counts}) == 5  # every step's colour is on screen
        weak = {(text, contrast(style.color, style.bgcolor)) for text, style in counts}
        assert all(ratio >= 4.5 for _, ratio in weak), weak


async def test_a_chosen_card_shows_the_focus_on_the_console(make_app, monkeypatch):
    """kiosk.tcss outranks the card's own CSS: its rule for a chosen card hid the focus."""
    from kiosk.ui.widgets.cardtile import CardTile

    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_results(app, pilot)
        await pilot.press("enter")  # the deal
        await pilot.pause()
        tile = app.focused
        assert isinstance(tile, CardTile)
        await pilot.press("space")  # chosen, and still focused
        await pilot.pause()
        assert tile.has_class("-chosen") and tile.has_focus
        # A full block frame (the console font has █▀▄) in the accent: not the chosen card's
        # double line, so focus and chosen differ without colour too.
        assert tile.styles.border.top[0] == "thick"
        assert as_console_colour(tile.styles.border.top[1].rich_color) == 3  # the accent, not the chosen green
        await pilot.press("right")
        await pilot.pause()
        assert not tile.has_focus and as_console_colour(tile.styles.border.top[1].rich_color) == 2
        assert tile.styles.border.top[0] == "double"


async def test_console_scrollbar_thumb_stands_out_from_its_track(make_app, monkeypatch):
    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(Long())
        await pilot.pause()
        column = [style for _, style in (row[-1] for row in screen_segments(app)[:-1])]  # the scrollbar
        # A cell's shown colour: its background, or its foreground when reversed (the thumb).
        thumb = {as_console_colour(style.color) for style in column if style.reverse}
        track = {as_console_colour(style.bgcolor) for style in column if not style.reverse}
        assert len(thumb) == len(track) == 1 and thumb != track, (thumb, track)


@pytest.mark.parametrize("spec", shipped_specs(), ids=lambda spec: spec.name)
def test_the_five_steps_have_five_colours_in_every_theme_and_terminal(spec):
    """The bars tell the scale's steps apart by colour: five colours in truecolor, in a
    256-colour terminal (xterm, which draws the gallery's pictures, rounds to those) and
    on the console. The light theme's 'strong' and 'throughout' were one green."""
    from kiosk.ui.widgets.bars import STEP_VARIABLES

    system = to_theme(spec).to_color_system().generate()
    colours = [RichColor.parse(system[name].replace("ansi_", "")) for name in STEP_VARIABLES]
    for depth in (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD):
        shown = {colour.downgrade(depth).get_truecolor(CONSOLE_COLOURS) for colour in colours}
        if spec.name != "console" and depth == ColorSystem.STANDARD:
            continue  # the RGB themes are not made for 16 colours
        assert len(shown) == len(STEP_VARIABLES), (depth, shown)


@pytest.mark.parametrize("theme", ["kiosk-dark", "kiosk-light"])
async def test_a_field_without_focus_keeps_a_visible_frame(make_app, monkeypatch, theme):
    """WCAG's 3:1 for the parts of a control: the frame of a field that does not have the
    focus, against the screen behind it (it had 1.1:1 in both themes: fields read as text)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    app = make_app(mode="workshop", theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        field = next(f for f in app.screen.query(Input) if not f.has_focus)
        frame = field.styles.border.left[1]
        behind = app.screen.styles.background
        assert contrast(frame.rich_color, behind.rich_color) >= 3, (frame.hex, behind.hex)


async def test_a_hint_in_a_field_differs_from_typed_text_on_the_console(make_app, monkeypatch):
    """The setup's fields (not only the plan's): a placeholder in the console's cyan."""
    monkeypatch.setenv("TERM", "linux")
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#group")
        hint = field.get_component_rich_style("input--placeholder")
        typed = field.rich_style
        assert as_console_colour(hint.color) == 6 and hint.color != typed.color
