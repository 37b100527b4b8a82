"""Text rules shared by decks, plans and the UI.

The kiosk must work on the bare Linux console, whose font has a few hundred glyphs: Latin
letters with the Nordic ones, common punctuation, box drawing. Emoji and most symbols are
missing there and show as a blot, so deck and plan text is limited to a console-safe set.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic punctuation that the common console fonts (Lat15/Lat2 Terminus) carry.
_EXTRA_SAFE = set("\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022\u20ac\u2122")


def is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or cp in (0xFE0F, 0x200D, 0x20E3)
        or 0x1F1E6 <= cp <= 0x1F1FF
        or 0xE0020 <= cp <= 0xE007F
    )


def is_console_safe(ch: str) -> bool:
    cp = ord(ch)
    if ch in "\n\t":
        return True
    if 0x20 <= cp <= 0x7E or 0xA0 <= cp <= 0x17F:
        return True
    return ch in _EXTRA_SAFE


# Everything outside this class needs a closer look (one C-speed scan per string).
_SUSPECT = re.compile("[^\n\t\x20-\x7e\xa0-\u017f" + "".join(sorted(_EXTRA_SAFE)) + "]")


def text_problem(value: str) -> str | None:
    """A message for the first character that would break the console, or None."""
    if _SUSPECT.search(value) is None:
        return None
    for ch in value:
        if is_emoji(ch):
            return f"emoji U+{ord(ch):04X} is not allowed (the Linux console cannot show it)"
        if not is_console_safe(ch):
            if unicodedata.category(ch) in ("Cc", "Cf"):  # escapes, bidi overrides: they have no name to show
                return f"control character U+{ord(ch):04X} is not allowed"
            name = unicodedata.name(ch, "unnamed character")
            return f"character U+{ord(ch):04X} ({name.lower()}) is missing from the Linux console font"
    return None


def clip(value: str, limit: int) -> str:
    """Shorten to ``limit`` characters, ending in "..." (three dots: the Linux console
    font may lack the one-character ellipsis)."""
    if len(value) <= limit:
        return value
    return value[: max(0, limit - 3)] + "..." if limit > 3 else value[:limit]


# Characters that act on the terminal or on the text around them instead of being shown:
# C0/C1 controls (ESC starts colour and cursor sequences) and the bidi marks, embeddings,
# overrides and isolates (they can reverse "invoice<U+202E>gpj.exe" into "invoiceexe.jpg").
_ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape_controls(value: str) -> str:
    """``value`` with every control and bidi character written out (``\\x1b``, ``\\u202e``),
    so that showing or printing it can never act on the terminal."""
    if _ACTIVE.search(value) is None:
        return value
    return _ACTIVE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", value
    )


def field_issue(value: str, limit: int | None = None) -> tuple[str, dict[str, object]] | None:
    """What is wrong with a typed field value under the rules of plans and the store, as an
    i18n key under ``guard.`` and its values (the UI says it in the session's language);
    None when the value is fine. The same rules as :func:`text_problem` plus one line."""
    if limit is not None and len(value) > limit:
        return "too_long", {"n": limit}
    if _SUSPECT.search(value) is None:
        return ("one_line", {}) if "\n" in value or "\t" in value else None
    for ch in value:
        code = f"U+{ord(ch):04X}"
        if ord(ch) < 0x20 and ch not in "\n\t" or 0x7F <= ord(ch) < 0xA0 or _ACTIVE.match(ch):
            return "control", {"code": code}
        if is_emoji(ch):
            return "emoji", {"code": code}
        if not is_console_safe(ch):
            return "character", {"char": ch, "code": code}
    return ("one_line", {}) if "\n" in value or "\t" in value else None


def adds_to(subtitle: str, title: str) -> bool:
    """Whether ``subtitle`` says something ``title`` does not: not empty and not the same
    words in another case or spacing ("Troika Consulting" under "Troika consulting")."""

    def key(value: str) -> str:
        return "".join(value.split()).casefold()

    return bool(key(subtitle)) and key(subtitle) != key(title)


def one_full_stop(sentence: str) -> str:
    """A sentence whose last inserted part ends with its own mark ("Var det värt tiden?")
    does not take the template's full stop too ("tiden?." reads as a typo on a projector)."""
    if sentence.endswith(("?.", "!.", "..", "….")):
        return sentence[:-1]
    return sentence
