"""Check-ins in a real room: one team whatever the case and spacing typed, known teams offered
and picked (issue 15)."""

from kiosk.core.session import Session, SessionSettings
from kiosk.core.teams import matching, team_key
from kiosk.core.trend import team_trend


def screen_name(app) -> str:
    return type(app.screen).__name__


def test_team_key_ignores_case_and_spacing():
    assert team_key("  TEAM   Norr ") == team_key("team norr") == "team norr"
    assert team_key("Team Norr") != team_key("Team Söder")
    assert matching(["Team Norr", "Söder"], "NOR") == ["Team Norr"]
    assert matching(["Team Norr", "Söder"], "") == ["Team Norr", "Söder"]


def test_store_finds_a_team_in_any_spelling_and_lists_each_team_once(store, tmp_path):
    from kiosk.core.shelf import Shelf

    deck = Shelf().get("innovationslek", "sv")
    for team in ("Team Norr", "team  norr", "Söder"):
        Session(store=store, deck=deck, settings=SessionSettings(mode="checkin", team=team, with_level=False))
    assert len(store.sessions(modes=("checkin",), team="TEAM NORR ")) == 2
    assert sorted(store.known_teams(("checkin",))) == ["Söder", "team norr"]  # the latest spelling


async def test_checkin_team_is_found_whatever_the_case_and_offered_to_pick(make_app, store):
    app = make_app(mode="checkin")
    deck = app.shelf.get("innovationslek", "sv")
    for team, value in (("Team Norr", 2), ("Söder [b]", 3)):
        earlier = Session(store=store, deck=deck, settings=SessionSettings(mode="checkin", team=team, with_level=False))
        earlier.cast({p: value for p in deck.model.principle_ids})
        store.end_session(earlier.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        options = app.screen.query_one("#known")
        assert options.option_count == 2
        await pilot.press(*"nor")
        await pilot.pause()
        assert options.option_count == 1 and "Team Norr" in str(options.get_option_at_index(0).prompt)
        await pilot.press("backspace", "backspace", "backspace", *"  team   NORR ", "enter")
        await pilot.pause()
        assert app.session.settings.team == "Team Norr"  # the known spelling is kept
    assert len(team_trend(store, "team norr ", 5)) == 1


async def test_checkin_team_picked_from_the_list(make_app, store):
    app = make_app(mode="checkin")
    deck = app.shelf.get("innovationslek", "sv")
    earlier = Session(
        store=store, deck=deck, settings=SessionSettings(mode="checkin", team="Team Väst", with_level=False)
    )
    store.end_session(earlier.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.session.settings.team == "Team Väst"
        assert screen_name(app) != "TeamScreen"
