"""A team's trend per principle (or the change since the plan followed up): for each
session a bar whose LENGTH is the mean, one cell per step of the scale filled in halves,
with the value printed after it, then the change since the session before. The length and
the numbers carry the meaning; the colour (red = limited ... green = innovative) only
repeats it, so the table reads the same without colour (NO_COLOR) and on the Linux console
(full block, left half block and light shade are all in the console font)."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...core.text import clip
from ..colours import theme_colour
from .bars import STEP_VARIABLES

FULL, HALF, EMPTY = "█", "▌", "░"
EARLIER = "… "  # stands before a row whose oldest sessions do not fit


def trend_bar(mean: float, steps: int) -> tuple[str, str]:
    """``mean`` on the 1..``steps`` scale as ``steps`` cells filled in halves, split into
    the filled part and the rest: 3.4 of 5 -> ('███▌', '░')."""
    halves = max(1, min(2 * steps, round(mean * 2)))
    filled = FULL * (halves // 2) + (HALF if halves % 2 else "")
    return filled, EMPTY * (steps - len(filled))


def point_width(steps: int) -> int:
    return steps + len(" 3.4  ")  # the bar, its value, a gap


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
        steps: int = 5,
    ) -> None:
        super().__init__(id=id)
        self.rows = rows  # (principle name, means oldest first, change)
        self.steps = max(2, steps)  # the scale's length: the longest bar
        # As wide as the longest name (in any of the deck's languages, when given): not cut.
        self.label_width = label_width or max((len(name) for name, _, _ in rows), default=10)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows)

    def shown(self, width: int) -> int:
        """How many of the newest sessions fit beside the names and the change."""
        label = min(self.label_width, max(10, width - 30))
        room = width - label - 1 - len(EARLIER) - len("+0.0")
        return max(1, room // point_width(self.steps))

    def render(self) -> Text:
        width = self.size.width
        label_width = min(self.label_width, max(10, width - 30))
        fits = self.shown(width)
        cut = any(len(means) > fits for _, means, _ in self.rows)
        text = Text(no_wrap=True, overflow="crop")
        for n, (name, means, delta) in enumerate(self.rows):
            text.append(clip(name, label_width).ljust(label_width) + " ")
            if cut:
                text.append(EARLIER if len(means) > fits else " " * len(EARLIER), style="dim")
            for mean in means[-fits:]:
                if mean is None:  # no vote on it that time
                    text.append(" " * (self.steps - 1) + ".".ljust(point_width(self.steps) - self.steps + 1))
                    continue
                step = min(len(STEP_VARIABLES) - 1, max(0, round(mean) - 1))
                filled, rest = trend_bar(mean, self.steps)
                text.append(filled, style=theme_colour(self.app, STEP_VARIABLES[step]))
                text.append(rest, style="dim")
                text.append(f" {mean:3.1f}  ", style="bold")
            if delta is not None:
                colour = "success" if delta > 0 else "error" if delta < 0 else "foreground"
                text.append(f"{delta:+.1f}", style=f"bold {theme_colour(self.app, colour)}")
            if n < len(self.rows) - 1:
                text.append("\n")
        return text
