"""The unattended kiosk: locked keys, the facilitator PIN, the idle reset, small windows
and resuming a workshop after a crash."""

from __future__ import annotations

from kiosk.core.pin import hash_pin
from kiosk.core.session import Session, SessionSettings


def screen_name(app) -> str:
    return type(app.screen).__name__


def visible_text(app) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Static"))


async def test_locked_keys_do_nothing(make_app):
    app = make_app(mode="walkup", kiosk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+p", "escape", "f2", "f5", "f10", "f11"):
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running, key
            assert screen_name(app) == "AttractScreen", key
        await pilot.press("enter")
        assert screen_name(app) == "BallotScreen"


async def test_ctrl_q_quits_outside_kiosk(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_wrong_pin_never_opens_the_menu_and_slows_down(make_app):
    app = make_app(mode="walkup", kiosk=True, pin_hash=hash_pin("2468"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        assert screen_name(app) == "PinScreen"
        waits = []
        for guess in ("0000", "1111", "2222"):
            await pilot.press(*guess, "enter")
            await pilot.pause()
            assert screen_name(app) == "PinScreen"
            waits.append(app.pin_gate.wait(app.clock()))
            app.clock.advance(waits[-1])
        assert waits == [1, 2, 4]
        await pilot.press(*"0000", "enter")
        await pilot.press(*"2468", "enter")  # right, but too soon after a wrong one
        await pilot.pause()
        assert screen_name(app) == "PinScreen"
        assert "Vänta" in visible_text(app)
        app.clock.advance(app.pin_gate.wait(app.clock()))
        await pilot.press(*"2468", "enter")
        await pilot.pause()
        assert screen_name(app) == "FacilitatorScreen"
        await pilot.click("#quit")
        await pilot.pause()
    assert app.return_code == 10


async def test_facilitator_switches_mode(make_app):
    app = make_app(mode="walkup", kiosk=True, pin_hash=hash_pin("2468"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12", *"2468", "enter")
        await pilot.pause()
        await pilot.click("#mode-checkin")
        await pilot.pause()
        assert screen_name(app) == "TeamScreen"


async def test_idle_reset_leaves_nothing_behind(make_app, store):
    app = make_app(mode="walkup", idle_seconds=20, share_idle_seconds=10)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *"123451234", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        sid = app.session.id
        app.clock.advance(19)
        app.check_visitor_idle()
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        app.clock.advance(1)
        app.check_visitor_idle()
        await pilot.pause()
        assert screen_name(app) == "StillThereScreen"
        assert "Är du kvar?" in visible_text(app)
        app.clock.advance(7)  # the countdown runs out
        app.screen.tick()
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"
        assert [type(s).__name__ for s in app.screen_stack] == ["AttractScreen"]  # a stack of its own
        assert app.session is None
        assert store.session(sid).status == "abandoned"
        assert len(store.entries(sid)) == 1  # the confirmed vote is kept for the statistics
        for _ in range(3):
            await pilot.press("escape")
        assert screen_name(app) == "AttractScreen"
        assert "svagast" not in visible_text(app)


async def test_a_key_during_the_countdown_keeps_the_session(make_app):
    app = make_app(mode="walkup", idle_seconds=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "1")
        app.clock.advance(25)
        app.check_visitor_idle()
        await pilot.pause()
        assert screen_name(app) == "StillThereScreen"
        await pilot.press("space")
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"
        assert app.session is not None
        app.check_visitor_idle()  # the key press counted as input
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"


async def test_workshops_do_not_idle_reset(make_app):
    app = make_app(mode="workshop", idle_seconds=20)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        app.clock.advance(10_000)
        app.check_visitor_idle()
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"


async def test_too_small_then_large_again(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.resize_terminal(40, 10)
        await pilot.pause()
        assert screen_name(app) == "TooSmallScreen"
        await pilot.press("enter")  # nothing happens behind it
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"


async def test_resume_an_open_workshop(make_app, store):
    first = make_app(mode="workshop")
    deck = first.shelf.get("innovationslek", "sv")
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Team Syd"))
    ids = deck.model.principle_ids
    session.cast({"level": "both", **{p: 2 for p in ids}})
    session.cast({"level": "limited", **{p: 4 for p in ids}})
    session.save_state(["vote", "results", "deal"])
    session.deal()
    session.choose(session.hand[0].id)
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen_name(app) == "ResumeScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        assert app.session.id == session.id and app.session.votes_cast == 2
        assert [c.id for c in app.session.hand] == [c.id for c in session.hand]
        assert app.session.chosen == [session.hand[0].id]
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        assert "2 har röstat" in visible_text(app)


async def test_walkup_sessions_never_resume(make_app, store):
    first = make_app(mode="walkup")
    deck = first.shelf.get("innovationslek", "sv")
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="walkup", with_level=False))
    session.cast({p: 3 for p in deck.model.principle_ids})
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)):
        assert screen_name(app) == "AttractScreen"
    assert store.session(session.id).status == "abandoned"
    assert len(store.entries(session.id)) == 1


async def test_day_view_from_the_facilitator_menu(make_app, store):
    first = make_app()
    deck = first.shelf.get("innovationslek", "sv")
    for mode, value in (("walkup", 1), ("walkup", 3), ("checkin", 5)):
        s = Session(store=store, deck=deck, settings=SessionSettings(mode=mode, with_level=False))
        s.cast({p: value for p in deck.model.principle_ids})
        s.choose(deck.methods[2].id)
        if mode == "checkin":
            s.save_plan(s.make_plan([], None))
    app = make_app(mode="walkup")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f12")  # no --kiosk: the menu opens without a PIN
        await pilot.pause()
        await pilot.click("#day")
        await pilot.pause()
        assert screen_name(app) == "DayViewScreen"
        totals = str(app.screen.query_one("#day-totals").render())
        assert "3 sessioner (genomförda: 1)" in totals
        ladder = app.screen.query_one("#day-ladder")
        assert ladder.rows[0].counts == (1, 0, 1, 0, 1) and ladder.rows[0].mean == 3.0
        assert f"  3  {deck.methods[2].title}" in str(app.screen.query_one("#day-cards").render())


async def test_keys_typed_faster_than_a_screen_opens_stay_on_that_screen(make_app):
    """Enter and F1 in one burst on the team screen: the help opens first (F1 is a key
    binding), and the team name submitted just before must not open the lobby over the
    help. The name is still there to submit once the help is closed."""
    from textual import events

    app = make_app(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Team Norr")
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("f1", None))
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack][-2:] == ["TeamScreen", "HelpScreen"]
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "TeamScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        assert app.session.settings.team == "Team Norr"


async def test_a_double_enter_on_a_ballot_casts_one_vote(make_app):
    """Two Enters in one burst on a filled-in ballot: the first casts the vote and closes
    the ballot, the second must not cast it again from the closing screen."""
    from textual import events

    app = make_app(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Team Norr", "enter")
        await pilot.pause()
        await pilot.press("enter", *"123451234")
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause()
        assert app.session.votes_cast == 1


async def test_keys_still_queued_when_the_app_quits_do_no_harm(make_app):
    """Keys typed while the facilitator quits: the screens they were meant for are being
    taken down. They must not turn the deliberate quit (exit code 10, the service stays
    down) into an error (the service would restart the kiosk). This seeded burst once
    hit a lobby mounting after its widgets were gone, then keys with no screen left."""
    import random

    from tests.ui.test_random_keys import KEYS, key_event

    app = make_app(mode="workshop", seed=3)
    rng = random.Random(6)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            for _ in range(30):
                app.post_message(key_event(rng.choice(KEYS)))
            await pilot.pause()
        for _ in range(30):
            app.post_message(key_event(rng.choice(KEYS)))
        app.exit(return_code=10)
    assert app.return_code == 10
