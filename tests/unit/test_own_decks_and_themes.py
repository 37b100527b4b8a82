"""An organisation's own decks and themes live in the data directory, beside the shipped ones."""

from __future__ import annotations

from kiosk.core.shelf import Shelf
from kiosk.ui.themes import resolve_theme, shipped_specs
from tests.conftest import SMALL_DECK


def test_own_deck_in_the_data_directory_is_on_the_shelf(tmp_path):
    own = tmp_path / "decks"
    own.mkdir()
    (own / "mini.sv.toml").write_text(SMALL_DECK, encoding="utf-8")
    shelf = Shelf(user_dir=own)
    assert "mini" in shelf.ids() and "innovationslek" in shelf.ids()
    assert shelf.get("mini", "sv").title == "Minilek"
    assert "mini" not in Shelf().ids()


def test_missing_own_folders_are_fine(tmp_path):
    assert "innovationslek" in Shelf(user_dir=tmp_path / "nothing").ids()
    assert {s.name for s in shipped_specs(user_dir=tmp_path / "nothing")} >= {"kiosk-dark", "console"}


def test_own_theme_in_the_data_directory_can_be_chosen(tmp_path):
    own = tmp_path / "themes"
    own.mkdir()
    (own / "town.toml").write_text(
        'name = "town-hall"\nprimary = "#224488"\nbackground = "#ffffff"\nforeground = "#000000"\ndark = false\n',
        encoding="utf-8",
    )
    found = resolve_theme("town-hall", user_dir=own)
    assert found is not None and found.name == "town-hall"


def test_a_deck_that_uses_another_takes_it_from_the_shelf(tmp_path):
    """The challenge deck borrows the main deck's cards: once the main deck is on the shelf,
    loading the challenges does not read the main deck's file again."""
    import shutil

    from kiosk.core.paths import DECKS_DIR

    decks = tmp_path / "decks"
    decks.mkdir()
    for name in ("innovationslek.sv.toml", "utmaningar.sv.toml"):
        shutil.copy(DECKS_DIR / name, decks / name)
    shelf = Shelf(decks_dir=decks)
    shelf.get("innovationslek", "sv")
    (decks / "innovationslek.sv.toml").write_text("not a deck", encoding="utf-8")
    assert shelf.get("utmaningar", "sv").challenges
    assert Shelf(decks_dir=decks).challenges("sv") == []  # a fresh shelf reads it, and refuses it
