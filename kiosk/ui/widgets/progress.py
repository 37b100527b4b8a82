"""A one-line progress bar drawn with █ and ░, glyphs that exist on the Linux console
(Textual's ProgressBar uses heavy-line glyphs that do not)."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class ProgressLine(Widget):
    COMPONENT_CLASSES = {"progress--done", "progress--track"}
    DEFAULT_CSS = """
    ProgressLine { height: 1; width: 100%; }
    ProgressLine > .progress--done { color: $primary; }
    /* The quiet text colour: the panel colour was all but white on the light theme. */
    ProgressLine > .progress--track { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fraction = 0.0

    def update(self, fraction: float) -> None:
        fraction = min(1.0, max(0.0, fraction))
        if round(fraction * self.size.width) != round(self.fraction * self.size.width):
            self.refresh()
        self.fraction = fraction

    def render(self) -> Text:
        width = self.size.width
        done = round(self.fraction * width)
        text = Text(no_wrap=True)
        text.append("█" * done, style=self.get_component_rich_style("progress--done"))
        text.append("░" * (width - done), style=self.get_component_rich_style("progress--track"))
        return text
