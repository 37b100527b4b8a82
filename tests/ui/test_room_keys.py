"""What a facilitator in a real room runs into with the keys: how to quit, what --kiosk
starts with, keys named in words. Each test drives the real app with Pilot."""

from __future__ import annotations

import pytest
from textual.widgets import Button, Input
from textual.widgets._footer import FooterKey

from kiosk.core.config import Config
from kiosk.core.store import Store
from kiosk.ui.app import KioskApp
from kiosk.ui.widgets.footer import KioskFooter
from tests.conftest import ROOT, FakeClock
from tests.ui.conftest import TODAY


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


async def test_kiosk_without_a_mode_still_offers_an_open_workshop_and_afresh_is_the_walkup(make_app, store):
    from kiosk.core.session import Session, SessionSettings
    from kiosk.core.shelf import Shelf

    open_one = Session(store=store, deck=Shelf().get("innovationslek", "sv"), settings=SessionSettings(mode="workshop"))
    open_one.cast({"level": "both", **{p: 3 for p in open_one.deck.require_model().principle_ids}})
    app = make_app(kiosk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "ResumeScreen"  # a power cut mid-workshop loses nothing
        await pilot.press("n")
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"


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
        assert "Tillbaka till förra skärmen" not in visible_text(app)  # Esc goes nowhere from here
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


WORKSHOP_TO_TIMER = ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "enter", "t"]
WALKUP_TO_PLAN = ["enter", *"123451234", "enter", "enter", "enter", "enter"]


def footer_fits(app) -> tuple[bool, str]:
    footer = app.screen.query_one(KioskFooter)
    keys = list(footer.query(FooterKey))
    shown = " | ".join(f"{k.key_display} {k.description}" for k in keys)
    return sum(k.outer_size.width for k in keys) <= footer.size.width, shown


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
@pytest.mark.parametrize(("mode", "keys"), [("workshop", WORKSHOP_TO_TIMER), ("walkup", WALKUP_TO_PLAN)])
async def test_footer_keys_are_named_in_words_and_fit_at_80x24(make_app, language, mode, keys):
    app = make_app(mode=mode, language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = set()
        for key in [None, *keys, "space"]:  # the last Space pauses the timer or picks in the mini plan
            if key:
                await pilot.press(key)
            await pilot.pause()
            if not app.screen.query(KioskFooter):
                continue  # the attract screen has no key bar
            fits, shown = footer_fits(app)
            assert fits, (screen_name(app), shown)
            raw = {"esc", "escape", "space", "enter", "tab", "up", "down", "left", "right"}  # Textual's own names
            names = [name for name, _ in footer_keys(app)]
            assert not any(name.startswith("^") or name in raw for name in names), shown
            seen.add(screen_name(app))
        if mode == "workshop":
            assert {"SetupScreen", "LobbyScreen", "DealScreen", "CardScreen", "ExerciseScreen"} <= seen
        else:
            assert {"BallotScreen", "ResultsScreen", "DealScreen", "MiniPlanScreen"} <= seen


async def test_footer_says_ctrl_s_esc_and_the_space_bar_in_the_session_language(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert ("Ctrl+S", "Starta") in footer_keys(app)
        await pilot.press(*WORKSHOP_TO_TIMER[:-2])
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        assert ("Mellanslag", "Välj") in footer_keys(app) and ("Esc", "Tillbaka") in footer_keys(app)


async def test_a_paused_timer_footer_says_resume(make_app):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*WORKSHOP_TO_TIMER)
        await pilot.pause()
        assert screen_name(app) == "ExerciseScreen"
        assert ("Space", "Pause") in footer_keys(app)
        await pilot.press("space")
        await pilot.pause()
        assert not app.screen.countdown.running
        assert ("Space", "Resume") in footer_keys(app) and ("Space", "Pause") not in footer_keys(app)
        await pilot.press("space")
        await pilot.pause()
        assert ("Space", "Pause") in footer_keys(app)


async def test_help_lists_esc_only_where_it_goes_back(make_app):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")  # the setup: the bottom of the stack with --mode
        await pilot.pause()
        assert "Back to the previous screen" not in visible_text(app)
        await pilot.press("escape", "ctrl+s", "enter", "f1")  # a ballot: Esc goes back to the lobby
        await pilot.pause()
        assert screen_name(app) == "HelpScreen" and "Back to the previous screen" in visible_text(app)


async def test_help_names_keys_in_the_session_language(make_app):
    app = make_app(mode="workshop", language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s", "enter", "f1")  # the help of the ballot
        await pilot.pause()
        assert screen_name(app) == "HelpScreen"
        text = visible_text(app)
        assert "Pil venstre/højre" in text and "Pil op/ned" in text
        assert "Left/Right" not in text and "Up/Down" not in text


async def test_the_attract_screen_follows_the_chosen_deck(make_app):
    app = make_app(mode="walkup", language="da", decks=("ledelse-af-innovation",))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = visible_text(app)
        questions = len(app.deck().require_model().principles)
        assert questions == 5
        assert "Tre minutter. 5 spørgsmål." in text and "Ni spørgsmål" not in text
        assert "Ledelse af innovation: Hvor står vi i dag?" in text
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.session.round.questions) == questions  # the promise is what the ballot asks


async def test_the_attract_screen_of_the_method_deck_keeps_its_own_line(make_app):
    app = make_app(mode="walkup", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = visible_text(app)
        assert "Three minutes. 9 questions." in text
        assert "Where is your workplace on the innovation journey?" in text


SHIPPED_THEMES = sorted(path.stem for path in (ROOT / "themes").glob("*.toml"))


def facilitator_app(tmp_path, theme: str, monkeypatch) -> KioskApp:
    monkeypatch.setenv("TERM", "xterm-256color")
    store = Store.open(tmp_path / "data")
    config = Config(mode="workshop", theme=theme, seed=7, viewer_host="127.0.0.1", viewer_port=0)
    return KioskApp(config, store, data_dir=tmp_path / "data", clock=FakeClock(), today=lambda: TODAY)


def test_every_shipped_theme_is_tested():
    assert {"console", "kiosk-dark", "kiosk-light"} <= set(SHIPPED_THEMES)


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
async def test_facilitator_menu_labels_show_in_every_theme(theme, tmp_path, monkeypatch):
    app = facilitator_app(tmp_path, theme, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert screen_name(app) == "FacilitatorScreen" and app.theme == theme
        buttons = list(app.screen.query(Button))
        assert len(buttons) >= 7
        for button in buttons:  # a row for the label, inside the screen, with the label on it
            assert button.content_region.height >= 1, button.id
            assert button.region.bottom <= 24, button.id
            line = "".join(seg.text for seg in button.render_line(0 if button.size.height == 1 else 1))
            assert str(button.label) in line, (button.id, line)
    app.store.close()


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
def test_facilitator_menu_snapshot(theme, tmp_path, snap_compare, monkeypatch):
    app = facilitator_app(tmp_path, theme, monkeypatch)

    async def run_before(pilot) -> None:
        await pilot.pause()
        await pilot.press("f12")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_quitting_a_workshop_says_only_what_is_saved(make_app):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "space", "c")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert screen_name(app) == "QuitScreen"
        assert "The votes, the chosen cards and what is typed in the plan are saved" in visible_text(app)
        assert "Everything" not in visible_text(app)


async def test_quitting_right_after_typing_in_the_plan_keeps_what_was_typed(make_app, store):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "space", "c")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        session_id = app.session.id
        app.screen.DRAFT_SECONDS = 600  # the draft timer cannot fire before the quit
        app.screen.query_one("#follow_up", Input).focus()
        await pilot.press(*"2031-01-02", "ctrl+q")
        assert screen_name(app) == "QuitScreen"
        await pilot.press("right", "enter")
        await pilot.pause()
    assert store.session(session_id).state["plan_draft"]["follow_up"] == "2031-01-02"
