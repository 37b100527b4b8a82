"""A follow-up counts against the group size of the workshop that made the plan: the same
group meets again, so the lobby says "0 av 12 har röstat" and the phones get 12 places."""

from __future__ import annotations

from datetime import date

from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings
from tests.ui.test_room_followup import names


def plan_of_a_group(app, store, group_size: int | None) -> str:
    deck = app.shelf.get("innovationslek", "sv")
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", group_size=group_size))
    first.save_state(["setup", "vote"])  # as the flow does: the settings are kept with the session
    first.cast({"level": "limited", **{p: 3 for p in deck.model.principle_ids}})
    return first.save_plan(first.make_plan([Action(what="Prova nytt formulär")], date(2027, 1, 10)))


async def test_the_follow_up_lobby_counts_against_the_earlier_group(make_app, store):
    app = make_app(mode="followup")
    code = plan_of_a_group(app, store, 12)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*code.lower(), "enter")
        await pilot.pause()
        assert names(app)[-1] == "LobbyScreen"
        assert app.session.settings.group_size == 12
        rows = [strip.text for strip in app.screen._compositor.render_strips()]
        assert any("0 av 12 har röstat" in row for row in rows), rows


async def test_without_a_known_group_size_the_follow_up_has_none(make_app, store):
    app = make_app(mode="followup")
    code = plan_of_a_group(app, store, None)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*code.lower(), "enter")
        await pilot.pause()
        assert names(app)[-1] == "LobbyScreen" and app.session.settings.group_size is None


def test_a_plan_made_elsewhere_has_no_group_size(store):
    assert store.group_size_of_plan("ABC123") is None
