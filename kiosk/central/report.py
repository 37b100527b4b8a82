"""``innovationslek report``: the organisation's view as report.html (one printable page,
inline SVG charts, no scripts), report.md and CSV files, from the central PostgreSQL or
from one kiosk's SQLite file alike.

Everything that came from people (team names, card titles from decks) is escaped; every
figure goes through ``figures`` and so through the fewer-than-three-ballots rule, which the
page states.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path

from ..core.atomic import write_atomic
from ..core.export import csv_text
from ..core.i18n import t
from . import charts
from .figures import MIN_BALLOTS, MODES, REVIEW_STATUSES, Figures, Period, compute
from .reportdata import Dataset, ReportError, load

__all__ = ["ReportError", "ReportResult", "write_report", "render_html", "render_markdown"]


@dataclass(frozen=True)
class ReportResult:
    folder: Path
    sessions: int
    ballots: int
    teams: int


@dataclass
class Names:
    """Principle and card names from the deck the sessions used (ids where unknown)."""

    principles: dict[str, str]
    cards: dict[str, str]
    order: list[str]
    levels: dict[str, str] | None = None  # limited / innovative / both -> the deck's words

    def principle(self, qid: str) -> str:
        return self.principles.get(qid, qid)

    def card(self, cid: str) -> str:
        return self.cards.get(cid, cid)


def names_for(data: Dataset, language: str) -> Names:
    from collections import Counter

    from ..core.shelf import Shelf

    decks = Counter(s.deck for s in data.sessions.values())
    try:
        shelf = Shelf()
        deck = shelf.get(decks.most_common(1)[0][0] if decks else "innovationslek", language)
    except Exception:  # an unknown or broken deck: the report names things by id
        return Names({}, {}, [])
    principles = {p.id: p.name for p in deck.model.principles} if deck.model else {}
    cards = {c.id: getattr(c, "title", c.id) for c in deck.cards}
    levels = {}
    if deck.model is not None:
        levels = {lv.id: lv.name for lv in deck.model.levels}
        levels["both"] = deck.model.both or "both"
    return Names(principles, cards, list(principles), levels)


def count_text(n: int) -> str:
    """A ballot count, itself a figure: under the threshold it is shown as '<3'."""
    return str(n) if n >= MIN_BALLOTS or n == 0 else f"<{MIN_BALLOTS}"


def mean_text(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _heat(value: float | None) -> str:
    """A soft background from red (1) through yellow to green (5); white when hidden."""
    if value is None:
        return "#ffffff"
    share = max(0.0, min(1.0, (value - 1) / 4))
    hue = int(share * 120)
    return f"hsl({hue}, 70%, 85%)"


def _range(figures: Figures) -> tuple[str, str]:
    return (figures.months[0], figures.months[-1]) if figures.months else ("-", "-")


# -- HTML --------------------------------------------------------------------------------
CSS = """
@page { size: A4; margin: 14mm; }
body { font-family: sans-serif; color: #111; background: #fff; max-width: 182mm; margin: 0 auto; font-size: 10pt; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1px solid #999; }
h3 { font-size: 11pt; margin: 10pt 0 2pt; } p { margin: 3pt 0; }
.privacy { border: 1px solid #555; padding: 4pt 6pt; background: #f4f4f4; }
table { border-collapse: collapse; margin: 4pt 0; font-size: 7.5pt; width: 100%; }
th, td { border: 1px solid #bbb; padding: 1pt 2pt; text-align: right; }
th { font-weight: normal; background: #eee; }
th:first-child, td:first-child { text-align: left; }
section, .team { break-inside: avoid; page-break-inside: avoid; }
svg { max-width: 100%; height: auto; }
.note { color: #444; font-size: 9pt; }
"""


def _table(header: list[str], rows: list[list[tuple[str, dict]]]) -> str:
    out = ["<table><thead><tr>", "".join(f"<th>{escape(h)}</th>" for h in header), "</tr></thead><tbody>"]
    for row in rows:
        cells = []
        for text, attrs in row:
            extra = "".join(f' {k}="{escape(str(v))}"' for k, v in attrs.items())
            cells.append(f"<td{extra}>{escape(text) if not attrs.get('raw') else text}</td>".replace(' raw="True"', ""))
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _cell(text: str, **attrs: object) -> tuple[str, dict[str, object]]:
    return text, attrs


MAX_COLUMNS = 12  # periods per table that fit across A4; older ones are in the CSV


def _period_table(
    periods: list[Period], questions: list[str], names: Names, lang: str, figure: str, label_key: str
) -> str:
    hidden = len(periods) > MAX_COLUMNS
    periods = periods[-MAX_COLUMNS:]
    header = [t(lang, "central.col_principle")] + [p.label for p in periods] + [t(lang, "central.col_change"), ""]
    rows = []
    for q in questions:
        values = [p.mean(q) for p in periods]
        shown = [v for v in values if v is not None]
        change = f"{shown[-1] - shown[0]:+.2f}" if len(shown) > 1 else ""
        row = [_cell(names.principle(q))]
        for p, v in zip(periods, values, strict=True):
            figure_id = {"data-figure": f"{figure}|{p.label}|{q}"}
            row.append(_cell(mean_text(v), style=f"background:{_heat(v)}", **figure_id))
        row.append(_cell(change))
        row.append(_cell(charts.sparkline(values), raw=True))
        rows.append(row)
    rows.append(
        [_cell(t(lang, label_key))]
        + [_cell(count_text(p.ballots), **{"data-figure": f"{figure}|{p.label}|n"}) for p in periods]
        + [_cell(""), _cell("")]
    )
    note = f'<p class="note">{escape(t(lang, "central.report_older", n=MAX_COLUMNS))}</p>' if hidden else ""
    return _table(header, rows) + note


def render_html(figures: Figures, names: Names, lang: str, *, generated: datetime, scope: str = "") -> str:
    first, last = _range(figures)
    questions = [q for q in (names.order or figures.questions) if q in figures.questions] + [
        q for q in figures.questions if q not in names.order
    ]
    sources = t(
        lang,
        "central.report_sources",
        kiosks=figures.kiosks,
        sessions=figures.sessions,
        ballots=figures.ballots,
        teams=len(figures.teams),
    )
    privacy_counts = t(
        lang, "central.report_privacy_counts", suppressed=figures.suppressed, merged=figures.merged_teams
    )
    h: list[str] = [
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">',
        f"<title>{escape(t(lang, 'central.report_title'))}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(t(lang, 'central.report_title'))}{escape(scope)}</h1>",
        f"<p>{escape(t(lang, 'central.report_period', first=first, last=last))} "
        f"({generated.strftime('%Y-%m-%d %H:%M')} UTC)</p>",
        f"<p>{escape(sources)}</p>",
        f'<p class="privacy" id="privacy">{escape(t(lang, "central.report_privacy", min=MIN_BALLOTS))} '
        f"{escape(privacy_counts)}</p>",
    ]
    if not figures.sessions:
        h.append(f"<p>{escape(t(lang, 'central.report_none'))}</p></body></html>")
        return "".join(h)
    # The organisation's ladder.
    labels = [p.label for p in figures.ladder]
    h.append(f"<section><h2>{escape(t(lang, 'central.report_ladder'))}</h2>")
    h.append(f'<p class="note">{escape(t(lang, "central.report_ladder_note", min=MIN_BALLOTS))}</p>')
    h.append(
        charts.line_chart(
            [(names.principle(q), [p.mean(q) for p in figures.ladder]) for q in questions],
            labels,
            title=t(lang, "central.report_ladder"),
        )
    )
    h.append(_period_table(figures.ladder, questions, names, lang, "ladder", "central.col_ballots"))
    levels = [
        ((names.levels or {}).get(opt, opt), [p.levels[opt] if p.ballots >= MIN_BALLOTS else 0 for p in figures.ladder])
        for opt in ("limited", "both", "innovative")
    ]
    if any(sum(v) for _, v in levels):
        h.append(f"<h3>{escape(t(lang, 'central.report_levels'))}</h3>")
        h.append(charts.stacked_bars(levels, labels, title=t(lang, "central.report_levels"), percent=True, height=170))
    h.append("</section>")
    # Participation.
    h.append(f"<section><h2>{escape(t(lang, 'central.report_participation'))}</h2>")
    h.append(f'<p class="note">{escape(t(lang, "central.report_participation_note"))}</p>')
    months = figures.months
    h.append(
        charts.stacked_bars(
            [(t(lang, f"mode.{m}"), [figures.participation[mo][m] for mo in months]) for m in MODES],
            months,
            title=t(lang, "central.report_participation"),
        )
    )
    header = [t(lang, "central.col_month")] + [t(lang, f"mode.{m}") for m in MODES] + [t(lang, "central.col_ballots")]
    rows = [
        [_cell(mo)]
        + [_cell(str(figures.participation[mo][m])) for m in MODES]
        + [_cell(count_text(figures.ballots_per_month[mo]), **{"data-figure": f"ballots|{mo}"})]
        for mo in months
    ]
    h.append(_table(header, rows))
    h.append("</section>")
    # Every team's trend.
    h.append(f"<h2>{escape(t(lang, 'central.report_teams'))}</h2>")
    for team in figures.teams:
        h.append(
            f'<div class="team"><h3>{escape(team.team)}</h3><p class="note">'
            f"{escape(t(lang, 'central.report_team_line', sessions=team.sessions, ballots=count_text(team.ballots)))}"
        )
        if team.merged:
            h.append(" " + escape(t(lang, "central.report_team_merged")))
        h.append("</p>")
        if team.periods:
            h.append(_period_table(team.periods, questions, names, lang, f"team|{team.team}", "central.col_ballots"))
        else:
            h.append(f'<p class="note">{escape(t(lang, "central.report_team_hidden", min=MIN_BALLOTS))}</p>')
        h.append("</div>")
    # Cards.
    h.append(f"<section><h2>{escape(t(lang, 'central.report_cards'))}</h2>")
    top = [(names.card(c), n) for c, n in figures.cards[:15]]
    h.append(
        charts.horizontal_bars(top, title=t(lang, "central.report_cards"))
        if top
        else f"<p>{escape(t(lang, 'central.report_none'))}</p>"
    )
    h.append("</section>")
    # Follow-through.
    h.append(f"<section><h2>{escape(t(lang, 'central.report_follow'))}</h2>")
    h.append(f'<p class="note">{escape(t(lang, "central.report_follow_note"))}</p>')
    keys = [""] + sorted((k for k in figures.follow_through if k), key=str.casefold)
    bars = [
        (t(lang, f"central.col_{s}"), [figures.follow_through[k].reviewed[s] for k in keys[1:]])
        for s in REVIEW_STATUSES
    ]
    if 1 < len(keys) <= 13 and any(sum(v) for _, v in bars):  # more teams: the table says it better
        h.append(
            charts.stacked_bars(
                bars, [k[:14] for k in keys[1:]], title=t(lang, "central.report_follow"), percent=True, height=180
            )
        )
    header = (
        [t(lang, "central.col_team"), t(lang, "central.col_plans"), t(lang, "central.col_actions")]
        + [t(lang, f"central.col_{s}") for s in REVIEW_STATUSES]
        + [t(lang, "central.col_done_share")]
    )
    rows = []
    for k in keys:
        f = figures.follow_through[k]
        share = f.done_share
        rows.append(
            [_cell(k or t(lang, "central.report_whole")), _cell(str(f.plans)), _cell(str(f.actions))]
            + [_cell(str(f.reviewed[s]), **{"data-figure": f"follow|{k}|{s}"}) for s in REVIEW_STATUSES]
            + [_cell("" if share is None else f"{100 * share:.0f} %")]
        )
    h.append(_table(header, rows))
    h.append("</section></body></html>")
    return "".join(h)


# -- Markdown ------------------------------------------------------------------------------
def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return (
        ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
        + ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
        + [""]
    )


def render_markdown(figures: Figures, names: Names, lang: str) -> str:
    first, last = _range(figures)
    lines = [
        f"# {t(lang, 'central.report_title')}",
        "",
        t(lang, "central.report_period", first=first, last=last),
        "",
        t(
            lang,
            "central.report_sources",
            kiosks=figures.kiosks,
            sessions=figures.sessions,
            ballots=figures.ballots,
            teams=len(figures.teams),
        ),
        "",
        "> "
        + t(lang, "central.report_privacy", min=MIN_BALLOTS)
        + " "
        + t(lang, "central.report_privacy_counts", suppressed=figures.suppressed, merged=figures.merged_teams),
        "",
    ]
    questions = figures.questions

    def periods_table(periods: list[Period]) -> list[str]:
        header = [t(lang, "central.col_principle")] + [p.label for p in periods]
        rows = [[names.principle(q)] + [mean_text(p.mean(q)) for p in periods] for q in questions]
        rows.append([t(lang, "central.col_ballots")] + [count_text(p.ballots) for p in periods])
        return _md_table(header, rows)

    lines += [f"## {t(lang, 'central.report_ladder')}", ""] + periods_table(figures.ladder)
    lines += [f"## {t(lang, 'central.report_participation')}", ""]
    lines += _md_table(
        [t(lang, "central.col_month")] + [t(lang, f"mode.{m}") for m in MODES] + [t(lang, "central.col_ballots")],
        [
            [mo] + [str(figures.participation[mo][m]) for m in MODES] + [count_text(figures.ballots_per_month[mo])]
            for mo in figures.months
        ],
    )
    lines += [f"## {t(lang, 'central.report_teams')}", ""]
    for team in figures.teams:
        lines += [
            f"### {_md(team.team)}",
            "",
            t(lang, "central.report_team_line", sessions=team.sessions, ballots=count_text(team.ballots)),
            "",
        ]
        lines += (
            periods_table(team.periods)
            if team.periods
            else [t(lang, "central.report_team_hidden", min=MIN_BALLOTS), ""]
        )
    lines += [f"## {t(lang, 'central.report_cards')}", ""]
    lines += _md_table(
        [t(lang, "central.col_card"), t(lang, "central.col_chosen")],
        [[names.card(c), str(n)] for c, n in figures.cards[:15]],
    )
    lines += [f"## {t(lang, 'central.report_follow')}", ""]
    keys = [""] + sorted((k for k in figures.follow_through if k), key=str.casefold)
    lines += _md_table(
        [t(lang, "central.col_team"), t(lang, "central.col_plans"), t(lang, "central.col_actions")]
        + [t(lang, f"central.col_{s}") for s in REVIEW_STATUSES],
        [
            [
                k or t(lang, "central.report_whole"),
                str(figures.follow_through[k].plans),
                str(figures.follow_through[k].actions),
            ]
            + [str(figures.follow_through[k].reviewed[s]) for s in REVIEW_STATUSES]
            for k in keys
        ],
    )
    return "\n".join(lines)


# -- CSV -------------------------------------------------------------------------------------
def render_csvs(figures: Figures, names: Names) -> dict[str, str]:
    ladder = [
        [p.label, q, p.cells[q].n if q in p.cells else 0, mean_text(p.mean(q))]
        for p in figures.ladder
        for q in figures.questions
    ]
    trend = [
        [team.team, p.label, q, p.cells[q].n if q in p.cells else 0, mean_text(p.mean(q))]
        for team in figures.teams
        for p in team.periods
        for q in figures.questions
    ]
    participation = [
        [mo] + [figures.participation[mo][m] for m in MODES] + [count_text(figures.ballots_per_month[mo])]
        for mo in figures.months
    ]
    cards = [[c, names.card(c), n] for c, n in figures.cards]
    follow = [
        [k, f.plans, f.actions] + [f.reviewed[s] for s in REVIEW_STATUSES]
        for k, f in sorted(figures.follow_through.items())
    ]
    return {
        "ladder.csv": csv_text(["month", "principle", "answers", "mean"], ladder),
        "team_trend.csv": csv_text(["team", "period", "principle", "answers", "mean"], trend),
        "participation.csv": csv_text(["month", *MODES, "ballots"], participation),
        "cards.csv": csv_text(["card", "title", "chosen"], cards),
        "follow_through.csv": csv_text(["team", "plans", "actions", *REVIEW_STATUSES], follow),
    }


def write_report(
    source: str,
    out: Path | str,
    *,
    since: str | None = None,
    team: str | None = None,
    language: str = "sv",
    now: datetime | None = None,
) -> ReportResult:
    data = load(str(source), since=since, team=team)
    names = names_for(data, language)
    figures = compute(data, names.order)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    scope = f": {team}" if team else ""
    write_atomic(
        folder / "report.html", render_html(figures, names, language, generated=now or datetime.now(UTC), scope=scope)
    )
    write_atomic(folder / "report.md", render_markdown(figures, names, language))
    for name, text in render_csvs(figures, names).items():
        write_atomic(folder / name, text)
    return ReportResult(folder, figures.sessions, figures.ballots, len(figures.teams))
