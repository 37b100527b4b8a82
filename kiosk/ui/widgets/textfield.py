"""A one-line text field that tells its screen when it refused a keystroke or a paste for
being over its length limit, so the screen can say so: Textual's own field only rings the
bell, and the text past the limit was lost without a word. A compact field (one row, no
border) stays borderless in every theme."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input

BORDER_SIDES = ("border_top", "border_right", "border_bottom", "border_left")


class TextField(Input):
    class Full(Message):
        """Text was refused because the field holds ``field.max_length`` characters."""

        def __init__(self, field: TextField) -> None:
            super().__init__()
            self.field = field

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
