"""What a facilitator in a real room runs into with the keys: how to quit, what --kiosk
starts with, keys named in words. Each test drives the real app with Pilot."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from kiosk.ui.widgets.footer import KioskFooter


def screen_name(app) -> str:
    return type(app.screen).__name__


def footer_keys(app) -> list[tuple[str, str]]:
    return [(k.key_display, k.description) for k in app.screen.query_one(KioskFooter).query(FooterKey)]


def visible_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def test_kiosk_without_a_mode_starts_the_walkup(make_app):
    app = make_app(kiosk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"
        assert not any(screen_name_of(s) == "StartScreen" for s in app.screen_stack)
        for key in ("escape", "2", "ctrl+c"):  # nothing behind it, no workshop, no way out
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running
        assert app.session is not None and app.session.settings.mode == "walkup"


async def test_kiosk_keeps_a_configured_mode(make_app):
    app = make_app(kiosk=True, mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "TeamScreen"


def screen_name_of(screen) -> str:
    return type(screen).__name__


async def test_start_screen_shows_how_to_quit_and_ctrl_c_quits(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "StartScreen"
        assert ("Ctrl+Q", "Avsluta") in footer_keys(app)
        await pilot.press("f1")
        await pilot.pause()
        assert "Ctrl+Q / Ctrl+C" in visible_text(app) and "Avsluta programmet" in visible_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_c_in_a_text_field_quits_too(make_app):
    app = make_app(mode="checkin", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(*"Team A")
        await pilot.press("ctrl+c")  # no ballot yet: nothing to ask about
        await pilot.pause()
        assert not app.is_running


async def test_quitting_a_workshop_with_votes_asks_first(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", *"3123451234", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 1
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert screen_name(app) == "QuitScreen"
        assert "fortsätta där ni var" in visible_text(app)
        await pilot.press("enter")  # the focus is on "stay": a stray Enter keeps the session
        await pilot.pause()
        assert app.is_running and screen_name(app) == "LobbyScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("escape")  # Esc stays too
        await pilot.pause()
        assert app.is_running and screen_name(app) == "LobbyScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.click("#quit-yes")
        await pilot.pause()
        assert not app.is_running
    # what it said is what happens: the session is still open, so the next start offers it
    assert app.store.latest_open(("workshop",)) is not None


async def test_quitting_a_walkup_with_a_ballot_says_the_next_start_begins_afresh(make_app):
    app = make_app(mode="walkup", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"123451234", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert screen_name(app) == "QuitScreen"
        assert "begins afresh" in visible_text(app)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert not app.is_running
