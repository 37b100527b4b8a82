"""The plan written out for people in the room: the lines of the core's plan renderer
(``kiosk.core.plan_text``: facts, actions, a follow-up's review, cards), styled, and where
the group stands on each principle as a mean and a short bar (a table that fits its
column). Long values wrap under their own start, not under their label, at the width the
widget is given."""

from __future__ import annotations

import textwrap

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...core.deck import Deck
from ...core.plan import Plan
from ...core.plan_text import Line, plan_lines

BAR_CELLS = 10  # the top of the scale fills the bar
MIN_BAR_CELLS = 5  # still tells 1 from 5 at a glance
MIN_WRAP = 12  # narrower than this, a value is better folded than wrapped in a sliver


# Not in the text: the screen has its own title and the time is noise to the room; the
# principles' votes are the table below it, and the overall level is the results
# screen's figure, not the plan's.
LEFT_OUT = {"title", "plan.created"}
VOTES = {"vote", "level", "plan.votes"}


def summary_text(lines: list[Line], *, width: int | None = None) -> Text:
    """The core's plan lines but the votes, styled for the screen; ``width`` wraps long
    values with a hanging indent."""
    text = Text()

    def hanging(head: str, value: str, *, head_style: str = "dim", style: str = "") -> None:
        text.append(head, style=head_style)
        room = (width or 0) - len(head)
        wrapped = textwrap.wrap(value, room, break_on_hyphens=False) if width and room >= MIN_WRAP else [value]
        for n, line in enumerate(wrapped or [""]):
            text.append(("" if n == 0 else " " * len(head)) + line + "\n", style=style)

    number = 0
    for line in lines:
        if line.kind in LEFT_OUT | VOTES or line.key in LEFT_OUT | VOTES:
            continue
        if line.kind == "fact":
            hanging(f"{line.label}: ", line.value, style="bold")
        elif line.kind == "heading":
            text.append(f"\n{line.value}\n", style="bold")
        elif line.kind == "action":
            number += 1
            hanging(f" {number}. ", line.value, head_style="bold", style="bold")
        elif line.kind == "detail":
            hanging(f"    {line.label}: ", line.value)
        elif line.kind == "card":
            hanging(" • ", line.value, head_style="")
        elif line.kind == "review":
            hanging(f" • {line.label}: ", line.value)
    text.rstrip()
    return text


def mean_bar(mean: float, top: int, cells: int) -> Text:
    filled = round(mean / top * cells)
    bar = Text("█" * filled, style="bold", no_wrap=True)
    bar.append("░" * (cells - filled), style="dim")
    return bar


class VoteTable:
    """Where the group stands, one row per principle: name, a bar, the mean. Laid out for
    the width it gets: the bar shortens (down to ``MIN_BAR_CELLS``) before a name wraps,
    and a name that must wrap does so at its spaces, inside its own column, so a row is
    never broken across the bar."""

    INDENT = 1

    def __init__(self, rows: list[tuple[str, float | None, int]]) -> None:
        self.rows = rows  # (principle name, mean or None, length of the scale)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max(len(name) for name, _, _ in self.rows)
        return Measurement(self.INDENT + 12 + MIN_BAR_CELLS + 5, self.INDENT + widest + BAR_CELLS + 6)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width - self.INDENT
        widest = max(len(name) for name, _, _ in self.rows)
        mean_cells, gaps = 3, 2
        bar = max(MIN_BAR_CELLS, min(BAR_CELLS, width - widest - mean_cells - gaps))
        name_cells = max(1, min(widest, width - bar - mean_cells - gaps))
        table = Table.grid(padding=(0, 1), pad_edge=False)
        table.add_column(width=name_cells, overflow="fold")  # fold only a word longer than the column
        table.add_column(width=bar, no_wrap=True)
        table.add_column(width=mean_cells, no_wrap=True, justify="right")
        for name, mean, top in self.rows:
            if mean is None:
                table.add_row(Text(name), Text("-", style="dim"), Text(""))
            else:
                table.add_row(Text(name), mean_bar(mean, top, bar), Text(f"{mean:.1f}"))
        yield Padding(table, (0, 0, 0, self.INDENT))


def vote_table(lines: list[Line]) -> Group | None:
    """The votes' heading and table, or None when the plan holds no principle votes."""
    votes = [line for line in lines if line.kind == "vote"]
    heading = next((line for line in lines if line.key == "plan.votes"), None)
    if not votes or heading is None:
        return None
    rows = [(line.label, line.mean, len(line.counts)) for line in votes]
    return Group(Text(f"\n{heading.value}", style="bold"), VoteTable(rows))


class PlanSummary(Widget):
    """The plan, laid out for the width it is given: its height is measured at that width,
    so a resize wraps it again in the same layout pass."""

    DEFAULT_CSS = """
    PlanSummary { height: auto; }
    """

    def __init__(
        self,
        plan: Plan,
        deck: Deck | None,
        labels: dict[str, str],
        *,
        challenges: dict[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.deck = deck
        self.labels = labels
        self.challenges = challenges

    def renderable_for(self, width: int | None) -> RenderableType:
        # One renderer: the lines `plan show` and the Markdown export are made of.
        lines = plan_lines(self.plan, self.deck, self.labels, self.challenges)
        text = summary_text(lines, width=width)
        votes = vote_table(lines)
        return text if votes is None else Group(text, votes)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 1
        console = self.app.console
        options = console.options.update_width(width)
        return len(console.render_lines(self.renderable_for(width), options, pad=False))

    def plain(self) -> str:
        """The summary as shown at its current width, without styles (for tests and logs)."""
        console = self.app.console
        options = console.options.update_width(self.content_size.width or console.width)
        lines = console.render_lines(self.renderable_for(options.max_width), options, pad=False)
        return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)

    def render(self) -> RenderableType:
        return self.renderable_for(self.content_size.width or None)
