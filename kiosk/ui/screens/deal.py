"""The deal: cards for the principles that need work, filtered by the time box and the
group size. Re-deal one slot, open a card to read it, choose one or more."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.widgets import Static

from ...core.names import card_name
from ..intents import Chosen, Done
from ..plain import plain
from ..widgets.cardtile import CardTile
from ..widgets.footer import KioskFooter
from .base import SessionScreen


class DealScreen(SessionScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "t:key.open", show=True, key_display="Enter"),
        Binding("space", "choose", "t:key.choose", show=True),
        Binding("r", "redeal", "t:key.redeal", show=True),
        Binding("c", "carry_on", "t:key.carry_on", show=True),
        Binding("right", "move(1, 0)", show=False),
        Binding("left", "move(-1, 0)", show=False),
        Binding("down", "move(0, 1)", show=False),
        Binding("up", "move(0, -1)", show=False),
        *(Binding(str(n), f"slot({n - 1})", show=False) for n in range(1, 10)),
    ]
    HELP_KEYS = [
        ("1-4 / arrows", "help.deal_move"),
        ("Enter", "help.deal_open"),
        ("Space", "help.deal_choose"),
        ("r", "help.deal_redeal"),
        ("c", "help.deal_carry_on"),
    ]
    DEFAULT_CSS = """
    DealScreen #deal { padding: 0 1; }
    DealScreen #table { height: 1fr; grid-gutter: 0 1; }
    DealScreen CardTile { height: 100%; margin: 0; }
    DealScreen #deal-limits { height: auto; }
    DealScreen.-short #deal-hint { display: none; }  /* the key bar says it; the cards need the row */
    /* On a tall screen (a projector) the cards are the picture: they fill the table, two
       by two, so a title has the width for big letters and a card the rows for its steps. */
    DealScreen.-tall #table, DealScreen.-huge #table { grid-gutter: 1 2; }
    DealScreen.-tall CardTile, DealScreen.-huge CardTile { padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        session = self.session
        hand = session.hand or session.deal()
        walkup = session.spec.pick_one
        if walkup:  # the help names only keys that do something: a visitor has no "c"
            self.HELP_KEYS = [(keys, meaning) for keys, meaning in self.HELP_KEYS if keys != "c"]
        # A reflection deck (no method cards) deals questions, and says so.
        title = "deal.title_walkup" if walkup else "deal.title" if session.deck.methods else "deal.title_questions"
        with Vertical(id="deal"):
            yield Static(self.t(title), classes="title")
            yield Static(self.t("deal.hint_walkup" if walkup else "deal.hint"), classes="hint", id="deal-hint")
            with Grid(id="table"):
                for slot, card in enumerate(hand):
                    yield CardTile(slot, card, session.deck, self.t, chosen=card.id in session.chosen)
            if not hand:
                yield Static(self.t("deal.empty"), classes="message")
            yield Static("", id="deal-limits", classes="message")
        yield KioskFooter()

    def show_limits(self) -> None:
        """When too few cards keep to the setup's time box and group size, the deal went
        without them: say so, and which cards on the table break them."""
        off = self.session.off_limits()
        note = self.query_one("#deal-limits", Static)
        note.display = bool(off)
        if not off:
            return
        settings = self.session.settings
        limits = []
        if settings.minutes:
            limits.append(self.t("room_votes.limit_minutes", n=settings.minutes))
        if settings.group_size:
            limits.append(self.t("room_votes.limit_group", n=settings.group_size))
        within = self.t("room_votes.and").join(limits)
        if len(off) == len(self.session.hand):
            note.update(self.t("room_votes.deal_none_fit", limits=within))
            return
        titles = ", ".join(card_name(card) for card in off)
        text = self.t("room_votes.deal_off_limits", n=len(off), limits=within, titles=titles)
        note.update(plain(text))  # card titles are deck text

    def on_resize(self) -> None:
        # Side by side when there is room; two by two (or one by one) on a small screen.
        # A tall screen takes two columns at most: wide tiles for big titles and rows for
        # the steps, rather than narrow columns of mostly empty height.
        tiles = list(self.query(CardTile))
        n = len(tiles) or 1
        width = self.size.width
        columns = n if width >= 40 * n else max(1, min(n, width // 38))
        if self.size.height >= self.VERTICAL_BREAKPOINTS[1][0]:
            columns = min(columns, 2)
        rows = -(-n // columns)
        columns = -(-n // rows)  # balanced: four cards two by two, not three and one
        table = self.query_one("#table", Grid)
        table.styles.grid_size_columns = columns
        table.styles.grid_size_rows = rows
        # An odd card out on the last row takes the whole row, not a lone half.
        for slot, tile in enumerate(tiles):
            last_alone = columns > 1 and slot == n - 1 and n % columns
            tile.styles.column_span = columns - n % columns + 1 if last_alone else 1

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # A walk-up visitor goes on by picking a card on its own screen: "c" would do
        # nothing there, so the key bar does not offer it.
        if action == "carry_on" and self.session.spec.pick_one:
            return False
        return super().check_action(action, parameters)

    def on_mount(self) -> None:
        self.show_limits()
        tiles = list(self.query(CardTile))
        if tiles:
            tiles[0].focus()

    def on_screen_resume(self) -> None:
        session = self.session  # back from a card, which may have been chosen there
        for tile in self.query(CardTile):
            tile.show(tile.card, tile.card.id in session.chosen)

    def focused_tile(self) -> CardTile | None:
        return self.focused if isinstance(self.focused, CardTile) else None

    def action_slot(self, slot: int) -> None:
        tiles = list(self.query(CardTile))
        if 0 <= slot < len(tiles):
            # At once, not later: "2" then Space typed in one go chooses card 2.
            self.set_focus(tiles[slot])

    def action_move(self, across: int, down: int) -> None:
        """The arrows move over the table as it is laid out: left and right go card by card
        (round the table), up and down to the card above or below (two by two, Down from
        card 2 is card 4, not card 3). Where there is no row above or below, the focus stays."""
        tiles = list(self.query(CardTile))
        if not tiles:
            return
        current = self.focused_tile()
        slot = tiles.index(current) if current in tiles else 0
        n = len(tiles)
        columns = self.query_one("#table", Grid).styles.grid_size_columns or 1
        if across or columns in (1, n):  # one row or one column: the table is a line
            step = across or down
            self.set_focus(tiles[(slot + step) % n])
            return
        row, last_row = slot // columns, (n - 1) // columns
        if down > 0 and row < last_row:
            # The last row may be short (its odd card spans the row): the nearest card below.
            self.set_focus(tiles[min(slot + columns, n - 1)])
        elif down < 0 and row > 0:
            self.set_focus(tiles[slot - columns])

    def action_open(self) -> None:
        tile = self.focused_tile()
        if tile is not None:
            self.post_message(Chosen(self, tile.card.id))

    def on_card_tile_opened(self, event: CardTile.Opened) -> None:
        self.post_message(Chosen(self, self.session.hand[event.slot].id))

    def action_choose(self) -> None:
        tile = self.focused_tile()
        if tile is None:
            return
        if self.session.spec.pick_one:  # one card is picked on its own screen
            self.post_message(Chosen(self, tile.card.id))
            return
        chosen = self.session.toggle_choice(tile.card.id)
        tile.show(tile.card, chosen)

    def action_redeal(self) -> None:
        tile = self.focused_tile()
        if tile is None:
            return
        session = self.session
        if tile.card.id in session.chosen:
            self.say(self.t("deal.keep_chosen"))
            return
        card = session.redeal(tile.slot)
        if card is None:
            self.say(self.t("deal.no_more"))
            return
        self.say("")
        tile.show(card, card.id in session.chosen)
        self.show_limits()

    def action_carry_on(self) -> None:
        # The router applies the rule (the focused card counts when none is chosen).
        tile = self.focused_tile()
        self.post_message(Done(self, tile.card.id if tile is not None else None))
