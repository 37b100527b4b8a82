"""Team names as people type them: "Team Norr", "team norr " and "TEAM  NORR" are one team."""

from __future__ import annotations

import unicodedata


def team_key(name: str) -> str:
    """The form two names are compared in: Unicode-normalised, case-folded, runs of white
    space as one space, no space at either end."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def matching(known: list[str], typed: str) -> list[str]:
    """The known team names that contain what is typed so far (all of them for nothing typed)."""
    wanted = team_key(typed)
    return [name for name in known if wanted in team_key(name)]
