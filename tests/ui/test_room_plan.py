"""The plan is a real plan (issue 15): up to five actions in a workshop or check-in, added,
removed and reordered by key and by button; the group's own challenge; the share screen
names a challenge by its title and wraps long values under their start; the link and the
viewer carry every action and the own challenge."""

from __future__ import annotations

import html
from datetime import UTC, date, datetime

import pytest

from kiosk.core.i18n import t
from kiosk.core.link import LinkCodec, as_linked, encode_link
from kiosk.core.plan import MAX_ACTIONS, TEXT_LIMITS, Action, Plan
from kiosk.core.shelf import Shelf
from kiosk.ui.screens.help import HelpRow
from kiosk.web.viewer import viewer_html


def screen_name(app) -> str:
    return type(app.screen).__name__


def whats(app) -> list[str]:
    return [form.field("what").value for form in app.screen.forms()]


async def to_the_plan(app, pilot, mode: str = "workshop") -> None:
    """From the mode's first screen to the plan, with the keys a group would press."""
    if mode == "workshop":
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter", *"3123451234", "enter")
    else:
        await pilot.press(*"Team Syd", "enter")
        await pilot.pause()
        await pilot.press("enter", *"123451234", "enter")
    await pilot.pause()
    await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
    await pilot.pause()
    assert screen_name(app) == "ResultsScreen"
    await pilot.press("enter")  # deal
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    assert screen_name(app) == "PlanScreen"


async def clear_and_type(pilot, app, text: str) -> None:
    app.focused.value = ""
    await pilot.press(*text)


async def test_workshop_plan_takes_five_actions_added_removed_and_reordered_by_key(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_plan(app, pilot)
        await clear_and_type(pilot, app, "Ett")
        await pilot.press("tab", *"hur ett")
        for word in ("Två", "Tre", "Fyra", "Fem"):
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.press(*word)
        assert whats(app) == ["Ett", "Två", "Tre", "Fyra", "Fem"]
        await pilot.press("ctrl+n")  # a sixth is refused, with the reason
        await pilot.pause()
        assert len(app.screen.forms()) == MAX_ACTIONS
        assert app.screen.status == "En plan har högst 5 aktiviteter."
        await pilot.press("ctrl+up", "ctrl+up")  # "Fem" moves up to third place, the focus with it
        await pilot.pause()
        assert whats(app) == ["Ett", "Två", "Fem", "Tre", "Fyra"]
        assert app.focused is app.screen.forms()[2].field("what")
        await pilot.press("ctrl+d")  # it has text: the first press only asks
        await pilot.pause()
        assert len(app.screen.forms()) == 5
        assert "Aktivitet 3 har text" in app.screen.status
        await pilot.press("ctrl+d")  # the second removes it
        await pilot.pause()
        assert whats(app) == ["Ett", "Två", "Tre", "Fyra"]
        assert [form.number for form in app.screen.forms()] == [1, 2, 3, 4]
        app.screen.forms()[0].field("how").focus()
        await pilot.press("ctrl+down")  # "Ett" (with its how) moves below "Två"
        await pilot.pause()
        assert app.focused is app.screen.forms()[1].field("how")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        plan = store.plan(app.session.plan_code)
        assert [a.what for a in plan.actions] == ["Två", "Ett", "Tre", "Fyra"]
        assert plan.actions[1].how == "hur ett" and plan.actions[0].how == ""
        summary = app.screen.query_one("#summary").plain()
        assert " 4. Fyra" in summary and "hur ett" in summary


async def test_actions_by_button_and_an_empty_block_is_left_out(make_app, store):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_the_plan(app, pilot)
        await clear_and_type(pilot, app, "First")
        await pilot.click("#add-action")
        await pilot.pause()
        await pilot.press(*"Second")
        await pilot.click("#add-action")
        await pilot.pause()
        assert len(app.screen.forms()) == 3 and app.screen.forms()[2].number == 3
        await pilot.click(app.screen.forms()[1].query_one(".up"))  # "Second" above "First"
        await pilot.pause()
        assert whats(app) == ["Second", "First", ""]
        assert not app.screen.forms()[0].query_one(".up").display  # the first has no "move up"
        await pilot.click(app.screen.forms()[1].query_one(".remove"))
        await pilot.pause()
        assert whats(app) == ["Second", "First", ""] and "Action 2 has text" in app.screen.status
        await pilot.pause(0.3)  # a button ignores a click while it still shows the last one
        await pilot.click(app.screen.forms()[1].query_one(".remove"))
        await pilot.pause()
        assert whats(app) == ["Second", ""]
        await pilot.press("ctrl+s")  # the empty third block is not an action
        await pilot.pause()
        assert [a.what for a in store.plan(app.session.plan_code).actions] == ["Second"]


async def test_an_action_without_what_is_refused_in_its_own_block(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("tab", *"bara hur")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.plan is None and app.screen.status == t("sv", "plan.need_what")
        assert app.focused is app.screen.forms()[1].field("what")


async def test_checkin_plan_takes_two_actions(make_app, store):
    app = make_app(mode="checkin")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_plan(app, pilot, mode="checkin")
        await clear_and_type(pilot, app, "Första")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Andra", "tab", "tab", "tab", *"Kim")  # what, how, when, who
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        plan = store.plan(app.session.plan_code)
        assert [a.what for a in plan.actions] == ["Första", "Andra"] and plan.actions[1].who == "Kim"


async def test_every_action_refuses_a_bad_character_as_typed_in_the_session_language(make_app):
    app = make_app(mode="workshop", language="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        third = app.screen.forms()[2]
        await pilot.press(*"Prøv ", "🚀")
        await pilot.pause()
        assert app.screen.status == t("da", "guard.emoji", code="U+1F680")
        assert app.focused is third.field("what") and third.field("what").has_class("-invalid")
        app.screen.forms()[0].field("what").focus()
        await pilot.press("ctrl+s")  # refused, and the bad field gets the focus back
        await pilot.pause()
        assert app.session.plan is None and app.focused is third.field("what")
        third.field("competences").value = "x\x1b[31m"
        await pilot.pause()
        assert app.screen.status == t("da", "guard.control", code="U+001B")
        third.field("what").value = "Prøv en ny blanket"
        third.field("competences").value = "Jura"
        await pilot.pause()
        assert app.screen.status == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.plan is not None and app.session.plan.actions[-1].competences == "Jura"


async def test_own_challenge_is_kept_and_long_values_wrap_under_their_start(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#own-challenge").focus()
        await pilot.press(*"Hur kan vi  korta kön i receptionen?")
        await to_the_plan(app, pilot)
        long_how = "Vi bjuder in fem invånare och tre kollegor till en förmiddag och testar det nya flödet tillsammans"
        await pilot.press("tab", *long_how)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        assert store.plan(app.session.plan_code).challenge == "Hur kan vi korta kön i receptionen?"
        lines = app.screen.query_one("#summary").plain().splitlines()
        assert any("Hur kan vi korta kön i receptionen?" in line for line in lines)
        how = next(i for i, line in enumerate(lines) if line.lstrip().startswith("Hur:"))
        start = lines[how].index("Hur:") + len("Hur: ")
        assert lines[how + 1][:start].strip() == "" and lines[how + 1][start] != " "  # under the value
        assert " ".join(line.strip() for line in lines[how : how + 3]).count("tillsammans") == 1


async def test_share_names_a_challenge_card_by_its_title(make_app):
    app = make_app(mode="workshop")
    challenge = app.shelf.challenges("sv")[0]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#challenge").value = challenge.id
        await to_the_plan(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        text = " ".join(app.screen.query_one("#summary").plain().split())
        assert challenge.title in text and challenge.id not in text


async def test_follow_up_carried_actions_are_blocks_that_can_go(make_app, store):
    from kiosk.core.session import Session, SessionSettings

    deck = make_app().shelf.get("innovationslek", "sv")
    first = Session(store=store, deck=deck, settings=SessionSettings(mode="workshop", team="Bygglov"))
    first.cast({"level": "limited", **{p: 2 for p in deck.model.principle_ids}})
    code = first.save_plan(first.make_plan([Action(what="Gammal ett"), Action(what="Gammal två")], None))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("4", *code, "enter")
        await pilot.pause()
        await pilot.press("enter", "2", *"444444444", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
        await pilot.pause()
        await pilot.press("enter", "space", "c")  # deal, choose a card, on to the review
        await pilot.pause()
        assert screen_name(app) == "ReviewScreen"
        await pilot.press("2", "down", "2", "c")  # both not done: both carried
        await pilot.pause()
        assert screen_name(app) == "PlanScreen"
        carried, new = whats(app)[:2], whats(app)[2]
        assert carried == ["Gammal ett", "Gammal två"] and new  # the new one, from the chosen card
        assert app.focused is app.screen.forms()[2].field("what")
        await pilot.press("end", "ctrl+u", *"Ny", "ctrl+up", "ctrl+up")
        app.screen.forms()[1].field("what").focus()
        await pilot.press("ctrl+d", "ctrl+d")  # "Gammal ett" is dropped after all
        await pilot.press("ctrl+s")
        await pilot.pause()
        plan = store.plan(app.session.plan_code)
        assert [a.what for a in plan.actions] == ["Ny", "Gammal två"] and plan.follows == code


# -- the link and the viewer ---------------------------------------------------------------
SHELF = Shelf()
DECK = SHELF.get("innovationslek", "sv")
OWN = "Hur kan vi halvera väntan på bygglov, utan fler handläggare och med invånarna med oss?"


def full_plan(**changes) -> Plan:
    """Five actions with every field filled to its limit, and a challenge of the group's own."""
    actions = [
        Action(
            **{name: (f"{n}{name[0]} " + "åtgärd med ord " * 20)[: TEXT_LIMITS[name]].strip() for name in Action.FIELDS}
        )
        for n in range(1, MAX_ACTIONS + 1)
    ]
    plan = Plan(
        deck=DECK.id,
        language="sv",
        mode="workshop",
        created=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
        cards=[c.id for c in DECK.methods[:3]],
        votes={p: [1, 2, 0, 3, 1] for p in DECK.require_model().principle_ids},
        actions=actions,
        follow_up=date(2027, 1, 15),
        team="Bygglov",
        challenge=OWN,
    )
    for key, value in changes.items():
        setattr(plan, key, value)
    return plan


def test_the_link_carries_five_full_actions_and_the_own_challenge():
    plan = full_plan()
    decoded = LinkCodec(SHELF.all_decks()).decode_link(encode_link(plan, DECK, "https://viewer.example/"))
    assert decoded == as_linked(plan)
    assert decoded.challenge == OWN and len(decoded.actions) == MAX_ACTIONS
    assert [a.competences for a in decoded.actions] == [a.competences for a in plan.actions]


def test_a_challenge_card_travels_as_its_id_and_every_language_round_trips():
    challenge = SHELF.challenges("sv")[0]
    for language in ("sv", "en", "nb", "da"):
        plan = full_plan(language=language, challenge=challenge.id)
        decoded = LinkCodec(SHELF.all_decks()).decode_link(encode_link(plan, DECK, "https://viewer.example/"))
        assert decoded.challenge == challenge.id and decoded.actions == plan.actions


@pytest.mark.e2e
def test_the_viewer_shows_every_action_and_the_own_challenge(tmp_path):
    from tests.e2e.chromium import dump_dom

    page = tmp_path / "index.html"
    page.write_text(viewer_html(SHELF), encoding="utf-8")
    plan = full_plan()
    dom = dump_dom(encode_link(plan, DECK, page.as_uri()))
    assert "Vår handlingsplan" in dom
    assert OWN in dom
    for action in plan.actions:
        for name in Action.FIELDS:
            assert getattr(action, name) in dom
    assert dom.count('class="what"') == MAX_ACTIONS


@pytest.mark.e2e
def test_the_viewer_names_a_challenge_card_by_its_title(tmp_path):
    from tests.e2e.chromium import dump_dom

    page = tmp_path / "index.html"
    page.write_text(viewer_html(SHELF), encoding="utf-8")
    challenge = SHELF.challenges("sv")[0]
    dom = dump_dom(encode_link(full_plan(challenge=challenge.id), DECK, page.as_uri()))
    assert html.escape(challenge.title) in dom and f">{challenge.id}<" not in dom


# -- walk-up: the visitor sees the QR -------------------------------------------------------
async def to_the_mini_plan(app, pilot) -> None:
    await pilot.press("enter", *"323134213", "enter")  # the trial's key sequence
    await pilot.pause()
    await pilot.press("enter", "enter", "enter")  # results, deal, card: "I pick this one"
    await pilot.pause()
    assert screen_name(app) == "MiniPlanScreen"


async def test_walkup_confirms_the_mini_plan_and_the_reflex_enter_keeps_the_qr(make_app, store):
    app = make_app(mode="walkup")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_the_mini_plan(app, pilot)
        await pilot.press("1", "2")  # what, then when: nothing is saved yet
        await pilot.pause()
        assert screen_name(app) == "MiniPlanScreen" and app.session.plan is None
        summary = str(app.screen.query_one("#mini-summary").render())
        assert summary.startswith("Ditt steg: Testa ") and summary.endswith("När: Inom två veckor.")
        assert app.focused is app.screen.query_one("#mini-save")
        await pilot.press("enter")  # "save and show my QR code"
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        assert store.plan(app.session.plan_code).actions[0].when == "Inom två veckor"
        await pilot.press("enter", "escape")  # the visitor's reflex keys: the QR stays
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        app.clock.advance(1.4)
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        app.clock.advance(0.2)  # 1.6 seconds after it appeared: Enter means "done"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"


async def test_walkup_changes_when_on_the_confirmation_and_in_english(make_app, store):
    app = make_app(mode="walkup", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_mini_plan(app, pilot)
        await pilot.press("2", "1")
        await pilot.pause()
        assert "By when: Within a week." in str(app.screen.query_one("#mini-summary").render())
        await pilot.press("3")  # a digit on the confirmation picks "when" again
        await pilot.pause()
        assert "By when: Within a month." in str(app.screen.query_one("#mini-summary").render())
        assert app.focused is app.screen.query_one("#mini-save")
        await pilot.press("up", "up", "enter")  # up into the list, to "within two weeks"
        await pilot.pause()
        assert app.session.plan is None and app.focused is app.screen.query_one("#mini-save")
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "ShareScreen"
        plan = store.plan(app.session.plan_code)
        assert plan.actions[0].what.startswith("Tell a colleague") and plan.actions[0].when == "Within two weeks"
        assert plan.follow_up == date(2026, 12, 8)


async def test_the_guard_counts_from_when_the_share_screen_is_seen(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_the_mini_plan(app, pilot)
        await pilot.press("1", "1", "enter")
        await pilot.pause()
        share = app.screen
        assert screen_name(app) == "ShareScreen" and share.guard_seconds == 1.5
        app.clock.advance(5)
        await pilot.press("f1")  # the help over it, closed with Enter: that Enter is the help's
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is share
        await pilot.press("enter")  # at once after the help: still guarded
        await pilot.pause()
        assert app.screen is share
        app.clock.advance(2)
        await pilot.press("escape")
        await pilot.pause()
        assert screen_name(app) == "AttractScreen"


async def test_own_challenge_is_guarded_as_typed_and_survives_a_language_change(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        own = app.screen.query_one("#own-challenge")
        own.focus()
        await pilot.press(*"Hur kan vi ", "🚀")
        await pilot.pause()
        assert app.screen.status == t("sv", "guard.emoji", code="U+1F680") and app.focused is own
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session is None and app.focused is own
        await pilot.press("backspace", *"testa?")
        app.screen.query_one("#language").focus()
        await pilot.press("right")  # English: the setup is built again with what was typed
        await pilot.pause()
        assert app.language == "en" and app.screen.query_one("#own-challenge").value == "Hur kan vi testa?"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session is not None and app.session.settings.challenge == "Hur kan vi testa?"


async def test_the_plan_help_names_its_keys_in_the_session_language(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        rows = [row.plain() for row in app.screen.query(HelpRow)]
        assert any(row.startswith("Ctrl+N") and t("sv", "room_plan.help_add") in row for row in rows)
        move = t("sv", "room_keys.key_up_down")
        assert any(row.startswith(f"Ctrl+{move}") and t("sv", "room_plan.help_move") in row for row in rows)
