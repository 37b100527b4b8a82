"""One action of the plan as a block of fields (what, how, when, who, competences), headed
by its number and two mouse buttons: move it up, remove it. The keys for the same live on
the plan screen, so Tab goes from field to field without stopping at the buttons."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from ...core.plan import TEXT_LIMITS, Action
from .textfield import TextField


class ActionForm(Vertical):
    DEFAULT_CSS = """
    ActionForm { height: auto; margin-top: 1; }
    ActionForm .action-head { height: 1; }
    ActionForm .action-number { width: 1fr; text-style: bold; color: $primary; }
    ActionForm .action-head Button { height: 1; min-width: 8; border: none; margin-left: 1; }
    ActionForm Grid { grid-size: 2; grid-columns: 20 1fr; grid-rows: auto; height: auto; grid-gutter: 0 1; }
    ActionForm Label { padding: 1 0 0 0; width: 100%; text-align: right; }
    """

    class Asked(Message):
        """A button of the block was clicked: ``what`` is "up" or "remove"."""

        def __init__(self, form: ActionForm, what: str) -> None:
            super().__init__()
            self.form = form
            self.what = what

    def __init__(self, action: Action, t: Callable[..., str], *, number: int) -> None:
        super().__init__()
        self.action = action
        self.t = t
        self.number = number

    def compose(self) -> ComposeResult:
        with Horizontal(classes="action-head"):
            yield Static(self.t("room_plan.action_n", n=self.number), classes="action-number", markup=False)
            up = Button(self.t("room_plan.action_up"), classes="up")
            remove = Button(self.t("room_plan.action_remove"), classes="remove")
            up.can_focus = remove.can_focus = False  # the keys do the same; Tab stays in the fields
            up.display = self.number > 1
            yield up
            yield remove
        with Grid():
            for name in Action.FIELDS:
                yield Label(self.t(f"plan.{name}"))
                # Blocks never change places (moves and removals shift the text between
                # them), so the first block's fields keep the plain ids #what, #how, ...
                yield TextField(
                    getattr(self.action, name)[: TEXT_LIMITS[name]],
                    placeholder=self.t(f"plan.{name}_hint"),
                    classes=f"field field-{name}",
                    id=name if self.number == 1 else None,
                    max_length=TEXT_LIMITS[name],
                )

    def renumber(self, number: int) -> None:
        self.number = number
        self.query_one(".action-number", Static).update(self.t("room_plan.action_n", n=number))
        self.query_one(".up", Button).display = number > 1

    def field(self, name: str) -> Input:
        return self.query_one(f".field-{name}", Input)

    def values(self) -> dict[str, str]:
        return {name: self.field(name).value.strip() for name in Action.FIELDS}

    def set_values(self, values: dict[str, str]) -> None:
        for name in Action.FIELDS:
            self.field(name).value = values.get(name, "")

    def has_text(self) -> bool:
        return any(self.values().values())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Asked(self, "up" if event.button.has_class("up") else "remove"))
