"""The plan written out for people: one renderer, several forms.

``plan_lines`` turns a plan into labelled lines in the words of a language (what to say);
``plan_text`` lays them out as plain text (``innovationslek plan show``, scripts) and
``plan_markdown`` as Markdown; the share screen's summary styles the same lines.
Text from the plan stays text: nothing here is markup for anyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .deck import Deck
from .names import card_title, principle_name
from .plan import Action, Plan
from .tally import LEVEL_OPTIONS, LEVEL_QUESTION, mean_of


@dataclass(frozen=True)
class Line:
    """``kind`` is one of: title, fact (label: value), heading, card, action (its "what"),
    detail (label: value under an action), review (status: an action of the plan followed
    up), vote (principle, mean, counts), level (the overall question: label, then each
    option's name and count). ``key`` names a fact or a heading by its catalogue key
    (plan.team, plan.votes, ...), so a form can leave one out or style it."""

    kind: str
    label: str = ""
    value: str = ""
    counts: tuple[int, ...] = ()
    mean: float | None = None
    key: str = ""


def _level_names(deck: Deck | None) -> dict[str, str]:
    model = deck.model if deck is not None else None
    names = {level.id: level.name for level in model.levels} if model else {}
    if model and model.both:
        names["both"] = model.both
    return {option: names.get(option, option) for option in LEVEL_OPTIONS}


def plan_lines(
    plan: Plan, deck: Deck | None, labels: dict[str, str], challenges: Mapping[str, str] | None = None
) -> list[Line]:
    """``challenges``: challenge titles by id (they live in their own deck, not the plan's)."""
    lines = [Line("title", value=labels["plan.title"])]
    challenge = ((challenges or {}).get(plan.challenge) or card_title(deck, plan.challenge)) if plan.challenge else ""
    facts = [
        ("plan.team", plan.team),
        ("plan.created", plan.created.strftime("%Y-%m-%d %H:%M UTC") if plan.created else ""),
        ("plan.follow_up", plan.follow_up.isoformat() if plan.follow_up else ""),
        ("plan.challenge", challenge),
    ]
    lines += [Line("fact", labels[key], value, key=key) for key, value in facts if value]
    if plan.actions:
        lines.append(Line("heading", value=labels["plan.actions"], key="plan.actions"))
        for action in plan.actions:
            lines.append(Line("action", value=action.what))
            lines += [
                Line("detail", labels[f"plan.{name}"], getattr(action, name))
                for name in Action.FIELDS[1:]
                if getattr(action, name)
            ]
    if plan.review:  # a follow-up: how each action of the plan it followed up went
        heading = labels["room_followup.review_heading_code"].replace("{code}", plan.follows)
        heading = heading if plan.follows else labels["room_followup.review_heading"]
        lines.append(Line("heading", value=heading, key="room_followup.review_heading"))
        lines += [Line("review", labels[f"room_followup.review_{item.status}"], item.what) for item in plan.review]
    if plan.cards:
        lines.append(Line("heading", value=labels["plan.cards"], key="plan.cards"))
        lines += [Line("card", value=card_title(deck, card_id)) for card_id in plan.cards]
    principle_votes = {q: c for q, c in plan.votes.items() if q != LEVEL_QUESTION}
    level = plan.votes.get(LEVEL_QUESTION)
    if principle_votes or level:
        lines.append(Line("heading", value=labels["plan.votes"], key="plan.votes"))
    if level:
        names = _level_names(deck)
        lines.append(
            Line(
                "level",
                labels["linkfmt.level"],
                ", ".join(f"{names[o]} {c}" for o, c in zip(LEVEL_OPTIONS, level, strict=True)),
                counts=tuple(level),
            )
        )
    for qid, counts in principle_votes.items():
        lines.append(Line("vote", principle_name(deck, qid), counts=tuple(counts), mean=mean_of(counts)))
    return lines


def plan_text(
    plan: Plan, deck: Deck | None, labels: dict[str, str], challenges: Mapping[str, str] | None = None
) -> str:
    out: list[str] = []
    lines = plan_lines(plan, deck, labels, challenges)
    vote_width = max((len(line.label) for line in lines if line.kind == "vote"), default=0)
    number = 0
    for line in lines:
        if line.kind == "title":
            out += [line.value, "=" * len(line.value)]
        elif line.kind == "fact":
            out.append(f"{line.label}: {line.value}")
        elif line.kind == "heading":
            out += ["", line.value, "-" * len(line.value)]
        elif line.kind == "action":
            number += 1
            out.append(f"{number}. {line.value}")
        elif line.kind == "detail":
            out.append(f"   {line.label}: {line.value}")
        elif line.kind == "card":
            out.append(f"- {line.value}")
        elif line.kind == "review":
            out.append(f"- {line.label}: {line.value}")
        elif line.kind == "level":
            out.append(f"{line.label}: {line.value}")
        elif line.kind == "vote":
            mean = "-" if line.mean is None else f"{line.mean:.1f}"
            out.append(
                f"{line.label:<{vote_width}}  {labels['plan.mean']} {mean:>3}  "
                f"({' '.join(str(c) for c in line.counts)})"
            )
    return "\n".join(out) + "\n"


def plan_markdown(
    plan: Plan, deck: Deck | None, labels: dict[str, str], challenges: Mapping[str, str] | None = None
) -> str:
    out: list[str] = []
    number = 0
    for line in plan_lines(plan, deck, labels, challenges):
        if line.kind == "title":
            out += [f"# {line.value}", ""]
        elif line.kind == "fact":
            out.append(f"**{line.label}:** {line.value}  ")
        elif line.kind == "heading":
            out += ["", f"## {line.value}", ""]
        elif line.kind == "action":
            number += 1
            out.append(f"{number}. **{line.value}**")
        elif line.kind == "detail":
            out.append(f"   - {line.label}: {line.value}")
        elif line.kind == "card":
            out.append(f"- {line.value}")
        elif line.kind == "review":
            out.append(f"- {line.label}: {line.value}")
        elif line.kind == "level":
            out += [f"{line.label}: {line.value}", ""]
        elif line.kind == "vote":
            mean = "-" if line.mean is None else f"{line.mean:.1f}"
            out.append(f"- {line.label}: {labels['plan.mean']} {mean} ({' '.join(str(c) for c in line.counts)})")
    return "\n".join(out) + "\n"
