"""The link decoder under attack: at least 100,000 crafted and mutated links, and the only
thing that may come out is a plan or a LinkError (reliability trial rows 1a-1h)."""

from __future__ import annotations

import random
import time
import tomllib
import zlib
from datetime import UTC, date, datetime

from kiosk.core import base43
from kiosk.core.link import LinkCodec, LinkError, encode_payload
from kiosk.core.linkformat import ACTION_FIELDS, BitWriter, dictionary
from kiosk.core.plan import Action, Plan
from kiosk.core.shelf import Shelf
from tests.conftest import ROOT

SHELF = Shelf(ROOT / "decks")
CODEC = LinkCodec(SHELF.all_decks())
DECK = SHELF.get("innovationslek", "sv")
FIXTURE = tomllib.loads((ROOT / "tests" / "fixtures" / "links-format1.toml").read_text(encoding="utf-8"))["links"]
CASES = 100_000


def seed_payloads() -> list[bytes]:
    plan = Plan(
        deck=DECK.id,
        language="sv",
        mode="workshop",
        created=datetime(2026, 11, 24, 9, 30, tzinfo=UTC),
        cards=list(DECK.card_ids[:5]),
        votes={p: [0, 2, 30, 2, 1] for p in DECK.require_model().principle_ids} | {"level": [3, 1, 4]},
        actions=[Action(what="Testa blanketten", who="Åsa")],
        follow_up=date(2027, 1, 15),
        team="Bygglov",
        challenge="halvera-handlaggningstid",
    )
    seeds = [base43.decode(encode_payload(plan, DECK))]
    seeds += [base43.decode(entry["link"].split("#")[1]) for entry in FIXTURE[::8]]
    return seeds


def _packed_texts(actions: int) -> bytes:
    texts = ["Team", "", ""] + ["Gör"] * len(ACTION_FIELDS) * actions
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, dictionary("sv"))
    return packer.compress("\n".join(texts).encode()) + packer.flush()


PACKED_TEXTS = [_packed_texts(n) for n in range(3)]


def random_head(rng: random.Random) -> bytes:
    """Format 2 with random head bits of a plausible length, then valid deflated texts: this
    reaches every field reader, including the dates."""
    head = rng.getrandbits(rng.randrange(8, 200)).to_bytes(25, "big")[: rng.randrange(1, 26)]
    return b"\x02" + head + rng.choice(PACKED_TEXTS)


def crafted_fields(rng: random.Random) -> bytes:
    """Format 2 written field by field with extreme values (real deck key, random rest)."""
    w = BitWriter()
    w.put("language", rng.choice([0, 493, 675, rng.randrange(1024)]))
    w.put("mode", rng.randrange(16))
    w.put("deck", rng.choice([rng.randrange(1 << 16), zlib.crc32(b"innovationslek") & 0xFFFF]))
    w.put("created", rng.choice([0, (1 << 25) - 1, rng.randrange(1 << 25)]))
    w.put("has_follow_up", 1)
    w.put("follow_up", rng.choice([0, 4095, rng.randrange(4096)]))
    w.put("card_count", rng.choice([0, 3, 9, 1 << 20]))
    for _ in range(rng.randrange(4)):
        w.put("card", rng.choice([0, 44, 45, 1 << 30]))
    w.put("principle_count", rng.randrange(32))
    return b"\x02" + w.to_bytes() + bytes(rng.getrandbits(8) for _ in range(rng.randrange(0, 40)))


def crafted_v1(rng: random.Random, body: bytes) -> bytes:
    """Format 1: a real body with a mutated part, deflated again (reaches the parser)."""
    data = bytearray(body)
    for _ in range(rng.randrange(1, 4)):
        pos = rng.randrange(len(data))
        if rng.random() < 0.5:
            data[pos : pos + 1] = rng.choice([b"\xff\xff\xff\xff\x7f", b"\x80\x80\x80\x80\x40", b"\xff" * 6])
        else:
            data[pos] = rng.getrandbits(8)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return b"\x01" + packer.compress(bytes(data)) + packer.flush()


def mutate(rng: random.Random, raw: bytes) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randrange(1, 5)):
        choice = rng.random()
        pos = rng.randrange(len(data) + 1)
        if choice < 0.4 and data:
            data[min(pos, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif choice < 0.6:
            data.insert(pos, rng.getrandbits(8))
        elif choice < 0.8 and len(data) > 1:
            del data[min(pos, len(data) - 1)]
        else:
            del data[pos:]
            data += b"\x00" * rng.randrange(3)
    return bytes(data) or b"\x02"


def test_decoder_raises_only_link_errors():
    rng = random.Random(20261125)
    seeds = seed_payloads()
    v1_bodies = [zlib.decompress(s[1:], -15) for s in seeds if s[0] == 1]
    seed_texts = [base43.encode(seed) for seed in seeds]
    alphabet = base43.ALPHABET + "abc#%~ "
    started = time.perf_counter()
    kinds = {
        "random text": 0,
        "mutated text": 0,
        "mutated bytes": 0,
        "random head": 0,
        "crafted fields": 0,
        "format 1 bodies": 0,
    }
    opened = 0
    for case in range(CASES):
        kind = case % 6
        if kind == 0:
            payload = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
            name = "random text"
        elif kind == 1:
            text = list(rng.choice(seed_texts))
            for _ in range(rng.randrange(1, 4)):
                text[rng.randrange(len(text))] = rng.choice(base43.ALPHABET)
            payload, name = "".join(text), "mutated text"
        else:
            if kind == 2:
                raw, name = mutate(rng, rng.choice(seeds)), "mutated bytes"
            elif kind == 3:
                raw, name = random_head(rng), "random head"
            elif kind == 4:
                raw, name = crafted_fields(rng), "crafted fields"
            else:
                raw, name = crafted_v1(rng, rng.choice(v1_bodies)), "format 1 bodies"
            payload = base43.encode(raw)
        kinds[name] += 1
        try:
            CODEC.decode_payload(payload)
            opened += 1
        except LinkError:
            pass
        except Exception as exc:  # the bug this test exists for
            raise AssertionError(f"{name} case {case}: {type(exc).__name__}: {exc}; payload {payload!r}") from exc
    elapsed = time.perf_counter() - started
    assert sum(kinds.values()) >= 100_000 and min(kinds.values()) > 15_000
    assert opened < CASES // 2  # most crafted links must be refused, not read as something
    print(f"{CASES} links in {elapsed:.1f} s, {opened} opened, the rest refused")


def test_huge_and_bomb_links_are_refused_quickly():
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = bomb.compress(b"\x00" * (8 << 20)) + bomb.flush()
    for raw in (b"\x01" + body, b"\x02\x00\x00" + body):
        try:
            CODEC.decode_payload(base43.encode(raw))
        except LinkError:
            pass
        else:
            raise AssertionError("a deflate bomb opened")
