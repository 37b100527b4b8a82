"""Follow-up in a real room (issue 15): "deal method cards" deals cards for the principles
that did not improve, the review comes on the way to the plan and is kept in the new plan;
the lobby and results name the plan followed up; resume only for a session that holds
something; trend bars readable without colour."""

from __future__ import annotations

from datetime import date

from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings


def names(app) -> list[str]:
    return [type(s).__name__ for s in app.screen_stack]


def visible_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static") if w.display)


def earlier_plan(app, store, *, team: str = "Bygglov", value: int = 3) -> str:
    """A saved workshop plan of three actions, every principle voted ``value`` by one person."""
    deck = app.shelf.get("innovationslek", "sv")
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team=team))
    first.cast({"level": "limited", **{p: value for p in deck.model.principle_ids}})
    actions = [
        Action(what="Prova nytt formulär", who="Anna"),
        Action(what="Bjud in invånare"),
        Action(what="Skriv rutin"),
    ]
    return first.save_plan(first.make_plan(actions, date(2027, 1, 10)))


async def follow_up_to_results(app, pilot, code: str, digits: str) -> None:
    """Type the code, one ballot (level 2, then ``digits`` for the nine principles), reveal."""
    await pilot.press(*code.lower(), "enter")
    await pilot.pause()
    await pilot.press("enter", "2", *digits, "enter")
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    assert names(app)[-1] == "ResultsScreen"


async def test_deal_method_cards_deals_for_the_principles_that_did_not_improve(make_app, store):
    app = make_app(mode="followup")
    code = earlier_plan(app, store, value=3)
    ids = app.shelf.get("innovationslek", "sv").model.principle_ids
    # Every principle rose from 3 to 5 but the last, which fell to 2.
    async with app.run_test(size=(100, 40)) as pilot:
        await follow_up_to_results(app, pilot, code, "55555555" + "2")
        await pilot.press("enter")  # the results' "deal method cards"
        await pilot.pause()
        assert names(app)[-1] == "DealScreen"
        hand = app.session.hand
        assert len(hand) == 3
        assert all(ids[-1] in card.principles for card in hand), [c.principles for c in hand]
        await pilot.press("space", "c")  # one chosen; going on starts with the review
        await pilot.pause()
        assert names(app)[-1] == "ReviewScreen"
        await pilot.press("escape")  # back to the cards, as dealt
        await pilot.pause()
        assert names(app)[-1] == "DealScreen" and app.session.hand == hand


def test_a_follow_up_where_everything_improved_deals_for_the_weakest(tmp_path):
    from kiosk.core.deck_loader import load_deck_strict
    from kiosk.core.store import Store
    from tests.conftest import ROOT

    deck = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")
    ids = deck.require_model().principle_ids
    store = Store.open(tmp_path)
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="followup", follows="ABCDEF"))
    session.earlier_votes = {p: [1, 0, 0, 0, 0] for p in ids}  # everyone said 1 then
    session.cast({"level": "both", **{p: 4 for p in ids}, ids[0]: 2, ids[1]: 2, ids[2]: 3})
    assert session.focus_principles() == tuple(session.weakest(3))
    session.earlier_votes = {p: [0, 0, 1, 0, 0] for p in ids}  # everyone said 3 then
    assert session.focus_principles() == tuple(ids[:3])  # two fell, one stayed, the rest rose
    session.earlier_votes = {p: [0, 0, 1, 0, 0] for p in ids[1:]}  # the first had no vote then
    assert session.focus_principles() == tuple(ids[:3])  # nothing to compare: not known to improve
    store.close()
