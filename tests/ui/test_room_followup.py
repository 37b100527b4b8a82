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
    await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
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
        actions = app.screen.query_one("#actions")
        first, second = (actions.get_option_at_index(i).prompt.plain for i in (0, 1))
        assert first.splitlines() == ["[inte klar] Prova nytt formulär", "    Vem: Anna"]  # whose it was
        assert second == "[inte klar] Bjud in invånare"  # no who or when: nothing more
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


async def test_the_lobby_and_results_name_the_plan_and_the_review_is_kept(make_app, store):
    app = make_app(mode="followup")
    code = earlier_plan(app, store, team="Bygglov [norr]")
    made = store.plan(code).created.astimezone().strftime("%Y-%m-%d")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*code.lower(), "enter")
        await pilot.pause()
        assert names(app)[-1] == "LobbyScreen"
        line = f"Uppföljning av plan {code} från {made}, Bygglov [norr]"
        assert str(app.screen.query_one("#following").render()) == line  # the team as typed, not markup
        await pilot.press("enter", "2", *"444444444", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
        await pilot.pause()
        assert str(app.screen.query_one("#following").render()) == line
        await pilot.press("enter", "space", "c")  # deal, choose, on to the review
        await pilot.pause()
        await pilot.press("1", "2", "3", "c")  # done, not done, dropped
        await pilot.pause()
        assert names(app)[-1] == "PlanScreen"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert names(app)[-1] == "ShareScreen"
        plan = store.plan(app.session.plan_code)
    assert [(r.what, r.status) for r in plan.review] == [
        ("Prova nytt formulär", "done"),
        ("Bjud in invånare", "not_done"),
        ("Skriv rutin", "dropped"),
    ]
    assert plan.follows == code and [a.what for a in plan.actions][0] == "Bjud in invånare"


async def test_a_plan_from_a_file_is_named_by_its_date_and_no_team_is_named_without_one(make_app, store, tmp_path):
    app = make_app(mode="followup")
    code = earlier_plan(app, store, team="")
    path = tmp_path / "plan.toml"
    path.write_text(store.plan(code).to_toml(), encoding="utf-8")
    made = store.plan(code).created.astimezone().strftime("%Y-%m-%d")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press(*str(path), "enter")
        await pilot.pause()
        assert names(app)[-1] == "LobbyScreen"
        assert str(app.screen.query_one("#following").render()) == f"Uppföljning av planen från {made}"


def test_the_viewer_shows_the_review_in_chromium(tmp_path):
    from datetime import UTC, datetime

    from kiosk.core.link import encode_link
    from kiosk.core.plan import Plan, Reviewed
    from kiosk.core.shelf import Shelf
    from kiosk.web.viewer import viewer_html
    from tests.e2e.chromium import dump_dom

    shelf = Shelf()
    deck = shelf.get("innovationslek", "sv")
    page = tmp_path / "index.html"
    page.write_text(viewer_html(shelf), encoding="utf-8")
    plan = Plan(
        deck=deck.id,
        language="en",
        mode="followup",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        actions=[Action(what="Invite residents")],
        follows="K949Y4",
        review=[Reviewed("Try the new form", "done"), Reviewed("<b>Write</b> a routine", "dropped")],
    )
    dom = dump_dom(encode_link(plan, deck, page.as_uri()))
    assert "How plan K949Y4 went" in dom
    assert "Done: </span><span>Try the new form" in dom
    assert "Dropped: </span><span>&lt;b&gt;Write&lt;/b&gt; a routine" in dom  # text, never markup
    assert "Invite residents" in dom


async def test_resume_is_offered_only_for_a_session_that_holds_something(make_app, store):
    deck = make_app().shelf.get("innovationslek", "sv")
    empty = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Norr"))
    empty.save_state(["vote"])  # set up, on the lobby, nobody voted: then the program was closed
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert names(app) == ["StartScreen"]
    assert store.session(empty.id).status == "abandoned"

    undone = Session(store=store, deck=deck, settings=SessionSettings(mode="checkin", team="Syd", with_level=False))
    undone.cast({p: 2 for p in deck.model.principle_ids})
    undone.undo()  # the only ballot was taken back: nothing left
    voted = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop"))
    voted.cast({"level": "limited", **{p: 2 for p in deck.model.principle_ids}})
    voted.save_state(["vote"])
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert names(app) == ["ResumeScreen"]
        detail = str(app.screen.query_one("#resume-detail").render())
        assert detail.startswith("Workshop, startad ") and detail.endswith(", 1 röst sparad.")
        assert " för " not in detail and "-" not in detail
        await pilot.press("enter")
        await pilot.pause()
        assert names(app)[-1] == "LobbyScreen" and app.session.id == voted.id
    assert store.session(undone.id).status == "open"  # newer sessions were looked at first


async def test_resume_names_the_team_when_it_has_one_and_counts_a_chosen_card(make_app, store):
    deck = make_app().shelf.get("innovationslek", "sv")
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="checkin", team="Team [Norr]"))
    session.choose(deck.methods[0].id)  # a chosen card is worth going on with too
    app = make_app(language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert names(app) == ["ResumeScreen"]
        detail = str(app.screen.query_one("#resume-detail").render())
        assert detail.startswith("Team check-in for Team [Norr], started ") and detail.endswith(", 0 votes saved.")


def checkin_history(store, deck, values: list[int]) -> None:
    """Earlier check-ins of Team Norr, one ballot each with every principle at a value."""
    for value in values:
        earlier = Session(
            store=store, deck=deck, settings=SessionSettings(mode="checkin", team="Team Norr", with_level=False)
        )
        earlier.cast({p: value for p in deck.model.principle_ids})
        earlier.abandon()


async def test_trend_bars_carry_the_mean_in_their_length_without_colour(make_app, store, monkeypatch):
    from kiosk.ui.widgets.trend import trend_bar

    monkeypatch.setenv("NO_COLOR", "1")
    deck = make_app().shelf.get("innovationslek", "sv")
    checkin_history(store, deck, [1, 2, 4])
    app = make_app(mode="checkin")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"team norr ", "enter")  # case and spaces do not split the team
        await pilot.pause()
        await pilot.press("enter", *"555555553", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
        await pilot.pause()
        table = app.screen.query_one("#trend")
        lines = table.render().plain.splitlines()
        assert len(lines) == 9
        first, last = lines[0], lines[-1]
        # Every value printed, oldest first; the bar before each is as long as its mean.
        assert "█░░░░ 1.0" in first and "██░░░ 2.0" in first and "████░ 4.0" in first and "█████ 5.0" in first
        assert first.rstrip().endswith("+1.0")
        assert "███░░ 3.0" in last and last.rstrip().endswith("-1.0")
        assert app.screen.query_one("#trend-title").render().plain.endswith("(de senaste 4 avstämningarna)")
    assert trend_bar(3.4, 5) == ("███▌", "░") and trend_bar(1.0, 5) == ("█", "░░░░")
    assert trend_bar(0.2, 5) == ("▌", "░░░░") and trend_bar(5.0, 5) == ("█████", "")
    assert trend_bar(6.5, 7) == ("██████▌", "")


async def test_a_narrow_screen_shows_the_newest_sessions_and_marks_the_rest(make_app, store):
    deck = make_app().shelf.get("innovationslek", "sv")
    checkin_history(store, deck, [1, 2, 3, 4, 2])
    app = make_app(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*"Team Norr", "enter")
        await pilot.pause()
        await pilot.press("enter", *"555555555", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
        await pilot.pause()
        table = app.screen.query_one("#trend")
        first = table.render().plain.splitlines()[0]
        assert len(first.rstrip()) <= table.size.width
        assert "… " in first and first.rstrip().endswith("+3.0")
        assert "█████ 5.0" in first and "██░░░ 2.0" in first  # the newest two at least
        assert "█░░░░ 1.0" not in first  # the oldest gave way


async def test_typed_plan_fields_are_kept_and_come_back_on_resume(make_app, store):
    from kiosk.ui.screens.plan import PlanScreen

    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+s", "enter", *"3123451234", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter", "enter", "space", "c")  # reveal, deal, choose, plan
        await pilot.pause()
        assert names(app)[-1] == "PlanScreen"
        session_id = app.session.id
        await pilot.pause(PlanScreen.DRAFT_SECONDS + 0.3)
        assert "plan_draft" not in store.session(session_id).state  # the prefilled form is no draft
        await pilot.press("tab", *"Med fem invånare")
        await pilot.pause(PlanScreen.DRAFT_SECONDS + 0.3)
    # The program ends here as a crash would: nothing was saved but the draft.
    draft = store.session(session_id).state["plan_draft"]
    assert draft["actions"][0]["how"] == "Med fem invånare" and draft["actions"][0]["what"].startswith("Testa: ")
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert names(app) == ["ResumeScreen"]
        await pilot.press("enter")
        await pilot.pause()
        assert names(app)[-1] == "PlanScreen"
        assert app.screen.query_one("#how").value == "Med fem invånare"


def test_a_session_that_holds_only_typed_plan_text_is_offered_again(tmp_path):
    from kiosk.core.deck_loader import load_deck_strict
    from kiosk.core.session import PlanDraft
    from kiosk.core.store import Store
    from tests.conftest import ROOT

    deck = load_deck_strict(ROOT / "decks" / "innovationslek.sv.toml")
    store = Store.open(tmp_path)
    typed = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop"))
    typed.save_state(["vote", "results", "deal", "plan"])
    assert not store.holds_something(typed.id)
    typed.save_plan_draft(PlanDraft.of([{"what": "", "who": "Anna"}], ""))
    assert store.holds_something(typed.id)
    offered = store.latest_open(("workshop",))
    assert offered is not None and offered.id == typed.id
    typed.save_plan_draft(PlanDraft.of([{"what": ""}], " "))  # typed, then erased: nothing again
    assert not store.holds_something(typed.id) and store.latest_open(("workshop",)) is None
    closed = store.session(typed.id)
    assert closed is not None and closed.status == "abandoned"
    assert PlanDraft.from_state({"actions": [{"what": 3}, "x"], "follow_up": None}) is None  # damaged state
    store.close()
