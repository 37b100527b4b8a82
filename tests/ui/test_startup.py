"""What start-up relies on to draw the first screen once: the theme is the app's before its
stylesheet is first parsed, the first screen is the app's own (no mode installed for it),
and its footer has its keys when it is composed."""

from __future__ import annotations

from textual.color import Color
from textual.widgets._footer import FooterKey

from kiosk.ui.themes import DEFAULT_THEME
from kiosk.ui.widgets.footer import KioskFooter


async def test_the_theme_is_in_place_before_the_app_runs(make_app):
    app = make_app(mode="workshop")
    assert app.theme == DEFAULT_THEME and app.has_class(f"-theme-{DEFAULT_THEME}")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        background = app.get_theme(DEFAULT_THEME).background
        assert app.screen.styles.background == Color.parse(background)


async def test_the_first_screen_is_the_bottom_of_the_default_mode(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.current_mode == "_default"
        assert [type(s).__name__ for s in app.screen_stack] == ["SetupScreen"]
        # The next run has a mode of its own, as every run after the first.
        app.flow.switch_mode("checkin")
        await pilot.pause()
        assert app.current_mode != "_default" and type(app.screen).__name__ == "TeamScreen"


async def test_the_footer_has_its_keys_when_composed(make_app):
    assert KioskFooter()._bindings_ready  # Textual's own footer waits for a later frame
    app = make_app(mode="checkin")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KioskFooter)
        # What it composed first is what the screen shows once focused: no rebuild needed.
        assert footer._shown == footer._showing()
        shown = [description for _key, _action, description, *_ in footer._shown[2]]
        assert shown and [key.description for key in footer.query(FooterKey)] == shown


async def test_the_setup_footer_is_the_same_whichever_field_has_focus(make_app):
    """A text field takes ? for itself, but the footer shows F1 for help either way: what it
    shows is the same, so it is not rebuilt a frame after start-up."""
    from kiosk.ui.widgets.footer import shown_bindings

    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#team")
        in_text_field = shown_bindings(app.screen)
        app.screen.query_one("#language").focus()
        await pilot.pause()
        assert shown_bindings(app.screen) == in_text_field
        assert "question_mark" in app.screen.active_bindings  # active here, not in the text field
