"""The plan written out for people in the room: headings, cards, actions, and where the
group stands on each principle as a mean and a short bar."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...core.deck import Deck
from ...core.names import card_title, principle_name
from ...core.plan import Action, Plan
from ...core.tally import LEVEL_QUESTION, mean_of

BAR_CELLS = 10  # the top of the scale fills the bar


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
    votes = {k: v for k, v in plan.votes.items() if k != LEVEL_QUESTION}
    if votes:
        heading("plan.votes")
        names = {pid: principle_name(deck, pid) for pid in votes}
        width = max(len(n) for n in names.values())
        for pid, counts in votes.items():
            mean = mean_of(counts)
            text.append(f" {names[pid]:<{width}}  ")
            if mean is None:
                text.append("-\n", style="dim")
                continue
            filled = round(mean / len(counts) * BAR_CELLS)
            text.append("█" * filled, style="bold")
            text.append("░" * (BAR_CELLS - filled), style="dim")
            text.append(f" {mean:.1f}\n")
    text.rstrip()
    return text


class PlanSummary(Static):
    def __init__(self, plan: Plan, deck: Deck | None, labels: dict[str, str], *, id: str | None = None) -> None:
        super().__init__(plan_text(plan, deck, labels), id=id)
