"""What every flow screen shares: its language and data from the constructor, Escape
posts "back" to the flow router, F1 or ? opens the help, one status line (above the key
bar) for its confirmations and warnings, and free-text fields checked as they are typed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input

from ...core.i18n import t
from ...core.text import field_issue
from ..i18n import translate_bindings
from ..intents import Back
from ..widgets.statusline import StatusLine
from ..widgets.textfield import TextField

if TYPE_CHECKING:  # a type only: the session's modules load when the first session starts
    from ...core.session import Session


class KioskScreen(Screen):
    """Base for the flow screens. ``HELP_KEYS`` are (keys, i18n key) pairs shown in help."""

    BINDINGS = [
        Binding("escape", "back", "t:key.back", show=True),
        Binding("f1,question_mark", "help", "t:key.help", show=True, key_display="F1"),
    ]
    HELP_KEYS: list[tuple[str, str]] = []
    # Size classes for every screen's CSS, so spacing grows the same way everywhere:
    # -short up to 80x24-ish, -tall from 34 rows, -huge (a projector at 200x60) from 50.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall"), (50, "-huge")]

    def __init__(self, language: str, session: Session | None = None) -> None:
        super().__init__()
        self.language = language
        self.session = session
        self._guard_for: Input | None = None  # the field whose problem the status line says
        translate_bindings(self, language)

    def t(self, key: str, **values: object) -> str:
        return t(self.language, key, **values)

    def on_mount(self) -> None:
        # Every screen gets its status line here rather than in each compose: one mechanism.
        if not self.query(StatusLine):
            self.mount(StatusLine())

    def say(self, text: str, tone: str = "warning", seconds: float | None = None) -> None:
        """Show a message on this screen's status line (empty text clears it). Most messages
        are refusals ("choose a card first"), hence the default tone; a confirmation passes
        ``tone="success"``. It goes when the screen goes."""
        lines = self.query(StatusLine)
        if lines:
            lines.first().show(text, tone, seconds)
        else:  # said before the screen was mounted: the line is made now and shows it
            line = StatusLine()
            self.mount(line)
            line.show(text, tone, seconds)

    @property
    def status(self) -> str:
        """What the status line says now (for tests and the flow router)."""
        lines = self.query(StatusLine)
        return lines.first().text if lines else ""

    # The first screen of a flow has nowhere to go back to: its Esc is hidden. So has the
    # bottom screen of its stack (a mode started with --mode, or a resumed session).
    FIRST = False

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "back" and (self.FIRST or self.at_bottom):
            return False
        return True

    @property
    def at_bottom(self) -> bool:
        """Nothing under this screen: every run of a flow is a stack of its own."""
        stack = self.app.screen_stack if self.is_attached else []
        return bool(stack) and stack[0] is self

    def action_back(self) -> None:
        self.post_message(Back(self))

    def on_screen_suspend(self) -> None:
        # A covered screen keeps its widgets, so Esc returns to it as it was, but not their
        # rendered lines: at kiosk sizes those are megabytes per screen in the stack, and a
        # screen is repainted when it shows again anyway.
        for widget in self.query("*"):
            widget.refresh()

    def action_help(self) -> None:
        from .help import HelpScreen

        if not self.is_current:
            return  # queued behind another screen that went on top: the help belongs to that one
        self.app.push_screen(HelpScreen(self.language, self))

    # -- free-text fields --------------------------------------------------------------------
    # A field with a length limit and no character filter holds text that ends up in a plan
    # or the store (team, challenge, the plan's fields). It is checked on every change with
    # the rules the plan and the store apply, and the problem is said at once, in the
    # session's language, while the field keeps the focus: never at the end of a workshop
    # in an English technical message.
    def on_input_changed(self, event: Input.Changed) -> None:
        if is_free_text(event.input):
            self.show_field_issue(event.input)

    def on_text_field_full(self, event: TextField.Full) -> None:
        """A keystroke or paste past a field's limit was refused: say so, not just ring."""
        self.say(self.t("polish.field_full", n=event.field.max_length))
        self._guard_for = event.field  # the next change within the limit clears it

    def show_field_issue(self, field: Input) -> bool:
        """Mark the field and say what is wrong with it; True when something is."""
        issue = field_issue(field.value, field.max_length or None)
        field.set_class(issue is not None, "-invalid")
        if issue is not None:
            self.say(self.t(f"guard.{issue[0]}", **issue[1]))
            self._guard_for = field
            return True
        if self._guard_for is field:  # this field's problem is solved
            self.say("")
            self._guard_for = None
        return False

    def refuse_invalid_fields(self) -> bool:
        """Before saving or going on: True (and the first bad field focused, the problem
        shown) when a free-text field breaks the rules."""
        for field in self.query(Input).results(Input):
            if is_free_text(field) and self.show_field_issue(field):
                field.focus()
                return True
        return False


def is_free_text(field: Input) -> bool:
    return bool(field.max_length) and not field.restrict and not field.password and field.type == "text"


class SessionScreen(KioskScreen):
    """A flow screen that shows part of the open session: it is always given one."""

    def __init__(self, language: str, session: Session) -> None:
        super().__init__(language, session)
        self.session: Session = session
