"""What the voting lobby needs to let phones in: the round's ballot box and how phones
reach it (the app opens it; the lobby only shows it)."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.ballotbox import BallotBox


@dataclass(frozen=True)
class PhoneVote:
    box: BallotBox
    join_base: str | None  # the address phones open; None when they cannot reach this machine
    note: str  # why phones cannot join, when they cannot
    wifi: tuple[str, str] | None  # (network name, password) of the facilitator's hotspot
