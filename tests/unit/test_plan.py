from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kiosk.core.i18n import labels
from kiosk.core.plan import TEXT_LIMITS, Action, Plan, PlanError, parse_follow_up, render_markdown

TODAY = date(2026, 11, 24)


def sample(**changes) -> Plan:
    plan = Plan(
        deck="innovationslek",
        language="sv",
        mode="workshop",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=["fem-varfor", "pdsa"],
        votes={"level": [1, 2, 3], "testa": [0, 1, 2, 3, 0]},
        actions=[
            Action(
                what="Testa ny blankett",
                how="Med fem invånare",
                when="v. 50",
                who="Åsa och Øystein",
                competences="Klarspråk",
            )
        ],
        follow_up=date(2027, 1, 15),
        team="Bygglov",
        challenge="halvera-handlaggningstid",
    )
    for key, value in changes.items():
        setattr(plan, key, value)
    return plan


def test_toml_round_trip():
    plan = sample()
    again = Plan.from_toml(plan.to_toml())
    assert again == plan


def test_round_trip_without_optional_fields():
    plan = sample(team="", challenge="", follow_up=None, votes={}, actions=[], cards=[])
    assert Plan.from_toml(plan.to_toml()) == plan


@pytest.mark.parametrize("field_name", ["what", "how", "when", "who", "competences"])
def test_text_limits(field_name):
    limit = TEXT_LIMITS[field_name]
    ok = sample()
    setattr(ok.actions[0], field_name, "å" * limit)
    ok.check()
    too_long = sample()
    setattr(too_long.actions[0], field_name, "å" * (limit + 1))
    with pytest.raises(PlanError, match=f"at most {limit}"):
        too_long.check()


@pytest.mark.parametrize("bad", ["rad ett\nrad två", "raket \U0001f680", "\x1b[31mröd"])
def test_text_must_be_one_console_safe_line(bad):
    with pytest.raises(PlanError):
        sample(team=bad).check()


def test_too_many_actions_and_empty_what():
    with pytest.raises(PlanError, match="at most 5"):
        sample(actions=[Action(what=f"a{i}") for i in range(6)]).check()
    with pytest.raises(PlanError, match="'what' is empty"):
        sample(actions=[Action(what="  ", how="x")]).check()


def test_bad_votes_are_refused():
    with pytest.raises(PlanError, match="votes"):
        sample(votes={"testa": [1, 2]}).check()


@pytest.mark.parametrize(
    "text,expected",
    [
        ("2027-01-15", date(2027, 1, 15)),
        ("15.1.2027", date(2027, 1, 15)),
        ("15/1/2027", date(2027, 1, 15)),
        ("24.11", TODAY),
        ("1/2", date(2027, 2, 1)),
        ("20.11", date(2027, 11, 20)),  # already passed this year: next year's
    ],
)
def test_follow_up_dates(text, expected):
    assert parse_follow_up(text, TODAY) == expected


@pytest.mark.parametrize(
    "text,words",
    [
        ("2026-11-23", "in the past"),
        ("2026-02-30", "not a date in the calendar"),
        ("nästa vecka", "not a date"),
        ("2030-01-01", "two years"),
        ("", "not a date"),
    ],
)
def test_follow_up_refusals(text, words):
    with pytest.raises(PlanError, match=words):
        parse_follow_up(text, TODAY)


def test_newer_format_is_refused():
    text = sample().to_toml().replace("format = 1", "format = 2")
    with pytest.raises(PlanError, match="format 2"):
        Plan.from_toml(text)


@pytest.mark.parametrize("text", ["", "deck = 1", "format = 1\ndeck = 'x'\n", "not toml ["])
def test_broken_plan_files(text):
    with pytest.raises(PlanError):
        Plan.from_toml(text)


def test_markdown_in_swedish_and_english():
    plan = sample()
    sv = render_markdown(plan, None, labels("sv"))
    assert sv.startswith("# Vår handlingsplan")
    assert "**Testa ny blankett**" in sv and "Vem: Åsa och Øystein" in sv
    assert "| testa | 3.3 | 0 | 1 | 2 | 3 | 0 |" in sv
    en = render_markdown(plan, None, labels("en"))
    assert "## Actions" in en and "Who: Åsa och Øystein" in en


def test_control_and_bidi_characters_are_written_out():
    from kiosk.core.text import escape_controls

    assert escape_controls("Budget [SEK]") == "Budget [SEK]"
    assert escape_controls("a\x1b[31mb\x07") == r"a\x1b[31mb\x07"
    assert escape_controls("invoice\u202egpj.exe\u2066") == r"invoice\u202egpj.exe\u2066"
    assert escape_controls("tab\tand\nnew line") == "tab\tand\nnew line"
