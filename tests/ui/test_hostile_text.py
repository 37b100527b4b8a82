"""Text that did not come from our own code is shown as text, never read as markup.

A deck whose every text holds markup, actions and links, and a team and plan typed with
the same, are walked through every screen that shows them. Each screen must keep running
and show the text literally ("[/]" crashed screens, "Budget [SEK]" lost a word and
"[@click=app.suspend_process]" became a clickable action that stopped a locked-down
kiosk). Control characters and bidi overrides that reach a screen from an old database are
shown written out, never sent raw to the terminal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from kiosk.core.config import Config
from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.ui.app import KioskApp
from kiosk.ui.screens.review import ReviewScreen
from kiosk.ui.widgets.choice import Choice
from tests.conftest import SMALL_DECK, FakeClock
from tests.ui.conftest import TODAY

SUSPEND = "[@click=app.suspend_process]ZZZ[/]"
LINK = "[link=https://evil.example]here[/link]"
TEAM = "[/] Budget [SEK] [b]x"
CHALLENGE = "Hur kan vi [/] halvera [@click=app.quit]Q[/]?"
CARD_TITLE = "Crazy [/] 8 [reverse]R[/]"
STEP = "Vik [SEK] papper [/]"
STEP_2 = f"Skissa {LINK}"
PURPOSE = f"{SUSPEND} skissa"
LEVEL = "Begr [/]"
STATEMENT = "[reverse]Vi gör[/] som vi brukar."
PRINCIPLE = "Testa [/]"
PRINCIPLE_2 = "[b]Samverkan"
QUESTION = "Var [/] står vi?"
BOTH = "Både [och]"
SCALE_1 = "[/]ett"
MATERIAL = "[red]papper"
DECK_TITLE = "Minilek [/] [@click=app.quit]Q[/]"
ACTION = "Ask HR about the budget [/]"
HOW = f"{SUSPEND} and {LINK}"


def hostile_deck_text() -> str:
    replacements = [
        ('title = "Crazy 8"', f'title = "{CARD_TITLE}"'),
        ('text = "Vik ett papper i åtta rutor"', f'text = "{STEP}"'),
        ('text = "Skissa en idé per minut"', f'text = "{STEP_2}"'),
        ('purpose = "Skissa många idéer snabbt."', f'purpose = "{PURPOSE}"'),
        ('name = "Begränsad"', f'name = "{LEVEL}"'),
        ('statements = ["Vi gör som vi brukar."]', f'statements = ["{STATEMENT}"]'),
        ('name = "Testa"', f'name = "{PRINCIPLE}"'),
        ('name = "Samverkan"', f'name = "{PRINCIPLE_2}"'),
        ('question = "Var står vi?"', f'question = "{QUESTION}"'),
        ('both = "Både och"', f'both = "{BOTH}"'),
        ('scale = ["1", "2", "3", "4", "5"]', f'scale = ["{SCALE_1}", "2", "3", "4", "5"]'),
        ('materials = ["papper"]', f'materials = ["{MATERIAL}"]'),
        ('title = "Hur kan vi halvera väntetiden?"', f'title = "{CHALLENGE}"'),
        ('title = "Minilek"', f'title = "{DECK_TITLE}"'),
    ]
    text = SMALL_DECK
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text


def make_hostile_app(tmp_path: Path, store, **config) -> KioskApp:
    deck_path = tmp_path / "mini.sv.toml"
    if not deck_path.exists():
        deck_path.write_text(hostile_deck_text(), encoding="utf-8")
    config.setdefault("decks", ("mini",))
    config.setdefault("seed", 42)
    config.setdefault("viewer_host", "127.0.0.1")
    config.setdefault("viewer_port", 0)
    return KioskApp(
        Config(**config),
        store,
        shelf=Shelf(extra=[deck_path]),
        data_dir=tmp_path / "data",
        clock=FakeClock(),
        today=lambda: TODAY,
    )


def open_session(app: KioskApp) -> Session:
    assert app.session is not None
    return app.session


def shown(app) -> str:
    """What the terminal shows, read widget by widget (so that side-by-side panes do not
    interleave), whitespace collapsed (text wrapped over two lines reads as one)."""
    compositor = app.screen._compositor
    strips = compositor.render_strips()
    parts = []
    for widget, (region, clip) in compositor.visible_widgets.items():
        if widget.children:
            continue
        visible = region.intersection(clip)
        for y in range(visible.y, visible.bottom):
            parts.append(strips[y].crop(visible.x, visible.right).text)
    return " ".join(" ".join(parts).split())


def terminal_output(app) -> str:
    return "".join(strip.text for strip in app.screen._compositor.render_strips())


def assert_shows(app, *texts: str) -> None:
    assert app.is_running
    on_screen = shown(app)
    for text in texts:
        assert " ".join(text.split()) in on_screen, f"{text!r} is not on {type(app.screen).__name__}"
    raw = terminal_output(app)
    assert "\x1b" not in raw and "\u202e" not in raw


async def settle(pilot) -> None:
    await pilot.pause()
    await pilot.pause()


async def test_hostile_deck_team_and_plan_through_a_workshop(tmp_path, store):
    app = make_hostile_app(tmp_path, store, mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        assert type(app.screen).__name__ == "SetupScreen"
        assert_shows(app, DECK_TITLE)
        await pilot.press(*TEAM)
        assert app.screen.query_one("#team", Input).value == TEAM
        await pilot.press("ctrl+s")
        await settle(pilot)
        session = open_session(app)
        assert session.settings.team == TEAM
        session.settings.challenge = "halvera"

        await pilot.press("enter")  # the lobby opens a ballot
        await settle(pilot)
        assert_shows(app, f"1 {LEVEL}", f"- {STATEMENT}", f"3 {BOTH}", PRINCIPLE, PRINCIPLE_2)
        await pilot.press("escape")
        await settle(pilot)

        session.cast({"level": "limited", "testa": 1, "samverkan": 2})
        session.cast({"level": "both", "testa": 2, "samverkan": 5})
        await pilot.press("ctrl+r", "right", "enter")  # reveal
        await settle(pilot)
        assert_shows(app, QUESTION, f"{LEVEL}: 1", f"{BOTH}: 1", f"1 {SCALE_1}", PRINCIPLE, PRINCIPLE_2)

        await pilot.press("enter")  # to the deal
        await settle(pilot)
        assert_shows(app, CARD_TITLE)
        session.choose("crazy-8")
        await pilot.press(str([c.id for c in session.hand].index("crazy-8") + 1), "enter")
        await settle(pilot)
        assert_shows(app, f"{CARD_TITLE} [valt]", PURPOSE, STEP, STEP_2, MATERIAL, "Idé")

        await pilot.press("t")
        await settle(pilot)
        assert_shows(app, CARD_TITLE, STEP, STEP_2)
        await pilot.press("n")
        await settle(pilot)
        assert_shows(app, STEP_2)
        await pilot.press("escape", "escape")  # back to the deal
        await settle(pilot)

        await pilot.press("c")  # on to the plan with the chosen card
        await settle(pilot)
        assert_shows(app, CARD_TITLE)
        what = app.screen.query_one("#what", Input)
        what.value = ""
        what.focus()
        await pilot.press(*ACTION, "tab", *HOW)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "ShareScreen"
        plan = store.plan(session.plan_code)
        assert plan.team == TEAM and plan.actions[0].what == ACTION and plan.actions[0].how == HOW
        assert_shows(app, TEAM, CHALLENGE, CARD_TITLE, ACTION, HOW)

        await pilot.press("f1")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        assert_shows(app, "Esc")


async def test_resume_screen_shows_the_team_as_text_and_stays_locked(tmp_path, store):
    deck = make_hostile_app(tmp_path, store).shelf.get("mini", "sv")
    open_one = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team=f"{SUSPEND} [/]"))
    open_one.cast({"level": "limited", "testa": 1, "samverkan": 2})
    app = make_hostile_app(tmp_path, store, kiosk=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ResumeScreen"
        assert_shows(app, f"{SUSPEND} [/]")
        # A tap on "ZZZ" is only a tap: no action runs, the app keeps going.
        await pilot.click("ResumeScreen .subtitle", offset=(30, 0))
        await settle(pilot)
        assert app.is_running and type(app.screen).__name__ == "ResumeScreen"


async def test_text_from_an_old_database_cannot_drive_the_terminal(tmp_path, store):
    deck = make_hostile_app(tmp_path, store).shelf.get("mini", "sv")
    team = "\x1b[2J\x1b[31mFAKE\x1b]0;pwned\x07 invoice\u202egpj.exe"
    open_one = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team=team))
    open_one.cast({"level": "limited", "testa": 1, "samverkan": 2})
    app = make_hostile_app(tmp_path, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "ResumeScreen"
        assert_shows(app, r"\x1b[2J\x1b[31mFAKE\x1b]0;pwned\x07 invoice\u202egpj.exe")


async def test_checkin_trend_title_shows_the_team(tmp_path, store):
    app = make_hostile_app(tmp_path, store, mode="checkin")
    deck = app.shelf.get("mini", "sv")
    for value in (1, 2):
        earlier = Session(store=store, deck=deck, settings=SessionSettings(mode="checkin", team=TEAM, with_level=False))
        earlier.cast({"testa": value, "samverkan": value})
        earlier.abandon()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*TEAM, "enter")
        await settle(pilot)
        open_session(app).cast({"testa": 4, "samverkan": 4})
        await pilot.press("ctrl+r", "right", "enter")  # reveal
        await settle(pilot)
        assert_shows(app, TEAM, PRINCIPLE)


async def test_follow_up_reference_and_carried_actions(tmp_path, store):
    app = make_hostile_app(tmp_path, store)
    deck = app.shelf.get("mini", "sv")
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team=TEAM))
    first.cast({"level": "limited", "testa": 2, "samverkan": 2})
    code = first.save_plan(
        first.make_plan([Action(what=ACTION, how=HOW), Action(what=f"{SUSPEND} again")], date(2027, 1, 10))
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("4")  # follow-up, from the start screen
        await settle(pilot)
        await pilot.press(*"[/] nope", "enter")
        await settle(pilot)
        assert_shows(app, "[/] nope")
        app.screen.query_one("#reference", Input).value = code
        await pilot.press("enter")
        await settle(pilot)
        open_session(app).cast({"level": "both", "testa": 4, "samverkan": 4})
        await pilot.press("ctrl+r", "right", "enter")  # reveal
        await settle(pilot)
        assert_shows(app, PRINCIPLE, PRINCIPLE_2)
        await pilot.press("enter")  # the deal first
        await settle(pilot)
        assert type(app.screen).__name__ == "DealScreen"
        await pilot.press("space", "c")  # one chosen, on to the review
        await settle(pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
        assert_shows(app, ACTION, f"{SUSPEND} again")
        review = app.screen
        assert isinstance(review, ReviewScreen)
        review.action_carry_on()
        await settle(pilot)
        assert type(app.screen).__name__ == "PlanScreen"
        app.screen.query_one("#plan").scroll_home(animate=False)  # the focus is on the new action below
        await settle(pilot)
        assert_shows(app, f"- {ACTION}", f"- {SUSPEND} again")


async def test_walkup_attract_and_mini_plan(tmp_path, store):
    app = make_hostile_app(tmp_path, store, mode="walkup")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "AttractScreen"
        assert_shows(app, f'{LEVEL}: "{STATEMENT}"')
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("1", "2", "enter")  # the ballot, then the results
        await settle(pilot)
        await pilot.press("enter")  # the deal
        await settle(pilot)
        await pilot.press(str([c.id for c in open_session(app).hand].index("crazy-8") + 1), "enter", "enter")  # pick it
        await settle(pilot)
        assert type(app.screen).__name__ == "MiniPlanScreen"
        assert_shows(app, CARD_TITLE)
        app.push_screen(app.flow.day_view())
        await settle(pilot)
        assert_shows(app, CARD_TITLE, PRINCIPLE)


async def test_show_of_hands_labels(tmp_path, store):
    app = make_hostile_app(tmp_path, store, mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#secret", Choice).value = "hands"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert type(app.screen).__name__ == "HandsScreen"
        assert_shows(app, QUESTION, LEVEL, BOTH)
        await pilot.press("1", "enter", "1", "enter", "1", "enter")
        await settle(pilot)
        assert_shows(app, PRINCIPLE, f"1 {SCALE_1}")
