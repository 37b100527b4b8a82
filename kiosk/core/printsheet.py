"""A deck as a printable HTML sheet: A4, four cards a side, dashed cut lines.

For method cards each sheet is two pages. The front carries what a group needs in the room
(purpose, group size, the question, the steps); the back carries what the facilitator needs
beforehand (outcome, preparation, tip, source). Printed on both sides, flipped on the long
edge, each back lands behind its front: the backs of a row are in mirrored order. Reflection
and challenge cards fit on one side, so their decks print single-sided.

Every text comes from a deck file and is escaped; nothing in it is read as HTML.
"""

from __future__ import annotations

from html import escape

from .card_list import card_number
from .deck import Card, ChallengeCard, Deck, MethodCard, ReflectionCard
from .i18n import t
from .text import adds_to

CARDS_PER_SIDE = 4  # two columns, two rows
MIRRORED = (1, 0, 3, 2)  # where the back of card i sits on the back page

STYLE = """
@page { size: A4; margin: 8mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.2pt;
       line-height: 1.28; color: #000; font-variant-ligatures: none; }  /* a PDF stays searchable */
.sheet { width: 194mm; height: 281mm; display: grid; grid-template-columns: 97mm 97mm;
         grid-template-rows: 140.5mm 140.5mm; break-after: page; page-break-after: always;
         overflow: hidden; }
.sheet:last-of-type { break-after: auto; page-break-after: auto; }
.card { border: 0.3mm dashed #777; padding: 5mm 5.5mm; overflow: hidden; position: relative; }
.card.empty { border-color: transparent; }
.card.overflow { outline: 1.2mm solid #c00; outline-offset: -1.2mm; }
h2 { font-size: 13.5pt; margin: 0 0 0.6mm; }
.method { font-style: italic; margin: 0 0 1.5mm; color: #333; }
.facts { font-weight: bold; margin: 1.5mm 0 0.5mm; }
.phase, .principles, .deck { color: #333; margin: 0 0 1mm; }
.label { font-weight: bold; }
p { margin: 0 0 1.6mm; }
ol { margin: 0.6mm 0 1.6mm; padding-left: 5mm; }
li { margin: 0 0 0.6mm; }
.min { color: #444; white-space: nowrap; }
.back h2 { font-size: 10.5pt; }
.question { font-size: 12pt; font-weight: bold; margin: 2mm 0 3mm; }
.deck { position: absolute; bottom: 3.5mm; left: 5.5mm; right: 5.5mm; font-size: 6.8pt; }
.note { font-family: sans-serif; margin: 4mm; }
@media print { .note { display: none; } }
"""

# Marks a card whose text does not fit its box, so it is noticed before printing.
CHECK_FIT = """
addEventListener("load", function () {
  var cards = document.querySelectorAll(".card");
  for (var i = 0; i < cards.length; i++) {
    if (cards[i].scrollHeight > cards[i].clientHeight + 1) cards[i].classList.add("overflow");
  }
});
"""


def _p(label: str, value: str) -> str:
    if not value:
        return ""
    return f'<p><span class="label">{escape(label)}:</span> {escape(value)}</p>'


def _group(card: MethodCard, lang: str) -> str:
    group = f"{card.group_min}" if card.group_min == card.group_max else f"{card.group_min}-{card.group_max}"
    key = "deck2.facts_parallel" if card.parallel else "deck2.facts_one_group"
    return t(lang, key, minutes=card.minutes, group=group)


def _principles(card: Card, deck: Deck) -> str:
    names = []
    for pid in getattr(card, "principles", ()):
        try:
            names.append(deck.model.principle(pid).name if deck.model else pid)
        except KeyError:
            names.append(pid)
    return ", ".join(names)


def front(card: Card, deck: Deck, used: Deck | None = None) -> str:
    lang = deck.language
    parts = []
    if isinstance(card, MethodCard):
        parts.append(f"<h2>{escape(card.title)}</h2>")
        if adds_to(card.method, card.title):
            parts.append(f'<div class="method">{escape(card.method)}</div>')
        parts.append(f"<p>{escape(card.purpose)}</p>")
        parts.append(f'<div class="facts">{escape(_group(card, lang))}</div>')
        parts.append(f'<div class="phase">{escape(deck.phase_name(card.phase))}</div>')
        parts.append(_p(t(lang, "deck2.question"), card.question))
        steps = "".join(f'<li>{escape(s.text)} <span class="min">({s.minutes} min)</span></li>' for s in card.steps)
        parts.append(f'<div class="label">{escape(t(lang, "card.steps"))}</div><ol>{steps}</ol>')
        if card.materials:
            parts.append(_p(t(lang, "card.materials"), ", ".join(card.materials)))
        if card.place == "field":
            parts.append(f"<p><i>{escape(t(lang, 'card.field'))}</i></p>")
    elif isinstance(card, ReflectionCard):
        model = deck.model or (used.model if used else None)
        practice = next((p.name for p in (model.practices if model else ()) if p.id == card.practice), "")
        parts.append(f"<h2>{escape(practice or t(lang, 'card.reflection'))}</h2>")
        parts.append(f'<p class="question">{escape(card.question)}</p>')
        facts = t(lang, "card.reflection_facts", minutes=card.minutes, audience=t(lang, f"audience.{card.audience}"))
        parts.append(f'<div class="facts">{escape(facts)}</div>')
        names = _principles(card, deck if deck.model else (used or deck))
        if names:
            parts.append(_p(t(lang, "card.principles"), names))
    elif isinstance(card, ChallengeCard):
        parts.append(f'<h2 class="question">{escape(card.title)}</h2>')
        parts.append(f"<p>{escape(card.why)}</p>")
        parts.append(f"<p>{escape(card.measure)}</p>")
        titles = []
        for cid in card.cards:
            try:
                titles.append(used.method(cid).title if used else cid)
            except KeyError:
                titles.append(cid)
        parts.append(_p(t(lang, "deck2.helps"), ", ".join(titles)))
    return f'<div class="card front" data-id="{escape(card.id)}">{"".join(parts)}</div>'


def back(card: Card, deck: Deck) -> str:
    lang = deck.language
    title = getattr(card, "title", "") or t(lang, "card.reflection")
    parts = [f"<h2>{escape(title)}</h2>"]
    if isinstance(card, MethodCard):
        parts.append(_p(t(lang, "deck2.outcome"), card.outcome))
        parts.append(_p(t(lang, "deck2.prepare"), card.prepare))
        parts.append(_p(t(lang, "deck2.tip"), card.tip))
        parts.append(_p(t(lang, "deck2.source"), card.source))
    names = _principles(card, deck)
    if names:
        parts.append(_p(t(lang, "card.principles"), names))
    parts.append(
        f'<div class="deck">{escape(deck.title)} · {t(lang, "deck2.number", n=card_number(card, deck))}'
        f" · {escape(deck.licence)}</div>"
    )
    return f'<div class="card back" data-id="{escape(card.id)}">{"".join(parts)}</div>'


def sheet_html(deck: Deck, used: Deck | None = None) -> str:
    """The whole deck as one HTML document, ready for a browser's print dialogue. ``used``
    is the deck named by ``uses`` (its model and card titles), when there is one."""
    cards = list(deck.cards)
    sheets = []
    empty = '<div class="card empty"></div>'
    two_sided = bool(deck.methods)
    for start in range(0, len(cards), CARDS_PER_SIDE):
        group = cards[start : start + CARDS_PER_SIDE]
        fronts = [front(c, deck, used) for c in group] + [empty] * (CARDS_PER_SIDE - len(group))
        sheets.append(f'<section class="sheet">{"".join(fronts)}</section>')
        if two_sided:
            backs_in_order = [back(c, deck) for c in group] + [empty] * (CARDS_PER_SIDE - len(group))
            backs = [backs_in_order[MIRRORED[i]] for i in range(CARDS_PER_SIDE)]
            sheets.append(f'<section class="sheet">{"".join(backs)}</section>')
    note = escape(t(deck.language, "deck2.print_note" if two_sided else "deck2.print_note_one_side"))
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(deck.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(deck.title)}</title><style>{STYLE}</style><script>{CHECK_FIT}</script></head>"
        f'<body><p class="note">{note}</p>{"".join(sheets)}</body></html>\n'
    )
