"""Each flow from its first screen to the share screen, with what is stored checked in
the real database."""

from __future__ import annotations

from textual import events

from kiosk.core.plan import Plan


def screen_name(app) -> str:
    return type(app.screen).__name__


async def test_workshop_flow_secret_ballots(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen_name(app) == "StartScreen"
        await pilot.press("2")
        assert screen_name(app) == "SetupScreen"
        await pilot.press(*"Bygglov")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        ballots = ["3" + "123451234", "1" + "222222222", "2" + "333334444"]
        for keys in ballots:
            await pilot.press("enter")
            await pilot.pause()
            assert screen_name(app) == "BallotScreen"
            await pilot.press(*keys, "enter")
            await pilot.pause()
            assert screen_name(app) == "LobbyScreen"
        await pilot.press("ctrl+u", "right", "enter")  # the third ballot was a mistake
        await pilot.pause()
        assert app.session.votes_cast == 2
        sid = app.session.id
        stored = [e.answers for e in store.entries(sid)]
        assert stored == [
            {
                "level": "both",
                **dict(zip(app.session.deck.model.principle_ids, [1, 2, 3, 4, 5, 1, 2, 3, 4], strict=True)),
            },
            {"level": "limited", **{p: 2 for p in app.session.deck.model.principle_ids}},
        ]
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        hand = [c.id for c in app.session.hand]
        assert len(hand) == 4
        assert store.dealt_cards(sid) == hand
        await pilot.press("space")  # choose the first card
        await pilot.press("2", "enter")  # open the second
        await pilot.pause()
        assert screen_name(app) == "CardScreen"
        await pilot.press("space")  # choose it from the card view
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        await pilot.press("tab", *"Med fem invånare", "tab", *"v. 50", "tab", *"Åsa", "tab", "tab")
        await pilot.press(*"2026-11-01", "enter")  # in the past: refused
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        assert app.session.plan is None
        for _ in range(10):
            await pilot.press("backspace")
        await pilot.press(*"2027-01-15", "enter")
        await pilot.pause()
        assert app.session.plan_code
        code = app.session.plan_code
        plan = store.plan(code)
        assert plan.cards == hand[:2]
        assert plan.team == "Bygglov"
        assert plan.follow_up.isoformat() == "2027-01-15"
        assert plan.actions[0].how == "Med fem invånare" and plan.actions[0].who == "Åsa"
        assert plan.votes["testa"] == [0, 1, 1, 0, 0]
        assert store.session(sid).status == "completed"
        files = list((app.data_dir / "plans").glob(f"*-{code}.toml"))
        assert len(files) == 1 and Plan.from_toml(files[0].read_text(encoding="utf-8")) == plan


async def test_workshop_show_of_hands_and_exercise(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        assert screen_name(app) == "SetupScreen"
        app.screen.query_one("#secret").value = "hands"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "HandsScreen"
        # level: 2 limited, 3 innovative, 1 both; then every principle 0,1,2,3,0 hands
        await pilot.press("2", "enter", "3", "enter", "1", "enter")
        await pilot.pause()
        for _ in range(9):
            await pilot.press("enter", "1", "enter", "2", "enter", "3", "enter", "enter")
            await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        tallies = app.session.tallies()
        assert tallies["level"].counts == {"limited": 2, "innovative": 3, "both": 1}
        assert tallies["testa"].counts == {1: 0, 2: 1, 3: 2, 4: 3, 5: 0}
        assert len(store.entries(app.session.id)) == 10
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # open the first card
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert screen_name(app) == "ExerciseScreen"
        screen = app.screen
        cd = screen.countdown
        first = cd.steps[0].seconds
        app.clock.advance(first - 10)
        screen.tick()
        await pilot.pause()
        assert screen.query_one("#time").has_class("-final")
        await pilot.press("space")  # pause
        app.clock.advance(500)
        screen.tick()
        assert cd.remaining() == 10
        await pilot.press("plus")
        assert cd.remaining() == 70
        await pilot.press("minus", "space")
        app.clock.advance(25)
        screen.tick()
        await pilot.pause()
        assert screen.query_one("#time").has_class("-overtime")
        assert screen.query_one("#time").value == "-00:15"
        await pilot.press("n")
        assert cd.index == 1
        await pilot.press("escape")
        await pilot.pause()
        ((card_id, planned, actual),) = store.exercises(app.session.id)
        assert card_id == app.session.chosen[0]
        assert actual == first - 10 + 500 + 25  # wall time from start to end, pauses included


async def test_checkin_flow(make_app, store):
    app = make_app(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen_name(app) == "TeamScreen"
        await pilot.press(*"Team Norr", "enter")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        for keys in ("111111111", "121212121", "111112222", "211111111", "111111111", "222222222"):
            await pilot.press("enter")
            await pilot.press(*keys, "enter")
            await pilot.pause()
        assert app.session.votes_cast == 6
        assert "level" not in app.session.round.by_id
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        (card,) = app.session.hand
        weakest = set(app.session.weakest(3))
        assert weakest & set(card.principles)
        await pilot.press("c")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        for _ in range(4):
            await pilot.press("tab")
        await pilot.press("tab", *"24.12", "enter")
        await pilot.pause()
        plan = store.plan(app.session.plan_code)
        assert plan.mode == "checkin" and plan.team == "Team Norr"
        assert plan.cards == [card.id] and plan.follow_up.isoformat() == "2026-12-24"
        assert sum(plan.votes["testa"]) == 6


async def test_walkup_flow_with_only_arrows_digits_and_enter(make_app, store):
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)) as pilot:
        assert screen_name(app) == "AttractScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"
        await pilot.press(*"533134555", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        sid = app.session.id
        await pilot.press("escape")  # changed my mind: back, change an answer, confirm again
        await pilot.pause()
        await pilot.press("up", "up", "up", "up", "4", "enter")
        await pilot.pause()
        entries = store.entries(sid)
        assert len(entries) == 1 and entries[0].answers["osakerhetstolerans"] == 5
        ballot_rows = store.db.execute("SELECT COUNT(*) FROM ballots WHERE session_id = ?", (sid,)).fetchone()[0]
        assert ballot_rows == 2  # the first one is kept, marked undone
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        assert len(app.session.hand) == 3
        assert all(c.place == "room" for c in app.session.hand)
        await pilot.press("right", "enter")
        await pilot.pause()
        assert screen_name(app) == "CardScreen"
        picked = app.screen.card_id
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "MiniPlanScreen"
        await pilot.press("down", "enter", "3")
        await pilot.pause()
        assert app.session.plan is None and screen_name(app) == "MiniPlanScreen"  # picked, not yet saved
        await pilot.press("enter")  # the explicit confirmation
        await pilot.pause()
        plan = store.plan(app.session.plan_code)
        assert plan.cards == [picked]
        assert plan.actions[0].what.startswith("Berätta om")
        assert plan.follow_up.isoformat() == "2026-12-24"
        assert plan.mode == "walkup"


async def test_english_help_and_mouse(make_app, store):
    app = make_app(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.click("#mode-walkup")
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"
        await pilot.press("f1")
        assert screen_name(app) == "HelpScreen"
        help_text = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Keys" in help_text and "This help" in help_text  # Esc is not listed: the attract screen has no way back
        await pilot.press("escape")
        await pilot.click("#invite")  # a tap anywhere starts
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"
        ballot = app.screen.query_one("BallotWidget")
        # Click the "5" of the first principle: row 0 is two lines below the legend.
        x0, _ = ballot._cells[0][4]
        await pilot.click("BallotWidget", offset=(x0 + 2, 2))
        assert ballot.answers[ballot.rows[0].id] == 5
        await pilot.press(*"44444444", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        assert "Results (1 vote)" in str(app.screen.query_one(".title").render())
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#slot-1")  # a tap opens the card
        await pilot.pause()
        assert screen_name(app) == "CardScreen"
        assert app.screen.card_id == app.session.hand[1].id
        assert app.session.deck.language == "en"
        title = str(app.screen.query_one("#card-title").render())
        assert title.startswith(app.session.hand[1].title)  # the English card text
        await pilot.press("escape", "escape", "escape")
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"  # back all the way, one screen at a time


async def test_checkin_shows_the_team_trend(make_app, store):
    from kiosk.core.session import Session, SessionSettings

    deck = make_app().shelf.get("innovationslek", "sv")
    for value in (1, 2, 3):
        earlier = Session(
            store=store, deck=deck, settings=SessionSettings(mode="checkin", team="Team Norr", with_level=False)
        )
        earlier.cast({p: value for p in deck.model.principle_ids})
        earlier.abandon()
    app = make_app(mode="checkin")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*"Team Norr", "enter")
        await pilot.pause()
        await pilot.press("enter", *"555555555", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        trend = app.screen.query_one("#trend")
        assert trend.rows[0][1] == [1.0, 2.0, 3.0, 5.0]
        assert trend.rows[0][2] == 2.0
        assert "de senaste 4" in str(app.screen.query_one("#trend-title").render())


async def test_follow_up_flow(make_app, store):
    from datetime import date as _date

    from kiosk.core.plan import Action
    from kiosk.core.session import Session, SessionSettings

    deck = make_app().shelf.get("innovationslek", "sv")
    ids = deck.model.principle_ids
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Bygglov"))
    first.cast({"level": "limited", **{p: 2 for p in ids}})
    code = first.save_plan(
        first.make_plan(
            [Action(what="Prova nytt formulär"), Action(what="Bjud in invånare"), Action(what="Skriv rutin")],
            _date(2027, 1, 10),
        )
    )
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4")
        assert screen_name(app) == "FollowUpScreen"
        await pilot.press(*"XKPE22", "enter")
        await pilot.pause()
        assert "Ingen plan har koden XKPE22" in app.screen.status
        for _ in range(6):
            await pilot.press("backspace")
        await pilot.press(*code.lower(), "enter")
        await pilot.pause()
        assert screen_name(app) == "LobbyScreen"
        await pilot.press("enter", "2", *"444444444", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        trend = app.screen.query_one("#trend")
        assert trend.rows[0][1:] == ([2.0, 4.0], 2.0)
        await pilot.press("enter")  # "deal method cards" deals cards
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        await pilot.press("space", "c")  # one chosen; going on starts with the review
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("1", "2", "3")  # done, not done, dropped
        await pilot.press("c")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        await pilot.press(*"Mät väntetiden", "ctrl+s")
        await pilot.pause()
        plan = store.plan(app.session.plan_code)
        assert plan.follows == code and plan.team == "Bygglov" and plan.mode == "followup"
        assert [a.what for a in plan.actions] == ["Bjud in invånare", "Mät väntetiden"]
        assert store.session(app.session.id).state["review"] == ["done", "not_done", "dropped"]


async def test_workshop_with_a_reflection_deck_in_norwegian(make_app, store):
    """Kultur for innovasjon has reflection questions, not method cards: the group votes on
    its three core values and deals questions instead."""
    app = make_app(mode="workshop", language="nb", decks=("kultur-for-innovasjon",))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.deck.id == "kultur-for-innovasjon" and app.session.deck.language == "nb"
        assert [q.id for q in app.session.round.questions] == ["nysgjerrighet", "mot", "apenhet"]
        await pilot.press("enter", *"245", "enter", "ctrl+r", "right", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        hand = app.session.hand
        assert hand and all(card.kind == "reflection" for card in hand)
        assert str(app.screen.query_one(".title").render()) == "Spørsmål dere kan snakke om"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "CardScreen"
        assert hand[0].question in app.screen.body().plain
        await pilot.press("space", "escape", "c")
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        await pilot.press(*"Snakke om en idé hver uke", "ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        plan = store.plan(app.session.plan_code)
        assert plan.deck == "kultur-for-innovasjon" and plan.cards == [hand[0].id]
        assert "Snakke om" in app.screen.query_one("#summary").plain()


async def test_setup_changes_language_and_keeps_what_was_typed(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Norr", "tab", "right")
        await pilot.pause()
        assert app.language == "en"
        assert "Prepare the workshop" in str(app.screen.query_one(".title").render())
        assert app.screen.query_one("#team").value == "Norr"
        # Held-down key: several changes while the screen is being rebuilt must not hang it.
        app.screen.query_one("#language").focus()
        for _ in range(5):
            app.post_message(events.Key("right", None))
        await pilot.pause()
        await pilot.pause()
        assert screen_name(app) == "SetupScreen"
        assert app.screen.query_one("#team").value == "Norr"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.settings.team == "Norr" and app.session.settings.language == app.language


async def test_a_language_picked_as_the_help_opens_leaves_one_setup_screen(make_app):
    """Right on the language and F1 in one burst: the change arrives when the help is
    already over the setup. It must not replace the help with a second setup screen;
    the setup follows the new language when the help closes."""
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Norr", "tab")
        app.post_message(events.Key("right", None))
        app.post_message(events.Key("f1", None))
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["SetupScreen", "HelpScreen"]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert [type(s).__name__ for s in app.screen_stack] == ["SetupScreen"]
        assert app.language == "en"
        assert "Prepare the workshop" in str(app.screen.query_one(".title").render())
        assert app.screen.query_one("#team").value == "Norr"
