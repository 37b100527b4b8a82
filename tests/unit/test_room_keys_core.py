"""Key names for people (no Textual app needed) and the catalogue words they use."""

from __future__ import annotations

import pytest

from kiosk.ui.keynames import help_keys, key_label


@pytest.mark.parametrize(
    ("language", "key", "label"),
    [
        ("sv", "ctrl+s", "Ctrl+S"),
        ("en", "ctrl+q", "Ctrl+Q"),
        ("sv", "escape", "Esc"),
        ("sv", "space", "Mellanslag"),
        ("en", "space", "Space"),
        ("nb", "space", "Mellomrom"),
        ("da", "space", "Mellemrum"),
        ("sv", "f1", "F1"),
        ("en", "f12", "F12"),
        ("sv", "r", "r"),
        ("en", "shift+tab", "Shift+Tab"),
        ("da", "left", "Pil venstre"),
        ("sv", "plus", "+"),
        ("en", "page_down", "Page down"),
    ],
)
def test_key_label(language, key, label):
    assert key_label(language, key) == label


def test_help_keys_puts_the_words_into_the_language_and_leaves_the_rest():
    assert help_keys("sv", "Up/Down") == "Pil upp/ned"
    assert help_keys("nb", "1-4 / arrows") == "1-4 / piltastene"
    assert help_keys("en", "Left/Right") == "Left/Right arrows"
    assert help_keys("da", "Space") == "Mellemrum"
    assert help_keys("sv", "Ctrl+U") == "Ctrl+U" and help_keys("sv", "n / p") == "n / p"
