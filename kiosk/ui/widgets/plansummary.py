"""The plan written out for people in the room: headings, cards, actions, and where the
group stands on each principle as a mean and a short bar. A challenge card is named by its
title, and long values wrap under their own start, not under their label, at the width the
widget is given."""

from __future__ import annotations

import textwrap

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from ...core.deck import Deck
from ...core.names import card_title, principle_name
from ...core.plan import Action, Plan
from ...core.tally import LEVEL_QUESTION, mean_of

BAR_CELLS = 10  # the top of the scale fills the bar
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
    votes = {k: v for k, v in plan.votes.items() if k != LEVEL_QUESTION}
    if votes:
        heading("plan.votes")
        names = {pid: principle_name(deck, pid) for pid in votes}
        name_width = max(len(n) for n in names.values())
        for pid, counts in votes.items():
            mean = mean_of(counts)
            text.append(f" {names[pid]:<{name_width}}  ")
            if mean is None:
                text.append("-\n", style="dim")
                continue
            filled = round(mean / len(counts) * BAR_CELLS)
            text.append("█" * filled, style="bold")
            text.append("░" * (BAR_CELLS - filled), style="dim")
            text.append(f" {mean:.1f}\n")
    text.rstrip()
    return text


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

    def text_for(self, width: int | None) -> Text:
        return plan_text(self.plan, self.deck, self.labels, challenges=self.challenges, width=width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.text_for(width).wrap(self.app.console, width)) if width else 1

    def render(self) -> Text:
        return self.text_for(self.content_size.width or None)
