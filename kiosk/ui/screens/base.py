"""What every screen shares: Escape goes back, F1 or ? opens the help, text in the
session's language, and free-text fields checked as they are typed."""

from __future__ import annotations

import functools
import inspect
from typing import TYPE_CHECKING, Callable

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from ...core.i18n import t
from ...core.text import field_issue
from ..i18n import translate_bindings
from ..plain import plain

if TYPE_CHECKING:
    from ..app import KioskApp


def when_active(handler: Callable) -> Callable:
    """For a screen's handlers of widget messages (a button pressed, a field submitted).

    Fast keys can reach a widget before the screen it is on gets covered or closed: Enter
    submits a field, F1 in the same burst opens the help, and only then is the submission
    handled, which would open the next screen over the help; or a second Enter confirms a
    ballot that the first already cast and closed. A screen that is not on top ignores such
    messages; what was typed stays, to be sent again."""
    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def guarded_async(self: Screen, *args: object) -> None:
            if self.is_active:
                await handler(self, *args)

        return guarded_async

    @functools.wraps(handler)
    def guarded(self: Screen, *args: object) -> None:
        if self.is_active:
            handler(self, *args)

    return guarded


class KioskScreen(Screen):
    """Base for the flow screens. ``HELP_KEYS`` are (keys, i18n key) pairs shown in help."""

    BINDINGS = [
        Binding("escape", "back", "t:key.back", show=True),
        Binding("f1,question_mark", "help", "t:key.help", show=True, key_display="F1"),
    ]
    HELP_KEYS: list[tuple[str, str]] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self, self.language)

    @property
    def kiosk(self) -> "KioskApp":
        return self.app  # type: ignore[return-value]

    @property
    def language(self) -> str:
        return self.kiosk.language

    def t(self, key: str, **values: object) -> str:
        return t(self.language, key, **values)

    @property
    def taken_down(self) -> bool:
        """True when this screen was closed (or the app quit) while its events were still
        queued: its widgets may be gone by the time they run, and nothing needs showing."""
        return not self.is_attached or self not in self.app.screen_stack

    # The first screen of a flow has nowhere to go back to: its Esc is hidden.
    FIRST = False

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "back" and self.FIRST:
            return False
        return True

    def action_back(self) -> None:
        self.kiosk.go_back()

    def on_screen_suspend(self) -> None:
        # A covered screen keeps its widgets, so Esc returns to it as it was, but not their
        # rendered lines: at kiosk sizes those are megabytes per screen in the stack, and a
        # screen is repainted when it shows again anyway.
        for widget in self.query("*"):
            widget.refresh()

    def action_help(self) -> None:
        from .help import HelpScreen

        self.app.push_screen(HelpScreen(self))

    # -- free-text fields --------------------------------------------------------------------
    # A field with a length limit and no character filter holds text that ends up in a plan
    # or the store (team, challenge, the plan's fields). It is checked on every change with
    # the rules the plan and the store apply, and the problem is said at once, in the
    # session's language, while the field keeps the focus: never at the end of a workshop
    # in an English technical message.
    def on_input_changed(self, event: Input.Changed) -> None:
        if is_free_text(event.input):
            self.show_field_issue(event.input)

    def show_field_issue(self, field: Input) -> bool:
        """Mark the field and say what is wrong with it; True when something is."""
        issue = field_issue(field.value, field.max_length or None)
        field.set_class(issue is not None, "-invalid")
        messages = self.query(".message").results(Static)
        message = next(iter(messages), None)
        if issue is not None:
            text = self.t(f"guard.{issue[0]}", **issue[1])
            if message is not None:
                message.update(plain(text))
                message.guard_for = field  # type: ignore[attr-defined]
            elif getattr(field, "guard_told", None) != text:  # once per problem, not per key
                self.app.notify(text, severity="warning", markup=False)
            field.guard_told = text  # type: ignore[attr-defined]
            return True
        field.guard_told = None  # type: ignore[attr-defined]
        if message is not None and getattr(message, "guard_for", None) is field:
            message.update("")
            message.guard_for = None  # type: ignore[attr-defined]
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
