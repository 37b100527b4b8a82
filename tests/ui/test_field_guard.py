"""Every free-text field is checked as it is typed, with the rules of the plan and the
store, in the session's language, and keeps the focus; nothing that the plan would refuse
later gets through (a team "Team 🚀" made a workshop whose plan could never be saved)."""

from __future__ import annotations

from kiosk.core.i18n import t
from kiosk.core.plan import TEXT_LIMITS


def message(app) -> str:
    return app.screen.status  # the screen's status line


async def test_setup_refuses_an_emoji_team_as_it_is_typed(make_app, store):
    app = make_app(mode="workshop")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Team ", "🚀")
        await pilot.pause()
        team = app.screen.query_one("#team")
        assert message(app) == t("sv", "guard.emoji", code="U+1F680")
        assert team.has_class("-invalid") and app.focused is team
        await pilot.press("tab", "ctrl+s")  # going on is refused, and the field gets the focus back
        await pilot.pause()
        assert type(app.screen).__name__ == "SetupScreen" and app.session is None
        assert app.focused is team
        await pilot.press("end", "backspace")
        await pilot.pause()
        assert message(app) == "" and not team.has_class("-invalid")
        await pilot.press(*"Norr", "ctrl+s")
        await pilot.pause()
        assert app.session is not None and app.session.settings.team == "Team Norr"


async def test_checkin_team_refuses_hebrew_in_english(make_app):
    app = make_app(mode="checkin", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ש", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "TeamScreen" and app.session is None
        assert message(app) == t("en", "guard.character", char="ש", code="U+05E9")  # every screen has its line
        assert not app._notifications
        assert app.focused is app.screen.query_one("#team")


async def test_plan_fields_refuse_emoji_and_control_characters_in_the_session_language(make_app, store):
    app = make_app(mode="workshop", language="da")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.session.cast({"level": "limited", **{p: 3 for p in app.session.deck.model.principle_ids}})
        await pilot.press("ctrl+r", "right", "enter", "enter", "c")  # the results, the deal, on to the plan
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanScreen"
        await pilot.press("tab", *"Med borgere ", "🚀")
        await pilot.pause()
        how = app.screen.query_one("#how")
        assert message(app) == t("da", "guard.emoji", code="U+1F680")
        assert "emoji U+" not in message(app)  # not the plan's English technical text
        assert app.focused is how
        await pilot.press("tab", "tab", "ctrl+s")
        await pilot.pause()
        assert app.session.plan is None and app.focused is how
        how.value = "Med borgere"
        await pilot.pause()
        assert message(app) == ""
        who = app.screen.query_one("#who")
        who.value = "Åsa \x1b[31m"  # a paste that carried an escape sequence
        await pilot.pause()
        assert message(app) == t("da", "guard.control", code="U+001B")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.plan is None and app.focused is who
        who.value = "Åsa"
        app.screen.query_one("#what").value = "Prøv en ny blanket"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.session.plan is not None
        assert store.plan(app.session.plan_code).actions[0].who == "Åsa"


def test_every_rule_has_a_message_in_every_language():
    from kiosk.core.text import field_issue

    cases = ["x" * 200, "a\nb", "🚀", "ש", "\x1b", "\u202e"]
    issues = [field_issue(v, TEXT_LIMITS["what"]) for v in cases]
    assert None not in issues
    keys = {issue[0] for issue in issues if issue is not None}
    assert keys == {"too_long", "one_line", "emoji", "character", "control"}
    for lang in ("sv", "en", "nb", "da"):
        for key in keys:
            assert t(lang, f"guard.{key}", n=1, code="U+0000", char="x") != f"guard.{key}"
