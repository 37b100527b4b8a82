"""The modes of play as data: one ``ModeSpec`` per mode says everything that differs
between a walk-up visitor, a workshop, a team check-in and a follow-up.

Config, the start screen, the facilitator menu, the flow router, the session, export and
the day view all iterate over ``MODES``; adding a mode is one spec here plus its screens.
The plan link keeps its own wire table of mode codes (a printed link must not change
meaning when this list does).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModeSpec:
    name: str
    # The main path of the flow, first step first. The router knows each step's screen.
    steps: tuple[str, ...]
    hand_size: int  # cards dealt at once
    focus_on_weakest: bool  # deal only for the weakest principles (when they are known)
    places: tuple[str, ...]  # where a dealt exercise may happen; () means anywhere
    level_question: bool  # ask the overall level (limited / innovative / both) first
    secret_default: bool  # secret ballots by default (False: a show of hands)
    offers_hands: bool  # the group may choose a show of hands instead of secret ballots
    single_ballot: bool  # one person votes and goes straight on to the results
    pick_one: bool  # one card is picked from its own screen (no choosing several, no timer)
    resumable: bool  # an open session is offered again after a crash
    idle_reset: bool  # nobody is in charge: after a while without input, start again
    plan_kind: str  # "mini" (two choices) or "full" (the action form)
    results_trend: bool  # the results show the team's trend over earlier sessions
    results_compare: bool  # the results compare with the plan being followed up
    private_text: bool  # free text stays on the kiosk unless export is allowed to take it

    @property
    def first_step(self) -> str:
        return self.steps[0]


WALKUP = ModeSpec(
    name="walkup",
    steps=("attract", "vote", "results", "deal", "plan", "share"),
    hand_size=3,
    focus_on_weakest=True,
    places=("room",),
    level_question=False,
    secret_default=True,
    offers_hands=False,
    single_ballot=True,
    pick_one=True,
    resumable=False,
    idle_reset=True,
    plan_kind="mini",
    results_trend=False,
    results_compare=False,
    private_text=True,
)
WORKSHOP = ModeSpec(
    name="workshop",
    steps=("setup", "vote", "results", "deal", "plan", "share"),
    hand_size=4,
    focus_on_weakest=False,
    places=(),
    level_question=True,
    secret_default=True,
    offers_hands=True,
    single_ballot=False,
    pick_one=False,
    resumable=True,
    idle_reset=False,
    plan_kind="full",
    results_trend=False,
    results_compare=False,
    private_text=False,
)
CHECKIN = ModeSpec(
    name="checkin",
    steps=("team", "vote", "results", "deal", "plan", "share"),
    hand_size=1,
    focus_on_weakest=True,
    places=(),
    level_question=False,
    secret_default=True,
    offers_hands=False,
    single_ballot=False,
    pick_one=False,
    resumable=True,
    idle_reset=False,
    plan_kind="full",
    results_trend=True,
    results_compare=False,
    private_text=False,
)
FOLLOWUP = ModeSpec(
    name="followup",
    # The deal comes before the review: new cards for what did not improve, then how the
    # earlier actions went, then the new plan with the open ones carried over.
    steps=("earlier_plan", "vote", "results", "deal", "review", "plan", "share"),
    hand_size=3,
    focus_on_weakest=True,
    places=(),
    level_question=True,
    secret_default=True,
    offers_hands=False,
    single_ballot=False,
    pick_one=False,
    resumable=False,
    idle_reset=False,
    plan_kind="full",
    results_trend=False,
    results_compare=True,
    private_text=False,
)

MODES: tuple[ModeSpec, ...] = (WALKUP, WORKSHOP, CHECKIN, FOLLOWUP)
MODE_NAMES: tuple[str, ...] = tuple(m.name for m in MODES)
_BY_NAME = {m.name: m for m in MODES}


# What --kiosk starts when no mode is configured: nobody is there to choose one, and a
# visitor must not be offered a workshop.
UNATTENDED_MODE = WALKUP.name


def mode_spec(name: str) -> ModeSpec:
    """The spec of a mode by its name; KeyError for an unknown one."""
    return _BY_NAME[name]


def modes_where(**wanted: object) -> tuple[str, ...]:
    """Names of the modes whose spec has every given value, e.g. ``resumable=True``."""
    return tuple(m.name for m in MODES if all(getattr(m, k) == v for k, v in wanted.items()))
