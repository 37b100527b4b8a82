"""The link's wire format is pinned: its schema hash belongs to its format number, fields go
in order and fit their widths, and the card numbering only grows."""

from __future__ import annotations

import pytest

from kiosk.core import link_v1, linkformat
from kiosk.core.linkformat import BitReader, BitWriter, FieldOrderError
from kiosk.core.numbering import check_numbers, parse_numbers
from kiosk.core.plan import Action
from kiosk.core.shelf import Shelf
from tests.conftest import ROOT

# Format number -> hash of its schema. A new layout needs a new number here AND a reader for
# the old one; never edit an existing line.
PINNED = {
    1: "1449e11a94deaf58",
    2: "40135bc3afb6a4e0",
}


def pin_problem() -> str | None:
    if linkformat.FORMAT not in PINNED:
        return f"format {linkformat.FORMAT} has no pinned schema hash"
    if linkformat.schema_hash() != PINNED[linkformat.FORMAT]:
        return f"the link schema changed without a new format number (hash {linkformat.schema_hash()})"
    if PINNED[1] != link_v1.SCHEMA_HASH:
        return "the format-1 reader changed"
    return None


def test_the_schema_is_pinned_to_its_format_number():
    assert pin_problem() is None


def test_changing_the_action_fields_without_a_bump_fails(monkeypatch):
    monkeypatch.setattr(Action, "FIELDS", (*Action.FIELDS, "budget"))
    problem = pin_problem()
    assert problem is not None and "without a new format number" in problem


@pytest.mark.parametrize(
    "change",
    [
        ("HEAD", linkformat.HEAD[:3] + (("created", "u", 24),) + linkformat.HEAD[4:]),
        ("ACTION_FIELDS", ("what", "how", "who", "when", "competences")),
        ("EPOCH", linkformat.EPOCH.replace(year=2025)),
    ],
)
def test_any_layout_change_without_a_bump_fails(monkeypatch, change):
    monkeypatch.setattr(linkformat, *change)
    assert pin_problem() is not None


def test_a_changed_dictionary_without_a_bump_fails(monkeypatch, tmp_path):
    for lang in linkformat.DICTIONARY_LANGUAGES:
        (tmp_path / f"{lang}.txt").write_bytes(linkformat.dictionary(lang) + b" ny")
    linkformat.dictionary.cache_clear()
    monkeypatch.setattr(linkformat, "DICTIONARY_DIR", tmp_path)
    try:
        assert pin_problem() is not None
    finally:
        monkeypatch.undo()
        linkformat.dictionary.cache_clear()


def test_tables_only_grow_at_their_end():
    assert linkformat.MODES[:4] == ("walkup", "workshop", "checkin", "followup")
    assert linkformat.language_code("sv") == 18 * 26 + 21
    assert [linkformat.language_of(linkformat.language_code(x)) for x in ("sv", "fi", "zz")] == ["sv", "fi", "zz"]


def test_fields_fit_their_widths_and_go_in_order():
    w = BitWriter()
    with pytest.raises(ValueError):
        w.put("language", 1 << 10)
    w.put("language", 5)
    w.put("deck", 7)
    with pytest.raises(FieldOrderError):
        w.put("mode", 1)  # mode comes before deck
    w.put("card_count", 300)
    w.put("card", 2)
    w.put("card", 70)  # a field may repeat
    r = BitReader(w.to_bytes(), ValueError)
    assert [r.get("language"), r.get("deck"), r.get("card_count"), r.get("card"), r.get("card")] == [5, 7, 300, 2, 70]
    with pytest.raises(FieldOrderError):
        r.get("mode")


# -- card numbers --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path", sorted((ROOT / "tests" / "fixtures" / "numbers").glob("*.numbers")), ids=lambda p: p.stem
)
def test_numbers_only_grow(path):
    """The committed copy is what links already carry: the shipped numbering must start with
    it, line for line (append new cards; never remove, reorder or reuse a number)."""
    committed, _ = parse_numbers(path.read_text(encoding="utf-8"), str(path))
    current, problems = parse_numbers((ROOT / "decks" / path.name).read_text(encoding="utf-8"), path.name)
    assert problems == []
    assert current[: len(committed)] == committed


def test_every_shipped_card_is_numbered():
    shelf = Shelf(ROOT / "decks")
    for deck in shelf.all_decks():
        assert check_numbers(deck.id, list(deck.card_ids), ROOT / "decks", deck.path) == []


def test_numbering_problems_are_reported(tmp_path):
    (tmp_path / "mini.numbers").write_text("# comment\ncrazy-8\n\nskiss\ncrazy-8\nBad Id\n", encoding="utf-8")
    problems = [str(p) for p in check_numbers("mini", ["crazy-8", "skiss", "ny"], tmp_path, "mini.sv.toml")]
    assert any(":5: card 'crazy-8' already has number 0 (line 2)" in p for p in problems)
    assert any(":6: 'Bad Id' is not a card id" in p for p in problems)
    assert any("cards without a number: ny" in p for p in problems)
    missing = check_numbers("other", ["a"], tmp_path, "other.sv.toml")
    assert len(missing) == 1 and "has no card numbers" in missing[0].message


def test_check_reports_decks_that_share_a_link_key(tmp_path, small_deck_text):
    from kiosk.core.checking import check_paths

    paths = []
    for deck_id in ("deck-1623", "deck-8000"):  # two ids whose 16-bit link keys are equal
        path = tmp_path / f"{deck_id}.sv.toml"
        path.write_text(small_deck_text.replace('id = "mini"', f'id = "{deck_id}"', 1), encoding="utf-8")
        (tmp_path / f"{deck_id}.numbers").write_text("crazy-8\nparet\nhalvera\n", encoding="utf-8")
        paths.append(str(path))
    problems = [str(p) for p in check_paths(paths)]
    assert any("share a link key" in p for p in problems), problems
    assert len(check_paths(paths[:1])) == 0
