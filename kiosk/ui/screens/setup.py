"""Workshop setup: deck, language, time box, group size, challenge, team, how to vote."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ...core.deck import LANGUAGES
from ...core.problems import FileProblems
from ..widgets.choice import Choice
from ..widgets.footer import KioskFooter
from .base import KioskScreen, when_active

TIME_BOXES = (10, 15, 20, 30, 45, 60, 90)
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English", "nb": "Norsk (bokmål)", "da": "Dansk"}


class SetupScreen(KioskScreen):
    BINDINGS = [Binding("ctrl+s", "start", "t:key.start", show=True, priority=True)]
    HELP_KEYS = [("Tab", "help.tab"), ("Left/Right", "help.select"), ("Ctrl+S", "help.start")]
    DEFAULT_CSS = """
    SetupScreen #setup { width: 100%; max-width: 100; height: 1fr; padding: 0 2; }
    SetupScreen { align-horizontal: center; }
    SetupScreen Grid { grid-size: 2; grid-columns: 22 1fr; grid-rows: auto; grid-gutter: 0 1; height: auto; }
    SetupScreen Label { padding: 1 0 0 0; width: 100%; text-align: right; }
    SetupScreen Input { width: 100%; }
    SetupScreen #start { width: 100%; margin: 1 0; }
    """

    def __init__(self, values: dict[str, object] | None = None) -> None:
        super().__init__()
        self.values: dict[str, object] = values or {
            "team": "", "deck": self.kiosk.deck_id, "minutes": None, "group": "",
            "challenge": None, "secret": "secret",
        }

    def compose(self) -> ComposeResult:
        shelf = self.kiosk.shelf
        decks = []
        for deck_id in shelf.ids():
            try:
                deck = shelf.get(deck_id, self.language)
            except FileProblems:
                continue
            if deck.model is not None:
                decks.append((deck.title, deck_id))
        challenges = [(c.title, c.id) for c in shelf.challenges(self.language)]
        v = self.values
        with VerticalScroll(id="setup"):
            yield Static(self.t("setup.title"), classes="title")
            with Grid():
                yield Label(self.t("setup.team"))
                yield Input(str(v["team"]), placeholder=self.t("setup.team_hint"), id="team", max_length=60)
                yield Label(self.t("setup.language"))
                yield Choice([(LANGUAGE_NAMES[lang], lang) for lang in LANGUAGES], self.language, id="language")
                yield Label(self.t("setup.deck"))
                yield Choice(decks, v["deck"], id="deck")
                yield Label(self.t("setup.minutes"))
                yield Choice([(self.t("setup.no_limit"), None)] + [(self.t("setup.minutes_n", n=n), n) for n in TIME_BOXES],
                             v["minutes"], id="minutes")
                yield Label(self.t("setup.group"))
                yield Input(str(v["group"]), placeholder=self.t("setup.group_hint"), id="group",
                            restrict=r"[0-9]*", max_length=3, type="integer")
                yield Label(self.t("setup.challenge"))
                yield Choice([(self.t("setup.no_challenge"), None)] + challenges, v["challenge"], id="challenge")
                yield Label(self.t("setup.voting"))
                yield Choice([(self.t("setup.secret"), "secret"), (self.t("setup.hands"), "hands")], v["secret"],
                             id="secret")
            yield Static("", id="setup-message", classes="message")
            yield Button(self.t("setup.start"), id="start", variant="primary")
        yield KioskFooter()

    def on_mount(self) -> None:
        self.query_one("#team", Input).focus()

    def _remember(self) -> None:
        self.values["team"] = self.query_one("#team", Input).value
        self.values["group"] = self.query_one("#group", Input).value
        for name in ("deck", "minutes", "challenge", "secret"):
            self.values[name] = self.query_one(f"#{name}", Choice).value

    def on_choice_changed(self, event: Choice.Changed) -> None:
        if event.choice.id == "language":
            self._follow_language()

    def on_screen_resume(self) -> None:
        self._follow_language()  # a language picked just as the help opened over this screen

    def _follow_language(self) -> None:
        # Only from the top of the stack: switching from under the help would replace the
        # help, not this screen, and leave two setup screens.
        if self.taken_down or not self.is_active:
            return
        chosen = self.query_one("#language", Choice).value
        if chosen == self.language:
            return
        # Every label changes language: build the screen again with what was entered.
        # Not awaited: this screen is being replaced while it handles the message.
        self._remember()
        self.kiosk.language = str(chosen)
        self.app.switch_screen(SetupScreen(dict(self.values)))

    @when_active
    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "start":
            self.action_start()

    @when_active
    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def action_start(self) -> None:
        if self.refuse_invalid_fields():
            return
        self._remember()
        v = self.values
        message = self.query_one("#setup-message", Static)
        group = None
        if str(v["group"]).strip():
            group = int(str(v["group"]))
            if not 1 <= group <= 500:
                message.update(self.t("setup.group_range"))
                self.query_one("#group", Input).focus()
                return
        if not v["deck"]:
            message.update(self.t("setup.no_deck"))
            return
        self.kiosk.deck_id = str(v["deck"])
        self.kiosk.new_session(
            "workshop",
            team=str(v["team"]).strip(),
            challenge=str(v["challenge"] or ""),
            minutes=v["minutes"],
            group_size=group,
            secret=v["secret"] == "secret",
        )
        self.kiosk.begin_vote()
