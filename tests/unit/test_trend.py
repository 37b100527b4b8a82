from datetime import UTC, datetime, timedelta

import pytest

from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.session import Session, SessionSettings
from kiosk.core.store import Store
from kiosk.core.trend import change, series, team_trend
from kiosk.core.votes import Option
from tests.conftest import ROOT

DECK = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")
STEPS = len(DECK.require_model().scale)


def test_trend_over_five_checkins(tmp_path):
    moment = [datetime(2026, 9, 1, tzinfo=UTC)]
    store = Store.open(tmp_path, now=lambda: moment[0])
    ids = DECK.require_model().principle_ids
    # Five check-ins of Team Norr, a fortnight apart; "testa" climbs, "samverkan" slips.
    for _week, (testa, samverkan) in enumerate([(1, 4), (2, 4), (2, 3), (3, 3), (4, 2)]):
        session = Session(
            store=store, deck=DECK, settings=SessionSettings(mode="checkin", team="Team Norr", with_level=False)
        )
        for extra in (0, 1):  # two people: the mean is the value plus a half
            answers: dict[str, Option] = {p: 3 for p in ids}
            session.cast(answers | {"testa": testa + extra, "samverkan": samverkan + extra})
        moment[0] += timedelta(days=14)
    # Another team and an empty check-in do not count.
    Session(store=store, deck=DECK, settings=SessionSettings(mode="checkin", team="Team Syd", with_level=False)).cast(
        {p: 1 for p in ids}
    )
    Session(store=store, deck=DECK, settings=SessionSettings(mode="checkin", team="Team Norr", with_level=False))
    points = team_trend(store, "Team Norr", STEPS)
    assert len(points) == 5
    assert series(points, "testa") == [1.5, 2.5, 2.5, 3.5, 4.5]
    assert series(points, "samverkan") == [4.5, 4.5, 3.5, 3.5, 2.5]
    assert change(points, "testa") == pytest.approx(1.0)
    assert change(points, "samverkan") == pytest.approx(-1.0)
    assert change(points, "nyfikenhet") == 0
    assert len(team_trend(store, "Team Norr", STEPS, length=3)) == 3
    assert team_trend(store, "", STEPS) == []
    store.close()
