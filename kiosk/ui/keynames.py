"""Key names for people who do not read keyboard shorthand: "Ctrl+S" rather than "^s",
"Esc" rather than "escape", the space bar and the arrows in the session's language. The
footer asks the app for every key's name (``KioskApp.get_key_display``); the help turns
the English words in a screen's ``HELP_KEYS`` into the session's language."""

from __future__ import annotations

import re

from ..core.i18n import t

# Named alike in all our languages (what is printed on most keyboards).
SAME_EVERYWHERE = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Delete",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "question_mark": "?",
    "home": "Home",
    "end": "End",
}
# Named in words of the session's language (catalogue keys).
IN_WORDS = {
    "space": "room_keys.key_space",
    "up": "room_keys.key_up",
    "down": "room_keys.key_down",
    "left": "room_keys.key_left",
    "right": "room_keys.key_right",
}
MODIFIERS = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "meta": "Meta", "super": "Super"}


def key_label(language: str, key: str) -> str:
    """``ctrl+s`` -> ``Ctrl+S``, ``escape`` -> ``Esc``, ``space`` -> ``Mellanslag`` in
    Swedish, ``f1`` -> ``F1``, ``r`` -> ``r`` (a plain letter is shown as typed)."""
    *modifiers, name = key.split("+") if key != "+" else ["+"]
    if name in IN_WORDS:
        shown = t(language, IN_WORDS[name])
    elif name in SAME_EVERYWHERE:
        shown = SAME_EVERYWHERE[name]
    elif re.fullmatch(r"f\d{1,2}", name):
        shown = name.upper()
    elif len(name) == 1:
        shown = name.upper() if modifiers else name
    else:
        shown = name.replace("_", " ").capitalize()
    return "+".join([*(MODIFIERS.get(m, m.capitalize()) for m in modifiers), shown])


# The words the screens' HELP_KEYS use for keys without a printed name ("Space",
# "Up/Down", "1-4 / arrows"), and their catalogue keys. Longest first, so "Up/Down" is
# one word, not "Up" and "Down".
HELP_WORDS = {
    "Up/Down": "room_keys.key_up_down",
    "Left/Right": "room_keys.key_left_right",
    "Space": "room_keys.key_space",
    "arrows": "room_keys.key_arrows",
}
_HELP_WORD = re.compile("|".join(re.escape(word) for word in sorted(HELP_WORDS, key=len, reverse=True)))


def help_keys(language: str, keys: str) -> str:
    """A help row's keys in the session's language: ``Left/Right`` -> ``Pil vänster/höger``."""
    return _HELP_WORD.sub(lambda m: t(language, HELP_WORDS[m.group(0)]), keys)
