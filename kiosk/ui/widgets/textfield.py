"""A one-line text field that tells its screen when it refused a keystroke or a paste for
being over its length limit, so the screen can say so: Textual's own field only rings the
bell, and the text past the limit was lost without a word. A compact field (one row, no
border) stays borderless in every theme.

Typed and pasted text is composed (Unicode NFC): a letter and its accent typed or pasted as
two characters (a Mac, some keyboards: "e" then U+0301) become the one letter "é" that the
console font has, instead of a combining mark the plan refuses.

A field that has not the focus shows the start of its text: Textual keeps the view where the
cursor was, at the end, so a filled-in "What" longer than its field read "a "How might we..."
(the tail of "Try ...") beside its label at 80x24."""

from __future__ import annotations

import unicodedata

from textual.events import Blur
from textual.message import Message
from textual.widgets import Input

BORDER_SIDES = ("border_top", "border_right", "border_bottom", "border_left")


class TextField(Input):
    class Full(Message):
        """Text was refused because the field holds ``field.max_length`` characters."""

        def __init__(self, field: TextField) -> None:
            super().__init__()
            self.field = field

    def on_mount(self) -> None:
        if not self.has_focus:
            self.show_start()

    def on_blur(self, event: Blur) -> None:
        if self.app.app_focus:  # not when the terminal window lost the focus mid-word
            self.show_start()

    def show_start(self) -> None:
        # The view follows the cursor; focusing the field selects its whole text again.
        self.cursor_position = 0

    def replace(self, text: str, start: int, end: int) -> None:
        value = self.value
        start, end = sorted((max(0, start), min(len(value), end)))
        composed = unicodedata.normalize("NFC", value[:start] + text)
        if composed == value[:start] + text:
            super().replace(text, start, end)
            return
        # An accent joined the letter before it: rewrite from the first character that changed.
        same = next((i for i, (a, b) in enumerate(zip(composed, value[:start], strict=False)) if a != b), None)
        keep = min(len(composed), start) if same is None else same
        super().replace(composed[keep:], keep, end)

    def restricted(self) -> None:
        super().restricted()
        if self.max_length and not self.restrict:  # free text: only the limit refuses it
            self.post_message(self.Full(self))

    def watch_compact(self, compact: bool) -> None:
        # Textual drops a compact field's border in its default CSS, which any stylesheet
        # rule for every field outranks (the console draws them with lines): only a style
        # of the field's own outranks that.
        if compact:
            self.styles.border = ("none", "transparent")
        else:
            for side in BORDER_SIDES:
                self.styles.clear_rule(side)
        self.refresh(layout=True)
