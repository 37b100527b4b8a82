"""The deal on a projector: the dealt cards are the picture. At 200x60 the tiles fill the
screen two by two with their titles in big letters; at 120x40 they fill it too; at 80x24 the
table is as before. Every title of every shipped deck, in every language, is read back whole
from the screen, and the keys, the hint and the limits note still work."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Static

from kiosk.core.deck import MethodCard
from kiosk.core.i18n import t
from kiosk.core.names import card_name
from kiosk.ui.screens.deal import DealScreen
from kiosk.ui.widgets.bigdigits import GLYPH_H
from kiosk.ui.widgets.bigtitle import CELL, FONT, ROWS
from kiosk.ui.widgets.cardtile import CardTile
from kiosk.ui.widgets.choice import Choice

WORKSHOP_TO_DEAL = ["ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter"]
WALKUP_TO_DEAL = ["enter", *"123451234", "enter", "enter"]
# Each method deck and each reflection deck, in every language it ships in.
DECKS = [
    ("innovationslek", "sv"),
    ("innovationslek", "en"),
    ("innovationslek", "nb"),
    ("innovationslek", "da"),
    ("kultur-for-innovasjon", "nb"),
    ("kultur-for-innovasjon", "en"),
    ("ledelse-af-innovation", "da"),
    ("ledelse-af-innovation", "en"),
]
INK = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}
# Dots back to letters; where two letters look alike, the one a poster breaks words with.
GLYPHS = {tuple(rows): ch for ch, rows in FONT.items()} | {tuple(FONT["-"]): "-"}


def screen_lines(app) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def tile_rows(app, tile: CardTile) -> list[str]:
    """What the screen shows inside the tile's border and padding."""
    region = tile.content_region
    lines = screen_lines(app)
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


def is_big(row: str) -> bool:
    return bool(row.strip()) and set(row) <= set(INK)


def read_big_line(rows: list[str]) -> str | None:
    """The letters of one line of big letters (``ROWS`` text rows), read from the dots."""
    width = max(len(row) for row in rows)
    rows = [row.ljust(width) for row in rows]
    for offset in range(CELL):
        letters = []
        for x in range(offset, width - CELL + 2, CELL):
            dots = []
            for row in rows:
                cells = [INK[ch] for ch in row[x : x + CELL - 1].ljust(CELL - 1)]
                dots.append("".join("1" if top else "0" for top, _ in cells))
                dots.append("".join("1" if bottom else "0" for _, bottom in cells))
            glyph = tuple(dots[:GLYPH_H])
            letters.append(" " if set("".join(glyph)) == {"0"} else GLYPHS.get(glyph, "\0"))
        text = "".join(letters).strip()
        if text and "\0" not in text:
            return text
    return None


def read_title(rows: list[str]) -> tuple[str, bool]:
    """The title as the screen shows it, and whether it is in big letters. Big lines are
    read from their dots and a hyphen at a line's end joins the word it broke."""
    big = [n for n, row in enumerate(rows) if is_big(row)]
    if not big:
        return " ".join(rows), False
    lines, n = [], big[0]
    while n < len(rows) and is_big(rows[n]):
        line = read_big_line(rows[n : n + ROWS])
        assert line is not None, "\n".join(rows[n : n + ROWS])
        lines.append(line)
        n += ROWS + 1  # a blank row between lines of letters
    title = lines[0]
    for line in lines[1:]:  # a hyphen that ends a line broke a word too long for it
        title = title[:-1] + line if title.endswith("-") else f"{title} {line}"
    return title, True


def as_drawn(title: str) -> str:
    """The title as big letters can show it: capitals, and one of each pair of letters
    the font draws alike (O and 0, - and –)."""
    return "".join(GLYPHS.get(tuple(FONT[ch]), ch) if ch in FONT else ch for ch in title.upper())


def squeeze(text: str) -> str:
    return " ".join(text.split())


async def at_deal(app, pilot, keys=WORKSHOP_TO_DEAL) -> DealScreen:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    assert isinstance(app.screen, DealScreen)
    return app.screen


# -- the layout ------------------------------------------------------------------------------


async def test_on_a_projector_four_cards_fill_the_screen_two_by_two(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await at_deal(app, pilot)
        tiles = list(screen.query(CardTile))
        assert len(tiles) == 4
        regions = [tile.region for tile in tiles]
        assert len({r.x for r in regions}) == 2 and len({r.y for r in regions}) == 2  # two by two
        top = min(r.y for r in regions)
        bottom = max(r.bottom for r in regions)
        left = min(r.x for r in regions)
        right = max(r.right for r in regions)
        assert bottom - top >= 0.8 * 60, "the cards take most of the height"
        assert right - left >= 0.95 * 200, "and the width"
        assert all(r.width >= 90 and r.height >= 24 for r in regions)
        # The big letters: the title of a roomy tile is read back from its dots.
        read = [read_title(tile_rows(app, tile)) for tile in tiles]
        assert all(big for _, big in read)
        assert [title for title, _ in read] == [as_drawn(card_name(tile.card)) for tile in tiles]


async def test_a_roomy_tile_adds_the_steps_and_what_you_need(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await at_deal(app, pilot)
        for tile in screen.query(CardTile):
            text = squeeze("\n".join(tile_rows(app, tile)))
            card = tile.card
            assert isinstance(card, MethodCard)
            assert squeeze(card.purpose) in text
            assert t("sv", "card.steps") in text
            for n, step in enumerate(card.steps, 1):
                assert squeeze(f"{n}. {step.text} ({step.minutes} min)") in text
            if card.materials:
                assert squeeze(f"{t('sv', 'card.materials')}: {', '.join(card.materials)}") in text


async def test_at_120x40_the_cards_fill_the_screen_too(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await at_deal(app, pilot)
        regions = [tile.region for tile in screen.query(CardTile)]
        assert len({r.x for r in regions}) == 2 and len({r.y for r in regions}) == 2
        assert max(r.bottom for r in regions) - min(r.y for r in regions) >= 0.8 * 40
        for tile in screen.query(CardTile):
            card = tile.card
            assert isinstance(card, MethodCard)
            text = squeeze("\n".join(tile_rows(app, tile)))
            assert squeeze(f"{tile.slot + 1} {card_name(card)}") in text
            assert squeeze(card.purpose) in text
            # A step list that does not fit whole says how many more steps the card has.
            if t("sv", "card.steps") in text and squeeze(card.steps[-1].text) not in text:
                shown = sum(squeeze(step.text) in text for step in card.steps)
                assert t("sv", "deal200.more_steps", n=len(card.steps) - shown) in text


async def test_the_walk_up_deal_fills_a_projector_with_its_three_cards(make_app):
    app = make_app(mode="walkup")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await at_deal(app, pilot, WALKUP_TO_DEAL)
        tiles = list(screen.query(CardTile))
        assert len(tiles) == 3
        first, second, third = (tile.region for tile in tiles)
        assert first.y == second.y and third.y > first.y  # two above, one below
        assert third.width >= first.width + second.width  # the odd one takes the whole row
        assert third.bottom - first.y >= 0.8 * 60
        for tile in tiles:
            title, big = read_title(tile_rows(app, tile))
            assert big and title == as_drawn(card_name(tile.card))


async def test_at_80x24_the_table_is_two_by_two_with_titles_and_purposes_whole(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await at_deal(app, pilot)
        for tile in screen.query(CardTile):
            rows = tile_rows(app, tile)
            assert not any(is_big(row) for row in rows)  # no room for big letters here
            assert rows[0].startswith(f"{tile.slot + 1}  ")
            text = squeeze("\n".join(rows))
            assert isinstance(tile.card, MethodCard)
            assert squeeze(card_name(tile.card)) in text
            assert squeeze(tile.card.purpose) in text


# -- every title of every deck, in every language --------------------------------------------


async def every_title_on_the_table(app, pilot, size) -> tuple[int, int]:
    """Deal every card of the deck onto the table, four at a time, and read each title
    back from the screen; the number of titles read and how many of them were big."""
    screen = DealScreen(app.language, app.session)
    await app.push_screen(screen)
    await pilot.pause()
    tiles = list(screen.query(CardTile))
    cards = [card for card in app.session.deck.cards if card.kind in ("method", "reflection")]
    read = big_count = 0
    for start in range(0, len(cards), len(tiles)):
        for tile, card in zip(tiles, cards[start : start + len(tiles)], strict=False):
            tile.show(card, chosen=start == 0)  # the chosen mark takes its room too
        await pilot.pause()
        for tile, card in zip(tiles, cards[start : start + len(tiles)], strict=False):
            rows = tile_rows(app, tile)
            title, big = read_title(rows)
            name = card_name(card)
            if big:
                assert title == as_drawn(name), f"{size} {card.id}: {title!r}"
            else:
                assert squeeze(name) in squeeze(title), f"{size} {card.id}: title cut\n" + "\n".join(rows)
            if isinstance(card, MethodCard):  # the description is whole too (a small tile gives up air for it)
                assert squeeze(card.purpose) in squeeze(" ".join(rows)), f"{size} {card.id}: description cut"
            read += 1
            big_count += big
    return read, big_count


@pytest.mark.parametrize(("deck", "language"), DECKS, ids=lambda v: v)
async def test_every_title_is_whole_on_a_projector(make_app, deck, language):
    app = make_app(mode="workshop", language=language, decks=(deck,))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        read, big = await every_title_on_the_table(app, pilot, (200, 60))
        assert read == len(app.session.deck.cards)
        if app.session.deck.methods:  # a method card's name is short enough for big letters
            assert big >= 0.9 * read, f"only {big} of {read} titles in big letters"


@pytest.mark.parametrize(("deck", "language"), DECKS, ids=lambda v: v)
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_title_is_whole_on_a_small_screen(make_app, deck, language, size):
    app = make_app(mode="workshop", language=language, decks=(deck,))
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        read, _ = await every_title_on_the_table(app, pilot, size)
        assert read == len(app.session.deck.cards)


# -- the keys, the hint and the note ---------------------------------------------------------


async def test_keys_work_on_the_big_table(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await at_deal(app, pilot)
        assert screen.query_one("#deal-hint").display
        assert t("sv", "deal.hint") in "\n".join(screen_lines(app))
        await pilot.press("2", "space")
        await pilot.pause()
        tile = screen.query_one("#slot-1", CardTile)
        assert tile.card.id in app.session.chosen
        mark = f" {t('sv', 'deal.chosen').upper()} "
        assert mark in tile_rows(app, tile)[0]  # shown in words, not by colour alone
        await pilot.press("1")  # the chosen card loses the focus: its frame differs from the focus's
        await pilot.pause()
        focused = screen.query_one("#slot-0", CardTile)
        assert focused.has_focus and not tile.has_focus
        assert tile.styles.border_top[0] != focused.styles.border_top[0]
        assert mark in tile_rows(app, tile)[0]
        await pilot.press("2", "space")
        await pilot.pause()
        assert tile.card.id not in app.session.chosen and mark not in tile_rows(app, tile)[0]
        before = screen.query_one("#slot-2", CardTile).card.id
        await pilot.press("3", "r")
        await pilot.pause()
        after = screen.query_one("#slot-2", CardTile).card
        assert after.id != before
        assert read_title(tile_rows(app, screen.query_one("#slot-2", CardTile)))[0] == as_drawn(card_name(after))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CardScreen" and app.screen.card_id == after.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "PlanScreen"


@pytest.mark.parametrize("size", [(200, 60), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_limits_note_shows_whole_below_the_big_table(make_app, size):
    app = make_app(mode="workshop")
    async with app.run_test(size=size) as pilot:
        app.screen.query_one("#group", Input).value = "2"  # ten minutes, two people: a few cards fit
        app.screen.query_one("#minutes", Choice).index = 1
        screen = await at_deal(app, pilot)
        off = app.session.off_limits()
        assert off
        note = screen.query_one("#deal-limits", Static)
        assert note.display
        assert note.region.y >= max(tile.region.bottom for tile in screen.query(CardTile))
        shown = squeeze(" ".join(screen_lines(app)[note.region.y : note.region.bottom]))
        assert squeeze(str(note.render())) in shown
        assert all(card_name(card) in shown for card in off)


@pytest.mark.parametrize(("deck", "language"), [("kultur-for-innovasjon", "nb"), ("ledelse-af-innovation", "da")])
async def test_a_question_on_a_projector_sits_in_the_middle_of_its_card(make_app, deck, language):
    app = make_app(mode="workshop", language=language, decks=(deck,))
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = DealScreen(app.language, app.session)
        await app.push_screen(screen)
        await pilot.pause()
        for tile in screen.query(CardTile):
            rows = tile_rows(app, tile)
            assert rows[0].strip() == str(tile.slot + 1)
            ink = [n for n, row in enumerate(rows) if row.strip() and n > 0]
            assert squeeze(card_name(tile.card)) in squeeze(" ".join(rows[n] for n in ink))
            above, below = ink[0], len(rows) - 1 - ink[-1]
            assert abs(above - below) <= 1, f"{above} rows above the question, {below} below"
            first = rows[ink[0]]
            assert abs((len(first) - len(first.rstrip())) - (len(first) - len(first.lstrip()))) <= 1  # centred


async def test_a_digit_and_space_typed_in_one_go_choose_that_card(make_app):
    """The digit moves the focus at once, so the Space right behind it (one burst of input,
    as a fast hand or a remote sends it) chooses the card the digit named."""
    app = make_app(mode="workshop")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await at_deal(app, pilot)
        tiles = list(screen.query(CardTile))
        screen.action_slot(2)
        screen.action_choose()  # no pause between: the same burst
        await pilot.pause()
        assert app.session.chosen == [tiles[2].card.id]


async def test_a_method_name_that_only_repeats_the_title_is_not_said_twice(make_app):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        repeats = [c for c in app.session.deck.methods if c.method and c.method.casefold() == c.title.casefold()]
        assert repeats  # "Test card" is the method "Test Card"
        screen = DealScreen(app.language, app.session)
        await app.push_screen(screen)
        await pilot.pause()
        tile = screen.query_one(CardTile)
        tile.show(repeats[0], False)
        await pilot.pause()
        text = "\n".join(tile_rows(app, tile)).casefold()
        assert text.count(repeats[0].title.casefold()) == 1
