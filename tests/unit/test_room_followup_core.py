"""A follow-up's review (done / not done / dropped per earlier action) is part of the new
plan: its document, the database, the export, `plan show` and the link (an addition to
format 2 that leaves every other link as it was). summary.md speaks the configured language."""

from __future__ import annotations

import zlib
from datetime import UTC, date, datetime

import pytest

from kiosk.core import base43, linkformat
from kiosk.core.export import export_all
from kiosk.core.i18n import labels, t
from kiosk.core.link import LinkCodec, LinkError, encode_payload
from kiosk.core.plan import Action, Plan, PlanError, Reviewed
from kiosk.core.plan_text import plan_text
from kiosk.core.session import Session, SessionSettings
from kiosk.core.shelf import Shelf
from kiosk.core.store import Store

SHELF = Shelf()
DECK = SHELF.get("innovationslek", "sv")
IDS = DECK.require_model().principle_ids
CODEC = LinkCodec(SHELF.all_decks())

# Written by the encoder of main before the review existed: a plan without a review must
# still be exactly this link, byte for byte.
BEFORE_REVIEW = (
    "WE0Z$A3$NS5IJ7I-V1YHZ:$6/UD5JR$N26G03X4KQXVOPD2QJTA7+43OP8WHOY0426ULMYAJO/TD6SSTV*LXRVVJ3B9N2.6XBS3A*8*F6"
)
# The additions to format 2, each pinned: an addition never changes once made.
PINNED_ADDITIONS = {"review": "c282431859a502fb"}


def follow_up_plan(**changes) -> Plan:
    plan = Plan(
        deck="innovationslek",
        language="sv",
        mode="followup",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=["fragestorm"],
        votes={"level": [1, 0, 1], **{q: [0, 1, 1, 0, 0] for q in IDS}},
        actions=[Action(what="Bjud in invånare", who="Anna"), Action(what="Mät väntetiden")],
        follow_up=date(2027, 1, 15),
        team="Bygglov",
        follows="K949Y4",
    )
    for key, value in changes.items():
        setattr(plan, key, value)
    return plan


REVIEW = [
    Reviewed("Prova nytt formulär", "done"),
    Reviewed("Bjud in invånare", "not_done"),
    Reviewed("Skriv [b]rutin[/b]", "dropped"),
]


def test_the_review_is_kept_in_the_plans_document():
    plan = follow_up_plan(review=list(REVIEW))
    text = plan.to_toml()
    assert "review = [" in text and 'status = "dropped"' in text
    assert Plan.from_toml(text).review == REVIEW
    assert "review" not in follow_up_plan().to_dict()  # a plan without one writes nothing new


@pytest.mark.parametrize(
    "review, problem",
    [
        ([Reviewed("Prova", "half_done")], "status 'half_done'"),
        ([Reviewed("  ", "done")], "'what' is empty"),
        ([Reviewed("x\ny", "done")], "must be one line"),
        ([Reviewed("Prova", "done")] * 6, "6 reviewed actions"),
    ],
)
def test_a_review_the_plan_cannot_hold_is_refused(review, problem):
    with pytest.raises(PlanError, match=problem):
        follow_up_plan(review=review).check()


def test_a_plan_file_with_an_unknown_review_field_is_refused():
    text = follow_up_plan(review=list(REVIEW)).to_toml().replace('status = "done" }', 'status = "done", by = "x" }', 1)
    with pytest.raises(PlanError, match="unknown review field"):
        Plan.from_toml(text)


def test_the_review_reaches_the_database_the_export_and_plan_show(tmp_path):
    store = Store.open(tmp_path / "data")
    first = Session(store=store, deck=DECK, settings=SessionSettings(mode="workshop", team="Bygglov"))
    first.cast({"level": "limited", **{p: 2 for p in IDS}})
    earlier = [Action(what="Bjud in invånare"), Action(what="Mät väntetiden"), Action(what="Skriv om brevet")]
    code = first.save_plan(first.make_plan(earlier, None))
    again = Session(store=store, deck=DECK, settings=SessionSettings(mode="followup", team="Bygglov", follows=code))
    again.cast({"level": "both", **{p: 3 for p in IDS}})
    again.save_review(["done", "not_done", "dropped"], earlier)
    new_code = again.save_plan(again.make_plan([Action(what="Mät väntetiden")], None))
    stored = store.plan(new_code)
    assert stored is not None
    assert [(r.what, r.status) for r in stored.review] == [
        ("Bjud in invånare", "done"),
        ("Mät väntetiden", "not_done"),
        ("Skriv om brevet", "dropped"),
    ]

    export_all(store, tmp_path / "en", deck=DECK, language="en")
    document = (tmp_path / "en" / "plans" / f"{new_code}.toml").read_text(encoding="utf-8")
    assert Plan.from_toml(document).review == stored.review
    summary = (tmp_path / "en" / "summary.md").read_text(encoding="utf-8")
    assert "# Innovationslek: summary" in summary
    assert "| Follow-up | 1 | 1 | 100 % |" in summary and "| Workshop | 1 | 1 | 100 % |" in summary
    assert f"- Plan {new_code} (Bygglov) follows up plan {code}:" in summary
    assert "  - Skriv om brevet: Dropped" in summary and "  - Bjud in invånare: Done" in summary

    export_all(store, tmp_path / "sv", deck=DECK)  # Swedish by default
    summary = (tmp_path / "sv" / "summary.md").read_text(encoding="utf-8")
    assert "# Innovationslek: sammanfattning" in summary and "summary" not in summary
    assert "| läge | sessioner | genomförda | andel genomförda |" in summary
    assert "| Uppföljning | 1 | 1 | 100 % |" in summary and "| Teamavstämning | 0 | 0 | - |" in summary
    assert "  - Mät väntetiden: Inte klar" in summary and "Medelvärde per princip" in summary

    shown = plan_text(stored, DECK, labels("sv"))
    assert f"Så gick det med plan {code}" in shown and "- Struken: Skriv om brevet" in shown
    store.close()


def test_every_language_has_the_words_of_summary_md(tmp_path):
    store = Store.open(tmp_path / "data")
    for language, title in (("nb", "sammendrag"), ("da", "opsummering")):
        export_all(store, tmp_path / language, deck=DECK, language=language)
        summary = (tmp_path / language / "summary.md").read_text(encoding="utf-8")
        assert title in summary and f"| {t(language, 'mode.followup')} | 0 | 0 | - |" in summary
    store.close()


# -- the link ------------------------------------------------------------------------------
def texts_of(payload: str) -> list[str]:
    """The texts a format-2 link carries after its head (what an old reader counts)."""
    raw = base43.decode(payload)
    for start in range(2, len(raw)):  # the head's length depends on the plan: find the deflate stream
        try:
            unpacker = zlib.decompressobj(-15, linkformat.dictionary("sv"))
            data = unpacker.decompress(raw[start:])
        except zlib.error:
            continue
        if unpacker.eof and not unpacker.unused_data:
            texts = data.decode("utf-8").split("\n")
            if texts[:3] == ["Bygglov", "", "K949Y4"]:
                return texts
    raise AssertionError("no texts found")


def test_a_link_without_a_review_is_the_link_it_was():
    assert encode_payload(follow_up_plan(), DECK) == BEFORE_REVIEW
    plan = CODEC.decode_payload(BEFORE_REVIEW)
    assert plan.review == [] and [a.what for a in plan.actions] == ["Bjud in invånare", "Mät väntetiden"]


def test_the_review_travels_in_the_link():
    payload = encode_payload(follow_up_plan(review=list(REVIEW)), DECK)
    assert base43.decode(payload)[0] == 2  # still format 2
    plan = CODEC.decode_payload(payload)
    assert plan.review == REVIEW and plan.follows == "K949Y4"
    texts = texts_of(payload)
    # An old reader counts 3 + 5 per action and finds more: it refuses the link, never misreads it.
    assert len(texts) == 3 + 5 * 2 + 1 + 2 * len(REVIEW)
    assert texts[13] == "+review 3" and texts[14:16] == ["done", "Prova nytt formulär"]


def test_the_additions_are_pinned(monkeypatch):
    assert linkformat.addition_hashes() == PINNED_ADDITIONS
    assert list(linkformat.ADDITIONS)[0] == "review"
    changed = {"review": {"fields": ("what", "status"), "status": ("done", "not_done", "dropped")}}
    monkeypatch.setattr(linkformat, "ADDITIONS", changed)
    assert linkformat.addition_hashes() != PINNED_ADDITIONS  # swapping two fields is caught


def forged(texts: list[str]) -> str:
    """The link of follow_up_plan() with ``texts`` deflated in place of its own texts."""
    raw = base43.decode(BEFORE_REVIEW)
    good = texts_of(BEFORE_REVIEW)
    for start in range(2, len(raw)):  # where the deflate stream starts
        unpacker = zlib.decompressobj(-15, linkformat.dictionary("sv"))
        try:
            found = unpacker.decompress(raw[start:]).decode("utf-8").split("\n")
        except (zlib.error, UnicodeDecodeError):
            continue
        if found == good and unpacker.eof:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, linkformat.dictionary("sv"))
            body = packer.compress("\n".join(texts).encode("utf-8")) + packer.flush()
            return base43.encode(raw[:start] + body)
    raise AssertionError("no texts found")


@pytest.mark.parametrize(
    "extra, key",
    [
        (["+review 1", "done", "Prova"], None),  # the forger itself works
        (["+budget 1", "x", "y"], "link.newer"),  # an addition this kiosk does not know
        (["Prova"], "link.damaged"),  # a stray text after the actions
        (["+review 0"], "link.damaged"),
        (["+review 2", "done", "Prova"], "link.damaged"),  # cut short
        (["+review 1", "half", "Prova"], "link.damaged"),
        (["+review 01", "done", "Prova"], "link.damaged"),
        (["+review 1", "done", "Prova", "+review 1", "done", "Igen"], "link.damaged"),
        (["+review 1", "done", "\x1b[2J"], "link.damaged"),  # text the kiosk refuses
    ],
)
def test_a_damaged_or_newer_addition_is_refused(extra, key):
    payload = forged([*texts_of(BEFORE_REVIEW), *extra])
    if key is None:
        assert CODEC.decode_payload(payload).review == [Reviewed("Prova", "done")]
        return
    with pytest.raises(LinkError) as refused:
        CODEC.decode_payload(payload)
    assert refused.value.key == key
