from datetime import UTC, date, datetime

import pytest

from kiosk.core.deck_loader import load_deck_strict
from kiosk.core.followup import FollowUpError, carry_over, compare, find_plan
from kiosk.core.plan import Action, Plan
from kiosk.core.session import Session, SessionSettings
from kiosk.core.store import Store
from tests.conftest import ROOT

DECK = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")


def test_follow_up_of_the_same_team(tmp_path):
    store = Store.open(tmp_path)
    ids = DECK.require_model().principle_ids
    first = Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop", team="Bygglov"))
    for values in ({"testa": 1, "samverkan": 4}, {"testa": 2, "samverkan": 4}):
        first.cast({"level": "limited", **{p: 3 for p in ids}, **values})
    first.choose(DECK.methods[0].id)
    actions = [Action(what="Prova nytt formulär"), Action(what="Bjud in invånare"), Action(what="Ny rutin")]
    code = first.save_plan(first.make_plan(actions, date(2027, 1, 10)))

    earlier, found_code = find_plan(code.lower(), store)
    assert found_code == code and earlier.team == "Bygglov"
    again = Session(store=store, deck=DECK, settings=SessionSettings(mode="followup", team=earlier.team, follows=code))
    for values in ({"testa": 3, "samverkan": 3}, {"testa": 4, "samverkan": 2}):
        again.cast({"level": "both", **{p: 3 for p in ids}, **values})
    changes = {c.question: c for c in compare(earlier.votes, again.tallies())}
    assert changes["testa"].before == 1.5 and changes["testa"].after == 3.5 and changes["testa"].delta == 2.0
    assert changes["samverkan"].delta == -1.5
    assert changes["nyfikenhet"].delta == 0
    assert "level" not in changes
    open_actions = carry_over(earlier.actions, ["done", "not_done", "dropped"])
    assert [a.what for a in open_actions] == ["Bjud in invånare"]
    plan = again.make_plan(open_actions + [Action(what="Mät väntetiden")], None)
    saved = store.plan(again.save_plan(plan))
    assert saved is not None
    assert saved.follows == code and [a.what for a in saved.actions] == ["Bjud in invånare", "Mät väntetiden"]
    store.close()


def test_find_plan_from_a_file_and_errors(tmp_path):
    store = Store.open(tmp_path / "data")
    plan = Plan(
        deck="innovationslek",
        language="sv",
        mode="workshop",
        created=datetime(2026, 11, 1, tzinfo=UTC),
        actions=[Action(what="x")],
    )
    path = tmp_path / "plan.toml"
    path.write_text(plan.to_toml(), encoding="utf-8")
    assert find_plan(str(path), store) == (plan, "")
    for text, key in (
        ("", "followup.empty"),
        ("ABCDEF", "followup.no_code"),
        ("nope.toml", "followup.no_file"),
        ("hello", "followup.unknown"),
    ):
        with pytest.raises(FollowUpError) as info:
            find_plan(text, store)
        assert info.value.key == key
    (tmp_path / "bad.toml").write_text("format = 9\n", encoding="utf-8")
    with pytest.raises(FollowUpError) as info:
        find_plan(str(tmp_path / "bad.toml"), store)
    assert info.value.key == "followup.bad_file"
    store.close()


def test_carry_over_needs_one_status_per_action():
    with pytest.raises(ValueError):
        carry_over([Action(what="a")], [])
    with pytest.raises(ValueError):
        carry_over([Action(what="a")], ["maybe"])
