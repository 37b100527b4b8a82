"""The flow router: which screen follows which, for every mode, in one place.

A mode's main path is data (``ModeSpec.steps``, e.g. setup, vote, results, deal, plan,
share); this module knows the screen of each step and the side steps (a ballot from the
lobby, a card from the deal, the timer from a card). Screens get their data through the
constructor and post intents (``Done``, ``Back``, ``Chosen``); ``handle`` is the one
place that ignores an intent from a screen that is no longer the one on top.

Each run of a flow lives in its own Textual mode (``add_mode`` / ``switch_mode`` /
``remove_mode``): starting afresh switches to a new stack and drops the old one whole,
so no screen of the previous session is ever resumed on the way (the first run, at
start-up, lives in Textual's default mode: see ``first_screen``). Resuming after a crash
replays the steps the session saved.

What a step needs from the core (sessions, votes, results, follow-ups) is imported when
the step is first reached, as are the screens: start-up imports only what the first
screen needs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ..core.i18n import t
from ..core.logfile import log_exception
from ..core.modes import UNATTENDED_MODE, ModeSpec, mode_spec, modes_where
from ..core.names import longest_principle_name
from ..core.problems import FileProblems
from .intents import Back, Chosen, Done, Intent
from .screens.base import KioskScreen

if TYPE_CHECKING:  # the app owns the router; the router only calls the app's services
    from ..core.deck import Deck, Model
    from ..core.plan import Plan
    from ..core.session import Session
    from ..core.shelf import Shelf
    from ..core.store import SessionRow
    from .app import KioskApp

RESUME_HOURS = 12  # an open workshop older than this is not offered again
DEFAULT_MODEL = "innovationsresan"  # the model the catalogue's attract line is written for
START = "start"  # the start screen that offers the modes (no --mode)
RESUME = "resume"  # the offer to go on with an open session after a crash


def attract_lines(app: KioskApp) -> list[str]:
    """What the attract screen cycles through: the level statements, else the principles."""
    model = attract_model(app)
    if model is None:
        return []
    lines = [f'{lv.name}: "{s}"' for lv in model.levels for s in lv.statements]
    return lines or [p.name for p in model.principles]


def attract_model(app: KioskApp) -> Model | None:
    """The model the visitor will vote on: the chosen deck's, in the session's language."""
    try:
        return app.deck().model
    except (FileProblems, KeyError):
        return None


def voting_decks(app: KioskApp, language: str) -> list[tuple[str, str]]:
    """(title, id) of the decks that have a model to vote on; a broken file is left out."""
    decks = []
    for deck_id in app.shelf.ids():
        try:
            deck = app.shelf.get(deck_id, language)
        except FileProblems:
            continue
        if deck.model is not None:
            decks.append((deck.title, deck_id))
    return decks


def names_width(shelf: Shelf, deck: Deck) -> int:
    """The longest principle name of the deck in any language it has (a broken file of
    another language is left out), so the results never cut a name after a switch."""
    decks = [deck]
    for language in shelf.languages(deck.id):
        try:
            decks.append(shelf.get(deck.id, language))
        except (FileProblems, KeyError):
            continue
    return longest_principle_name(decks)


def following_line(language: str, plan: Plan | None, code: str) -> str:
    """In a follow-up, which plan is followed up: its code (when it came from this kiosk),
    its date and its team (only when it has one). "" outside a follow-up."""
    if plan is None:
        return ""
    key = "room_followup.following" if code else "room_followup.following_nocode"
    made = plan.created.astimezone().strftime("%Y-%m-%d")
    return t(language, key + ("_team" if plan.team else ""), code=code, date=made, team=plan.team)


class FlowRouter:
    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.spec: ModeSpec | None = None  # the mode being played
        self.session: Session | None = None
        self.follows: Plan | None = None  # the earlier plan, in a follow-up
        self.path: list[tuple[str, KioskScreen]] = []  # the steps on the current stack
        self._runs = 0  # numbers the Textual modes, one per run of a flow
        self._offered: SessionRow | None = None  # the open session the resume screen offers

    # -- entry points for the app ---------------------------------------------------------
    def first_screen(self) -> KioskScreen:
        """At start-up, the app's first screen: an open workshop or check-in offered again,
        else the first step of a fresh start.

        It is the bottom of Textual's default mode instead of a mode of its own, because
        installing a mode makes Textual parse the whole stylesheet again, twice, before
        anything is drawn. The default mode cannot be removed: once the first run is over,
        its screens wait there, suspended and never shown again."""
        app = self.app
        # Sessions nobody can resume are closed (a walk-up visitor's votes stay, anonymous).
        app.store.close_open(modes_where(resumable=False))
        resumable = modes_where(resumable=True)
        if app.config.mode:
            resumable = tuple(m for m in resumable if m == app.config.mode)
        since = (app.now() - timedelta(hours=RESUME_HOURS)).astimezone(UTC).isoformat()
        row = app.store.latest_open(resumable, since=since) if resumable else None
        if row is not None and app.shelf.has(row.deck):
            self._offered = row
            step, value = RESUME, row
        else:
            step, value = self._fresh_step(), None
        screen = self._screen(step, value)
        self.path = [(step, screen)]
        return screen

    def _fresh_step(self) -> str:
        config = self.app.config
        # An unattended kiosk with no mode configured starts the walk-up: a visitor must
        # not be offered the start screen's workshop. (A session left open by a crash is
        # still offered again: the facilitator may have switched modes from the menu.)
        name = config.mode or (UNATTENDED_MODE if config.kiosk else "")
        self.spec = mode_spec(name) if name else None
        return self.spec.first_step if self.spec else START

    def start_fresh(self) -> None:
        self._open(self._fresh_step())

    def switch_mode(self, name: str) -> None:
        """The facilitator chose another mode: the open session ends unfinished."""
        self._close_session()
        self.app.config = self.app.config.with_overrides(mode=name)
        self.start_fresh()

    def end_flow(self) -> None:
        """After the share screen or an idle visitor: back to where the next one starts.
        Where nobody is in charge the flow starts over at its own first step."""
        spec = self.spec
        self._close_session()
        if spec is not None and spec.idle_reset:
            self._open(spec.first_step)
        else:
            self.start_fresh()

    def left_behind_on_quit(self) -> bool | None:
        """What quitting now leaves behind: None when nothing is at stake (no session, no
        ballot, chosen card or typed plan text yet, or its plan already saved), else whether the next start
        offers to go on with it (True) or starts afresh with its votes kept (False)."""
        session = self.session
        if session is None or session.plan is not None:
            return None
        if not (session.round.entries or session.chosen or session.plan_draft):
            return None
        return session.spec.resumable

    def handle(self, intent: Intent) -> None:
        # The one guard: fast keys can reach a screen that is already covered (by the help,
        # or by the next step) or closing (a second Enter on a cast ballot). Only the step
        # on top of the stack moves the flow; what was typed elsewhere is not lost, it can
        # be sent again.
        if not self.path or intent.screen is not self.path[-1][1] or intent.screen is not self.app.screen:
            return
        step = self.path[-1][0]
        if isinstance(intent, Back):
            self._back(step, self.path[-1][1])
        elif isinstance(intent, Done):
            self.DONE[step](self, self.path[-1][1], intent.value)
        elif isinstance(intent, Chosen) and step in self.CHOSEN:
            self.CHOSEN[step](self, self.path[-1][1], intent.value)

    # -- the stack ------------------------------------------------------------------------
    def _open(self, step: str, value: Any = None) -> None:
        """A new Textual mode with ``step`` at the bottom; the previous one is dropped."""
        app = self.app
        self._runs += 1
        name = f"flow-{self._runs}"
        screen = self._screen(step, value)
        self.path = [(step, screen)]
        old = app.current_mode
        app.add_mode(name, lambda: screen)
        app.switch_mode(name)
        if old != "_default":
            app.remove_mode(old)

    def _push(self, step: str, value: Any = None) -> None:
        screen = self._screen(step, value)
        self.path.append((step, screen))
        self._save_steps()
        self.app.push_screen(screen)

    def _pop(self) -> KioskScreen:
        self.path.pop()
        self._save_steps()
        self.app.pop_screen()
        return self.path[-1][1]

    def _next(self, step: str) -> None:
        """On along the mode's main path."""
        assert self.spec is not None
        steps = self.spec.steps
        self._push(steps[steps.index(step) + 1])

    def _save_steps(self) -> None:
        """The steps of the session (from the vote on) for resuming; side steps are not
        saved, nor the share screen (the session is complete by then)."""
        if self.session is None or self.session.plan is not None or self.spec is None:
            return
        main = self.spec.steps[1:-1]
        self.session.save_state([step for step, _ in self.path if step in main])

    def _leave_round(self) -> None:
        """Back from the vote to the mode's first step: the round ends here, as the lobby
        and the show of hands say before they let anyone leave a round that holds votes.
        Its ballots stay in the store with the session marked abandoned, so they count
        nowhere; phones can no longer vote in it; the next start is a new round."""
        self._close_session()

    def _close_session(self) -> None:
        self.app.close_phone_vote()
        if self.session is not None and self.session.plan is None:
            self.session.abandon()
        self.session = None
        self.follows = None

    # -- screens --------------------------------------------------------------------------
    def _screen(self, step: str, value: Any = None) -> KioskScreen:
        # Each screen's module is imported when the step is first reached: at start-up
        # only the first screen's is (importing them all cost a fifth of the start-up).
        app, session, spec = self.app, self.session, self.spec
        lang = app.language
        if step == START:
            from .screens.start import StartScreen

            return StartScreen(lang)
        if step == RESUME:
            from .screens.resume import ResumeScreen

            row: SessionRow = value
            return ResumeScreen(lang, row, votes=len(app.store.entries(row.id)))
        if step == "attract":
            from .screens.attract import AttractScreen

            model = attract_model(app)
            return AttractScreen(
                lang,
                attract_lines(app),
                questions=len(model.principles) if model else 0,
                model_line="" if model is None or model.id == DEFAULT_MODEL else f"{model.name}: {model.question}",
            )
        if step == "setup":
            from .screens.setup import SetupScreen

            return SetupScreen(
                lang,
                decks=voting_decks(app, lang),
                challenges=[(c.title, c.id) for c in app.shelf.challenges(lang)],
                values=value or self._setup_defaults(),
            )
        if step == "team":
            from .screens.team import TeamScreen

            return TeamScreen(lang, known=app.store.known_teams(modes_where(results_trend=True)))
        if step == "earlier_plan":
            from .screens.followup import FollowUpScreen

            return FollowUpScreen(lang)
        assert session is not None and spec is not None
        if step == "vote":
            if spec.single_ballot:
                from .screens.ballot import BallotScreen

                return BallotScreen(lang, session, single=True)
            if session.settings.secret:
                from .screens.lobby import LobbyScreen

                return LobbyScreen(
                    lang,
                    session,
                    app.open_phone_vote(session),
                    following=following_line(lang, self.follows, session.settings.follows),
                )
            from .screens.hands import HandsScreen

            return HandsScreen(lang, session)
        if step == "ballot":
            from .screens.ballot import BallotScreen

            return BallotScreen(lang, session)
        if step == "results":
            from ..core.results import results_view
            from ..core.trend import team_trend
            from .screens.results import ResultsScreen

            session.round.reveal()
            steps = len(session.deck.model.scale) if session.deck.model else 0
            trend = team_trend(app.store, session.settings.team, steps, mode=spec.name) if spec.results_trend else []
            return ResultsScreen(
                lang,
                results_view(session, trend=trend, earlier=self.follows if spec.results_compare else None),
                label_width=names_width(app.shelf, session.deck),
                following=following_line(lang, self.follows, session.settings.follows),
            )
        if step == "review":
            from .screens.review import ReviewScreen

            assert self.follows is not None
            return ReviewScreen(lang, self.follows.actions)
        if step == "deal":
            from .screens.deal import DealScreen

            return DealScreen(lang, session)
        if step == "card":
            from .screens.card import CardScreen

            return CardScreen(lang, session, value)
        if step == "exercise":
            from .screens.exercise import ExerciseScreen

            return ExerciseScreen(lang, session, value, clock=app.clock, seconds_per_minute=app.seconds_per_minute)
        if step == "plan":
            if spec.plan_kind == "mini":
                from .screens.miniplan import MiniPlanScreen

                return MiniPlanScreen(lang, session, today=app.today())
            from .screens.plan import PlanScreen

            return PlanScreen(lang, session, today=app.today(), carried=value)
        if step == "share":
            return self._share_screen()
        raise KeyError(f"no screen for the step '{step}'")

    def _setup_defaults(self) -> dict[str, object]:
        assert self.spec is not None
        return {
            "team": "",
            "deck": self.app.deck_id,
            "minutes": None,
            "group": "",
            "challenge": None,
            "secret": "secret" if self.spec.secret_default else "hands",
        }

    def _share_screen(self) -> KioskScreen:
        """The plan's link points at the configured viewer, or at the kiosk's own server
        (started on first use). With the kiosk's server there is also a short link
        (``/p/CODE``) for a screen too small for the full code. When phones cannot reach
        this machine (no network, or listening on loopback only), no QR code is drawn and
        the screen says why; a server that cannot start is said on screen too."""
        from ..core.link import encode_link
        from ..web.server import ViewerServerError
        from .screens.share import ShareScreen

        app, session = self.app, self.session
        assert session is not None and session.plan is not None
        note, short, reachable = "", "", True
        base = app.config.viewer_url
        if not base:
            try:
                server = app.web_server()
            except ViewerServerError as exc:
                log_exception(exc, app.data_dir)
                note = t(app.language, "share.no_server", reason=exc.reason(app.language), code=session.plan_code)
                base, reachable = "", False
            else:
                public = server.public_url()
                base = public or server.local_url()
                if public:
                    short = f"{public}p/{session.plan_code}"
                else:
                    reachable = False
                    note = t(app.language, "phone.unreachable")
        return ShareScreen(
            app.language,
            link=encode_link(session.plan, session.deck, base) if base else "",
            plan=session.plan,
            code=session.plan_code,
            deck=session.deck,
            note=note,
            short_link=short,
            reachable=reachable,
            challenges={c.id: c.title for c in app.shelf.challenges(session.plan.language)},
            clock=app.clock,
        )

    def day_view(self) -> KioskScreen:
        """Today's numbers, for the facilitator menu."""
        from ..core.daystats import day_stats
        from .screens.dayview import DayViewScreen

        app = self.app
        local_midnight = datetime.combine(app.now().astimezone().date(), time()).astimezone()
        deck = app.deck()
        steps = len(deck.model.scale) if deck.model else 0
        stats = day_stats(app.store, local_midnight.astimezone(UTC).isoformat(), steps)
        return DayViewScreen(app.language, day=local_midnight.date(), stats=stats, deck=deck)

    # -- transitions: Back ----------------------------------------------------------------
    def _back(self, step: str, screen: KioskScreen) -> None:
        if step == "share":
            self.end_flow()
            return
        if len(self.path) < 2:
            return  # the first step has nowhere to go back to
        below = self._pop()
        if step == "vote":
            self._leave_round()
            return
        if step == "results" and self.spec is not None and self.spec.single_ballot and self.session is not None:
            # Back from the results in walk-up: the visitor wants to change the answers, so
            # the stored ballot is taken back and replaced by the next confirmation.
            self.session.undo()
            below.say(t(self.app.language, "ballot.change"), tone="info")

    # -- transitions: Done ----------------------------------------------------------------
    def _start_chosen(self, screen: KioskScreen, name: str) -> None:
        self.spec = mode_spec(name)
        self._push(self.spec.first_step)

    def _new_session(self, screen: KioskScreen, settings: dict[str, Any]) -> None:
        """The first step of a mode is done: a session with its settings, then the vote."""
        from ..core.session import Session, SessionSettings

        assert self.spec is not None
        app = self.app
        settings = dict(settings)
        if "deck" in settings:
            app.deck_id = str(settings.pop("deck"))
        settings.setdefault("with_level", self.spec.level_question)
        settings.setdefault("secret", self.spec.secret_default)
        app.close_phone_vote()
        self.session = Session(
            store=app.store,
            deck=app.deck(),
            settings=SessionSettings(mode=self.spec.name, language=app.language, **settings),
            seed=app.config.seed,
            now=app.now,
        )
        self._next(self.spec.first_step)

    def _follow_up_found(self, screen: KioskScreen, reference: str) -> None:
        from ..core.followup import FollowUpError, find_plan
        from ..core.link import LinkCodec, LinkError

        app = self.app
        say = screen.say
        try:
            plan, code = find_plan(
                reference, app.store, lambda link: LinkCodec(app.shelf.all_decks()).decode_link(link)
            )
        except FollowUpError as exc:
            say(t(app.language, exc.key, **exc.values))
            return
        except LinkError as exc:  # the only thing a link decoder raises: a pasted link never ends the app
            say(t(app.language, exc.key))
            return
        if not app.shelf.has(plan.deck):
            say(t(app.language, "followup.unknown_deck", deck=plan.deck))
            return
        language, deck_id = app.language, app.deck_id
        app.language, app.deck_id = plan.language, plan.deck
        try:
            self.follows = plan
            # The same group meets again: the lobby counts against the size it had (known
            # when the plan was made on this kiosk).
            group = app.store.group_size_of_plan(code) if code else None
            self._new_session(screen, {"team": plan.team, "follows": code, "secret": True, "group_size": group})
            assert self.session is not None
            self.session.earlier_votes = dict(plan.votes)  # the deal focuses on what did not improve
        except FileProblems:
            app.language, app.deck_id = language, deck_id
            self.follows = None
            say(t(app.language, "followup.unknown_deck", deck=plan.deck))

    def _resume_chosen(self, screen: KioskScreen, go_on: bool) -> None:
        from ..core.session import Session

        app = self.app
        row = self._offered
        assert row is not None
        if not go_on:
            app.store.end_session(row.id, "abandoned")
            self.start_fresh()
            return
        app.language, app.deck_id = row.language, row.deck
        self.spec = mode_spec(row.mode)
        self.session = Session.resume(app.store, app.deck(), row, seed=app.config.seed, now=app.now)
        steps = self.session.saved_steps or [self.spec.steps[1]]
        self._open(steps[0])
        for step in steps[1:]:
            self._push(step)

    def _voted(self, screen: KioskScreen, answers: object) -> None:
        assert self.spec is not None
        if self.spec.single_ballot:  # the vote step is the visitor's own ballot
            assert isinstance(answers, dict)  # what the ballot screen sends
            self._ballot_cast(screen, answers)
        else:
            self._push("results")  # revealed in the lobby, or every question counted

    def _ballot_cast(self, screen: KioskScreen, answers: dict) -> None:
        from ..core.votes import VoteError

        app, session = self.app, self.session
        assert session is not None and self.spec is not None
        say = screen.say
        try:
            session.cast(answers)
        except VoteError as exc:
            say(str(exc))
            return
        except Exception as exc:  # the store failed: say so, keep the answers on screen
            log_exception(exc, app.data_dir)
            say(t(app.language, "ballot.not_saved"))
            return
        if self.spec.single_ballot:
            self._push("results")
        else:
            # The thank-you belongs to the lobby the keyboard goes back to, and stays there.
            self._pop().say(t(app.language, "ballot.saved", n=session.votes_cast), tone="success")

    def _results_seen(self, screen: KioskScreen, _: object) -> None:
        self._next("results")

    def _reviewed(self, screen: KioskScreen, statuses: list[str]) -> None:
        from ..core.followup import carry_over

        assert self.session is not None and self.follows is not None
        self.session.save_review(statuses, self.follows.actions)
        self._push("plan", carry_over(self.follows.actions, statuses))

    def _carry_on(self, screen: KioskScreen, focused: str | None) -> None:
        assert self.session is not None and self.spec is not None
        if self.spec.pick_one:
            return  # a walk-up visitor picks the card on its own screen
        if not self.session.carry_on(focused):
            screen.say(t(self.app.language, "deal.choose_first"))
            return
        self._next("deal")  # the plan, or first the review of the followed plan's actions

    def _card_picked(self, screen: KioskScreen, card_id: str) -> None:
        assert self.session is not None
        self.session.pick_only(card_id)
        self._push("plan")

    def _plan_made(self, screen: KioskScreen, value: tuple) -> None:
        """Make, store and share the plan; a problem is shown on the screen, never raised."""
        from ..core.plan import PlanError

        app, session = self.app, self.session
        assert session is not None
        actions, follow_up = value
        say = screen.say
        try:
            plan = session.make_plan(actions, follow_up)
        except PlanError as exc:
            say(str(exc))
            return
        try:
            session.save_plan(plan, app.data_dir / "plans" if app.data_dir else None)
        except Exception as exc:  # the store or disk failed: keep the form, say so
            log_exception(exc, app.data_dir)
            say(t(app.language, "plan.not_saved"))
            return
        self._push("share")

    def _shared(self, screen: KioskScreen, _: object) -> None:
        self.end_flow()

    DONE: dict[str, Callable[[FlowRouter, KioskScreen, Any], None]] = {
        START: _start_chosen,
        RESUME: _resume_chosen,
        "attract": _new_session,
        "setup": _new_session,
        "team": _new_session,
        "earlier_plan": _follow_up_found,
        "vote": _voted,
        "ballot": _ballot_cast,
        "results": _results_seen,
        "review": _reviewed,
        "deal": _carry_on,
        "card": _card_picked,
        "plan": _plan_made,
        "share": _shared,
    }

    # -- transitions: Chosen --------------------------------------------------------------
    def _lobby_ballot(self, screen: KioskScreen, _: object) -> None:
        self._push("ballot")

    def _hands_counted(self, screen: KioskScreen, counts: dict) -> None:
        from ..core.votes import TooManyHands

        app, session = self.app, self.session
        assert session is not None
        try:
            session.add_hands(counts)
        except TooManyHands as exc:  # a miscount: the fields stay as typed, to correct
            screen.say(t(app.language, "room_votes.too_many_hands", total=exc.total, n=exc.group_size))
            return
        except Exception as exc:  # the fields take digits only, so this is the store or a bug
            log_exception(exc, app.data_dir)
            screen.say(t(app.language, "room_votes.count_not_saved"))
            return
        if len(session.round.entries) >= len(session.round.questions):
            self._push("results")
        else:
            from .screens.hands import HandsScreen  # loaded already: it sent this intent

            if isinstance(screen, HandsScreen):
                self.app.call_next(screen.counted)  # the hands screen shows the next question

    def _vote_chosen(self, screen: KioskScreen, value: object) -> None:
        if value == "ballot":
            self._lobby_ballot(screen, value)
        elif isinstance(value, dict):
            self._hands_counted(screen, value)

    def _card_opened(self, screen: KioskScreen, card_id: str) -> None:
        self._push("card", card_id)

    def _timer(self, screen: KioskScreen, card_id: str) -> None:
        assert self.session is not None
        self.session.choose(card_id)
        self._push("exercise", card_id)

    def _setup_language(self, screen: KioskScreen, values: dict[str, object]) -> None:
        """Every label changes language: the setup is built again with what was typed."""
        values = dict(values)
        self.app.language = str(values.pop("language"))
        if len(self.path) == 1:  # the bottom of its stack (--mode workshop) cannot be switched
            self._open("setup", values)
            return
        new = self._screen("setup", values)
        self.path[-1] = ("setup", new)
        self.app.switch_screen(new)

    CHOSEN: dict[str, Callable[[FlowRouter, KioskScreen, Any], None]] = {
        "vote": _vote_chosen,
        "deal": _card_opened,
        "card": _timer,
        "setup": _setup_language,
    }
