"""Workshop setup: deck, language, time box, group size, challenge (from the list or the
group's own), team, how to vote."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.events import Resize
from textual.widgets import Button, Input, Label, Static

from ...core.deck import LANGUAGES, LIMITS
from ...core.plan import TEXT_LIMITS
from ..intents import Chosen, Done
from ..widgets.choice import Choice
from ..widgets.footer import KioskFooter
from ..widgets.textfield import TextField
from .base import KioskScreen

TIME_BOXES = (10, 15, 20, 30, 45, 60, 90)
LANGUAGE_NAMES = {"sv": "Svenska", "en": "English", "nb": "Norsk (bokmål)", "da": "Dansk"}


class SetupScreen(KioskScreen):
    BINDINGS = [Binding("ctrl+s", "start", "t:key.start", show=True, priority=True)]
    HELP_KEYS = [("Tab", "help.tab"), ("Left/Right", "help.select"), ("Ctrl+S", "help.start")]
    AUTO_FOCUS = "#team"
    DEFAULT_CSS = """
    SetupScreen #setup { width: 100%; max-width: 100; height: 1fr; padding: 0 2; }
    SetupScreen { align-horizontal: center; }
    SetupScreen Grid { grid-size: 2; grid-columns: 22 1fr; grid-rows: auto; grid-gutter: 0 1; height: auto; }
    SetupScreen Label { padding: 1 0 0 0; width: 100%; text-align: right; }
    SetupScreen Input { width: 100%; }
    SetupScreen #start { width: 100%; margin: 1 0; }
    SetupScreen.-tall #setup, SetupScreen.-huge #setup { align-vertical: middle; }
    /* Short screens (80x24): one row per setting and a blank row between them, so the whole
       form and its start button fit without scrolling. */
    SetupScreen.-short Grid { grid-gutter: 1 1; }
    SetupScreen.-short Label { padding: 0; }
    SetupScreen.-short Choice { margin: 0; }
    SetupScreen.-short TextField { padding: 0 1; background: $surface; }
    SetupScreen.-short TextField:focus { background: $primary 40%; }
    SetupScreen.-short #start { margin: 1 0 0 0; }
    """

    def __init__(
        self,
        language: str,
        *,
        decks: list[tuple[str, str]],
        challenges: list[tuple[str, str]],
        values: dict[str, object],
    ) -> None:
        super().__init__(language)
        self.decks = decks  # (title, id) of the decks with a model to vote on
        self.challenges = challenges  # (title, id)
        self.values = dict(values)

    def compose(self) -> ComposeResult:
        decks, challenges = self.decks, self.challenges
        v = self.values
        with VerticalScroll(id="setup"):
            yield Static(self.t("setup.title"), classes="title")
            with Grid():
                yield Label(self.t("setup.team"))
                yield TextField(str(v["team"]), placeholder=self.t("setup.team_hint"), id="team", max_length=60)
                yield Label(self.t("setup.language"))
                yield Choice([(LANGUAGE_NAMES[lang], lang) for lang in LANGUAGES], self.language, id="language")
                yield Label(self.t("setup.deck"))
                yield Choice(decks, v["deck"], id="deck")
                yield Label(self.t("setup.minutes"))
                yield Choice(
                    [(self.t("setup.no_limit"), None)] + [(self.t("setup.minutes_n", n=n), n) for n in TIME_BOXES],
                    v["minutes"],
                    id="minutes",
                )
                yield Label(self.t("setup.group"))
                yield TextField(
                    str(v["group"]),
                    placeholder=self.t("setup.group_hint"),
                    id="group",
                    restrict=r"[0-9]*",
                    max_length=3,
                    type="integer",
                    valid_empty=True,  # the group size is optional: empty is not an error
                )
                yield Label(self.t("setup.challenge"))
                yield Choice([(self.t("setup.no_challenge"), None), *challenges], v["challenge"], id="challenge")
                # The group's own "How might we ...?" wins over the list when written.
                yield Label(self.t("room_plan.own_challenge"))
                yield TextField(
                    str(v.get("own_challenge", "")),
                    placeholder=self.t("room_plan.own_challenge_hint"),
                    id="own-challenge",
                    max_length=TEXT_LIMITS["challenge"],
                )
                yield Label(self.t("setup.voting"))
                yield Choice(
                    [(self.t("setup.secret"), "secret"), (self.t("setup.hands"), "hands")], v["secret"], id="secret"
                )
            yield Button(self.t("setup.start"), id="start", variant="primary")
        yield KioskFooter()

    def on_resize(self, event: Resize) -> None:
        # Measured here: this runs before the screen's size classes change.
        short = event.size.height < dict((name, rows) for rows, name in self.VERTICAL_BREAKPOINTS)["-tall"]
        for field in self.query(TextField).results(TextField):
            field.compact = short

    def _remember(self) -> None:
        self.values["team"] = self.query_one("#team", Input).value
        self.values["group"] = self.query_one("#group", Input).value
        self.values["own_challenge"] = self.query_one("#own-challenge", Input).value
        for name in ("deck", "minutes", "challenge", "secret"):
            self.values[name] = self.query_one(f"#{name}", Choice).value

    def on_choice_changed(self, event: Choice.Changed) -> None:
        if event.choice.id == "language":
            self._follow_language()

    def on_screen_resume(self) -> None:
        self._follow_language()  # a language picked just as the help opened over this screen

    def _follow_language(self) -> None:
        # Every label changes language: the router builds the screen again with what was
        # entered (and only while this screen is on top, not from under the help).
        chosen = self.query_one("#language", Choice).value
        if chosen == self.language:
            return
        self._remember()
        self.post_message(Chosen(self, {**self.values, "language": str(chosen)}))

    @on(Button.Pressed, "#start")
    def start_pressed(self) -> None:
        self.action_start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def action_start(self) -> None:
        if self.refuse_invalid_fields():
            return
        self._remember()
        v = self.values
        group = None
        if str(v["group"]).strip():
            group = int(str(v["group"]))
            if not 1 <= group <= LIMITS.group:
                self.say(self.t("setup.group_range"))
                self.query_one("#group", Input).focus()
                return
        if not v["deck"]:
            self.say(self.t("setup.no_deck"))
            return
        self.post_message(
            Done(
                self,
                {
                    "deck": str(v["deck"]),
                    "team": str(v["team"]).strip(),
                    "challenge": " ".join(str(v["own_challenge"]).split()) or str(v["challenge"] or ""),
                    "minutes": v["minutes"],
                    "group_size": group,
                    "secret": v["secret"] == "secret",
                },
            )
        )
