"""A one-line choice: "< Svenska >". Left and right (or a click) step through the options.

Lighter and easier on a projector than a drop-down: the current value is always in view,
and a facilitator can change it without opening anything.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.message import Message
from textual.widget import Widget

from ...core.text import clip


class Choice(Widget, can_focus=True):
    BINDINGS = [
        Binding("left", "step(-1)", show=False),
        Binding("right,space", "step(1)", show=False),
    ]
    DEFAULT_CSS = """
    Choice { height: 1; width: 100%; padding: 0 1; margin: 1 0 0 0; background: $surface; }
    Choice:focus { background: $primary 40%; text-style: bold; }
    """

    class Changed(Message):
        def __init__(self, choice: Choice, value: Hashable) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self, options: Sequence[tuple[str, Hashable]], value: Hashable = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.options = options or [("-", None)]
        values = [v for _, v in self.options]
        self.index = values.index(value) if value in values else 0

    @property
    def value(self) -> Hashable:
        return self.options[self.index][1]

    @value.setter
    def value(self, value: Hashable) -> None:
        values = [v for _, v in self.options]
        if value in values:
            self.index = values.index(value)
            self.refresh()

    def render(self) -> Text:
        many = len(self.options) > 1
        # Shortened to leave room for the closing mark: a cut label still shows where it ends.
        room = self.content_region.width - 4 if self.content_region.width else None
        label = clip(self.options[self.index][0], room) if room and room > 0 else self.options[self.index][0]
        return Text(f"{'<' if many else ' '} {label} {'>' if many else ' '}", no_wrap=True, overflow="crop")

    def action_step(self, delta: int) -> None:
        if len(self.options) < 2:
            return
        self.index = (self.index + delta) % len(self.options)
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    def on_click(self, event: Click) -> None:
        self.focus()
        self.action_step(-1 if event.x < 3 else 1)
