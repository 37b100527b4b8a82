"""One action of the plan as a block of fields (what, how, when, who, competences), headed
by its number and two mouse buttons: move it up, remove it. The keys for the same live on
the plan screen, so Tab goes from field to field without stopping at the buttons.

Each field is a row with its label beside it. Where the screen is short (80x24) a row is
compact, one line with no border, so a whole block and the next one's heading fit on the
screen; the focused field's label is then a highlighted tag, a mark that needs no border
glyph and so shows in every theme, the bare console's included."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Input, Label, Static

from ...core.plan import TEXT_LIMITS, Action
from .textfield import TextField

LABEL_KEYS = [f"plan.{name}" for name in Action.FIELDS] + ["plan.follow_up"]


def label_width(t: Callable[..., str]) -> int:
    """The label column: the longest label of the plan's fields in this language, and the
    tag's space either side, so no label wraps and every field starts in the same column."""
    return max(len(t(key)) for key in LABEL_KEYS) + 2


class FieldRow(Horizontal):
    """A label and its field side by side: comfortable (a framed field three rows tall)
    or ``compact`` (one row)."""

    DEFAULT_CSS = """
    FieldRow { height: auto; }
    FieldRow .label-cell { height: auto; align-horizontal: right; padding-top: 1; }
    FieldRow .label-cell Label { padding: 0 1; }
    FieldRow.-focused .label-cell Label { color: $accent; text-style: bold; }
    FieldRow TextField { width: 1fr; }  /* its round frame: the field's own CSS */
    FieldRow.-compact .label-cell { padding-top: 0; }
    FieldRow.-compact TextField { padding: 0 1; }
    FieldRow.-compact.-focused .label-cell Label { background: $accent; color: $background; }
    /* The console's surface is its background: a compact field shows where it is on the
       panel colour (its hint's colour is set for every field in kiosk.tcss). */
    App.-console FieldRow.-compact TextField { background: $panel; }
    """
    SCOPED_CSS = False  # a rule above starts at the App (its -console class)

    compact = reactive(False, toggle_class="-compact")

    def __init__(self, label: str, field: Input, *, width: int, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label_text = label
        self.field = field
        self.label_cells = width

    def compose(self) -> ComposeResult:
        cell = Container(classes="label-cell")
        cell.styles.width = self.label_cells
        with cell:
            yield Label(self.label_text, markup=False)
        yield self.field

    def watch_compact(self, compact: bool) -> None:
        self.field.compact = compact

    # A class, not :focus-within: Textual restyles on focus only the nodes a :focus-within
    # rule is about, which would be the label, not an ancestor of the field.
    def on_descendant_focus(self) -> None:
        self.add_class("-focused")

    def on_descendant_blur(self) -> None:
        self.remove_class("-focused")


class ActionForm(Vertical):
    DEFAULT_CSS = """
    ActionForm { height: auto; margin-top: 1; }
    ActionForm .action-head { height: 1; }
    ActionForm .action-number { width: 1fr; text-style: bold; color: $primary; }
    ActionForm .action-head Button { height: 1; min-width: 8; border: none; margin-left: 1; }
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
            for button in (up, remove):  # the console's rule for every button moves it a row down
                button.styles.margin = (0, 0, 0, 1)
            up.display = self.number > 1
            yield up
            yield remove
        width = label_width(self.t)
        for name in Action.FIELDS:
            # Blocks never change places (moves and removals shift the text between
            # them), so the first block's fields keep the plain ids #what, #how, ...
            field = TextField(
                getattr(self.action, name)[: TEXT_LIMITS[name]],
                placeholder=self.t(f"plan.{name}_hint"),
                classes=f"field field-{name}",
                id=name if self.number == 1 else None,
                max_length=TEXT_LIMITS[name],
            )
            yield FieldRow(self.t(f"plan.{name}"), field, width=width)

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
