"""Punctuation where a template meets inserted text."""

from __future__ import annotations


def test_a_title_with_its_own_mark_takes_no_second_full_stop():
    from kiosk.core.i18n import t
    from kiosk.core.text import one_full_stop

    assert one_full_stop(t("sv", "plan.hint", cards="Var det värt tiden?")).endswith("tiden?")
    assert one_full_stop(t("en", "plan.hint", cards="Crazy 8s")).endswith("Crazy 8s.")
    assert one_full_stop("Ja, och….") == "Ja, och…"
