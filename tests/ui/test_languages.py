"""A Norwegian or Danish session shows the model and deals the cards in its own language."""

from __future__ import annotations

from kiosk.core.deck import MethodCard
from kiosk.core.shelf import Shelf


def screen_name(app) -> str:
    return type(app.screen).__name__


async def test_norwegian_walkup_votes_on_norwegian_principles_and_deals_norwegian_cards(make_app, store):
    app = make_app(mode="walkup", language="nb")
    swedish = Shelf().get("innovationslek", "sv")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "BallotScreen"
        deck = app.session.deck
        assert (deck.id, deck.language) == ("innovationslek", "nb")
        ballot = app.screen.query_one("#ballot").render().plain
        assert "Usikkerhetstoleranse" in ballot and "Lytte til flere perspektiver" in ballot
        assert "Osäkerhetstolerans" not in ballot
        about = str(app.screen.query_one("#about").query("Static").first().render())
        assert "Byråkrati med begrenset innovasjon" in about
        await pilot.press(*"533134555", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        hand = app.session.hand
        tiles = "\n".join(tile.render().plain for tile in app.screen.query("CardTile"))
        for card in hand:
            assert isinstance(card, MethodCard)  # a workshop deals method cards
            assert card.title in tiles
            assert card.purpose != swedish.method(card.id).purpose
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "CardScreen"
        assert hand[0].steps[0].text in app.screen.body().plain


async def test_danish_workshop_deals_danish_cards(make_app):
    app = make_app(mode="workshop", language="da")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (app.session.deck.id, app.session.deck.language) == ("innovationslek", "da")
        await pilot.press("enter", *"3123451234", "enter", "ctrl+r", "right", "enter")
        await pilot.pause()
        assert screen_name(app) == "ResultsScreen"
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "DealScreen"
        tiles = "\n".join(tile.render().plain for tile in app.screen.query("CardTile"))
        assert all(card.title in tiles for card in app.session.hand)
        assert [p.name for p in app.session.deck.phases][:3] == ["Start og relationer", "Forstå problemet", "Idéer"]
        await pilot.press("enter")
        await pilot.pause()
        assert screen_name(app) == "CardScreen"
        card = app.session.hand[0]
        assert card.purpose in app.screen.body().plain and card.steps[-1].text in app.screen.body().plain
