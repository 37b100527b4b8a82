"""The plan at 80x24 and on a projector (issue 21): an action block is compact where the
screen is short (one row per field, the label beside it, the focused field marked in every
theme), framed with line drawing where there is room; Ctrl+D follows the primary keys in
the key bar; the share screen's summary is the core's plan lines, a follow-up's review
included."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.widgets import Label

from kiosk.core.i18n import labels, t
from kiosk.core.plan_text import plan_lines
from kiosk.ui.widgets.actionform import FieldRow
from kiosk.ui.widgets.footer import shown_bindings
from kiosk.ui.widgets.plansummary import PlanSummary
from tests.ui.test_projector2 import screen_lines
from tests.ui.test_room_followup import earlier_plan, names
from tests.ui.test_room_keys import SHIPPED_THEMES
from tests.ui.test_room_plan import to_the_plan

TALL_GLYPHS = "▊▎▔▁"  # Textual's tall frame: stray line pieces beside a field in a real terminal


@pytest.fixture
def own_scrollbar(monkeypatch):
    from textual.scrollbar import ScrollBar

    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setattr(ScrollBar, "renderer", ScrollBar.renderer)  # the console theme swaps it


def rows_of(form) -> list[FieldRow]:
    return list(form.query(FieldRow).results(FieldRow))


@pytest.mark.parametrize("language", ["sv", "da"])  # Danish has the longest labels
async def test_at_80x24_a_whole_action_and_the_next_ones_heading_are_in_view(make_app, language):
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        first, second = app.screen.forms()
        first.field("what").focus()
        await pilot.pause()
        plan = app.screen.query_one("#plan")
        assert plan.scroll_y == 0  # nothing scrolled away to see it all
        text = "\n".join(screen_lines(app))
        assert t(language, "room_plan.action_n", n=1) in text
        assert t(language, "room_plan.action_n", n=2) in text
        view = plan.region
        for row in rows_of(first):
            assert row.region.height == 1 and row.field.region.height == 1
            assert view.contains_region(row.region), row.label_text
            # The whole label on the field's row: none wraps or is cut.
            assert row.label_text in screen_lines(app)[row.region.y]
        assert view.contains_region(second.query_one(".action-number").region)


@pytest.mark.parametrize("size", [(120, 40), (200, 60)])
async def test_where_there_is_room_a_field_is_framed_with_line_drawing(make_app, size):
    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        await to_the_plan(app, pilot)
        form = app.screen.forms()[0]
        assert app.focused is form.field("what")
        for row in rows_of(form):
            assert not row.compact and row.field.region.height == 3
        # The focused field's frame and the label beside it: no partial blocks (they leave
        # stray line pieces left of the box in xterm), rounded line drawing instead.
        what = rows_of(form)[0]
        lines = screen_lines(app)
        box = what.region
        for y in range(box.y, box.bottom):
            drawn = lines[y][box.x : box.right]
            assert not set(drawn) & set(TALL_GLYPHS), drawn
        assert lines[what.field.region.y][what.field.region.x] == "╭"
        assert what.label_text in lines[what.field.region.y + 1]


@pytest.mark.parametrize("theme", SHIPPED_THEMES)
async def test_at_80x24_the_focused_field_is_marked_in_every_theme(make_app, own_scrollbar, theme):
    app = make_app(mode="workshop", theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("tab")  # on to "how"
        await pilot.pause()
        rows = rows_of(app.screen.forms()[0])
        assert app.focused is rows[1].field
        accent = app.get_css_variables()["accent"]
        for n, row in enumerate(rows):
            # No frame in any theme (the console's stylesheet draws every field's frame).
            assert row.compact and row.field.styles.border_top[0] in ("", "none")
            label = row.query_one(Label)
            tagged = label.styles.background == Color.parse(accent)
            assert tagged == (n == 1), (n, label.styles.background)


async def test_the_key_bar_starts_with_the_primary_keys_and_ctrl_d_still_removes(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert app.focused is app.screen.forms()[1].field("what")  # a text field: it binds Ctrl+D too
        keys = [key for key, *_ in shown_bindings(app.screen)]
        assert keys[0] != "ctrl+d"
        assert keys.index("ctrl+s") < keys.index("ctrl+n") < keys.index("ctrl+d")
        await pilot.press("ctrl+d")  # the empty second action goes at once
        await pilot.pause()
        assert len(app.screen.forms()) == 1
        assert [key for key, *_ in shown_bindings(app.screen)] == keys


async def test_the_share_screen_of_a_follow_up_shows_the_review(make_app, store):
    app = make_app(mode="followup")
    code = earlier_plan(app, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*code.lower(), "enter")
        await pilot.pause()
        await pilot.press("enter", "2", *"444444444", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")  # reveal, confirmed
        await pilot.pause()
        await pilot.press("enter", "space", "c")  # deal, choose, on to the review
        await pilot.pause()
        await pilot.press("1", "2", "3", "c")  # done, not done, dropped
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert names(app)[-1] == "ShareScreen"
        lines = app.screen.query_one(PlanSummary).plain().splitlines()
    assert f"Så gick det med plan {code}" in lines
    assert " • Klar: Prova nytt formulär" in lines
    assert " • Inte klar: Bjud in invånare" in lines
    assert " • Struken: Skriv rutin" in lines


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_share_summary_is_the_cores_plan_lines(make_app, store, size):
    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("tab", *"Vi testar i receptionen", "tab", *"v 50", "ctrl+s")
        await pilot.pause()
        assert names(app)[-1] == "ShareScreen"
        summary = flat(app.screen.query_one(PlanSummary).plain())
        plan = store.plan(app.session.plan_code)
    said = plan_lines(plan, app.deck(), labels("sv"))
    assert any(line.kind == "vote" for line in said) and any(line.kind == "detail" for line in said)
    at = 0
    for line in said:  # every line the core says is on the screen, in the core's order
        if line.kind in ("title", "level") or line.key == "plan.created":
            continue  # the screen's own title; the time and the overall level are not the plan's point
        # A principle's name may wrap beside its bar: its first word starts the row.
        words = line.label.split()[0] if line.kind == "vote" else flat(f"{line.label} {line.value}")
        found = summary.find(words, at)
        assert found >= 0, (words, summary[at:])
        at = found + len(words)


def flat(text: str) -> str:
    """Words only: wrapping, indents and a label's colon aside."""
    return " ".join(text.replace(":", " ").split())


async def test_a_resize_makes_the_fields_compact_and_framed_again(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_the_plan(app, pilot)
        await pilot.press("ctrl+n")  # a block added while short is short too
        await pilot.pause()

        def heights() -> set[int]:
            return {row.field.region.height for form in app.screen.forms() for row in rows_of(form)}

        assert heights() == {1}
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert heights() == {3}
        what = app.screen.forms()[1].field("what")
        assert screen_lines(app)[what.region.y][what.region.x] == "╭"  # its own frame, not a leftover
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert heights() == {1}
