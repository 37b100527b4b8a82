"""The plan written out for people in the room: headings, cards, actions, and where the
group stands on each principle as a mean and a short bar (a table that fits its column)."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from ...core.deck import Deck
from ...core.names import card_title, principle_name
from ...core.plan import Action, Plan
from ...core.tally import LEVEL_QUESTION, mean_of

BAR_CELLS = 10  # the top of the scale fills the bar
MIN_BAR_CELLS = 5  # still tells 1 from 5 at a glance


def plan_text(plan: Plan, deck: Deck | None, labels: dict[str, str]) -> Text:
    text = Text()

    def heading(key: str) -> None:
        text.append(f"\n{labels[key]}\n", style="bold")

    if plan.team:
        text.append(f"{plan.team}\n", style="bold")
    if plan.follow_up:
        text.append(f"{labels['plan.follow_up']}: ", style="dim")
        text.append(f"{plan.follow_up.isoformat()}\n", style="bold")
    if plan.challenge:
        text.append(f"{labels['plan.challenge']}: ", style="dim")
        text.append(f"{card_title(deck, plan.challenge)}\n")
    if plan.cards:
        heading("plan.cards")
        for cid in plan.cards:
            text.append(f" • {card_title(deck, cid)}\n")
    if plan.actions:
        heading("plan.actions")
        for n, action in enumerate(plan.actions, 1):
            text.append(f" {n}. {action.what}\n", style="bold")
            for name in Action.FIELDS[1:]:
                value = getattr(action, name)
                if value:
                    text.append(f"    {labels['plan.' + name]}: ", style="dim")
                    text.append(f"{value}\n")
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


class PlanSummary(Static):
    def __init__(self, plan: Plan, deck: Deck | None, labels: dict[str, str], *, id: str | None = None) -> None:
        votes = vote_table(plan, deck, labels)
        text = plan_text(plan, deck, labels)
        super().__init__(text if votes is None else Group(text, votes), id=id)
