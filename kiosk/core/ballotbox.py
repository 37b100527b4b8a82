"""Phones as ballots: a round's room, its one-time tokens and the checks on a phone's ballot.

A phone joins the room (its address holds at least 64 random bits) and gets a token; the
token casts one ballot. Tokens per round are capped at the group size plus a margin the
facilitator sees. In the strict variant every join also needs the admission code of the
join QR on screen, which then changes, so one scan admits one phone.

The store keeps only a hash of each token and a "used" flag, never which ballot a token
cast; when the results are revealed the round's tokens are deleted. Nothing here knows
about HTTP: refusals carry the status code the web layer answers with.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Any

from .deck import Model
from .session import Session
from .votes import LEVEL_QUESTION, Entry, Option, VoteError

# Room ids and admission codes use capitals and digits only: a join URL in capitals fits
# the QR code's compact alphanumeric mode, so the join code stays at version 3 or less.
ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ROOM_LENGTH = 14  # 14 x log2(36) = 72 random bits
ADMISSION_LENGTH = 6  # 31 bits: one scan's worth, redrawn after each phone
TOKEN_BYTES = 16
DEFAULT_GROUP = 30  # a workshop's largest group, when the setup gave no size
MAX_BODY = 4096  # bytes: a ballot of nine answers is about 200


class PhoneRefusal(Exception):
    """A request the round refuses; ``status`` is the HTTP status that says so."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


def random_id(length: int) -> str:
    return "".join(secrets.choice(ID_ALPHABET) for _ in range(length))


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def phone_questions(model: Model, session: Session) -> list[dict[str, Any]]:
    """The ballot's questions as the keyboard ballot shows them: the level question with its
    statements, then each principle with its description; answers are steps 1..n."""
    questions = []
    for question in session.round.questions:
        if question.id == LEVEL_QUESTION:
            questions.append(
                {
                    "id": question.id,
                    "name": model.question,
                    "help": "",
                    "options": [lv.name for lv in model.levels] + [model.both],
                    "statements": [list(lv.statements) for lv in model.levels] + [[]],
                }
            )
        else:
            principle = model.principle(question.id)
            questions.append(
                {"id": question.id, "name": principle.name, "help": principle.description, "options": list(model.scale)}
            )
    return questions


@dataclass
class Joined:
    token: str
    voted: bool


class BallotBox:
    """The phone side of one session's secret vote."""

    def __init__(self, session: Session, *, margin: int = 3, strict: bool = False):
        self.session = session
        self.store = session.store
        self.room = self.store.phone_room(session.id, random_id(ROOM_LENGTH))
        self.margin = margin
        self.strict = strict
        self.closed = False
        self.tokens = self.store.phone_tokens(session.id)  # hash -> used; survives a restart
        self.admission = random_id(ADMISSION_LENGTH)
        self.forgotten = False

    # -- what the screen shows -------------------------------------------------------------
    @property
    def group_size(self) -> int:
        return self.session.settings.group_size or DEFAULT_GROUP

    @property
    def cap(self) -> int:
        return self.group_size + self.margin

    @property
    def issued(self) -> int:
        return len(self.tokens)

    @property
    def phone_ballots(self) -> int:
        return sum(self.tokens.values())

    @property
    def state(self) -> str:
        if self.session.round.revealed:
            return "revealed"
        return "closed" if self.closed else "open"

    def join_path(self) -> str:
        """The path of the join QR: the room, and in the strict variant the admission code."""
        return f"V/{self.room}/{self.admission}" if self.strict else f"V/{self.room}"

    def close(self) -> None:
        self.closed = True

    def reopen(self) -> None:
        self.closed = False

    def after_reveal(self) -> None:
        """Delete the round's tokens once the results are out (idempotent)."""
        if self.session.round.revealed and not self.forgotten:
            self.store.forget_tokens(self.session.id)
            self.tokens.clear()
            self.forgotten = True

    # -- joining ---------------------------------------------------------------------------
    def join(self, token: str | None = None, admission: str | None = None) -> Joined:
        if self.state != "open":
            raise PhoneRefusal(410, "voting is closed")
        if isinstance(token, str) and token_hash(token) in self.tokens:
            return Joined(token, self.tokens[token_hash(token)])  # the same phone, back again
        if self.strict and not (
            isinstance(admission, str)
            and admission.isascii()
            and secrets.compare_digest(admission.upper(), self.admission)
        ):
            raise PhoneRefusal(403, "scan the join code on the screen again")
        if self.issued >= self.cap:
            raise PhoneRefusal(429, "every place in this vote is taken; ask the facilitator")
        fresh = secrets.token_urlsafe(TOKEN_BYTES)
        hashed = token_hash(fresh)
        self.store.issue_token(self.session.id, hashed)
        self.tokens[hashed] = False
        if self.strict:
            self.admission = random_id(ADMISSION_LENGTH)  # the next phone needs the new QR
        return Joined(fresh, False)

    # -- casting ---------------------------------------------------------------------------
    def check(self, payload: Any) -> tuple[str, Entry]:
        """A ballot request's body (already parsed JSON) as (token hash, entry); raises the
        refusal the request gets."""
        if (
            not isinstance(payload, dict)
            or not isinstance(payload.get("token"), str)
            or not isinstance(payload.get("answers"), dict)
        ):
            raise PhoneRefusal(400, 'expected {"token": "...", "answers": {"<question id>": <step>}}')
        if self.state != "open":
            raise PhoneRefusal(410, "voting is closed")
        hashed = token_hash(payload["token"])
        if hashed not in self.tokens:
            raise PhoneRefusal(403, "unknown token; join again")
        if self.tokens[hashed]:
            raise PhoneRefusal(409, "this phone has already voted")
        answers: dict[str, Option] = {}
        for qid, step in payload["answers"].items():
            question = self.session.round.by_id.get(qid)
            if question is None:
                raise PhoneRefusal(400, "unknown question")
            if isinstance(step, bool) or not isinstance(step, int) or not 1 <= step <= len(question.options):
                raise PhoneRefusal(400, f"answers are steps 1..{len(question.options)}")
            answers[qid] = question.options[step - 1]
        try:
            self.session.round.check_ballot(answers)
        except VoteError:
            raise PhoneRefusal(400, "every question needs an answer") from None
        return hashed, Entry("ballot", answers=answers, source="phone")

    def commit(self, ballots: list[tuple[str, Entry]]) -> list[bool]:
        """Store checked ballots in one transaction, then count them; True for each
        ballot stored (False: its token was spent meanwhile)."""
        if self.state != "open":
            return [False] * len(ballots)
        stored = self.store.cast_with_tokens(self.session.id, ballots)
        for (hashed, entry), ok in zip(ballots, stored, strict=True):
            if ok:
                self.tokens[hashed] = True
                self.session.round.entries.append(entry)
        return stored

    # -- what phones see -------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """The round's state; the results only once they are revealed."""
        view: dict[str, Any] = {"state": self.state, "voted": self.session.votes_cast}
        if self.state == "revealed":
            view["results"] = self.results()
        return view

    def results(self) -> list[dict[str, Any]]:
        tallies = self.session.tallies()
        out = []
        for question in phone_questions(self.session.deck.require_model(), self.session):
            tally = tallies[question["id"]]
            options = self.session.round.by_id[question["id"]].options
            out.append(
                {
                    "id": question["id"],
                    "name": question["name"],
                    "options": question["options"],
                    "counts": [tally.counts[o] for o in options],
                    "mean": round(tally.mean, 2) if tally.mean is not None else None,
                }
            )
        return out
