"""A dealt card on the table: title, minutes, group size, principles and purpose.

A tile fills what the table gives it. When it has room (a projector), the title is drawn
in big letters and the steps and materials are added, each only when it fits whole; a
small tile shows the short card, so nothing is ever cut to make room for more."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.text import Text
from textual.events import Click
from textual.message import Message
from textual.widget import Widget

from ...core.deck import Card, Deck, MethodCard, ReflectionCard, Step
from ...core.names import card_name, principle_name
from ...core.text import adds_to
from .bigtitle import CELL, GAP, big_lines


def card_facts(card: Card, deck: Deck, t: Callable[..., str], *, short: bool = False) -> str:
    """The one-line facts of a card: minutes and group size ("3-4 per group, any number
    of groups" when the room splits into groups, else the size of the one group). The
    short form fits a tile on the table."""
    if isinstance(card, MethodCard):
        group = f"{card.group_min}" if card.group_min == card.group_max else f"{card.group_min}-{card.group_max}"
        if short:
            key = "deck2.tile_parallel" if card.parallel else "deck2.tile_one_group"
        else:
            key = "deck2.facts_parallel" if card.parallel else "deck2.facts_one_group"
        return t(key, minutes=card.minutes, group=group)
    if isinstance(card, ReflectionCard):
        return t("card.reflection_facts", minutes=card.minutes, audience=t(f"audience.{card.audience}"))
    return ""


def principle_names(card: Card, deck: Deck) -> list[str]:
    return [principle_name(deck, pid) for pid in getattr(card, "principles", ())]


# Letters a line of big letters must hold before a tile draws its title big (a projector's
# tile holds 15; at 120x40 a tile holds 8, too few for most names).
MIN_BIG_LETTERS = 12


VOWELS = frozenset("AEIOUYÆØÅÄÖÉÈÜ")
# Two consonants that begin a syllable together: a word is not broken between them.
# fmt: off
ONSETS = frozenset({
    "BL", "BR", "CH", "DJ", "DR", "FL", "FR", "GJ", "GL", "GR", "HJ", "HV", "KJ", "KL", "KN", "KR", "KV", "PH",
    "PL", "PR", "SC", "SJ", "SK", "SL", "SM", "SN", "SP", "ST", "SV", "SW", "TH", "TJ", "TR", "TV", "WR",
})
# fmt: on
KEEP = {"CK", "NG"}  # one sound: never broken
HYPHEN = 4  # the best break: after a hyphen the word has


def break_score(word: str, at: int) -> int:
    """How well ``word`` breaks before position ``at``: best after a hyphen it has; then
    after the linking "s" of a Nordic compound (ANSVARS- MATRIS, FISKEBENS- DIAGRAM);
    0 (not there) where the second piece would begin with consonants no syllable begins
    with, or inside one sound or onset (FISKEBEN- SDIAGRAM, EFFEK- TKJEDE, BRAINW- RITING);
    1 anywhere else."""
    upper = word.upper()
    if upper[at - 1] == "-":
        return HYPHEN
    if not (upper[at - 1].isalpha() and upper[at].isalpha()) or "-" in upper[at - 1 : at + 1]:
        return 0
    vowel = [ch in VOWELS for ch in upper]
    consonant = [ch.isalpha() and not v for ch, v in zip(upper, vowel, strict=True)]
    after = upper[at : at + 2]
    if (
        upper[at - 1] == "S"
        and at >= 6
        and consonant[at - 2]
        and consonant[at]
        and upper[at] != "C"
        and len(word) - at >= 3
    ):
        return 3  # the linking s stays with the first part
    if consonant[at] and at + 1 < len(word) and consonant[at + 1] and after not in ONSETS:
        return 0  # EFTERHAN|DSANALYS, FISKEBEN|SDIAGRAM: no syllable begins so
    if upper[at - 1 : at + 1] in ONSETS | KEEP:
        return 0  # not BRAINW|RITING, BESLUTNIN|GSMANDAT
    return 1


def break_word(word: str, letters: int) -> list[str] | None:
    """``word`` in pieces of at most ``letters`` letters, each piece but the last ending in
    a hyphen: as few pieces as will do, at the best breaks (see ``break_score``), as even
    as those allow. None when it has no break a reader would accept (then the tile shows
    the name in plain letters rather than a broken one)."""
    best: tuple | None = None

    def walk(start: int, pieces: list[str], score: int) -> None:
        nonlocal best
        rest = word[start:]
        if len(rest) <= letters:
            found = [*pieces, rest]
            sizes = [len(piece) for piece in found]
            rank = (len(found), -score, max(sizes) - min(sizes), -sizes[0])  # a tie: the longer first
            if best is None or rank < best[0]:
                best = (rank, found)
            return
        if best is not None and len(pieces) + 1 >= best[0][0]:
            return  # already more pieces than the best found
        for at in range(start + 1, min(start + letters, len(word) - 3) + 1):
            piece = word[start:at]
            piece = piece if piece.endswith("-") else piece + "-"
            good = break_score(word, at)
            if good and len(piece) <= letters and (at - start >= 3 or good == HYPHEN):
                walk(at, [*pieces, piece], score + good)

    walk(0, [], 0)
    return best[1] if best is not None else None


def poster_title(title: str, width: int) -> list[str] | None:
    """The title's rows in big letters at ``width`` columns; a word longer than a line is
    broken with a hyphen, as on a poster ("ANVÄNDAR- INTERVJU"), where a reader would
    break it. None when it still cannot be drawn big."""
    lines = big_lines(title, width)
    letters = (width + GAP) // CELL
    if lines is not None or letters < 6:
        return lines
    words: list[str] = []
    for word in title.split():
        pieces = [word] if len(word) <= letters else break_word(word, letters)
        if pieces is None:
            return None
        words += pieces
    return big_lines(" ".join(words), width)


STEP_INDENT = 4  # " 1. ": a step's wrapped lines start under its text


def step_text(n: int, step: Step, width: int, console: Console) -> Text:
    """Step ``n`` with its minutes in ``width`` columns: a long step wraps under its own
    text, not under its number, and the minutes stay whole (on the last line, or alone)."""
    room = max(1, width - STEP_INDENT)
    lines = [line.plain.rstrip() for line in Text(step.text).wrap(console, room)] or [""]
    minutes = f"({step.minutes} min)"
    if len(lines[-1]) + 2 + len(minutes) <= room:
        lines[-1] += "  "
    else:
        lines.append("")
    text = Text()
    for row, line in enumerate(lines):
        if row:
            text.append("\n")
        text.append(f"{n:>2}. " if row == 0 else " " * STEP_INDENT, style="bold")
        text.append(line)
    text.append(minutes, style="dim")
    return text


class CardTile(Widget, can_focus=True):
    COMPONENT_CLASSES = {"cardtile--title"}
    DEFAULT_CSS = """
    CardTile > .cardtile--title { color: $primary; text-style: bold; }
    CardTile { width: 1fr; height: 100%; background: $surface; border: round $foreground 40%; padding: 0 1; }
    CardTile:focus { border: thick $accent; }
    CardTile.-chosen { border: double $success; }  /* not the focus's thick frame: tells them apart without colour */
    CardTile.-chosen:focus { border: thick $accent; background: $boost; }
    """

    class Opened(Message):
        def __init__(self, slot: int) -> None:
            super().__init__()
            self.slot = slot

    def __init__(self, slot: int, card: Card, deck: Deck, t: Callable[..., str], *, chosen: bool = False) -> None:
        super().__init__(id=f"slot-{slot}")
        self.slot = slot
        self.card = card
        self.deck = deck
        self._t = t
        self.set_class(chosen, "-chosen")

    def show(self, card: Card, chosen: bool) -> None:
        self.card = card
        self.set_class(chosen, "-chosen")
        self.refresh()

    def render(self) -> Text:
        width, height = self.size
        question = self.question_card(width, height)
        if question is not None:
            return question
        body = self.body()
        big = self.big_header(width)
        if big is not None and self.rows(big, width) + 1 + self.rows(body, width) <= height:
            parts = [big, Text(), body]  # a blank row between the big title and the text
        else:
            header = self.small_header()
            # A small tile gives up the air above the purpose, then the method's public
            # name, before it lets the purpose run out of the tile.
            for tight in (1, 2):
                if self.rows(header, width) + self.rows(body, width) <= height:
                    break
                body = self.body(tight)
            parts = [header, body]
        room = height - sum(self.rows(part, width) for part in parts)
        return Text("\n").join(parts + self.extras(width, room))

    def extras(self, width: int, room: int) -> list[Text]:
        """What a large tile adds in its spare ``room`` rows, each after a blank row: the
        steps whole, else as many whole steps as fit and how many more the card has; what
        you need when it fits. Nothing is cut: a part that does not fit is left out."""
        card = self.card
        if not isinstance(card, MethodCard):
            return []
        materials = self.materials(card)
        steps = self.steps(card, len(card.steps), width) if card.steps else None
        if steps is not None and 1 + self.rows(steps, width) <= room:
            room -= 1 + self.rows(steps, width)
            fits = materials is not None and 1 + self.rows(materials, width) <= room
            return [Text(), steps, *([Text(), materials] if fits and materials else [])]
        extras: list[Text] = []
        if materials is not None and 1 + self.rows(materials, width) <= room:
            room -= 1 + self.rows(materials, width)
            extras = [Text(), materials]
        for shown in range(len(card.steps) - 1, 0, -1):
            some = self.steps(card, shown, width)
            if 1 + self.rows(some, width) <= room:
                return [Text(), some, *extras]
        return extras

    def steps(self, card: MethodCard, shown: int, width: int) -> Text:
        """The card's first ``shown`` steps with their minutes, and how many more it has;
        a long step wraps under its own text, not under its number."""
        text = Text()
        text.append(self._t("card.steps"), style="bold")
        for n, step in enumerate(card.steps[:shown], 1):
            text.append("\n")
            text.append_text(step_text(n, step, width, self.app.console))
        more = len(card.steps) - shown
        if more:
            text.append("\n" + " " * STEP_INDENT + self._t("deal200.more_steps", n=more), style="dim italic")
        return text

    def materials(self, card: MethodCard) -> Text | None:
        if not card.materials:
            return None
        text = Text()
        text.append(self._t("card.materials") + ": ", style="bold")
        text.append(", ".join(card.materials))
        return text

    def rows(self, text: Text, width: int) -> int:
        return len(text.wrap(self.app.console, max(1, width)))

    def chosen_mark(self) -> str:
        return self._t("deal.chosen")

    def small_header(self) -> Text:
        text = Text()
        text.append(f"{self.slot + 1}  ", style="bold")
        text.append(card_name(self.card), style="bold")
        if self.has_class("-chosen"):
            text.append(f"  [{self.chosen_mark()}]", style="bold")
        return text

    def roomy(self, width: int) -> bool:
        """Is the table roomy enough for big titles? Its narrowest tile decides, so one
        table never mixes big and small titles by the width of a tile."""
        table = [tile.size.width for tile in self.parent.children if isinstance(tile, CardTile)] if self.parent else []
        return (min(table, default=width) + GAP) // CELL >= MIN_BIG_LETTERS

    def number_row(self, width: int) -> Text:
        """The slot's number, and the chosen mark reversed, so it shows without colour."""
        text = Text(no_wrap=True, overflow="crop")
        number = f"{self.slot + 1}"
        text.append(number, style="bold")
        if self.has_class("-chosen"):
            mark = f" {self.chosen_mark().upper()} "
            text.append(" " * max(1, width - len(number) - len(mark)))
            text.append(mark, style="bold reverse")
        return text

    def big_header(self, width: int) -> Text | None:
        """The number row, then the title in big letters, centred; None when the table
        is not roomy or the title cannot be drawn big at this width."""
        lines = poster_title(card_name(self.card), width) if self.roomy(width) else None
        if lines is None:
            return None
        title_style = self.get_component_rich_style("cardtile--title")
        text = self.number_row(width)
        for line in lines:
            text.append("\n")
            text.append(" " * max(0, (width - len(line)) // 2) + line, style=title_style)
        return text

    def question_card(self, width: int, height: int) -> Text | None:
        """A question on a roomy table: too long for big letters, so it is set like a
        printed question card, centred in the tile in the title's colour, with its time,
        audience and principles under it. None when it does not fit whole."""
        card = self.card
        if not isinstance(card, ReflectionCard) or not self.roomy(width):
            return None
        console = self.app.console
        question = Text(card.question, style=self.get_component_rich_style("cardtile--title"))
        # Lines of even length, as a printed card sets them: the narrowest measure that
        # takes no more lines than the tile's width does.
        measure = min(width, 72)
        rows = len(question.wrap(console, measure))
        while measure > 20 and len(question.wrap(console, measure - 1)) == rows:
            measure -= 1
        set_lines = [line.plain.strip() for line in question.wrap(console, measure)]
        body = Text("\n".join(set_lines), style=question.style)
        body.append("\n\n" + card_facts(card, self.deck, self._t), style="")
        names = principle_names(card, self.deck)
        if names:
            body.append("\n" + ", ".join(names), style="dim")
        lines = body.wrap(console, width, justify="center")
        top = (height - len(lines)) // 2  # rows above the question, the number's row among them
        if top < 2:
            return None
        return Text("\n").join([self.number_row(width), *[Text()] * (top - 1), *lines])

    def body(self, tight: int = 0) -> Text:
        """Method name, facts, principles and purpose; ``tight`` 1 leaves out the blank row
        before the purpose, 2 the method name too."""
        card, t = self.card, self._t
        text = Text()
        method = getattr(card, "method", "")
        if adds_to(method, getattr(card, "title", "")) and tight < 2:  # as the card screen does
            text.append(method + "\n", style="italic")
        text.append(card_facts(card, self.deck, t, short=True) + "\n")
        names = principle_names(card, self.deck)
        if names:
            text.append(", ".join(names) + "\n", style="dim")
        purpose = getattr(card, "purpose", "") or getattr(card, "why", "")
        if purpose:
            text.append(purpose if tight else "\n" + purpose)
        text.rstrip()
        return text

    def on_click(self, event: Click) -> None:
        # A click or a tap opens the card (touch screens have no double click).
        self.focus()
        self.post_message(self.Opened(self.slot))
