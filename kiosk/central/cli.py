"""The organisation's subcommands: sync, export --bundle, import, central init, report, demo.

Each handler prints one line for a person and returns an exit code; psycopg and the report
code are imported only inside the handler that needs them.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ..core.config import Config

EXIT_OK, EXIT_PROBLEMS = 0, 1


def _say(message: str) -> None:
    print(f"innovationslek: {message}", file=sys.stderr)


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def add_commands(sub: argparse._SubParsersAction, date_type: Callable[[str], str]) -> None:
    sync = sub.add_parser("sync", help="send what the central PostgreSQL lacks (exactly once)")
    sync.add_argument("--to", metavar="URL", help="postgresql://user:password@host/db (default: [central] url)")
    sync.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR")
    sync.add_argument("--batch-rows", type=_positive, default=None, metavar="N", help=argparse.SUPPRESS)
    importer = sub.add_parser("import", help="deliver a bundle file to the central PostgreSQL")
    importer.add_argument("file", metavar="FILE")
    importer.add_argument("--to", required=True, metavar="URL")
    central = sub.add_parser("central", help="the central database")
    central_sub = central.add_subparsers(dest="central_command", metavar="ACTION", required=True)
    init = central_sub.add_parser("init", help="create or upgrade the central schema")
    init.add_argument("--db", required=True, metavar="URL")
    report = sub.add_parser("report", help="report.html, report.md and CSVs for the organisation")
    report.add_argument("--db", required=True, metavar="URL|FILE", help="the central database or a kiosk's .sqlite3")
    report.add_argument("--out", required=True, metavar="DIR")
    report.add_argument("--since", type=date_type, metavar="DATE", help="only from this day on (YYYY-MM-DD)")
    report.add_argument("--team", metavar="TEAM", help="only this team")
    demo = sub.add_parser("demo", help="fill a data directory with made-up activity (to try the report)")
    demo.add_argument("--data-dir", dest="sub_data_dir", metavar="DIR", required=True)
    demo.add_argument("--teams", type=_positive, default=3, metavar="N")
    demo.add_argument("--months", type=_positive, default=6, metavar="M")
    demo.add_argument("--seed", dest="demo_seed", type=int, default=1, metavar="S")


COMMANDS = ("sync", "import", "central", "report", "demo")


def _data_dir(args: argparse.Namespace, config: Config) -> Path:
    from ..core.paths import data_dir

    return data_dir(getattr(args, "sub_data_dir", None) or config.data_dir)


def cmd_sync(args: argparse.Namespace, config: Config) -> int:
    from ..core.store import StoreError
    from .pg import CentralError
    from .settings import CentralSettings
    from .sync import sync

    settings = config.central or CentralSettings(send_walkup_text=config.export_walkup_text)
    url = args.to or settings.url
    if not url:
        _say("no central database: give --to postgresql://... or set url in the [central] table of kiosk.toml")
        return EXIT_PROBLEMS
    options = {"batch_rows": args.batch_rows} if args.batch_rows else {}
    try:
        result = sync(_data_dir(args, config), url, settings, **options)
    except CentralError as exc:
        _say(f"{exc}; nothing was lost, the next sync goes on from here")
        return EXIT_PROBLEMS
    except StoreError as exc:
        _say(str(exc))
        return EXIT_PROBLEMS
    print(
        f"synced {result.sent.get('sessions', 0)} sessions, {result.sent.get('ballots', 0)} ballots and "
        f"{result.sent.get('plans', 0)} plans in {result.batches} batches ({result.new} rows new to the central "
        f"database); {result.waiting} waiting",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_export_bundle(args: argparse.Namespace, config: Config) -> int:
    from ..core.store import StoreError
    from .bundle import write_bundle
    from .settings import CentralSettings

    settings = config.central or CentralSettings(send_walkup_text=config.export_walkup_text)
    try:
        info = write_bundle(_data_dir(args, config), Path(args.bundle), settings)
    except StoreError as exc:
        _say(str(exc))
        return EXIT_PROBLEMS
    except OSError as exc:
        _say(f"cannot write {args.bundle}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    print(
        f"bundle written to {args.bundle}: {info.counts['sessions']} sessions, {info.counts['ballots']} ballots, "
        f"{info.counts['plans']} plans",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace, config: Config) -> int:
    from .bundle import BundleError, import_bundle
    from .pg import CentralError

    try:
        result = import_bundle(Path(args.file), args.to)
    except BundleError as exc:
        _say(f"{exc}; nothing was imported")
        return EXIT_PROBLEMS
    except CentralError as exc:
        _say(f"{exc}; what was imported stays, importing the file again completes it")
        return EXIT_PROBLEMS
    print(f"imported {args.file}: {result.rows} rows in {result.batches} batches, {result.new} new", file=sys.stderr)
    return EXIT_OK


def cmd_central(args: argparse.Namespace, config: Config) -> int:
    from .pg import CentralError
    from .schema import init

    try:
        before, after = init(args.db)
    except CentralError as exc:
        _say(f"{exc}; nothing was changed")
        return EXIT_PROBLEMS
    state = "already at" if before == after else f"upgraded from schema {before} to"
    print(f"central database {state} schema {after}", file=sys.stderr)
    return EXIT_OK


def cmd_report(args: argparse.Namespace, config: Config) -> int:
    from .pg import CentralError
    from .report import ReportError, write_report

    try:
        result = write_report(args.db, Path(args.out), since=args.since, team=args.team, language=config.language)
    except (CentralError, ReportError) as exc:
        _say(str(exc))
        return EXIT_PROBLEMS
    except OSError as exc:
        _say(f"cannot write to {args.out}: {exc.strerror or exc}")
        return EXIT_PROBLEMS
    print(
        f"report written to {result.folder}: {result.sessions} sessions, {result.ballots} ballots, "
        f"{result.teams} teams",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, config: Config) -> int:
    from ..core.store import StoreError
    from .demo import generate

    try:
        result = generate(Path(args.sub_data_dir), teams=args.teams, months=args.months, seed=args.demo_seed)
    except StoreError as exc:
        _say(str(exc))
        return EXIT_PROBLEMS
    print(
        f"demo data in {result.folder}: {result.sessions} sessions, {result.ballots} ballots, {result.plans} plans",
        file=sys.stderr,
    )
    return EXIT_OK


HANDLERS = {"sync": cmd_sync, "import": cmd_import, "central": cmd_central, "report": cmd_report, "demo": cmd_demo}
