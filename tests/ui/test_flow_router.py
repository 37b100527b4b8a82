"""The flow router: each mode's graph walked with real keys, intents from a screen that
is not on top ignored, resuming by replaying the saved steps, --mode followup."""

from __future__ import annotations

from datetime import date

import pytest

from kiosk.cli import build_parser, resolve_config
from kiosk.core.modes import MODES, mode_spec
from kiosk.core.plan import Action
from kiosk.core.session import Session, SessionSettings
from kiosk.ui.intents import Back, Chosen, Done


def names(app) -> list[str]:
    return [type(s).__name__ for s in app.screen_stack]


def earlier_plan(app, store) -> str:
    deck = app.shelf.get("innovationslek", "sv")
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Bygglov"))
    first.cast({"level": "limited", **{p: 2 for p in deck.model.principle_ids}})
    return first.save_plan(first.make_plan([Action(what="Prova nytt formulär")], date(2027, 1, 10)))


# Keys that finish each step of a mode's main path (side steps included where the mode
# needs them: a ballot from the lobby, a card from the deal).
KEYS = {
    "walkup": {
        "attract": ["enter"],
        "vote": [*"123451234", "enter"],
        "results": ["enter"],
        "deal": ["enter", "enter"],
        "plan": ["enter", "enter", "enter"],  # what, when, then "save and show my QR code"
        "share": ["enter"],
    },
    "workshop": {
        "setup": ["ctrl+s"],
        "vote": ["enter", *"3123451234", "enter", "ctrl+r", "right", "enter"],
        "results": ["enter"],
        "deal": ["space", "c"],
        "plan": [*"Prova", "ctrl+s"],
        "share": ["enter"],
    },
    "checkin": {
        "team": [*"Norr", "enter"],
        "vote": ["enter", *"123451234", "enter", "ctrl+r", "right", "enter"],
        "results": ["enter"],
        "deal": ["c"],
        "plan": ["ctrl+s"],
        "share": ["enter"],
    },
    "followup": {
        "earlier_plan": ["CODE", "enter"],
        "vote": ["enter", *"2444444444", "enter", "ctrl+r", "right", "enter"],
        "results": ["enter"],
        "deal": ["space", "c"],
        "review": ["c"],
        "plan": [*"Mät", "ctrl+s"],
        "share": ["enter"],
    },
}


@pytest.mark.parametrize("spec", MODES, ids=lambda m: m.name)
async def test_each_mode_walks_its_steps_and_starts_over(make_app, store, spec):
    assert set(KEYS[spec.name]) == set(spec.steps)  # every step of the spec has its keys here
    app = make_app(mode=spec.name)
    code = earlier_plan(app, store) if spec.name == "followup" else ""
    async with app.run_test(size=(100, 40)) as pilot:
        visited: list[str] = []
        for step in spec.steps:
            assert app.flow.path[-1][0] == step, (visited, app.flow.path)
            visited.append(step)
            if step == "share":
                app.clock.advance(2)  # past the moment in which the share screen ignores keys
            for key in KEYS[spec.name][step]:
                await pilot.press(*(code if key == "CODE" else [key]))
                await pilot.pause()
        assert visited == list(spec.steps)
        # After the share screen the mode starts over at its first step, on a fresh stack.
        assert [step for step, _ in app.flow.path] == [spec.first_step]
        assert len(app.screen_stack) == 1 and app.session is None
        plans = store.plans()
        assert plans[-1][3].mode == spec.name


async def test_intents_from_a_screen_that_is_not_on_top_are_ignored(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        lobby = app.screen
        await pilot.press("f1")  # the help covers the lobby
        await pilot.pause()
        lobby.post_message(Chosen(lobby, "ballot"))
        lobby.post_message(Done(lobby))
        await pilot.pause()
        assert names(app) == ["SetupScreen", "LobbyScreen", "HelpScreen"]
        await pilot.press("escape", "enter", *"3123451234", "enter")
        await pilot.pause()
        assert app.session.votes_cast == 1
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        results = app.screen
        await pilot.press("enter")
        await pilot.pause()
        assert names(app) == ["SetupScreen", "LobbyScreen", "ResultsScreen", "DealScreen"]
        # The results are covered by the deal: their Done and Back change nothing, and the
        # lobby's Done (reveal) does not stack a second results screen.
        results.post_message(Done(results))
        results.post_message(Back(results))
        lobby.post_message(Done(lobby))
        await pilot.pause()
        assert names(app) == ["SetupScreen", "LobbyScreen", "ResultsScreen", "DealScreen"]
        assert [step for step, _ in app.flow.path] == ["setup", "vote", "results", "deal"]


async def test_a_ballot_confirmed_twice_is_cast_once_by_the_router(make_app):
    app = make_app(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"123451234")
        await pilot.pause()
        ballot = app.screen
        answers = dict(ballot.query_one("BallotWidget").answers)
        ballot.post_message(Done(ballot, answers))
        ballot.post_message(Done(ballot, answers))
        await pilot.pause()
        assert app.session.votes_cast == 1 and names(app) == ["TeamScreen", "LobbyScreen"]


@pytest.mark.parametrize(
    "saved, expected",
    [
        ({"steps": ["vote", "results", "deal", "plan"]}, ["LobbyScreen", "ResultsScreen", "DealScreen", "PlanScreen"]),
        ({"steps": ["vote"]}, ["LobbyScreen"]),
        ({"screen": "results"}, ["LobbyScreen", "ResultsScreen"]),  # saved before steps were kept
    ],
)
async def test_resume_replays_the_saved_steps(make_app, store, saved, expected):
    deck = make_app().shelf.get("innovationslek", "sv")
    session = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Syd"))
    session.cast({"level": "both", **{p: 2 for p in deck.model.principle_ids}})
    session.choose(deck.methods[0].id)
    store.update_session(session.id, state={**saved, "settings": {"secret": True}})
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 40)) as pilot:
        assert names(app) == ["ResumeScreen"]
        await pilot.press("enter")
        await pilot.pause()
        assert names(app) == expected
        assert app.session.id == session.id and app.session.votes_cast == 1
        for _ in expected[1:]:
            await pilot.press("escape")
            await pilot.pause()
        assert names(app) == ["LobbyScreen"]


async def test_steps_are_saved_as_the_flow_moves(make_app, store):
    app = make_app(mode="checkin")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter", *"123451234", "enter", "ctrl+r", "right", "enter", "enter")
        await pilot.pause()
        assert store.session(app.session.id).state["steps"] == ["vote", "results", "deal"]
        await pilot.press("escape")
        await pilot.pause()
        assert store.session(app.session.id).state["steps"] == ["vote", "results"]


def test_followup_mode_from_the_command_line_and_the_config_file(tmp_path):
    config, messages = resolve_config(build_parser().parse_args(["--mode", "followup"]))
    assert messages == [] and config.mode == "followup"
    path = tmp_path / "kiosk.toml"
    path.write_text('mode = "followup"\n', encoding="utf-8")
    config, messages = resolve_config(build_parser().parse_args(["--config", str(path)]))
    assert messages == [] and config.mode == "followup"
    assert mode_spec(config.mode).first_step == "earlier_plan"


async def test_followup_mode_starts_on_its_first_screen_and_is_in_the_menus(make_app):
    app = make_app(mode="followup")
    async with app.run_test(size=(80, 24)) as pilot:
        assert names(app) == ["FollowUpScreen"]
        await pilot.press("f12")
        await pilot.pause()
        assert app.screen.query_one("#mode-followup")
        await pilot.click("#mode-walkup")
        await pilot.pause()
        assert names(app) == ["AttractScreen"]
