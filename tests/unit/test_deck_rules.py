"""``check`` rules across decks: every challenge leads to an idea card, and every method
card outside the opening and closing phases is suggested by some challenge."""

from __future__ import annotations

from kiosk.core.checking import check_paths


def variant(text: str, *, paret_phase_role: str, challenge_cards: str) -> str:
    text = text.replace(
        '[[phases]]\nid = "ide"\nname = "Idé"\n',
        '[[phases]]\nid = "ide"\nname = "Idé"\nrole = "ideas"\n\n'
        f'[[phases]]\nid = "annat"\nname = "Annat"\n{paret_phase_role}\n',
    )
    text = text.replace(
        'id = "paret"\ntitle = "Paret"\nphase = "ide"', 'id = "paret"\ntitle = "Paret"\nphase = "annat"'
    )
    return text.replace('cards = ["crazy-8", "paret"]', f"cards = {challenge_cards}")


def messages(write_deck, text: str) -> list[str]:
    path = write_deck(text)
    path.with_name("mini.numbers").write_text("crazy-8\nparet\nhalvera\n", encoding="utf-8")  # card numbers for links
    return [p.message for p in check_paths([str(path)])]


def test_a_challenge_without_an_idea_card_is_reported(write_deck, small_deck_text):
    found = messages(write_deck, variant(small_deck_text, paret_phase_role="", challenge_cards='["paret"]'))
    assert any("challenge card 'halvera'" in m and "suggests no idea card" in m for m in found), found


def test_a_card_no_challenge_suggests_is_reported_unless_it_opens_or_closes(write_deck, small_deck_text):
    found = messages(write_deck, variant(small_deck_text, paret_phase_role="", challenge_cards='["crazy-8"]'))
    assert found == [
        "method card 'paret': no challenge suggests it (only cards in an opening or closing phase may be left out)"
    ]
    closing = variant(small_deck_text, paret_phase_role='role = "closing"', challenge_cards='["crazy-8"]')
    assert messages(write_deck, closing) == []
    both = variant(small_deck_text, paret_phase_role="", challenge_cards='["crazy-8", "paret"]')
    assert messages(write_deck, both) == []


def test_an_unknown_phase_role_is_reported(write_deck, small_deck_text):
    text = small_deck_text.replace('name = "Idé"\n', 'name = "Idé"\nrole = "warmup"\n')
    found = messages(write_deck, text)
    assert any("'role'" in m and "'warmup' is not one of: opening, ideas, closing" in m for m in found), found
