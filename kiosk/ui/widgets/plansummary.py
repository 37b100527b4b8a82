"""The plan written out for people in the room: headings, cards, actions, and where the
group stands on each principle as a mean and a short bar (a table that fits its column). A
challenge card is named by its title, and long values wrap under their own start, not under
their label, at the width the widget is given."""

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
from ...core.names import card_title, principle_name
from ...core.plan import Action, Plan
from ...core.tally import LEVEL_QUESTION, mean_of

BAR_CELLS = 10  # the top of the scale fills the bar
MIN_BAR_CELLS = 5  # still tells 1 from 5 at a glance
MIN_WRAP = 12  # narrower than this, a value is better folded than wrapped in a sliver


def plan_text(
    plan: Plan,
    deck: Deck | None,
    labels: dict[str, str],
    *,
    challenges: dict[str, str] | None = None,
    width: int | None = None,
) -> Text:
    """``challenges`` maps challenge card ids to titles (a challenge the group typed itself
    is shown as typed); ``width`` wraps long values with a hanging indent."""
    text = Text()

    def heading(key: str) -> None:
        text.append(f"\n{labels[key]}\n", style="bold")

    def hanging(head: str, value: str, *, head_style: str = "dim", style: str = "") -> None:
        text.append(head, style=head_style)
        room = (width or 0) - len(head)
        lines = textwrap.wrap(value, room, break_on_hyphens=False) if width and room >= MIN_WRAP else [value]
        for n, line in enumerate(lines or [""]):
            text.append(("" if n == 0 else " " * len(head)) + line + "\n", style=style)

    if plan.team:
        hanging("", plan.team, style="bold")
    if plan.follow_up:
        text.append(f"{labels['plan.follow_up']}: ", style="dim")
        text.append(f"{plan.follow_up.isoformat()}\n", style="bold")
    if plan.challenge:
        # A challenge card is stored by its id: people see its title, never the id.
        title = (challenges or {}).get(plan.challenge) or card_title(deck, plan.challenge)
        hanging(f"{labels['plan.challenge']}: ", title)
    if plan.cards:
        heading("plan.cards")
        for cid in plan.cards:
            hanging(" • ", card_title(deck, cid), head_style="")
    if plan.actions:
        heading("plan.actions")
        for n, action in enumerate(plan.actions, 1):
            hanging(f" {n}. ", action.what, head_style="bold", style="bold")
            for name in Action.FIELDS[1:]:
                value = getattr(action, name)
                if value:
                    hanging(f"    {labels['plan.' + name]}: ", value)
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


def vote_table(plan: Plan, deck: Deck | None, labels: dict[str, str]) -> Group | None:
    """The votes' heading and table, or None when the plan holds no principle votes."""
    votes = {k: v for k, v in plan.votes.items() if k != LEVEL_QUESTION}
    if not votes:
        return None
    rows = [(principle_name(deck, pid), mean_of(counts), len(counts)) for pid, counts in votes.items()]
    return Group(Text(f"\n{labels['plan.votes']}", style="bold"), VoteTable(rows))


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
        text = plan_text(self.plan, self.deck, self.labels, challenges=self.challenges, width=width)
        votes = vote_table(self.plan, self.deck, self.labels)
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
