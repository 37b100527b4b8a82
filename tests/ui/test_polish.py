"""Defects a new-user trial found (issues 15 and 21): each test here failed before its fix."""

from __future__ import annotations

from textual.widgets import Input

from kiosk.ui.screens.help import HelpRow
from kiosk.ui.widgets.phonejoin import PhoneJoin

BALLOT = [*"3123451234", "enter"]


async def to_lobby(app, pilot, group: str) -> None:
    app.screen.query_one("#group", Input).value = group
    app.screen.query_one("#secret").value = "secret"
    await pilot.press("ctrl+s")
    await pilot.pause()


# -- 1. the lobby ---------------------------------------------------------------------------
async def test_a_ballot_past_the_group_size_says_so_and_is_still_allowed(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "2")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.status == ""  # vote 1 of 2: nothing to say
        await pilot.press(*BALLOT, "enter", *BALLOT)
        await pilot.pause()
        assert app.session.votes_cast == 2
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "BallotScreen"  # a latecomer may still vote
        assert "Alla 2 har röstat" in app.screen.status and "nummer 3" in app.screen.status
        await pilot.press(*BALLOT)
        await pilot.pause()
        assert app.session.votes_cast == 3


async def test_the_thank_you_goes_when_the_next_ballot_opens(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "5")
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        assert app.screen.status.startswith("Tack!")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # the next voter changes their mind
        await pilot.pause()
        assert type(app.screen).__name__ == "LobbyScreen"
        assert app.screen.status == ""


async def test_the_phone_panel_says_it_counts_phone_votes_only(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "5")
        await pilot.press("enter", *BALLOT)
        await pilot.pause()
        panel = app.screen.query_one(PhoneJoin)
        tokens = panel.query_one("#join-tokens").render().plain
        assert "0 har röstat med telefon" in tokens
        assert "1 av 5 har röstat" in str(app.screen.query_one("#count-label").render())


# -- 2. the results' bars ---------------------------------------------------------------------
async def results_of(app, pilot, ballots: list[dict]) -> None:
    """Secret ballots cast straight into the session (as the lobby would), then revealed."""
    await to_lobby(app, pilot, str(len(ballots)))
    for ballot in ballots:
        app.session.cast(ballot)
    await pilot.press("ctrl+r", "right", "enter")
    await pilot.pause()
    assert type(app.screen).__name__ == "ResultsScreen"


def spread_ballots(app) -> list[dict]:
    """23 ballots: one each on steps 1-3, ten each on 4 and 5, for every principle."""
    ids = app.shelf.get("innovationslek", "sv").require_model().principle_ids
    values = [1, 2, 3] + [4] * 10 + [5] * 10
    return [{"level": "limited", **{p: v for p in ids}} for v in values]


def bar_parts(app) -> list[tuple[str, list[int]]]:
    """Each chart row's bar (as drawn) and the cells of its steps."""
    from kiosk.ui.widgets.bars import BarChart, columns, name_lines, row_lines, split_width

    chart = app.screen.query_one(BarChart)
    cols = columns(chart.size.width, chart.label_width, chart.tag_width)
    lines = iter(chart.render().plain.splitlines())
    parts = []
    for row in chart.rows:  # one line each at 80x24, and a long name's second line
        height, _ = row_lines(name_lines(row.label, cols.label), 1)
        line = [next(lines) for _ in range(height)][0]
        parts.append((line[cols.label + 1 : cols.label + 1 + cols.bar], split_width(row.counts, cols.bar)))
    assert next(lines, None) is None
    return parts


async def test_counts_in_narrow_bars_never_run_together_at_80x24(make_app):
    import re

    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await results_of(app, pilot, spread_ballots(app))
        for bar, _cells in bar_parts(app):
            runs = re.findall(r"\d+", bar)
            assert runs == ["10", "10"], bar  # the 1-cell segments hold no digit of their own
            for match in re.finditer(r"\d+", bar):  # a free cell either side of each count
                assert bar[match.start() - 1] == " " and bar[match.end()] == " ", bar


async def test_without_colour_each_step_has_its_glyph_and_its_length(make_app, monkeypatch):
    from kiosk.ui.widgets.bars import STEP_GLYPHS

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        await results_of(app, pilot, spread_ballots(app))
        for bar, cells in bar_parts(app):
            at = 0
            for step, size in enumerate(cells):
                segment = bar[at : at + size]
                at += size
                # Its own glyph (never only its count), and a count only with spaces round it.
                assert set(segment) - set(" 0123456789") == {STEP_GLYPHS[step]}, (bar, step)
                assert not segment.startswith(" ") or size == 0, bar
        legend = app.screen.query_one("#scale").render().plain
        assert all(glyph * 2 in legend for glyph in STEP_GLYPHS)


# -- 3. the ballot and the show of hands --------------------------------------------------------
async def test_level_options_are_whole_or_digits_on_the_ballot_at_120x40_en(make_app):
    from kiosk.ui.widgets.ballot import BallotWidget

    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await to_lobby(app, pilot, "5")
        await pilot.press("enter")
        await pilot.pause()
        lines = app.screen.query_one(BallotWidget).render().plain.splitlines()
        level = next(line for line in lines if line.startswith("> "))
        model = app.session.deck.require_model()
        assert "..." not in level and "…" not in level, level
        names = [lv.name for lv in model.levels] + [model.both]
        assert all(name in level for name in names) or not any(name[:6] in level for name in names), level


async def test_show_of_hands_fields_stay_in_one_row_at_80x24(make_app):
    from kiosk.ui.widgets.choice import Choice

    app = make_app(mode="workshop")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#group", Input).value = "5"
        app.screen.query_one("#secret", Choice).value = "hands"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "HandsScreen"
        fields = list(app.screen.query(".count").results(Input))
        assert len(fields) == 3 and len({field.region.y for field in fields}) == 1
        labels = list(app.screen.query("#option-labels Label"))
        assert max(label.region.height for label in labels) >= 2  # a level name wraps here
        assert all(label.region.bottom <= fields[0].region.y for label in labels)


# -- 4. the card's subtitle ---------------------------------------------------------------------
def test_a_subtitle_counts_only_when_it_adds_to_the_title():
    from kiosk.core.text import adds_to

    assert not adds_to("Troika Consulting", "Troika consulting")
    assert not adds_to(" troika  consulting ", "Troika consulting") and not adds_to("", "Troika")
    assert adds_to("Troika Consulting", "Troikakonsultation")


async def test_the_card_screen_does_not_repeat_its_title_en(make_app):
    from kiosk.ui.screens.card import CardScreen

    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        deck = app.session.deck
        repeats = [c for c in deck.methods if c.method and c.method.casefold() == c.title.casefold()]
        assert repeats, "the English deck has a card whose method name only differs in case"
        card = repeats[0]
        screen = CardScreen(app.language, app.session, card.id)
        await app.push_screen(screen)
        await pilot.pause()
        body = screen.body().plain
        assert card.method not in body.splitlines()
        other = next(c for c in deck.methods if c.method and c.method.casefold() != c.title.casefold())
        assert other.method in CardScreen(app.language, app.session, other.id).body().plain.splitlines()


# -- 5. the setup's fields ----------------------------------------------------------------------
async def test_a_long_challenge_keeps_its_closing_mark_at_120x40_en(make_app):
    from kiosk.ui.widgets.choice import Choice

    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        choice = app.screen.query_one("#challenge", Choice)
        longest = max(range(len(choice.options)), key=lambda i: len(choice.options[i][0]))
        assert len(choice.options[longest][0]) > choice.content_region.width  # the case to show
        choice.index = longest
        choice.refresh()
        await pilot.pause()
        line = choice.render().plain
        assert line.startswith("< ") and line.rstrip().endswith("... >"), line
        assert len(line) <= choice.content_region.width


async def test_typing_past_the_team_limit_says_so(make_app):
    app = make_app(mode="workshop", language="sv")
    async with app.run_test(size=(120, 40)) as pilot:
        team = app.screen.query_one("#team", Input)
        team.value = "x" * (team.max_length - 1)
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.status == ""  # exactly at the limit: fine
        await pilot.press("z")
        await pilot.pause()
        assert team.value.endswith("y") and len(team.value) == team.max_length
        assert app.screen.status.startswith(f"Högst {team.max_length} tecken")
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.status == ""  # back within the limit: the message goes


# -- 6. the share screen ------------------------------------------------------------------------
async def test_a_viewer_that_could_not_start_is_said_once(make_app):
    import socket

    from tests.ui.test_share import walk_up_to_share

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        app = make_app(mode="walkup", viewer_port=taken.getsockname()[1])
        async with app.run_test(size=(120, 40)) as pilot:
            await walk_up_to_share(app, pilot)
            assert type(app.screen).__name__ == "ShareScreen" and app.viewer_server is None
            start = app.screen.t("share.no_server", reason="", code="")[:20]
            shown = [w.render().plain for w in app.screen.query("Static") if w.display]
            assert sum(text.count(start) for text in shown) == 1, shown
            # Nothing to scan and no page to open: the hint says how the plan is found again.
            assert app.screen.t("polish.share_hint_saved") in shown
            assert app.screen.t("share.hint") not in shown
            assert not app.screen.query("#link") and "127.0.0.1" not in " ".join(shown)


# -- 7. the help --------------------------------------------------------------------------------
async def test_the_help_closing_line_is_level_with_the_key_rows(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        rows = list(app.screen.query(".help-row"))
        closing = app.screen.query_one("#help-close")
        assert rows and {row.content_region.x for row in rows} == {closing.content_region.x}


async def test_an_empty_group_size_is_not_marked_as_an_error(make_app):
    app = make_app(mode="workshop")
    async with app.run_test(size=(120, 40)) as pilot:
        field = app.screen.query_one("#group", Input)
        field.focus()
        await pilot.press("5", "backspace", "tab")  # typed, taken back, left empty
        await pilot.pause()
        assert field.value == "" and not field.has_class("-invalid")
        field.focus()
        await pilot.press("7", "tab")
        await pilot.pause()
        assert not field.has_class("-invalid")


async def test_the_timer_help_names_esc_once_and_keys_keep_a_gap(make_app):
    app = make_app(mode="workshop", language="en")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter", "enter", "t")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExerciseScreen"
        await pilot.press("f1")
        await pilot.pause()
        rows = [row.plain() for row in app.screen.query(HelpRow)]
        assert sum(row.startswith("Esc ") for row in rows) == 1, rows
        assert all("  " in row.rstrip() for row in rows), rows  # key and meaning never run together
