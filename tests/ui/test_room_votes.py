"""Issue 15, the vote round in a real room: the lobby counts against the group, the keys
that act on everyone's ballots are the facilitator's and ask first, a show of hands is
checked against the group and corrected one question at a time, and leaving a round that
holds votes asks first and does what it says."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from kiosk.core.ballotbox import PhoneRefusal
from kiosk.core.session import Session
from kiosk.core.votes import LEVEL_QUESTION
from kiosk.ui.widgets.choice import Choice

BALLOT = [*"3123451234", "enter"]


def session_of(app) -> Session:
    """The app's session, read afresh (the test asserted earlier that there was none)."""
    assert app.session is not None
    return app.session


def screen_name(app) -> str:
    return type(app.screen).__name__


def shown(widget) -> bool:
    return all(getattr(node, "display", True) for node in widget.ancestors_with_self)


def visible_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static") if shown(w))


def no_session(app) -> bool:
    """No session open (a function, so that type checkers do not take it as lasting)."""
    return app.session is None


async def to_lobby(app, pilot, group: str = "5", secret: str = "secret") -> None:
    app.screen.query_one("#group", Input).value = group
    app.screen.query_one("#secret").value = secret
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_lobby_counts_against_the_group_and_guards_undo_and_reveal(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_lobby(app, pilot)
        assert "0 av 5 har röstat" in visible_text(app)
        for _ in range(3):
            await pilot.press("enter", *BALLOT)
            await pilot.pause()
        assert "3 av 5 har röstat" in visible_text(app)
        await pilot.press("u", "r")  # a voter's stray letters do nothing to the others' ballots
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen" and app.session.votes_cast == 3
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        await pilot.press("enter")  # "no" has the focus: a stray Enter changes nothing
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen" and app.session.votes_cast == 3
        await pilot.press("ctrl+u", "right", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 2 and "2 av 5 har röstat" in visible_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        assert "2 av 5 har röstat" in visible_text(app)  # the question says how many have voted
        await pilot.press("escape")  # Esc on the question means no
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"


async def test_the_reveal_button_asks_too(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_lobby(app, pilot, group="")
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        assert "1 har röstat" in visible_text(app)  # no group size: no "of"
        await pilot.click("#reveal")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        await pilot.click("#no")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"


async def test_undo_asks_only_when_there_is_a_keyboard_ballot(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_lobby(app, pilot)
        await pilot.press("ctrl+u")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        assert app.screen.status == app.screen.t("lobby.nothing_to_undo")


async def test_english_count_takes_the_plural_of_the_verb(make_app):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_lobby(app, pilot)
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        assert "1 of 5 has voted" in visible_text(app)
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        assert "2 of 5 have voted" in visible_text(app)


async def test_show_of_hands_checks_the_group_and_undo_corrects_one_question(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, secret="hands")
        assert screen_name(app) == "HandsScreen"
        model = app.session.deck.model
        assert model.levels[0].statements[0] in visible_text(app)  # what the levels mean
        await pilot.press("2", "enter", "2", "enter", "1", "enter")
        await pilot.pause()
        assert app.session.round.entries[0].counts == {LEVEL_QUESTION: {"limited": 2, "innovative": 2, "both": 1}}
        assert model.principles[0].description in visible_text(app)  # as on the ballot
        assert model.levels[0].statements[0] not in visible_text(app)
        await pilot.press("2", "enter", "3", "enter", "0", "enter", "0", "enter", "9", "enter")  # 14 hands of 5
        await pilot.pause()
        assert app.screen.status == "14 händer, men gruppen är 5 personer. Räkna igen."
        assert app.session.votes_cast == 1  # the miscount was not stored
        assert [box.value for box in app.screen.query(".count").results(Input)] == ["2", "3", "0", "0", "9"]
        await pilot.press("ctrl+u")  # the level question was wrong too: reopen it with its counts
        await pilot.pause()
        assert app.session.votes_cast == 0
        assert [box.value for box in app.screen.query(".count").results(Input)] == ["2", "2", "1"]
        assert model.question in app.screen.status
        await pilot.press("enter", "enter", "backspace", "0", "enter")  # correct the last count only
        await pilot.pause()
        assert app.session.round.entries[0].counts == {LEVEL_QUESTION: {"limited": 2, "innovative": 2, "both": 0}}


async def test_show_of_hands_without_a_group_size_takes_any_count(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, group="", secret="hands")
        await pilot.press("9", "enter", "9", "enter", "9", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 1 and app.screen.status == ""


async def test_leaving_a_round_with_votes_asks_and_does_what_it_says(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_lobby(app, pilot)
        empty = session_of(app).id
        await pilot.press("escape")  # an empty round: straight back, nothing to lose
        await pilot.pause()
        assert screen_name(app) == "SetupScreen" and no_session(app)
        assert store.session(empty).status == "abandoned"
        await pilot.press("ctrl+s")
        await pilot.pause()
        first = session_of(app).id
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        said = visible_text(app)
        assert "2 röster är lagda i den här omgången" in said and "kastas de" in said
        assert "nästa start blir en ny omgång" in said
        await pilot.press("enter")  # "no" has the focus: the round goes on
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen" and session_of(app).votes_cast == 2
        await pilot.press("escape", "right", "enter")
        await pilot.pause()
        # What it said: the votes do not count, and the next start is a new round.
        assert screen_name(app) == "SetupScreen" and no_session(app)
        assert store.session(first).status == "abandoned"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert session_of(app).id != first and session_of(app).votes_cast == 0
        assert "0 av 5 har röstat" in visible_text(app)


async def test_leaving_a_round_shuts_the_phones_out_and_says_so(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_lobby(app, pilot)
        box = app.phone_box
        joined = box.join()  # a phone scans the join code (a real ballot box, no network needed)
        assert joined is not None and box.issued == 1
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Telefonerna kan inte heller rösta mer" in visible_text(app)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert screen_name(app) == "SetupScreen"
        assert box.state == "closed" and app.phone_box is None
        with pytest.raises(PhoneRefusal):
            box.join()  # a phone that comes late is told the vote is closed


async def test_leaving_a_show_of_hands_with_counts_asks_first(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, secret="hands")
        await pilot.press("2", "enter", "3", "enter", "0", "enter")
        await pilot.pause()
        first = app.session.id
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "ConfirmScreen"
        assert "Handuppräckningen är inskriven för 1 fråga" in visible_text(app)
        await pilot.press("escape")  # Esc on the question means no
        await pilot.pause()
        assert screen_name(app) == "HandsScreen" and app.session.votes_cast == 1
        await pilot.press("escape", "right", "enter")
        await pilot.pause()
        assert screen_name(app) == "SetupScreen" and store.session(first).status == "abandoned"


async def test_leaving_a_check_in_round_asks_in_english(make_app):
    app = make_app(mode="checkin", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Team North", "enter")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        await pilot.press("enter", *"123451234", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "1 vote has been cast in this round. If you go back it is discarded" in visible_text(app)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert screen_name(app) == "TeamScreen" and no_session(app)


def footer_descriptions(app) -> list[str]:
    from textual.widgets._footer import FooterKey

    return [key.description for key in app.screen.query(FooterKey)]


async def test_the_first_screen_of_a_mode_offers_no_dead_back_key(make_app):
    for mode, first in (("workshop", "SetupScreen"), ("checkin", "TeamScreen")):
        app = make_app(mode=mode)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert screen_name(app) == first
            assert "Tillbaka" not in footer_descriptions(app)
            await pilot.press("escape")  # nothing behind it: nothing happens
            await pilot.pause()
            assert screen_name(app) == first
    app = make_app()  # from the start screen, the setup has somewhere to go back to
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert screen_name(app) == "SetupScreen" and "Tillbaka" in footer_descriptions(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tillbaka" in footer_descriptions(app)


async def test_walkup_results_show_ties_on_the_weakest_as_ties(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"225445544", "enter")  # two principles at 2, two at 4, five at 5
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        names = [p.name for p in app.session.deck.model.principles]
        said = visible_text(app)
        assert f"Svagast just nu: {names[0]}, {names[1]}." in said
        assert names[3] not in said.split("Svagast just nu:")[1].split("\n")[0]


async def test_the_deal_says_which_cards_break_the_time_box_and_group(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#group", Input).value = "1"  # one person, ten minutes: no card fits both
        app.screen.query_one("#minutes", Choice).index = 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.settings.minutes == 10
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter", "enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        assert app.session.off_limits() == app.session.hand  # nothing fits: every card breaks a limit
        note = str(app.screen.query_one("#deal-limits").render())
        assert "Inga kort ryms inom högst 10 minuter och en grupp på 1, så de här är utdelade utan" in note
        await pilot.press("escape", "escape", "escape")  # back to the setup, to ask for a little more
        await pilot.pause()
        await pilot.press("right", "enter")  # the round holds a ballot: leave it
        await pilot.pause()
        assert screen_name(app) == "SetupScreen"
        app.screen.query_one("#group", Input).value = "2"  # ten minutes, two people: a few fit
        await pilot.press("ctrl+s", "enter", *BALLOT)
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter", "enter")
        await pilot.pause()
        off = app.session.off_limits()
        assert 0 < len(off) < len(app.session.hand)
        note = str(app.screen.query_one("#deal-limits").render())
        assert f"{len(off)} av korten här ryms inte inom högst 10 minuter och en grupp på 2" in note
        assert all(card.title in note for card in off)
        assert all(card.title not in note for card in app.session.hand if card not in off)


async def test_the_deal_says_nothing_when_the_cards_keep_to_the_setup(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.query_one("#group", Input).value = "8"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter", "enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen" and app.session.off_limits() == []
        assert not app.screen.query_one("#deal-limits").display
