"""The exercise screen shows every step whole where there is room, in every language: the
step list takes the rows it needs, the digits shrink a size before any step is cut, and on
a projector the time, its progress and its steps sit together in the middle of the screen.

Read from the rendered screen (what a terminal shows), not from widget state."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from rich.style import Style

from kiosk.core.deck import Deck, MethodCard, Step
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.ui.screens.exercise import ExerciseScreen
from kiosk.ui.widgets.bigdigits import BigDigits
from kiosk.ui.widgets.steplist import MARK, StepList

LANGUAGES = ["sv", "en", "nb", "da"]


def screen_lines(app) -> list[str]:
    """The screen as a terminal shows it, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def normal(text: str) -> str:
    return " ".join(text.split())


def listed_steps(app) -> list[str]:
    """Each step's text as the screen shows it (its wrapped lines joined, the number, the
    mark and the minutes left out)."""
    steps = app.screen.query_one(StepList)
    rows = screen_lines(app)
    region = steps.region
    number_width = len(str(len(steps.steps)))
    indent = 2 + number_width + 2
    length_width = max(len(length) for _, length in steps.steps)
    text_width = region.width - indent - 2 - length_width
    found: list[str] = []
    for y in range(region.y, region.bottom):
        row = rows[y][region.x : region.right]
        if row[2 : 2 + number_width].strip().isdigit():
            found.append(row[indent : indent + text_width].strip())
        elif row.strip() and found:
            found[-1] += " " + row[indent:].strip()
    return [normal(text) for text in found]


def marked_step(app) -> int | None:
    """The number of the step the screen marks with ►, if any."""
    steps = app.screen.query_one(StepList)
    region = steps.region
    for y in range(region.y, region.bottom):
        row = screen_lines(app)[y][region.x : region.right]
        if row.startswith(MARK):
            return int(row[1:].split()[0])
    return None


def method_cards(deck: Deck) -> list[MethodCard]:
    return [card for card in deck.methods if card.steps]


def fullest_card(language: str) -> str:
    """The card whose steps have the most text: on main its other steps were cut at 80x24."""
    deck = Shelf().get("innovationslek", language)
    return max(method_cards(deck), key=lambda c: sum(len(s.text) for s in c.steps)).id


def longest_step(language: str) -> tuple[str, int]:
    deck = Shelf().get("innovationslek", language)
    _, card_id, index = max((len(s.text), c.id, i) for c in method_cards(deck) for i, s in enumerate(c.steps))
    return card_id, index


async def open_card(app, pilot, store, language: str, card_id: str, deck: Deck | None = None) -> ExerciseScreen:
    """The exercise screen for one card, as the card screen's t opens it."""
    await pilot.pause()
    session = Session(
        store=store,
        deck=deck or Shelf().get("innovationslek", language),
        settings=SessionSettings(mode="workshop"),
        now=lambda: datetime(2026, 11, 24, 9, 0, tzinfo=UTC),
    )
    screen = ExerciseScreen(language, session, card_id, clock=app.clock)
    await app.push_screen(screen)
    await pilot.pause()
    await pilot.pause()
    return screen


def assert_in_view(app, size) -> None:
    digits = app.screen.query_one("#time", BigDigits)
    steps = app.screen.query_one(StepList)
    assert steps.region.bottom <= size[1] - 1  # above the key bar
    assert digits.region.height >= 4 and digits.region.bottom <= steps.region.y


# -- every step whole at 80x24 ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_step_of_the_fullest_card_is_whole_at_80x24(make_app, store, language):
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        card_id = fullest_card(language)
        screen = await open_card(app, pilot, store, language, card_id)
        whole = [normal(step.text) for step in screen.card.steps]
        for n in range(len(whole)):  # whichever step is current
            assert listed_steps(app) == whole, f"step {n + 1} current"
            assert marked_step(app) == n + 1
            assert_in_view(app, (80, 24))
            await pilot.press("n")
            await pilot.pause()
        assert screen.countdown.finished  # time up: no mark, still every step whole
        assert listed_steps(app) == whole and marked_step(app) is None
        assert "..." not in "\n".join(screen_lines(app))


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_longest_step_is_whole_current_or_not_at_80x24(make_app, store, language):
    app = make_app(mode="workshop", language=language)
    async with app.run_test(size=(80, 24)) as pilot:
        card_id, index = longest_step(language)
        screen = await open_card(app, pilot, store, language, card_id)
        text = normal(screen.card.steps[index].text)
        await pilot.press(*["n"] * index)
        await pilot.pause()
        assert marked_step(app) == index + 1
        assert listed_steps(app)[index] == text
        # Moved on (or back, from the last step): done or ahead, it stays whole.
        await pilot.press("n" if index < len(screen.card.steps) - 1 else "p")
        await pilot.pause()
        assert marked_step(app) != index + 1
        assert listed_steps(app)[index] == text


async def test_paused_and_a_minute_added_keep_every_step_whole(make_app, store):
    app = make_app(mode="workshop", language="da")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_card(app, pilot, store, "da", fullest_card("da"))
        whole = [normal(step.text) for step in screen.card.steps]
        await pilot.press("space", "plus")
        await pilot.pause()
        lines = screen_lines(app)
        assert any(screen.t("timer.paused") in line for line in lines)
        assert listed_steps(app) == whole
        assert_in_view(app, (80, 24))


# -- a deck with longer steps than ours: the digits give way first ------------------------------


def long_step_deck(steps: int) -> Deck:
    """Our deck with one card whose every step takes two lines at 80x24."""
    deck = Shelf().get("innovationslek", "en")
    card = method_cards(deck)[0]
    text = "Each person writes down what they saw, what surprised them and what they would try next time we meet"
    long_card = replace(card, steps=tuple(Step(text=f"{text} ({n + 1})", minutes=2) for n in range(steps)))
    return replace(deck, methods=(long_card, *deck.methods[1:]))


async def test_digits_shrink_before_a_step_is_cut(make_app, store):
    deck = long_step_deck(7)  # 14 rows of steps: the digits' larger size no longer fits
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_card(app, pilot, store, "en", deck.methods[0].id, deck)
        digits = screen.query_one("#time", BigDigits)
        assert digits.scale_for(digits.size.width, digits.size.height) == 1
        assert listed_steps(app) == [normal(step.text) for step in screen.card.steps]
        assert_in_view(app, (80, 24))


async def test_with_truly_no_room_only_other_steps_shorten(make_app, store):
    deck = long_step_deck(9)  # 18 rows of steps: more than 80x24 has beside the digits
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_card(app, pilot, store, "en", deck.methods[0].id, deck)
        await pilot.press("n", "n")
        await pilot.pause()
        whole = [normal(step.text) for step in screen.card.steps]
        shown = listed_steps(app)
        assert shown[2] == whole[2]  # the current step
        cut = [n for n in range(len(whole)) if shown[n] != whole[n]]
        assert cut and 2 not in cut
        assert all(shown[n].endswith("...") for n in cut)
        assert cut[0] == 0  # done steps give way first, then the furthest ahead
        assert len(cut) < len(whole) - 1  # no more than needed
        assert_in_view(app, (80, 24))


# -- the projector: one group in the middle -----------------------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (200, 60)])
async def test_on_a_large_screen_time_progress_and_steps_sit_together(make_app, store, size):
    app = make_app(mode="workshop", language="sv")
    async with app.run_test(size=size) as pilot:
        card_id, _ = longest_step("sv")
        screen = await open_card(app, pilot, store, "sv", card_id)
        rows = screen_lines(app)
        digits = screen.query_one("#time", BigDigits)
        progress = screen.query_one("#progress")
        steps = screen.query_one(StepList)
        inked = [y for y in range(digits.region.y, digits.region.bottom) if rows[y].strip()]
        # No empty band between the time and the bar under it, nor between the bar and the steps.
        assert progress.region.y - (inked[-1] + 1) <= 3
        assert steps.region.y - progress.region.bottom <= 2
        assert digits.scale_for(digits.size.width, digits.size.height) >= (4 if size[0] < 200 else 6)
        # The group is in the middle: as much blank above the title as below the steps.
        content = [y for y, row in enumerate(rows[: size[1] - 2]) if row.strip()]
        above, below = content[0], size[1] - 2 - (content[-1] + 1)
        assert abs(above - below) <= 2
        # The minutes sit beside the steps, not across an empty half screen.
        assert steps.region.width == steps.natural_width()
        assert listed_steps(app) == [normal(step.text) for step in screen.card.steps]


def test_tight_digits_take_the_larger_size_sooner_and_the_lobby_keeps_its_own():
    tight, lobby = BigDigits("00:00", tight=True), BigDigits("00:00")
    assert tight.scale_for(76, 7) == 2 and tight.rows_for(76, 7) == 7
    assert lobby.scale_for(76, 7) == 1 and lobby.scale_for(76, 8) == 2  # as before
    assert tight.rows_for(76, 0) == 4  # the smallest size


# -- every theme ---------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", ["kiosk-dark", "kiosk-light", "console"])
async def test_done_steps_are_quiet_but_readable_in_every_theme(make_app, store, theme):
    app = make_app(mode="workshop", language="en", theme=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_card(app, pilot, store, "en", fullest_card("en"))
        await pilot.press("n", "n")
        await pilot.pause()
        steps = screen.query_one(StepList)
        strips = app.screen._compositor.render_strips()
        styles: dict[str, Style] = {}
        for y in range(steps.region.y, steps.region.bottom):
            for segment in strips[y]:
                if segment.text.strip() and segment.style is not None:
                    number = segment.text.strip().lstrip(MARK).split()[0]
                    styles.setdefault(number, segment.style)
        done, current, ahead = styles["1"], styles["3"], styles["4"]
        for style in (done, current, ahead):
            assert style.color != style.bgcolor  # ink that shows on its paper
        assert done.color != ahead.color and current.color != ahead.color  # three kinds, told apart
