"""A team's trend per principle: one coloured block per check-in (red = limited ... green
= innovative), the newest mean and the change since the check-in before. Blocks and 16
colours only, so it reads the same on the Linux console."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...core.text import clip
from ..colours import theme_colour
from .bars import STEP_VARIABLES


class TrendTable(Widget):
    DEFAULT_CSS = """
    TrendTable { height: auto; width: 100%; }
    """

    def __init__(
        self,
        rows: list[tuple[str, list[float | None], float | None]],
        *,
        id: str | None = None,
        label_width: int | None = None,
    ) -> None:
        super().__init__(id=id)
        self.rows = rows  # (principle name, means oldest first, change)
        # As wide as the longest name (in any of the deck's languages, when given): not cut.
        self.label_width = label_width or max((len(name) for name, _, _ in rows), default=10)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows)

    def render(self) -> Text:
        label_width = min(self.label_width, max(10, self.size.width - 30))
        text = Text(no_wrap=True, overflow="crop")
        for n, (name, means, delta) in enumerate(self.rows):
            text.append(clip(name, label_width).ljust(label_width) + " ")
            for mean in means:
                if mean is None:
                    text.append(" . ")
                    continue
                step = min(len(STEP_VARIABLES) - 1, max(0, round(mean) - 1))
                text.append("██ ", style=theme_colour(self.app, STEP_VARIABLES[step]))
            latest = next((m for m in reversed(means) if m is not None), None)
            text.append(f" {latest:3.1f}" if latest is not None else "    ", style="bold")
            if delta is not None:
                colour = "success" if delta > 0 else "error" if delta < 0 else "foreground"
                text.append(f"  {delta:+.1f}", style=f"bold {theme_colour(self.app, colour)}")
            if n < len(self.rows) - 1:
                text.append("\n")
        return text
