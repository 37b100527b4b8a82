"""The UI catalogues: every language has every key, the same placeholders, and only text
the Linux console can show."""

from __future__ import annotations

import re

import pytest

from kiosk.core.deck import LANGUAGES
from kiosk.core.i18n import FALLBACK_LANGUAGE, catalogue, t
from kiosk.core.text import text_problem

PLACEHOLDER = re.compile(r"{(\w*)}")


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != FALLBACK_LANGUAGE])
def test_catalogue_is_complete_and_consistent(language):
    reference, other = catalogue(FALLBACK_LANGUAGE), catalogue(language)
    assert sorted(set(reference) - set(other)) == []
    assert sorted(set(other) - set(reference)) == []
    for key, text in reference.items():
        assert set(PLACEHOLDER.findall(other[key])) == set(PLACEHOLDER.findall(text)), key
        assert text_problem(other[key]) is None, key


def test_translation_is_used_and_filled_in():
    assert t("nb", "ballot.saved", n=3) == "Takk! Stemmen er lagret. 3 har stemt. Gi tastaturet videre."
    assert t("da", "share.code", code="K7M2QX") == "Planens kode: K7M2QX"


@pytest.mark.parametrize("language", LANGUAGES)
def test_counts_take_the_right_plural_form(language):
    one, many = t(language, "results.title", n=1), t(language, "results.title", n=5)
    assert "1" in one and "5" in many and one.replace("1", "5") != many  # the word itself changes
    assert t(language, "results.title", n=0).replace("0", "5") == many  # zero is plural
    expected = {
        "sv": "Vänta 1 sekund innan",
        "en": "Wait 1 second before",
        "nb": "Vent 1 sekund før",
        "da": "Vent 1 sekund før",
    }[language]
    assert t(language, "pin.wait", n=1).startswith(expected)
    assert t("en", "lobby.count", n=1) == "1 has voted"


def test_every_plural_key_has_both_forms_everywhere():
    for language in LANGUAGES:
        keys = catalogue(language)
        stems = {k.rsplit(".", 1)[0] for k in keys if k.endswith((".one", ".other"))}
        for stem in stems:
            assert f"{stem}.one" in keys and f"{stem}.other" in keys, (language, stem)
