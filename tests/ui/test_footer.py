"""The footer rebuilds its keys only when what it shows changes."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from kiosk.ui.widgets.footer import KioskFooter


class Plain(Widget, can_focus=True):
    DEFAULT_CSS = "Plain { height: 3; }"


class WithKey(Plain):
    BINDINGS = [Binding("x", "app.extra", "Extra", show=True)]


class TwoWidgets(App):
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("q", "always", "Always", show=True)]

    def action_always(self) -> None:
        pass

    def action_extra(self) -> None:
        pass

    def compose(self) -> ComposeResult:
        yield Plain(id="a")
        yield Plain(id="b")
        yield WithKey(id="c")
        yield KioskFooter()


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(KioskFooter).query(FooterKey))


def labels(app) -> list[str]:
    return [key.description for key in footer_keys(app)]


async def test_moving_focus_between_widgets_with_the_same_keys_keeps_the_footer():
    app = TwoWidgets()
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one("#a").focus()
        await pilot.pause()
        before = footer_keys(app)
        assert [k.description for k in before] == ["Always"]
        app.query_one("#b").focus()
        await pilot.pause()
        assert footer_keys(app) == before  # the very same widgets: nothing was rebuilt


async def test_the_footer_follows_focus_when_the_keys_change():
    app = TwoWidgets()
    async with app.run_test(size=(60, 12)) as pilot:
        app.query_one("#a").focus()
        await pilot.pause()
        app.query_one("#c").focus()
        await pilot.pause()
        assert sorted(labels(app)) == ["Always", "Extra"]
        app.query_one("#b").focus()
        await pilot.pause()
        assert labels(app) == ["Always"]


async def test_arrows_on_the_deal_do_not_rebuild_the_footer(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"3123451234", "enter")
        await pilot.pause()
        await pilot.press("ctrl+r", "right", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "DealScreen"
        before = footer_keys(app)
        first = app.screen.focused
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.focused is not first
        assert before and footer_keys(app) == before
