"""Projector-grade layout of the share, card and lobby screens: the main figure is the
largest thing and sits where the eye starts, nothing is cut where there is room, and a QR
code drawn larger still scans with a real decoder."""

from __future__ import annotations

import pytest

from kiosk.core.qr import half_block_lines, largest_scale, make_qr
from kiosk.ui.widgets.plansummary import PlanSummary
from kiosk.ui.widgets.qr import QRWidget
from tests.qr_image import decode_lines
from tests.ui.test_share import walk_up_to_share

LINK = "http://192.0.2.2:8765/#WE0G893$NN4KD$H*RVUHZTCBDBA-H0N4ASOVLIW3:H.N4GAM22I5GCASTVVC"


def screen_lines(app) -> list[str]:
    """The screen as a terminal shows it, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


# -- a QR code drawn larger --------------------------------------------------------------------


@pytest.mark.parametrize("scale", [1, 2, 3, 4])
def test_a_scaled_code_scans_and_keeps_square_modules(scale):
    code = make_qr(LINK, "M")
    lines = half_block_lines(code, 4, scale)
    side = (code.size + 8) * scale
    assert len(lines[0]) == side  # columns: one per module and scale step
    assert len(lines) == (side + 1) // 2  # rows: two half-rows each
    assert decode_lines(lines) == [LINK]


def test_the_scale_is_the_largest_that_fits_both_ways():
    code = make_qr(LINK, "M")
    side = code.size + 8
    assert largest_scale(code, 4, side, side) == 1
    assert largest_scale(code, 4, 2 * side, side) == 2  # height (half-rows) allows 2
    assert largest_scale(code, 4, 2 * side - 1, side) == 1  # one column short of 2
    assert largest_scale(code, 4, 3 * side, side) == 2  # width allows 3, height only 2
    assert largest_scale(code, 4, 10 * side, 10 * side) == 4  # no larger than a phone frames


# -- the share screen ------------------------------------------------------------------------


async def test_share_on_a_projector_puts_a_large_qr_level_with_the_plan(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(200, 60)) as pilot:
        await walk_up_to_share(app, pilot)
        await pilot.pause()
        qr = app.screen.query_one(QRWidget)
        drawn = qr.render().plain.split("\n")
        assert decode_lines(drawn) == [app.screen.link]
        assert qr.scale >= 2  # readable from the back of the room
        # The QR is the largest thing: wider than the plan's longest line, taller than the plan.
        summary = app.screen.query_one(PlanSummary)
        ink = [line for line in drawn if line]  # the code's rows: white quiet zone included
        assert len(ink) > summary.size.height
        assert max(len(line.strip()) for line in ink) > summary.size.width // 2
        # Aligned at the top: the code's first row is the plan title's row.
        title = app.screen.query_one("#plan-side .title")
        assert qr.region.y + next(n for n, line in enumerate(drawn) if line) == title.region.y
        # The link wraps in a column of its own, well short of the screen's edge.
        link = app.screen.query_one("#link")
        assert link.region.right < 200 - 20
        assert link.render().plain.replace("\n", "") == app.screen.link
        assert link.region.height >= 2


async def test_share_at_80x24_keeps_every_vote_row_whole(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_up_to_share(app, pilot)
        await pilot.pause()
        summary = app.screen.query_one(PlanSummary)
        width = summary.content_region.width
        rows = [strip.text.rstrip() for strip in summary.render_lines(summary.content_region.reset_offset)]
        names = [p.name for p in app.deck().require_model().principles]
        for name in names:
            # The name's first words start a row that also holds the bar and the mean.
            row = next(r for r in rows if r.strip().startswith(name.split()[0]))
            assert "█" in row or "░" in row, row
            assert row.rstrip()[-3:].replace(".", "").isdigit(), row
            # Wrapped or not, every word of the name is on the screen.
            assert all(word in "\n".join(rows) for word in name.split())
        assert all(len(r) <= width for r in rows)


# -- the card screen ---------------------------------------------------------------------------


def test_the_big_letters_are_whole_glyphs_and_draw_every_card_title():
    from kiosk.core.shelf import Shelf
    from kiosk.ui.widgets.bigtitle import FONT, big_lines

    assert all(
        len(glyph) == 7 and all(len(row) == 5 and set(row) <= {"0", "1"} for row in glyph) for glyph in FONT.values()
    )
    for language in ("sv", "en", "nb", "da"):
        for card in Shelf().get("innovationslek", language).cards:
            title = getattr(card, "title", "")
            if title:
                lines = big_lines(title, 190)
                assert lines is not None, (language, title)  # at 200 columns every title is big
                assert max(len(line) for line in lines) <= 190


def test_big_letters_wrap_at_spaces_and_give_way_when_they_cannot():
    from kiosk.ui.widgets.bigtitle import ROWS, big_lines

    one = big_lines("Var det värt tiden?", 120)
    assert one is not None and len(one) == ROWS  # one line of letters
    two = big_lines("Var det värt tiden?", 80)
    assert two is not None and len(two) == 2 * ROWS + 1  # two, a blank row between
    assert big_lines("Var det värt tiden?", 30) is None  # "TIDEN?" is 6 letters: 35 columns
    assert big_lines("Tack ☃", 120) is None  # a letter the font lacks: drawn plain


async def test_card_on_a_projector_is_a_big_title_over_a_centred_card(make_app):
    from kiosk.ui.screens.card import CardScreen
    from kiosk.ui.widgets.bigtitle import BigTitle

    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        card = app.session.deck.methods[0]
        screen = CardScreen(app.language, app.session, card.id)
        await app.push_screen(screen)
        await pilot.pause()
        big = screen.query_one(BigTitle)
        body = screen.query_one("#card-body")
        assert big.display and not screen.query_one("#card-title").display
        rows = screen_lines(app)[big.region.y : big.region.bottom]
        assert all(set(row) <= set(" ▀▄█") for row in rows) and any(row.strip() for row in rows)
        # The card's text is a panel in the middle of the screen, under the title.
        assert abs(body.region.x + body.region.width / 2 - 100) <= 1
        assert body.region.y > big.region.bottom - 1
        middle = (big.region.y + body.region.bottom) / 2
        assert abs(middle - 29) <= 2  # the whole card centred top to bottom
        # Choosing it says so in the big title too.
        await pilot.press("space")
        await pilot.pause()
        assert big.title_text.endswith(f"({screen.t('deal.chosen')})")


# -- every screen at 80x24 ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en", "nb", "da"])
async def test_ballot_at_80x24_writes_every_principle_name_whole(make_app, language):
    from kiosk.ui.widgets.ballot import BallotWidget

    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # the lobby: the first person votes
        await pilot.pause()
        ballot = app.screen.query_one(BallotWidget)
        drawn = ballot.render().plain
        for principle in app.session.deck.require_model().principles:
            assert principle.name in drawn, principle.name
        assert all(len(line) <= ballot.size.width for line in drawn.split("\n"))


# -- the lobby ---------------------------------------------------------------------------------


async def test_lobby_on_a_projector_fills_the_screen_with_the_count_and_the_join_code(make_app):
    from kiosk.ui.widgets.bigdigits import BigDigits
    from tests.ui.test_phone_vote import to_lobby

    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 60)) as pilot:
        await to_lobby(app, pilot, 5)
        await pilot.pause()
        screen = app.screen
        count = screen.query_one("#count", BigDigits)
        qr = screen.query_one("#join-qr", QRWidget)
        drawn = qr.render().plain.split("\n")
        url = f"HTTP://127.0.0.1:{app.viewer_server.port}/V/{app.phone_box.room}"
        assert decode_lines(drawn) == [url]
        # The two main figures: the count in digits at least 20 rows tall, the code drawn
        # with two cells a module, and between them most of the screen's width.
        digit_rows = [row for row in count.lines_for(count.size.width, count.size.height) if row.strip()]
        assert len(digit_rows) >= 20
        assert qr.scale >= 2
        ink = [line for line in drawn if "█" in line or "▀" in line or "▄" in line]
        assert len(ink) >= 25
        assert screen.query_one("#phones").region.width >= 80
        # The address people type sits right under the code, not at the panel's foot.
        address = f"127.0.0.1:{app.viewer_server.port}/V/{app.phone_box.room}"
        under = drawn[drawn.index(next(line for line in reversed(drawn) if "█" in line or "▀" in line)) + 1 :]
        assert any(address in line for line in under[:6])
        assert not screen.query_one("#join-address").display
        # The words around them stay one line each.
        assert screen.query_one("#count-label").region.height == 1
        assert screen.query_one("#count-label").render().plain == screen.t("room_votes.count_of", n=0, total=5)


async def test_lobby_at_80x24_keeps_the_address_under_the_panel(make_app):
    from tests.ui.test_phone_vote import to_lobby

    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await to_lobby(app, pilot, 5)
        await pilot.pause()
        qr = app.screen.query_one("#join-qr", QRWidget)
        assert qr.caption == "" and app.screen.query_one("#join-address").display
        assert qr.scale == 1


async def test_share_says_why_there_is_no_qr_once(make_app):
    app = make_app(mode="walkup", advertise_host="")  # listening on loopback only
    async with app.run_test(size=(80, 24)) as pilot:
        await walk_up_to_share(app, pilot)
        await pilot.pause()
        first_words = " ".join(app.screen.t("phone.unreachable").split()[:3])
        assert "\n".join(screen_lines(app)).count(first_words) == 1


# -- the projector layouts on the bare Linux console -------------------------------------------


@pytest.mark.parametrize("mode", ["workshop", "walkup"])
async def test_projector_screens_use_console_glyphs(make_app, monkeypatch, mode):
    """The big title, the card's panel, the lobby's big count and codes, the share screen:
    at 200x60 under TERM=linux every glyph drawn is in the console font (CP437)."""
    from tests.e2e.test_linux_console import CP437
    from tests.ui.test_phone_vote import to_lobby

    monkeypatch.setenv("TERM", "linux")
    seen: dict[str, str] = {}

    def look(name: str) -> None:
        for ch in "".join(screen_lines(app)):
            if ch not in CP437:
                seen.setdefault(f"U+{ord(ch):04X} {ch}", name)

    app = make_app(mode=mode)
    async with app.run_test(size=(200, 60)) as pilot:
        assert app.has_class("-console")
        if mode == "workshop":
            await to_lobby(app, pilot, 5)
            look("lobby")
            card = app.session.deck.methods[0]
            from kiosk.ui.screens.card import CardScreen

            await app.push_screen(CardScreen(app.language, app.session, card.id))
            await pilot.pause()
            assert app.screen.has_class("-huge")
            look("card")
        else:
            await walk_up_to_share(app, pilot)
            await pilot.pause()
            look("share")
    assert seen == {}


@pytest.mark.parametrize(("size", "compact"), [((80, 24), True), ((200, 60), False)])
async def test_the_plan_keys_all_fit_in_the_key_bar(make_app, size, compact):
    from textual.widgets._footer import FooterKey

    from kiosk.ui.widgets.footer import KioskFooter

    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter")
        await pilot.pause()
        await pilot.press("space", "c")  # choose the first card, go on to the plan
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "PlanScreen"
        footer = screen.query_one(KioskFooter)
        keys = list(screen.query(FooterKey))
        assert footer.compact is compact  # padding goes only where the keys need the room
        last = keys[-1]
        assert last.region.right <= size[0]  # the last key is whole on the screen
        assert screen_lines(app)[-1].rstrip().endswith(last.description)
