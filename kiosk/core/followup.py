"""Following up a plan: find the earlier plan, compare the new vote with it, review its
actions (done, not done, dropped) and carry the open ones into the new plan."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .plan import REVIEW_STATUSES, Action, Plan, PlanError
from .store import CODE_ALPHABET, CODE_LENGTH, Store
from .tally import LEVEL_QUESTION, mean_of
from .text import clip, escape_controls
from .votes import Tally

STATUSES = REVIEW_STATUSES
ECHO_LIMIT = 60  # characters of what was typed that an error message repeats
_CODE_RE = re.compile(rf"^[{CODE_ALPHABET}]{{{CODE_LENGTH}}}$")


class FollowUpError(ValueError):
    """The earlier plan cannot be found or read; ``key`` names the message to show."""

    def __init__(self, message: str, key: str, **values: object):
        super().__init__(message)
        self.key = key
        self.values = values


def find_plan(reference: str, store: Store, decode_link: Callable[[str], Plan] | None = None) -> tuple[Plan, str]:
    """The earlier plan from what a person typed or pasted: its short code (as shown on
    the share screen), the path of a saved plan file, or the plan's link. Returns the plan
    and its code ("" when it did not come from this kiosk's store)."""
    text = reference.strip()
    if not text:
        raise FollowUpError("nothing was entered", "followup.empty")
    if _CODE_RE.match(text.upper()):
        plan = store.plan(text.upper())
        if plan is None:
            raise FollowUpError(f"no plan with the code {text.upper()}", "followup.no_code", code=text.upper())
        return plan, text.upper()
    if "#" in text and decode_link is not None:
        try:
            return decode_link(text), ""
        except ValueError as exc:
            raise FollowUpError(str(exc), getattr(exc, "key", "") or "followup.bad_link") from None
    path = Path(text).expanduser()
    if path.suffix == ".toml":
        try:
            return Plan.from_toml(path.read_text(encoding="utf-8")), ""
        except OSError:
            raise FollowUpError(
                f"cannot read {path}", "followup.no_file", path=clip(escape_controls(str(path)), ECHO_LIMIT)
            ) from None
        except (PlanError, UnicodeDecodeError) as exc:
            raise FollowUpError(
                str(exc), "followup.bad_file", path=clip(escape_controls(str(path)), ECHO_LIMIT)
            ) from None
    # What was typed is said back shortened: a long paste must not push the explanation
    # off the status line (and a pasted control character is written out, never acted on).
    shown = clip(escape_controls(text), ECHO_LIMIT)
    raise FollowUpError(f"'{shown}' is not a plan code, file or link", "followup.unknown", text=shown)


@dataclass(frozen=True)
class Change:
    question: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


def compare(earlier_votes: dict[str, list[int]], tallies: dict[str, Tally]) -> list[Change]:
    """Per principle: the earlier mean (from the plan's vote summary) and the new one."""
    return [
        Change(qid, mean_of(earlier_votes[qid]) if qid in earlier_votes else None, tally.mean)
        for qid, tally in tallies.items()
        if qid != LEVEL_QUESTION
    ]


def not_improved(earlier_votes: dict[str, list[int]], tallies: dict[str, Tally]) -> list[str]:
    """The principles whose mean did not rise since the earlier plan's vote (the same or
    lower, or no mean to compare): a follow-up deals its cards for these."""
    return [c.question for c in compare(earlier_votes, tallies) if c.delta is None or c.delta <= 0]


def carry_over(actions: list[Action], statuses: list[str]) -> list[Action]:
    """The actions that are not done (and not dropped): they go into the new plan."""
    if len(actions) != len(statuses) or any(s not in STATUSES for s in statuses):
        raise ValueError("one status (done, not_done or dropped) per action")
    return [a for a, s in zip(actions, statuses, strict=True) if s == "not_done"]
