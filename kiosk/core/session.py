"""One session of play: the state a flow builds up, saved to the store as it changes.

Screens call these methods and render the result; nothing here knows about Textual. The
store is written first and memory second, so what the screen confirms is already on disk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from .atomic import write_atomic
from .dealer import Dealer, DealFilter
from .deck import Card, Deck, MethodCard
from .followup import not_improved
from .modes import ModeSpec, mode_spec
from .plan import Action, Plan, Reviewed
from .store import SessionRow, Store
from .votes import (
    LEVEL_QUESTION,
    Entry,
    Option,
    Tally,
    VoteRound,
    most_divided,
    principle_weights,
    questions_for,
    weakest,
)


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class SessionSettings:
    mode: str
    language: str = "sv"
    team: str = ""
    challenge: str = ""  # a challenge card id
    minutes: int | None = None  # time box for one exercise
    group_size: int | None = None
    secret: bool = True  # secret ballots, or a show of hands
    with_level: bool = True  # ask the overall level question first
    follows: str = ""  # follow-up: the code of the earlier plan


@dataclass(frozen=True)
class PlanDraft:
    """The plan form as typed, before it is saved: each action's fields and the date text."""

    actions: tuple[tuple[tuple[str, str], ...], ...]  # per action: (field, text) for the fields with text
    follow_up: str = ""

    @classmethod
    def of(cls, actions: list[dict[str, str]], follow_up: str) -> PlanDraft | None:
        """The draft of these form values; None when nothing at all is typed."""
        kept = tuple(tuple((k, v) for k, v in action.items() if k in Action.FIELDS and v) for action in actions)
        if not any(kept) and not follow_up.strip():
            return None
        return cls(kept, follow_up)

    def action_list(self) -> list[Action]:
        return [Action(**{"what": "", **dict(fields)}) for fields in self.actions]

    def to_state(self) -> dict[str, object]:
        return {"actions": [dict(fields) for fields in self.actions], "follow_up": self.follow_up}

    @classmethod
    def from_state(cls, state: object) -> PlanDraft | None:
        """A draft from a saved session's state; None for none or anything malformed."""
        if not isinstance(state, dict) or not isinstance(state.get("actions"), list):
            return None
        actions = [
            {str(k): v for k, v in a.items() if isinstance(v, str)} for a in state["actions"] if isinstance(a, dict)
        ]
        follow_up = state.get("follow_up")
        return cls.of(actions, follow_up if isinstance(follow_up, str) else "")


@dataclass
class Session:
    store: Store
    deck: Deck
    settings: SessionSettings
    seed: int | None = None
    now: Callable[[], datetime] = _utc_now
    id: int = 0
    round: VoteRound = field(init=False)
    dealer: Dealer = field(init=False)
    chosen: list[str] = field(default_factory=list)
    plan_code: str = ""
    plan: Plan | None = None
    review: list[str] = field(default_factory=list)  # follow-up: a status per earlier action
    # Follow-up: the followed plan's vote summary; the deal focuses on what did not improve.
    earlier_votes: dict[str, list[int]] = field(default_factory=dict)
    reviewed: list[Reviewed] = field(default_factory=list)  # follow-up: the earlier actions with their status
    # What was typed into the plan form and not saved yet: each action's fields, the date.
    plan_draft: PlanDraft | None = None

    _steps: list[str] | None = field(default=None, init=False, repr=False)  # as last saved

    def __post_init__(self) -> None:
        model = self.deck.model
        if model is None:
            raise ValueError(f"deck '{self.deck.id}' has no model to vote on")
        self.round = VoteRound(questions_for(model, with_level=self.settings.with_level))
        self.dealer = Dealer(self.deck.methods or self.deck.reflections, seed=self.seed)
        if not self.id:
            s = self.settings
            self.id = self.store.start_session(s.mode, self.deck.id, s.language, team=s.team, challenge=s.challenge)

    # -- settings ------------------------------------------------------------------------
    @property
    def spec(self) -> ModeSpec:
        return mode_spec(self.settings.mode)

    def save_state(self, steps: list[str]) -> None:
        """Remember the steps the flow has taken and how it was set up, so a workshop or
        check-in can resume after a crash or a power cut by replaying them."""
        s = self.settings
        settings = {
            "minutes": s.minutes,
            "group_size": s.group_size,
            "secret": s.secret,
            "with_level": s.with_level,
            "follows": s.follows,
        }
        state: dict[str, object] = {"steps": list(steps), "settings": settings}
        if self.review:
            state["review"] = list(self.review)
        if self.plan_draft is not None:
            state["plan_draft"] = self.plan_draft.to_state()
        self.store.update_session(self.id, state=state)
        self._steps = list(steps)

    def save_plan_draft(self, draft: PlanDraft | None) -> None:
        """Keep what was typed into the plan form (None: nothing was), so a session that
        resumes after a crash gets it back and counts as holding something."""
        if draft == self.plan_draft or self.plan is not None:
            return  # nothing new, or the plan is saved and the session closed
        self.plan_draft = draft
        self.save_state(self._steps if self._steps is not None else self.saved_steps)

    def save_review(self, statuses: list[str], actions: list[Action] | None = None) -> None:
        """The status of each action of the plan followed up; given the actions, the new
        plan's document records them (so the database, the export and the link do)."""
        self.review = list(statuses)
        self.reviewed = [Reviewed(a.what, s) for a, s in zip(actions or [], statuses, strict=False)]

    @classmethod
    def resume(
        cls,
        store: Store,
        deck: Deck,
        row: SessionRow,
        *,
        seed: int | None = None,
        now: Callable[[], datetime] | None = None,
    ) -> Session:
        """Rebuild an open session from the store: its settings, every live ballot, the
        cards on the table and the chosen ones."""
        saved = row.state.get("settings", {})
        known = {"minutes", "group_size", "secret", "with_level", "follows"}
        settings = SessionSettings(
            mode=row.mode,
            language=row.language,
            team=row.team,
            challenge=row.challenge,
            **{k: v for k, v in saved.items() if k in known},
        )
        session = cls(store=store, deck=deck, settings=settings, seed=seed, id=row.id, now=now or _utc_now)
        session.round.entries = store.entries(row.id)
        ids = set(deck.card_ids)
        session.chosen = [c for c in store.chosen_cards(row.id) if c in ids]
        session.dealer.hand = [deck.card(c) for c in store.current_hand(row.id) if c in ids]
        session.dealer.seen = {c for c in store.dealt_cards(row.id) if c in ids}
        session.plan_draft = PlanDraft.from_state(row.state.get("plan_draft"))
        return session

    @property
    def saved_steps(self) -> list[str]:
        """The steps to replay on resuming (from the vote on: the session exists once its
        first step is done). Sessions saved before steps were kept name only the last
        screen: the steps up to it along the mode's path stand in."""
        row = self.store.session(self.id)
        state = row.state if row else {}
        if isinstance(state.get("steps"), list):
            return [str(step) for step in state["steps"]]
        path = list(self.spec.steps[1:])  # the session starts after the first step
        last = state.get("screen") or path[0]
        return path[: path.index(last) + 1] if last in path else path[:1]

    # -- votes ---------------------------------------------------------------------------
    def cast(self, answers: dict[str, Option]) -> Entry:
        entry = self.round.ballot(answers)
        self.store.cast(self.id, entry)  # on disk before it counts
        return self.round.add(entry)

    def add_hands(self, counts: dict[str, dict[Option, int]]) -> Entry:
        entry = self.round.hands(counts, group_size=self.settings.group_size)
        self.store.cast(self.id, entry)
        return self.round.add(entry)

    def undo(self) -> Entry | None:
        """Take back the last ballot or count made at the keyboard (never a phone's)."""
        for index in range(len(self.round.entries) - 1, -1, -1):
            if self.round.entries[index].source != "phone":
                self.store.undo_last(self.id)
                return self.round.entries.pop(index)
        return None

    @property
    def has_keyboard_ballot(self) -> bool:
        """Whether ``undo`` has something to take back (phones' ballots are never undone)."""
        return any(entry.source != "phone" for entry in self.round.entries)

    @property
    def votes_cast(self) -> int:
        return len(self.round.entries)

    def tallies(self) -> dict[str, Tally]:
        return self.round.tally()

    def principle_tallies(self) -> dict[str, Tally]:
        return {k: v for k, v in self.tallies().items() if k != LEVEL_QUESTION}

    def weakest(self, k: int = 3) -> list[str]:
        return weakest(self.principle_tallies(), k)

    def most_divided(self, k: int = 3) -> list[str]:
        return most_divided(self.principle_tallies(), k)

    # -- cards ---------------------------------------------------------------------------
    @property
    def card_kinds(self) -> tuple[str, ...]:
        """What is dealt: method cards, or a reflection deck's questions."""
        return ("method",) if self.deck.methods else ("reflection",)

    @property
    def people(self) -> int | None:
        """How many people a dealt exercise is for: a walk-up visitor alone (so never a
        card for a group only), else the group size from the setup, if it was given."""
        return 1 if self.spec.single_ballot else self.settings.group_size

    def deal_filter(self, *, focus: bool = False) -> DealFilter:
        s = self.settings
        return DealFilter(
            kinds=self.card_kinds,
            max_minutes=s.minutes,
            group_size=self.people,
            places=self.spec.places,
            principles=self.focus_principles() if focus else (),
        )

    def focus_principles(self) -> tuple[str, ...]:
        """What a focused deal is for: in a follow-up the principles that did not improve
        since the followed plan (when some did not), else the weakest."""
        if self.earlier_votes:
            stuck = not_improved(self.earlier_votes, self.principle_tallies())
            if stuck:
                return tuple(stuck)
        return tuple(self.weakest(3))

    def off_limits(self) -> list[Card]:
        """The cards on the table that break the setup's time box or group size: dealt
        because too few cards keep to them (the deal screen says so, and which)."""
        s = self.settings
        if not (s.minutes or s.group_size):
            return []
        limits = DealFilter(kinds=self.card_kinds, max_minutes=s.minutes, group_size=s.group_size)
        return [card for card in self.hand if not limits.accepts(card)]

    def deal(self, n: int | None = None) -> list[Card]:
        """Deal a hand weighted by the vote. Walk-up and check-in focus on the weakest
        principles, a follow-up on those that did not improve; a workshop sees the whole
        deck, tilted towards them."""
        self.dealer.set_weights(principle_weights(self.principle_tallies(), len(self.deck.require_model().scale)))
        n = n or self.spec.hand_size
        focus = self.spec.focus_on_weakest and bool(self.focus_principles())
        hand = self.dealer.deal(n, self.deal_filter(focus=focus))
        if len(hand) < n and focus:
            # Too few cards for the weakest principles: they stay, and the rest of the hand
            # comes from the whole deck (a visitor whose weakest principle has one fitting
            # card gets that card, not a hand dealt again without it).
            hand = self.dealer.top_up(n, self.deal_filter())
        if len(hand) < n and (self.settings.minutes or self.settings.group_size):
            # Too few cards keep to the setup's time box and group size: the ones that do
            # stay, and the rest of the hand is dealt without them (``off_limits`` names
            # the cards that break them, for the screen to say).
            kept = hand
            wider = self.dealer.deal(n, DealFilter(kinds=self.card_kinds, places=self.spec.places))
            hand = kept + [card for card in wider if card not in kept][: n - len(kept)]
            self.dealer.hand = list(hand)
        for slot, card in enumerate(hand):
            self.store.card_event(self.id, card.id, "dealt", slot)
        return hand

    def redeal(self, slot: int) -> Card | None:
        card = self.dealer.redeal(slot, self.deal_filter())
        if card is not None:
            self.store.card_event(self.id, card.id, "dealt", slot)
        return card

    @property
    def hand(self) -> list[Card]:
        return list(self.dealer.hand)

    def choose(self, card_id: str) -> None:
        if card_id not in self.chosen:
            self.store.card_event(self.id, card_id, "chosen")
            self.chosen.append(card_id)

    def unchoose(self, card_id: str) -> None:
        if card_id in self.chosen:
            self.store.card_event(self.id, card_id, "unchosen")
            self.chosen.remove(card_id)

    def toggle_choice(self, card_id: str) -> bool:
        """Choose or un-choose; True when the card is now chosen."""
        if card_id in self.chosen:
            self.unchoose(card_id)
            return False
        self.choose(card_id)
        return True

    def pick_only(self, card_id: str) -> None:
        """Walk-up: this one card and no other is the one to try."""
        for other in list(self.chosen):
            if other != card_id:
                self.unchoose(other)
        self.choose(card_id)

    def carry_on(self, focused: str | None) -> bool:
        """On to the plan. With nothing chosen yet, the card in focus counts as chosen;
        False when there is neither (the group has to choose first)."""
        if not self.chosen and focused is not None:
            self.choose(focused)
        return bool(self.chosen)

    def chosen_cards(self) -> list[Card]:
        return [c for c in self.deck.cards if c.id in self.chosen]

    # -- exercises -----------------------------------------------------------------------
    def exercise_started(self, card: MethodCard, planned_seconds: float) -> int:
        return self.store.exercise_started(self.id, card.id, planned_seconds)

    def exercise_ended(self, exercise_id: int, actual_seconds: float) -> None:
        self.store.exercise_ended(exercise_id, actual_seconds)

    # -- plan ----------------------------------------------------------------------------
    def vote_summary(self) -> dict[str, list[int]]:
        summary = {}
        for qid, tally in self.tallies().items():
            if tally.n:
                summary[qid] = [tally.counts[opt] for opt in self.round.by_id[qid].options]
        return summary

    def make_plan(self, actions: list[Action], follow_up: date | None) -> Plan:
        s = self.settings
        plan = Plan(
            deck=self.deck.id,
            language=self.deck.language,
            mode=s.mode,
            created=self.now(),
            cards=list(self.chosen),
            votes=self.vote_summary(),
            actions=actions,
            follow_up=follow_up,
            team=s.team,
            challenge=s.challenge,
            follows=s.follows,
            review=list(self.reviewed),
        )
        plan.check()
        return plan

    def save_plan(self, plan: Plan, plans_dir: Path | None = None) -> str:
        """Store the plan, write it as TOML beside the database and close the session, as
        one step: if the file cannot be written, nothing is stored and the session stays
        open (a retry does not leave a row and a code per try). Returns the plan's code."""
        written: list[Path] = []

        def write_file(code: str) -> None:
            if plans_dir is not None:
                path = plans_dir / f"{plan.created.strftime('%Y%m%d-%H%M%S')}-{code}.toml"
                write_atomic(path, plan.to_toml())
                written.append(path)

        try:
            code = self.store.save_plan(plan, self.id, before_commit=write_file, complete_session=True)
        except BaseException:
            for path in written:  # the file made it, the database did not: take it back
                path.unlink(missing_ok=True)
            raise
        self.plan_code, self.plan = code, plan
        return code

    def abandon(self) -> None:
        self.store.end_session(self.id, "abandoned")
