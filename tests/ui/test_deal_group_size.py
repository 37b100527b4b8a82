"""A workshop of 20 people is dealt the cards that fit working groups, not only the few
that take the whole room at once (Pilot, through the setup screen)."""

from __future__ import annotations

from textual.widgets import Input


async def test_twenty_participants_get_cards_for_working_groups(make_app):
    app = make_app(mode="workshop", language="sv")
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#group", Input).value = "20"
        await pilot.press("ctrl+s", "enter", *"3123451234", "enter", "ctrl+r", "right", "enter", "enter")
        await pilot.pause()
        session = app.session
        assert session.settings.group_size == 20
        seen = {c.id for c in session.dealer.hand}
        for _ in range(30):
            await pilot.press("r")
            await pilot.pause()
            seen |= {c.id for c in session.dealer.hand}
        cards = [session.deck.card(cid) for cid in seen]
        assert all(c.fits_people(20) for c in cards)
        assert len(seen) >= 20, sorted(seen)
        # Cards for small working groups are among them (before, 20 people got only the 8
        # cards whose one group could hold the whole room).
        assert sum(c.parallel and c.group_max <= 10 for c in cards) >= 10, sorted(seen)
