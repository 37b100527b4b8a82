"""Command line: ``innovationslek [options]`` starts the app; subcommands do the rest.

Every user error ends in a clear one-line message and a non-zero exit code; unexpected
errors are logged to the data directory, never printed as a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from .core.config import Config, load_config
from .core.deck import LANGUAGES
from .core.modes import MODE_NAMES

if TYPE_CHECKING:  # imported where used: not needed to start the app
    from .core.deck import Deck
    from .core.plan import Plan

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
CONFIG_NAME = "kiosk.toml"
DEFAULT_DECK = "innovationslek"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's default is fine, minus the noise
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"innovationslek: {message}\n")


def _add_global_options(parser: argparse.ArgumentParser, *, after_command: bool = False) -> None:
    """The options that apply to every command. After a subcommand they default to nothing
    at all (SUPPRESS), so they override the ones typed before it only when typed again."""
    default: dict[str, Any] = {"default": argparse.SUPPRESS} if after_command else {}
    parser.add_argument("--mode", choices=MODE_NAMES, help="start straight in this mode", **default)
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="lock down for unattended use (without --mode: the walk-up, or the config's mode)",
        **(default or {"default": None}),
    )
    # --language too: people type the whole word, and argparse would then read its value as a command.
    parser.add_argument(
        "--lang", "--language", choices=LANGUAGES, dest="language", help="language (default sv)", **default
    )
    parser.add_argument("--deck", action="append", dest="decks", metavar="ID|PATH", help="deck to use", **default)
    parser.add_argument("--theme", metavar="NAME|PATH", help="a shipped theme's name or a theme file", **default)
    parser.add_argument(
        "--data-dir", metavar="DIR", help="where the database, plans and log live (default: the user's)", **default
    )
    if not after_command or parser.prog.split()[-1] != "set-pin":  # set-pin's --config is the file it writes
        parser.add_argument("--config", metavar="FILE", help="a kiosk.toml (flags override it)", **default)
    parser.add_argument("--seed", type=int, metavar="N", help="reproducible card deals", **default)
    parser.add_argument(
        "--idle",
        type=_seconds,
        dest="idle_seconds",
        metavar="SECONDS",
        help="walk-up: start again after this long without input (default 90)",
        **default,
    )
    parser.add_argument(
        "--listen",
        type=_listen,
        metavar="HOST:PORT",
        **default,
        help="where the kiosk's web server listens (default 0.0.0.0:8765; port 0: any free one)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="innovationslek",
        description="Innovationslek kiosk: method cards, votes and action plans for teams. "
        "The options work before or after a command.",
        epilog="In the app, F1 shows the keys of each screen and Ctrl+C or Ctrl+Q quits (with --kiosk only the "
        "facilitator's menu quits: F12 and the PIN).",
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check", help="validate decks, themes, plan files and config files")
    check.add_argument("paths", nargs="+", metavar="PATH")
    export = sub.add_parser("export", help="write sessions.csv, votes.csv, plans/*.toml, summary.md and json/")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", metavar="DIR")
    target.add_argument("--bundle", metavar="FILE", help="one file for a central database (innovationslek import)")
    export.add_argument("--since", type=_date, metavar="DATE", help="only sessions from this day on (YYYY-MM-DD)")
    set_pin = sub.add_parser("set-pin", help="set the facilitator PIN (stored as a salted hash)")
    set_pin.add_argument(
        "--config",
        dest="pin_config",
        metavar="FILE",
        help="the config file to write (default: kiosk.toml in the data directory)",
    )
    plan = sub.add_parser("plan", help="a saved plan's link or QR code; the viewer page")
    plan_sub = plan.add_subparsers(dest="plan_command", metavar="ACTION", required=True)
    for name, text in (("link", "print the plan's link"), ("qr", "print the plan's QR code (half blocks)")):
        one = plan_sub.add_parser(name, help=text)
        one.add_argument("file", metavar="FILE.toml")
        one.add_argument(
            "--base",
            metavar="URL",
            help="the viewer's address (default: viewer_url of the config, else this machine's own viewer server)",
        )
    show = plan_sub.add_parser("show", help="print a plan as text in its language, from its link, file or code")
    show.add_argument(
        "reference",
        metavar="LINK|FILE|CODE",
        help="the plan's link (or the part after #), a saved plan file, or its six-letter code "
        "(looked up in the data directory)",
    )
    viewer = plan_sub.add_parser("viewer", help="write the viewer page, to host it yourself (viewer_url)")
    viewer.add_argument("--out", required=True, metavar="FILE.html")
    cards = sub.add_parser("cards", help="list the cards that fit a workshop, one line each")
    cards.add_argument("--deck", dest="card_deck", default=DEFAULT_DECK, metavar="ID|PATH")
    cards.add_argument("--lang", dest="card_lang", choices=LANGUAGES, default="sv")
    cards.add_argument("--people", type=_positive, metavar="N", help="participants in the room")
    cards.add_argument("--minutes", type=_positive, metavar="M", help="the longest a card may take")
    cards.add_argument("--principle", metavar="ID", help="only cards that strengthen this principle")
    printing = sub.add_parser("print", help="the deck as a printable A4 sheet (HTML, cut lines, both sides)")
    printing.add_argument("--deck", dest="card_deck", default=DEFAULT_DECK, metavar="ID|PATH")
    printing.add_argument("--lang", dest="card_lang", choices=LANGUAGES, default="sv")
    printing.add_argument("--out", required=True, metavar="FILE.html")
    from .central.cli import add_commands

    add_commands(sub, _date)  # sync, import, central init, report, demo

    for command in (check, export, set_pin, plan, *plan_sub.choices.values()):
        _add_global_options(command, after_command=True)
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("must be between 1 and 1000")
    return number


def _seconds(value: str) -> int:
    try:
        seconds = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of seconds") from None
    if not 5 <= seconds <= 3600:
        raise argparse.ArgumentTypeError("must be between 5 and 3600 seconds")
    return seconds


def _listen(value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    host = host.strip("[]")
    if not sep or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise argparse.ArgumentTypeError(f"'{value}' is not HOST:PORT (for example 0.0.0.0:8765)")
    return host or "0.0.0.0", int(port)


def default_config_path(data_dir_flag: str | None) -> Path:
    from .core.paths import data_dir

    return data_dir(data_dir_flag or "") / CONFIG_NAME


def _date(value: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2026-11-24") from None


def resolve_config(args: argparse.Namespace) -> tuple[Config, list[str]]:
    """The config file (``--config``, else kiosk.toml in the data directory if there is
    one) with the flags laid over it; problems as messages."""
    config = Config()
    messages: list[str] = []
    path = args.config or (default_config_path(args.data_dir) if default_config_path(args.data_dir).is_file() else None)
    if path:
        config, problems = load_config(path)
        messages = [str(p) for p in problems]
    config = config.with_overrides(
        mode=args.mode,
        kiosk=args.kiosk,
        language=args.language,
        decks=tuple(args.decks) if args.decks else None,
        theme=args.theme,
        data_dir=args.data_dir,
        seed=args.seed,
        idle_seconds=args.idle_seconds,
        viewer_host=args.listen[0] if getattr(args, "listen", None) else None,
        viewer_port=args.listen[1] if getattr(args, "listen", None) else None,
    )
    return config, messages


def cmd_check(args: argparse.Namespace) -> int:
    from .core.checking import check_paths
    from .ui.themes import theme_problems

    problems = check_paths(args.paths, theme_check=theme_problems)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {len({p.path for p in problems})} file(s)", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"ok: {len(args.paths)} file(s) checked", file=sys.stderr)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from .core.export import export_all
    from .core.paths import data_dir
    from .core.shelf import Shelf
    from .core.store import Store, StoreError

    config, messages = resolve_config(args)
    if messages:
        for message in messages:
            print(message, file=sys.stderr)
        return EXIT_PROBLEMS
    if args.bundle:
        from .central.cli import cmd_export_bundle

        return cmd_export_bundle(args, config)
    if Path(args.out).is_file():
        print(f"innovationslek: --out {args.out} is a file; name a folder for the export", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        store = Store.open(data_dir(config.data_dir))
    except StoreError as exc:
        print(f"innovationslek: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        deck = None
        with contextlib.suppress(Exception):  # the summary then names principles and cards by id
            deck = Shelf().get(config.decks[0], config.language)
        result = export_all(
            store,
            Path(args.out),
            since=args.since,
            deck=deck,
            walkup_text=config.export_walkup_text,
            private=config.private_exports,
            language=config.language,
        )
    except OSError as exc:
        print(f"innovationslek: cannot write to {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    finally:
        store.close()
    print(
        f"exported {result.sessions} sessions, {result.ballots} ballots and {result.plans} plans to {result.folder}",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_set_pin(args: argparse.Namespace) -> int:
    import getpass

    from .core.atomic import PRIVATE_FILE, write_atomic
    from .core.config import set_top_level_key
    from .core.pin import PinError, hash_pin
    from .core.tomlfile import read_toml

    path = Path(args.pin_config) if args.pin_config else default_config_path(args.data_dir)
    if sys.stdin.isatty():
        pin = getpass.getpass("New facilitator PIN (4-12 digits): ")
        if getpass.getpass("Once more: ") != pin:
            print("innovationslek: the two PINs differ; nothing was changed", file=sys.stderr)
            return EXIT_PROBLEMS
    else:
        pin = sys.stdin.readline().strip()
    try:
        stored = hash_pin(pin)
    except PinError as exc:
        print(f"innovationslek: {exc}; nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    text = ""
    if path.exists():
        source, data, problems = read_toml(path)
        if data is None or source is None:
            for problem in problems:
                print(problem, file=sys.stderr)
            return EXIT_PROBLEMS
        text = source.text
    # Only the PIN's line changes: comments, layout, mode, owner and group stay. A new file
    # is the owner's alone: a short PIN's hash is quickly guessed by whoever can read it.
    try:
        write_atomic(path, set_top_level_key(text, "pin_hash", stored), mode=None if path.exists() else PRIVATE_FILE)
    except OSError as exc:
        print(f"innovationslek: cannot write {path}: {exc.strerror or exc}; nothing was changed", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"PIN saved (hashed) in {path}", file=sys.stderr)
    return EXIT_OK


class Unreachable(Exception):
    """No link a phone could open; the message says what to do."""


def _viewer_base(args: argparse.Namespace, config: Config) -> str:
    """--base, else viewer_url, else this machine's own server at its network address
    (the same rule as the share screen)."""
    if args.base:
        return args.base
    if config.viewer_url:
        return config.viewer_url
    from .web.address import base_url, public_host

    host = config.advertise_host or public_host(config.viewer_host)
    if not host:
        raise Unreachable(
            "phones cannot reach this machine: set viewer_url or connect to a network (or give --base URL)"
        )
    if config.viewer_port == 0:
        raise Unreachable("the server's port is chosen when the app starts (port 0): give --base URL")
    return base_url(host, config.viewer_port)


def _plan_link(args: argparse.Namespace) -> tuple[str | None, int]:
    """The link of the plan in ``args.file``, or None and the exit code after a message."""
    from .core.link import encode_link
    from .core.plan import Plan, PlanError
    from .core.problems import FileProblems
    from .core.shelf import Shelf

    config, messages = resolve_config(args)
    for message in messages:
        print(message, file=sys.stderr)
    if messages:
        return None, EXIT_PROBLEMS
    if args.base and not args.base.startswith(("https://", "http://")):
        print("innovationslek: --base must start with https:// or http://", file=sys.stderr)
        return None, EXIT_USAGE
    try:
        plan = Plan.from_toml(Path(args.file).read_text(encoding="utf-8"))
        deck = Shelf().get(plan.deck, plan.language)
        return encode_link(plan, deck, _viewer_base(args, config)), EXIT_OK
    except OSError as exc:
        print(f"innovationslek: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
    except UnicodeDecodeError:
        print(f"innovationslek: {args.file} is not a text file", file=sys.stderr)
    except PlanError as exc:
        print(f"innovationslek: {args.file}: {exc}", file=sys.stderr)
    except KeyError as exc:
        print(f"innovationslek: {args.file}: no deck '{exc.args[0]}' here", file=sys.stderr)
    except FileProblems as exc:
        print(f"innovationslek: the plan's deck has problems:\n{exc}", file=sys.stderr)
    except Unreachable as exc:
        print(f"innovationslek: {exc}", file=sys.stderr)
    return None, EXIT_PROBLEMS


def _find_plan(reference: str, config: Config) -> Plan:
    """The plan a person named on the command line; raises ValueError with a message."""
    import re

    from .core.link import LinkCodec
    from .core.paths import data_dir
    from .core.plan import Plan
    from .core.shelf import Shelf
    from .core.store import CODE_ALPHABET, CODE_LENGTH, DB_NAME, Store

    text = reference.strip()
    path = Path(text).expanduser()
    if "#" in text:
        return LinkCodec(Shelf().all_decks()).decode_link(text)
    if path.suffix == ".toml" or path.is_file():
        try:
            return Plan.from_toml(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ValueError(f"cannot read {text}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise ValueError(f"{text} is not a text file") from None
    if re.fullmatch(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", text.upper()):
        folder = data_dir(config.data_dir)
        if not (folder / DB_NAME).is_file():
            raise ValueError(f"no plans are stored in {folder} (use --data-dir)")
        store = Store.open(folder)
        try:
            plan = store.plan(text.upper())
        finally:
            store.close()
        if plan is None:
            raise ValueError(f"no plan with the code {text.upper()} in {folder}")
        return plan
    return LinkCodec(Shelf().all_decks()).decode_payload(text)  # the part after # on its own


def cmd_plan_show(args: argparse.Namespace) -> int:
    from .core.i18n import labels
    from .core.plan_text import plan_text
    from .core.problems import FileProblems
    from .core.shelf import Shelf
    from .core.store import StoreError

    config, messages = resolve_config(args)
    for message in messages:
        print(message, file=sys.stderr)
    if messages:
        return EXIT_PROBLEMS
    try:
        plan = _find_plan(args.reference, config)
    except (ValueError, StoreError) as exc:  # LinkError and PlanError are ValueErrors
        print(f"innovationslek: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        deck = Shelf().get(plan.deck, plan.language)
    except (KeyError, FileProblems):  # cards and principles are then named by their ids
        deck = None
    challenges = {c.id: c.title for c in Shelf().challenges(plan.language)}
    sys.stdout.write(plan_text(plan, deck, labels(plan.language), challenges))
    return EXIT_OK


def cmd_plan(args: argparse.Namespace) -> int:
    if args.plan_command == "show":
        return cmd_plan_show(args)
    if args.plan_command == "viewer":
        from .core.atomic import write_atomic
        from .core.shelf import Shelf
        from .web.viewer import viewer_html

        try:
            write_atomic(Path(args.out), viewer_html(Shelf()))
        except OSError as exc:
            print(f"innovationslek: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_PROBLEMS
        print(f"viewer page written to {args.out}", file=sys.stderr)
        return EXIT_OK
    link, code = _plan_link(args)
    if link is None:
        return code
    if args.plan_command == "link":
        print(link)
        return EXIT_OK
    import os
    import shutil

    from .core.qr import QUIET, ansi_lines, make_qr

    qr = make_qr(link, "M")
    if qr.version > 10:  # the less robust level keeps a long plan's code small enough to scan
        qr = make_qr(link, "L")
    lines = ansi_lines(qr, basic_colours=os.environ.get("TERM") == "linux")
    for line in lines:
        print(line)
    print(f"QR version {qr.version}, level {qr.level}, {len(link)} characters", file=sys.stderr)
    # A code wider than the terminal wraps into something no phone can read.
    width, columns = len(qr.modules) + 2 * QUIET, shutil.get_terminal_size(fallback=(0, 0)).columns
    if 0 < columns < width:
        print(
            f"innovationslek: the QR code is {width} columns wide and the terminal {columns}: widen the window "
            "(or make the font smaller) before scanning, or share the link (plan link)",
            file=sys.stderr,
        )
    return EXIT_OK


def _deck_for_cards(args: argparse.Namespace) -> Deck | None:
    """The deck named by --deck (an id on the shelf, or a file) in --lang; None after a
    one-line message when it cannot be had."""
    from .core.paths import data_dir, user_decks_dir
    from .core.problems import FileProblems
    from .core.shelf import Shelf

    shelf = Shelf(user_dir=user_decks_dir(data_dir(args.data_dir or "")))  # the organisation's own too
    try:
        if args.card_deck.endswith(".toml"):
            deck = shelf.add_file(Path(args.card_deck))
        else:
            deck = shelf.get(args.card_deck, args.card_lang)
    except KeyError:
        print(f"innovationslek: no deck '{args.card_deck}' (known: {', '.join(shelf.ids())})", file=sys.stderr)
        return None
    except FileProblems as exc:
        print(f"innovationslek: the deck has problems:\n{exc}", file=sys.stderr)
        return None
    except OSError as exc:
        print(f"innovationslek: cannot read {args.card_deck}: {exc.strerror or exc}", file=sys.stderr)
        return None
    if deck.language != args.card_lang:
        print(
            f"innovationslek: deck '{deck.id}' has no {args.card_lang} file; showing {deck.language}", file=sys.stderr
        )
    return deck


def cmd_cards(args: argparse.Namespace) -> int:
    from .core.card_list import card_lines, fitting_cards

    deck = _deck_for_cards(args)
    if deck is None:
        return EXIT_PROBLEMS
    model = deck.model
    if args.principle and model is not None and args.principle not in model.principle_ids:
        print(
            f"innovationslek: no principle '{args.principle}' in '{deck.id}' (known: {', '.join(model.principle_ids)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    cards = fitting_cards(deck, people=args.people, minutes=args.minutes, principle=args.principle)
    for line in card_lines(cards, deck):
        print(line)
    print(f"{len(cards)} of {len(deck.cards)} cards fit", file=sys.stderr)
    return EXIT_OK


def cmd_print(args: argparse.Namespace) -> int:
    from .core.atomic import write_atomic
    from .core.printsheet import sheet_html

    deck = _deck_for_cards(args)
    if deck is None:
        return EXIT_PROBLEMS
    used = None
    if deck.uses:
        from .core.shelf import Shelf

        try:
            used = Shelf().get(deck.uses, deck.language)
        except Exception:  # the sheet then names suggested cards by id
            used = None
    try:
        write_atomic(Path(args.out), sheet_html(deck, used))
    except OSError as exc:
        print(f"innovationslek: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{len(deck.cards)} cards of '{deck.title}' written to {args.out}", file=sys.stderr)
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    config, messages = resolve_config(args)
    if messages:
        for message in messages:
            print(message, file=sys.stderr)
        return EXIT_PROBLEMS
    from .ui.launch import launch

    return launch(config)


def cmd_central(args: argparse.Namespace) -> int:
    """sync, import, central, report, demo: the organisation's commands (kiosk/central/cli.py)."""
    from .central.cli import HANDLERS

    if getattr(args, "sub_data_dir", None) and not args.data_dir:
        args.data_dir = args.sub_data_dir  # `sync --data-dir D` finds D/kiosk.toml too
    config, messages = resolve_config(args)
    if messages:
        for message in messages:
            print(message, file=sys.stderr)
        return EXIT_PROBLEMS
    return HANDLERS[args.command](args, config)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commands = {
        "check": cmd_check,
        "export": cmd_export,
        "set-pin": cmd_set_pin,
        "plan": cmd_plan,
        "cards": cmd_cards,
        "print": cmd_print,
    }
    commands.update(dict.fromkeys(("sync", "import", "central", "report", "demo"), cmd_central))
    try:
        return commands.get(args.command, cmd_run)(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. piped into head: the reader has what it wanted
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # never a traceback on a user's screen
        from .core.logfile import log_exception

        where = log_exception(exc)
        print(f"innovationslek: unexpected error: {exc}. Details were written to {where}", file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
