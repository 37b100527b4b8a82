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
