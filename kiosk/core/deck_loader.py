"""Load and validate deck files (``decks/<id>.<lang>.toml``).

``load_deck`` checks one file on its own; ``load_decks`` also checks what crosses files:
a challenge's suggested cards may live in the deck named by ``uses``, and the language
files of one deck must carry the same card ids in the same order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from .deck import (
    AUDIENCES,
    LANGUAGES,
    LIMITS,
    PHASE_ROLES,
    PLACES,
    SCALE_STEPS,
    Card,
    ChallengeCard,
    Deck,
    Level,
    MethodCard,
    Model,
    Phase,
    Practice,
    Principle,
    ReflectionCard,
    Step,
)
from .fields import Fields
from .problems import FileProblems, Problem
from .tomlfile import TomlSource, read_toml

SCHEMA = 1
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,47}$")


def load_deck(path: Path | str) -> tuple[Deck | None, list[Problem]]:
    source, data, problems = read_toml(path)
    if data is None or source is None:
        return None, problems
    deck = _DeckReader(source, problems).read(data)
    return deck, problems


def load_decks(
    paths: Sequence[Path | str], loaded: Mapping[Path, Deck] | None = None
) -> tuple[list[Deck], list[Problem]]:
    """Load several deck files and check the references between them. A deck named in
    ``uses`` but not among ``paths`` is looked for beside the file that uses it, and taken
    from ``loaded`` (decks already read, by path) when it is there."""
    decks: list[Deck] = []
    problems: list[Problem] = []
    for path in paths:
        deck, found = load_deck(path)
        problems.extend(found)
        if deck is not None:
            decks.append(deck)
    by_key = {(d.id, d.language): d for d in decks}
    for deck in list(decks):
        if deck.uses and (deck.uses, deck.language) not in by_key:
            beside = Path(deck.path).parent / f"{deck.uses}.{deck.language}.toml"
            used = (loaded or {}).get(beside) or load_deck(beside)[0]
            if used is not None:
                by_key[(used.id, used.language)] = used
    for deck in decks:
        problems.extend(_check_references(deck, by_key))
    problems.extend(_check_languages(decks))
    return decks, problems


def load_deck_strict(path: Path | str) -> Deck:
    """Load one deck for the app: raise :class:`FileProblems` when anything is wrong."""
    decks, problems = load_decks([path])
    if problems or not decks:
        raise FileProblems(problems or [Problem(str(path), 0, "no deck in file")])
    return decks[0]


def _check_references(deck: Deck, by_key: dict[tuple[str, str], Deck]) -> list[Problem]:
    source = TomlSource(deck.path, Path(deck.path).read_text(encoding="utf-8-sig"))
    problems: list[Problem] = []
    used = by_key.get((deck.uses, deck.language)) if deck.uses else None
    if deck.uses and used is None:
        problems.append(
            source.problem(
                source.key_line("uses", source.table_span("deck")),
                f"[deck], field 'uses': deck '{deck.uses}' in language '{deck.language}' not found "
                f"(expected {deck.uses}.{deck.language}.toml beside this file)",
            )
        )
    model = deck.model or (used.model if used else None)
    method_ids = {c.id for c in deck.methods} | ({c.id for c in used.methods} if used else set())
    principle_ids = set(model.principle_ids) if model else set()
    for card in deck.methods + deck.reflections:
        span = source.entry_range("cards" if card.kind == "method" else "reflections", anchor_id=card.id)
        for pid in card.principles:
            if model is not None and pid not in principle_ids:
                problems.append(
                    source.problem(
                        source.key_line("principles", span),
                        f"{card.kind} card '{card.id}', field 'principles': unknown principle '{pid}' "
                        f"(known: {', '.join(sorted(principle_ids))})",
                    )
                )
    if deck.reflections and model is None:
        problems.append(source.problem(0, "reflection cards need a [model] (or 'uses' of a deck with one)"))
    for challenge in deck.challenges if not (deck.uses and used is None) else ():  # said once above
        span = source.entry_range("challenges", anchor_id=challenge.id)
        for cid in challenge.cards:
            if cid not in method_ids:
                problems.append(
                    source.problem(
                        source.key_line("cards", span),
                        f"challenge card '{challenge.id}', field 'cards': no method card '{cid}' in this deck"
                        + (f" or in '{deck.uses}'" if deck.uses else ""),
                    )
                )
    return problems


def _check_languages(decks: list[Deck]) -> list[Problem]:
    """The language files of one deck must share their ids, in the same order."""
    problems: list[Problem] = []
    groups: dict[str, list[Deck]] = {}
    for deck in decks:
        groups.setdefault(deck.id, []).append(deck)
    for group in groups.values():
        first = group[0]
        for other in group[1:]:
            if other.language == first.language:
                problems.append(Problem(other.path, 0, f"[deck]: same deck id and language as {first.path}"))
                continue
            if other.card_ids != first.card_ids:
                missing = sorted(set(first.card_ids) - set(other.card_ids))
                extra = sorted(set(other.card_ids) - set(first.card_ids))
                detail = []
                if missing:
                    detail.append(f"missing {', '.join(missing)}")
                if extra:
                    detail.append(f"not in {first.language}: {', '.join(extra)}")
                if not detail:
                    detail.append("the same ids in another order")
                problems.append(
                    Problem(
                        other.path,
                        0,
                        f"[deck]: card ids differ from {first.path} ({'; '.join(detail)})",
                    )
                )
            if other.version != first.version:
                problems.append(Problem(other.path, 0, f"[deck]: version {other.version} differs from {first.path}"))
    return problems


class _DeckReader:
    def __init__(self, source: TomlSource, problems: list[Problem]):
        self.source = source
        self.problems = problems

    def fields(self, table: object, where: str, span: tuple[int, int] | None) -> Fields:
        return Fields(self.source, table, self.problems, where=where, span=span)

    def check_id(self, f: Fields, value: str) -> None:
        if value and not _ID_RE.match(value):
            f.report("id", f"'{value}' must be lower-case letters, digits, '-' or '_' (at most 48)")

    def read(self, data: dict) -> Deck:
        src = self.source
        top = self.fields(data, "file", src.table_span(""))
        schema = top.integer("schema", minimum=1)
        if schema and schema != SCHEMA:
            top.report("schema", f"is {schema}; this version of the kiosk reads schema {SCHEMA}")
        meta = self.fields(top.table_at("deck"), "[deck]", src.table_span("deck"))
        deck_id = meta.text("id")
        self.check_id(meta, deck_id)
        version = meta.integer("version", minimum=1, default=1)
        language = meta.choice("language", LANGUAGES, default="sv")
        title = meta.text("title", max_len=LIMITS.name)
        description = meta.text("description", max_len=LIMITS.description * 2)
        provenance = meta.text("provenance", max_len=600)
        licence = meta.text("licence", max_len=200)
        uses = meta.text("uses", required=False)
        meta.finish()
        model = self.read_model(top.table_at("model", required=False)) if "model" in data else None
        phases = tuple(self.read_phase(t, i) for i, t in enumerate(top.tables("phases", required=False)))
        phase_ids = {p.id for p in phases}
        methods = tuple(self.read_method(t, i, phase_ids) for i, t in enumerate(top.tables("cards", required=False)))
        reflections = tuple(
            self.read_reflection(t, i, model) for i, t in enumerate(top.tables("reflections", required=False))
        )
        challenges = tuple(self.read_challenge(t, i) for i, t in enumerate(top.tables("challenges", required=False)))
        top.finish()
        if model is None and not uses:
            self.problems.append(src.problem(0, "the deck needs a [model] or a 'uses' naming a deck that has one"))
        if not (methods or reflections or challenges):
            self.problems.append(src.problem(0, "the deck has no cards ([[cards]], [[reflections]] or [[challenges]])"))
        cards: tuple[Card, ...] = (*methods, *reflections, *challenges)
        self.check_duplicates([c.id for c in cards], "card")
        if model is not None:
            self.check_duplicates([p.id for p in model.principles], "principle")
        self.check_duplicates([p.id for p in phases], "phase")
        return Deck(
            id=deck_id,
            version=version,
            language=language,
            title=title,
            description=description,
            provenance=provenance,
            licence=licence,
            model=model,
            phases=phases,
            methods=methods,
            reflections=reflections,
            challenges=challenges,
            uses=uses,
            path=src.path,
        )

    def check_duplicates(self, ids: list[str], what: str) -> None:
        for dup, n in Counter(ids).items():
            if dup and n > 1:
                lines = self.source.id_lines.get(dup, [])  # indexed once: linear in the file
                line = lines[1] if len(lines) > 1 else (lines[0] if lines else 0)
                message = f"{what} '{dup}', field 'id': used {n} times; ids must be unique"
                self.problems.append(self.source.problem(line, message))

    def read_model(self, table: dict) -> Model:
        src = self.source
        f = self.fields(table, "[model]", src.table_span("model"))
        model_id = f.text("id")
        self.check_id(f, model_id)
        name = f.text("name", max_len=LIMITS.name)
        question = f.text("question", max_len=LIMITS.question)
        scale = f.text_list("scale", max_len=LIMITS.scale_label)
        if scale and len(scale) != SCALE_STEPS:
            f.report("scale", f"has {len(scale)} labels; needs exactly {SCALE_STEPS}, from weakest to strongest")
        levels_raw = f.tables("levels", required=False)
        both = f.text("both", required=bool(levels_raw), max_len=LIMITS.scale_label)
        principles = []
        for i, t in enumerate(f.tables("principles")):
            span = src.entry_range("model.principles", nth=i)
            pid = t.get("id", "") if isinstance(t, dict) else ""
            pf = self.fields(t, f"principle '{pid}'" if pid else f"principle #{i + 1}", span)
            pid = pf.text("id")
            self.check_id(pf, pid)
            principles.append(
                Principle(
                    id=pid,
                    name=pf.text("name", max_len=LIMITS.name),
                    short=pf.text("short", max_len=LIMITS.short),
                    description=pf.text("description", required=False, max_len=LIMITS.description),
                )
            )
            pf.finish()
        if not principles:
            f.report("principles", "the model needs at least one principle")
        levels = []
        for i, t in enumerate(levels_raw):
            span = src.entry_range("model.levels", nth=i)
            lid = t.get("id", "") if isinstance(t, dict) else ""
            lf = self.fields(t, f"level '{lid}'" if lid else f"level #{i + 1}", span)
            lid = lf.text("id")
            self.check_id(lf, lid)
            levels.append(
                Level(
                    id=lid,
                    name=lf.text("name", max_len=LIMITS.name),
                    statements=tuple(lf.text_list("statements", max_len=LIMITS.statement, min_items=1, max_items=12)),
                )
            )
            lf.finish()
        if len(levels) == 1:
            f.report("levels", "a model has no levels or at least two")
        practices = []
        for i, t in enumerate(f.tables("practices", required=False)):
            span = src.entry_range("model.practices", nth=i)
            pid = t.get("id", "") if isinstance(t, dict) else ""
            pf = self.fields(t, f"practice '{pid}'" if pid else f"practice #{i + 1}", span)
            pid = pf.text("id")
            self.check_id(pf, pid)
            practices.append(
                Practice(
                    id=pid,
                    name=pf.text("name", max_len=LIMITS.name),
                    description=pf.text("description", required=False, max_len=LIMITS.description),
                )
            )
            pf.finish()
        f.finish()
        self.check_duplicates([lv.id for lv in levels], "level")
        self.check_duplicates([p.id for p in practices], "practice")
        return Model(
            id=model_id,
            name=name,
            question=question,
            both=both,
            scale=tuple(scale),
            principles=tuple(principles),
            levels=tuple(levels),
            practices=tuple(practices),
        )

    def read_phase(self, table: object, index: int) -> Phase:
        span = self.source.entry_range("phases", nth=index)
        pid = table.get("id", "") if isinstance(table, dict) else ""
        f = self.fields(table, f"phase '{pid}'" if pid else f"phase #{index + 1}", span)
        pid = f.text("id")
        self.check_id(f, pid)
        phase = Phase(
            id=pid, name=f.text("name", max_len=LIMITS.name), role=f.choice("role", PHASE_ROLES, required=False)
        )
        f.finish()
        return phase

    def _card_fields(
        self, table: object, section: str, kind: str, index: int
    ) -> tuple[Fields, str, tuple[int, int] | None]:
        cid = table.get("id", "") if isinstance(table, dict) else ""
        cid = cid if isinstance(cid, str) else ""
        span = self.source.entry_range(section, anchor_id=cid) if cid else self.source.entry_range(section, nth=index)
        f = self.fields(table, f"{kind} card '{cid}'" if cid else f"{kind} card #{index + 1}", span)
        card_id = f.text("id")
        self.check_id(f, card_id)
        return f, card_id, span

    def read_method(self, table: object, index: int, phase_ids: set[str]) -> MethodCard:
        f, card_id, span = self._card_fields(table, "cards", "method", index)
        title = f.text("title", max_len=LIMITS.title)
        method = f.text("method", required=False, max_len=LIMITS.method)
        phase = f.text("phase")
        if phase and phase not in phase_ids:
            f.report(
                "phase", f"unknown phase '{phase}' (known: {', '.join(sorted(phase_ids)) or 'none; add [[phases]]'})"
            )
        purpose = f.text("purpose", max_len=LIMITS.purpose)
        minutes = f.integer("minutes", minimum=1, maximum=LIMITS.card_minutes, default=1)
        group_min = f.integer("group_min", minimum=1, maximum=LIMITS.group, default=1)
        group_max = f.integer("group_max", minimum=1, maximum=LIMITS.group, default=max(group_min, 1))
        if group_min > group_max:
            f.report("group_min", f"is {group_min}, larger than group_max {group_max}")
        parallel = f.boolean("parallel")
        question = f.text("question", max_len=LIMITS.question)
        outcome = f.text("outcome", max_len=LIMITS.outcome)
        prepare = f.text("prepare", required=False, max_len=LIMITS.prepare)
        tip = f.text("tip", max_len=LIMITS.tip)
        source = f.text("source", max_len=LIMITS.source)
        principles = f.text_list("principles", min_items=1, max_items=4)
        materials = f.text_list("materials", required=False, max_items=LIMITS.materials, max_len=LIMITS.material)
        place = f.choice("place", PLACES, required=False, default="room")
        steps = []
        raw_steps = f.tables("steps")
        for i, st in enumerate(raw_steps):
            st_span = self.source.entry_range("cards.steps", nth=i, within=span) if span else None
            sf = self.fields(st, f"method card '{card_id}', step {i + 1}", st_span)
            steps.append(
                Step(
                    text=sf.text("text", max_len=LIMITS.step),
                    minutes=sf.integer("minutes", minimum=1, maximum=LIMITS.step_minutes, default=1),
                )
            )
            sf.finish()
        if not raw_steps and isinstance(table, dict) and "steps" in table:
            f.report("steps", "needs at least one step")
        if len(steps) > LIMITS.steps:
            f.report("steps", f"has {len(steps)} steps; at most {LIMITS.steps} fit on the card")
        total = sum(s.minutes for s in steps)
        if steps and total != minutes:
            f.report("minutes", f"is {minutes} but the steps add up to {total}")
        f.finish()
        return MethodCard(
            id=card_id,
            title=title,
            phase=phase,
            purpose=purpose,
            minutes=minutes,
            group_min=group_min,
            group_max=group_max,
            principles=tuple(principles),
            steps=tuple(steps),
            materials=tuple(materials),
            method=method,
            place=place or "room",
            parallel=parallel,
            question=question,
            outcome=outcome,
            prepare=prepare,
            tip=tip,
            source=source,
        )

    def read_reflection(self, table: object, index: int, model: Model | None) -> ReflectionCard:
        f, card_id, _ = self._card_fields(table, "reflections", "reflection", index)
        question = f.text("question", max_len=LIMITS.question)
        audience = f.choice("audience", AUDIENCES)
        minutes = f.integer("minutes", minimum=1, maximum=LIMITS.card_minutes, default=10)
        practice = f.text("practice", required=False)
        if practice and model is not None and practice not in {p.id for p in model.practices}:
            known = ", ".join(p.id for p in model.practices) or "none; add [[model.practices]]"
            f.report("practice", f"unknown practice '{practice}' (known: {known})")
        principles = f.text_list("principles", required=False, max_items=4)
        f.finish()
        return ReflectionCard(
            id=card_id,
            question=question,
            audience=audience,
            minutes=minutes,
            practice=practice,
            principles=tuple(principles),
        )

    def read_challenge(self, table: object, index: int) -> ChallengeCard:
        f, card_id, _ = self._card_fields(table, "challenges", "challenge", index)
        card = ChallengeCard(
            id=card_id,
            title=f.text("title", max_len=LIMITS.challenge_title),
            why=f.text("why", max_len=LIMITS.challenge_text),
            measure=f.text("measure", max_len=LIMITS.challenge_text),
            horizon_months=f.integer("horizon_months", minimum=1, maximum=120, default=12),
            cards=tuple(f.text_list("cards", min_items=1, max_items=8)),
        )
        f.finish()
        return card
