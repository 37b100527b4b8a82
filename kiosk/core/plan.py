"""The action plan: the document a team takes home (DESIGN section 4).

Free text is bounded so the plan's link stays small enough for a scannable QR code, and
so it fits a phone screen. All text must be showable on the Linux console.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import tomli_w

from .deck import SCALE_STEPS, Deck
from .modes import MODE_NAMES
from .names import card_title, principle_name
from .tally import LEVEL_OPTIONS, LEVEL_QUESTION, mean_of
from .text import text_problem

FORMAT = 1
MAX_ACTIONS = 5
MAX_CARDS = 8
MAX_FOLLOW_UP_DAYS = 730
# Characters per field. A typical plan uses a fraction of these; the link codec measures
# what the largest plan costs.
TEXT_LIMITS = {
    "team": 60,
    "challenge": 140,
    "what": 120,
    "how": 160,
    "when": 40,
    "who": 80,
    "competences": 120,
}


class PlanError(ValueError):
    """A plan that breaks a rule; the message is meant for the person typing. ``key`` and
    ``values`` let the UI say the same thing in the session's language."""

    def __init__(self, message: str, key: str = "", **values: object):
        super().__init__(message)
        self.key = key
        self.values = values


@dataclass
class Action:
    what: str
    how: str = ""
    when: str = ""
    who: str = ""
    competences: str = ""

    FIELDS = ("what", "how", "when", "who", "competences")


# How an action of the plan followed up went. Append-only: a status's index is on the wire.
REVIEW_STATUSES = ("done", "not_done", "dropped")


@dataclass
class Reviewed:
    """One action of the plan followed up, as the group reviewed it."""

    what: str
    status: str  # one of REVIEW_STATUSES


@dataclass
class Plan:
    deck: str
    language: str
    mode: str
    created: datetime
    cards: list[str] = field(default_factory=list)
    votes: dict[str, list[int]] = field(default_factory=dict)  # question id -> counts per option
    actions: list[Action] = field(default_factory=list)
    follow_up: date | None = None
    team: str = ""
    challenge: str = ""  # a challenge card id, or the team's own "How might we ...?"
    follows: str = ""  # the code of the plan this one follows up
    review: list[Reviewed] = field(default_factory=list)  # the followed plan's actions, as reviewed

    def problems(self) -> list[str]:
        """Everything wrong with the plan, as messages (empty when fine)."""
        found: list[str] = []
        if self.mode not in MODE_NAMES:
            found.append(f"mode '{self.mode}' is not one of {', '.join(MODE_NAMES)}")
        if len(self.cards) > MAX_CARDS:
            found.append(f"{len(self.cards)} cards; at most {MAX_CARDS}")
        if len(self.actions) > MAX_ACTIONS:
            found.append(f"{len(self.actions)} actions; at most {MAX_ACTIONS}")
        for name in ("team", "challenge"):
            found.extend(_text_problems(name, getattr(self, name)))
        for i, action in enumerate(self.actions, 1):
            if not action.what.strip():
                found.append(f"action {i}: 'what' is empty")
            for name in Action.FIELDS:
                found.extend(_text_problems(f"action {i} {name}", getattr(action, name), TEXT_LIMITS[name]))
        if len(self.review) > MAX_ACTIONS:
            found.append(f"{len(self.review)} reviewed actions; at most {MAX_ACTIONS}")
        for i, item in enumerate(self.review, 1):
            if item.status not in REVIEW_STATUSES:
                found.append(f"review {i}: status '{item.status}' is not one of {', '.join(REVIEW_STATUSES)}")
            if not item.what.strip():
                found.append(f"review {i}: 'what' is empty")
            found.extend(_text_problems(f"review {i} what", item.what, TEXT_LIMITS["what"]))
        for qid, counts in self.votes.items():
            size = len(LEVEL_OPTIONS) if qid == LEVEL_QUESTION else SCALE_STEPS
            if len(counts) != size or any((not isinstance(c, int)) or c < 0 for c in counts):
                found.append(f"votes for '{qid}' must be {size} counts of zero or more")
        return found

    def check(self) -> None:
        found = self.problems()
        if found:
            raise PlanError("; ".join(found))

    # -- TOML ------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        doc: dict = {
            "format": FORMAT,
            "deck": self.deck,
            "language": self.language,
            "mode": self.mode,
            "created": self.created.astimezone(UTC).replace(microsecond=0),
        }
        if self.team:
            doc["team"] = self.team
        if self.challenge:
            doc["challenge"] = self.challenge
        if self.follows:
            doc["follows"] = self.follows
        doc["cards"] = list(self.cards)
        if self.follow_up:
            doc["follow_up"] = self.follow_up
        if self.votes:
            doc["votes"] = {k: list(v) for k, v in self.votes.items()}
        doc["actions"] = [{k: getattr(a, k) for k in Action.FIELDS if getattr(a, k)} for a in self.actions]
        if self.review:
            doc["review"] = [{"what": r.what, "status": r.status} for r in self.review]
        return doc

    def to_toml(self) -> str:
        return tomli_w.dumps(self.to_dict())

    @classmethod
    def from_dict(cls, doc: dict) -> Plan:
        try:
            fmt = doc.get("format", FORMAT)
            if fmt != FORMAT:
                raise PlanError(f"plan format {fmt} is not supported (this kiosk reads format {FORMAT})")
            created = doc["created"]
            if isinstance(created, datetime) and created.tzinfo is None:
                created = created.replace(tzinfo=UTC)
            if not isinstance(created, datetime):
                raise PlanError("'created' must be a date and time")
            follow_up = doc.get("follow_up")
            if follow_up is not None and (isinstance(follow_up, datetime) or not isinstance(follow_up, date)):
                raise PlanError("'follow_up' must be a date like 2026-12-24")
            actions = []
            for raw in doc.get("actions", []):
                unknown = set(raw) - set(Action.FIELDS)
                if unknown:
                    raise PlanError(f"unknown action field(s): {', '.join(sorted(unknown))}")
                actions.append(Action(**{k: str(raw.get(k, "")) for k in Action.FIELDS}))
            review = []
            for raw in doc.get("review", []):
                unknown = set(raw) - {"what", "status"}
                if unknown:
                    raise PlanError(f"unknown review field(s): {', '.join(sorted(unknown))}")
                review.append(Reviewed(str(raw["what"]), str(raw["status"])))
            plan = cls(
                deck=str(doc["deck"]),
                language=str(doc["language"]),
                mode=str(doc["mode"]),
                created=created,
                cards=[str(c) for c in doc.get("cards", [])],
                votes={str(k): list(v) for k, v in doc.get("votes", {}).items()},
                actions=actions,
                follow_up=follow_up,
                team=str(doc.get("team", "")),
                challenge=str(doc.get("challenge", "")),
                follows=str(doc.get("follows", "")),
                review=review,
            )
        except KeyError as exc:
            raise PlanError(f"the plan has no '{exc.args[0]}'") from None
        except (TypeError, AttributeError) as exc:
            raise PlanError(f"the plan is malformed: {exc}") from None
        plan.check()
        return plan

    @classmethod
    def from_toml(cls, text: str) -> Plan:
        try:
            return cls.from_dict(tomllib.loads(text))
        except tomllib.TOMLDecodeError as exc:
            raise PlanError(f"not a valid plan file: {exc}") from None


def _text_problems(name: str, value: str, limit: int | None = None) -> list[str]:
    found = []
    limit = limit or TEXT_LIMITS[name]
    if len(value) > limit:
        found.append(f"{name}: {len(value)} characters; at most {limit}")
    bad = text_problem(value)
    if bad:
        found.append(f"{name}: {bad}")
    if "\n" in value or "\t" in value:
        found.append(f"{name}: must be one line")
    return found


_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$"), ("d", "m", "y")),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})\.?$"), ("d", "m")),
)


def parse_follow_up(text: str, today: date) -> date:
    """A follow-up date typed by a person: 2026-12-24, 24.12.2026, 24/12 or 24.12 (the
    next such day). Refuses dates in the past and more than two years ahead."""
    value = text.strip()
    for rx, order in _DATE_FORMS:
        match = rx.match(value)
        if not match:
            continue
        parts = dict(zip(order, map(int, match.groups()), strict=True))
        year = parts.get("y", today.year)
        try:
            day = date(year, parts["m"], parts["d"])
        except ValueError:
            raise PlanError(f"'{value}' is not a date in the calendar", "date_invalid", value=value) from None
        if "y" not in parts and day < today:
            try:
                day = date(year + 1, parts["m"], parts["d"])
            except ValueError:
                raise PlanError(f"'{value}' is not a date in the calendar", "date_invalid", value=value) from None
        if day < today:
            raise PlanError(
                f"{day.isoformat()} is in the past; pick today or a later day", "date_past", date=day.isoformat()
            )
        if day > today + timedelta(days=MAX_FOLLOW_UP_DAYS):
            raise PlanError(f"{day.isoformat()} is more than two years away", "date_far", date=day.isoformat())
        return day
    raise PlanError(
        f"'{value}' is not a date; write it like {today.isoformat()}",
        "date_format",
        value=value,
        example=today.isoformat(),
    )


def render_markdown(plan: Plan, deck: Deck | None, labels: dict[str, str]) -> str:
    """The plan as Markdown, in the words of ``labels`` (see :mod:`kiosk.core.i18n`)."""
    lines = [f"# {labels['plan.title']}", ""]
    if plan.team:
        lines.append(f"**{labels['plan.team']}:** {plan.team}  ")
    lines.append(f"**{labels['plan.created']}:** {plan.created.astimezone().strftime('%Y-%m-%d %H:%M')}  ")
    if plan.follow_up:
        lines.append(f"**{labels['plan.follow_up']}:** {plan.follow_up.isoformat()}  ")
    if plan.challenge:
        lines.append(f"**{labels['plan.challenge']}:** {card_title(deck, plan.challenge)}  ")
    if plan.cards:
        lines += ["", f"## {labels['plan.cards']}", ""]
        lines += [f"- {card_title(deck, cid)}" for cid in plan.cards]
    if plan.actions:
        lines += ["", f"## {labels['plan.actions']}", ""]
        for i, action in enumerate(plan.actions, 1):
            lines.append(f"{i}. **{action.what}**")
            for name in Action.FIELDS[1:]:
                value = getattr(action, name)
                if value:
                    lines.append(f"   - {labels['plan.' + name]}: {value}")
    principle_votes = {k: v for k, v in plan.votes.items() if k != LEVEL_QUESTION}
    if principle_votes:
        steps = max(len(counts) for counts in principle_votes.values())
        lines += [
            "",
            f"## {labels['plan.votes']}",
            "",
            f"| | {labels['plan.mean']} | " + " | ".join(str(n) for n in range(1, steps + 1)) + " |",
            "|---|---|" + "---|" * steps,
        ]
        for qid, counts in principle_votes.items():
            mean = mean_of(counts)
            shown = "-" if mean is None else f"{mean:.1f}"
            lines.append(f"| {principle_name(deck, qid)} | {shown} | " + " | ".join(str(c) for c in counts) + " |")
    return "\n".join(lines) + "\n"
