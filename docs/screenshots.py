"""Screenshots of the real program in a real terminal, for the README's gallery.

Each picture is the app running in xterm (DejaVu Sans Mono) under a virtual X server, driven
through tmux with the keys a user would press; `import` (ImageMagick) saves the window. A real
terminal keeps runs of spaces, block glyphs and the QR code's quiet zone, which an SVG export
converted to PNG does not.

    python docs/screenshots.py [--out docs/screenshots] [--only NAME ...] [--size COLSxROWS] [--term linux]
    python docs/screenshots.py --phone [--lang nb] [--out docs/screenshots]
    python docs/screenshots.py --all --lang da --size 80x24   every screen, in Danish, at 80x24

``--size`` takes every picture at that size instead of the gallery's own, and ``--term linux``
runs the app as on the bare Linux console (its CP437 glyphs and 16 colours, which xterm is
given too), ``--theme NAME`` in another shipped theme, for checking a
design at 80x24, 120x40 and 200x60; those pictures get the size (and ``-linux``) in their name.

``--phone`` takes the phone ballot page instead: the real page served by the app's own web
server on loopback, in headless Chromium emulating a phone (Selenium, from the test extra),
with the first questions answered.

Needs (Debian): xvfb xterm imagemagick fonts-dejavu-core tmux; chromium and chromium-driver
for the phone page.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Say(NamedTuple):
    """A text the app shows, named by its key in the locale catalogues, so a step waits for
    it in whichever language the app runs (and cannot drift from the catalogue). Values fill
    its placeholders; the text is cut before the first placeholder left unfilled."""

    key: str
    values: dict[str, object] = {}


def say(key: str, **values: object) -> Say:
    return Say(key, values)


# A wait is a Say, or plain text that is the same in every language (a digit, "Enter", "min").
Wait = Say | str


@dataclass
class Shot:
    name: str
    args: list[str]
    size: tuple[int, int]
    # (text to wait for, keys to send then); the picture is taken when ``ready`` shows.
    steps: list[tuple[Wait, list[str]]] = field(default_factory=list)
    ready: Wait = ""
    gallery: bool = True  # in the README; the others are for checking a design (--all)
    language: str = "sv"


SETUP = say("setup.title")
RESULTS = say("results.title", n=3)
STEPS = say("card.steps")
WORKSHOP_VOTE = [(SETUP, ["C-s"]), (say("lobby.title"), ["Enter"])]
BALLOT = ["2", "3", "4", "2", "3", "1", "4", "2", "3", "1", "Enter"]
# Three people vote in the lobby, so the results show a spread worth talking about.
BALLOTS = [
    (say("ballot.title", n=1), BALLOT),
    (say("lobby.count", n=1), ["Enter"]),
    (say("ballot.title", n=2), ["1", "3", "2", "5", "2", "1", "4", "1", "3", "5", "Enter"]),
    (say("lobby.count", n=2), ["Enter"]),
    (say("ballot.title", n=3), ["2", "4", "3", "1", "3", "2", "5", "2", "4", "2", "Enter"]),
    (say("lobby.count", n=3), ["C-r"]),
    (say("room_votes.reveal_question"), ["Right", "Enter"]),
]
TO_RESULTS = [*WORKSHOP_VOTE, *BALLOTS]
# A walk-up visitor answers the self-check and opens the first card dealt.
WALKUP_CARD = [
    ("Enter", ["Enter"]),
    ("1", ["3", "2", "4", "1", "3", "2", "4", "3", "2", "Enter"]),
    (say("results.title", n=1), ["Enter"]),
    ("min", ["Enter"]),
    (STEPS, ["Enter"]),
]

SHOTS = [
    Shot("start", [], (120, 40), ready=say("mode.followup")),
    Shot("ballot", ["--mode", "workshop"], (120, 40), WORKSHOP_VOTE, ready=say("ballot.title", n=1)),
    Shot("results", ["--mode", "workshop"], (120, 40), TO_RESULTS, ready=RESULTS),
    Shot("deal", ["--mode", "workshop", "--seed", "2"], (120, 40), [*TO_RESULTS, (RESULTS, ["Enter"])], ready="min"),
    Shot(
        "exercise",
        ["--mode", "workshop", "--seed", "2"],
        (120, 40),
        [*TO_RESULTS, (RESULTS, ["Enter"]), ("min", ["Enter"]), (STEPS, ["t"])],
        ready=say("timer.step", n=1),
    ),
    Shot(
        "share",
        ["--mode", "walkup", "--seed", "2"],
        (160, 50),
        [*WALKUP_CARD, ("1", ["1"]), ("2", ["2"]), (say("room_plan.mini_save"), ["Enter"])],
        ready=say("share.code"),
    ),
    # The other screens, for checking the design at every size (not in the README).
    Shot("setup", ["--mode", "workshop"], (120, 40), ready=SETUP, gallery=False),
    # Two screens as a projector shows them (200x60): the lobby and a card.
    Shot("lobby", ["--mode", "workshop"], (200, 60), [*WORKSHOP_VOTE, *BALLOTS[:1]], ready=say("lobby.count", n=1)),
    Shot(
        "card",
        ["--mode", "workshop", "--seed", "2"],
        (200, 60),
        [*TO_RESULTS, (RESULTS, ["Enter"]), ("min", ["Enter"])],
        ready=STEPS,
    ),
    Shot(
        "plan",
        ["--mode", "workshop", "--seed", "2"],
        (120, 40),
        [*TO_RESULTS, (RESULTS, ["Enter"]), ("min", ["Space", "c"])],
        ready=say("plan.heading"),
        gallery=False,
    ),
    Shot("attract", ["--mode", "walkup"], (120, 40), ready="Enter", gallery=False),
    Shot(
        "walkup-ballot",
        ["--mode", "walkup"],
        (120, 40),
        [("Enter", ["Enter"])],
        ready=say("ballot.title_single"),
        gallery=False,
    ),
    Shot("team", ["--mode", "checkin"], (120, 40), ready=say("team.title"), gallery=False),
    Shot("followup", ["--mode", "followup"], (120, 40), ready=say("followup.title"), gallery=False),
    Shot("help", ["--mode", "workshop"], (120, 40), [(SETUP, ["F1"])], ready="Esc", gallery=False),
    Shot(
        "facilitator",
        ["--mode", "workshop"],
        (120, 40),
        [(SETUP, ["F12"])],
        ready=say("facilitator.title"),
        gallery=False,
    ),
    Shot(
        "dayview",
        ["--mode", "workshop"],
        (120, 40),
        [(SETUP, ["F12"]), (say("facilitator.title"), ["BTab", "BTab", "BTab", "Enter"])],
        ready=say("day.title"),
        gallery=False,
    ),
    Shot(
        "hands",
        ["--mode", "workshop"],
        (120, 40),
        [(SETUP, ["Tab"] * 7 + ["Right", "C-s"]), (say("hands.title"), ["3", "Enter", "2"])],
        ready=say("hands.progress", n=1),
        gallery=False,
    ),
    Shot(
        "quit",
        ["--mode", "workshop"],
        (120, 40),
        [*WORKSHOP_VOTE, (say("ballot.title", n=1), BALLOT), (say("lobby.count", n=1), ["C-q"])],
        ready=say("room_keys.quit_question"),
        gallery=False,
    ),
    Shot("pin", ["--mode", "workshop", "--kiosk"], (120, 40), [(SETUP, ["F12"])], ready="PIN", gallery=False),
    Shot(
        "stillthere",
        ["--mode", "walkup", "--idle", "5"],
        (120, 40),
        [("Enter", ["Enter"])],
        ready=say("still.hint"),
        gallery=False,
    ),
    Shot(
        "miniplan",
        ["--mode", "walkup", "--seed", "2"],
        (120, 40),
        WALKUP_CARD,
        ready=say("mini.title"),
        gallery=False,
    ),
]

LANGUAGES = ("sv", "en", "nb", "da")
_CUT = "\0"


class _CutAtUnfilled(dict):
    def __missing__(self, name: str) -> str:
        return _CUT


def screen_text(wait: Wait, language: str) -> str:
    """What the app shows for ``wait`` in ``language``."""
    if isinstance(wait, str):
        return wait
    from kiosk.core.i18n import catalogue, plural_form

    words = catalogue(language)
    text = words.get(wait.key) or words.get(f"{wait.key}.{plural_form(language, wait.values.get('n'))}")
    if text is None:
        raise KeyError(f"{wait.key} is not in kiosk/locales/{language}.toml")
    return text.format_map(_CutAtUnfilled(wait.values)).split(_CUT)[0].rstrip()


def in_language(shot: Shot, language: str) -> Shot:
    """The same shot with the app in ``language`` (its waits follow, see ``screen_text``)."""
    if language == "sv":
        return shot
    return replace(shot, args=[*shot.args, "--lang", language], language=language)


def console_palette() -> list[str]:
    """xterm options that give its 16 colours the Linux console's own (VGA) values: with
    xterm's, the console's brown is a bright yellow and the picture misleads."""
    from kiosk.ui.console import CONSOLE_COLOURS

    return [
        option
        for number in range(16)
        for option in ("-xrm", f"XTerm*color{number}: {CONSOLE_COLOURS.ansi_colors[number].hex}")
    ]


class Terminal:
    """One xterm on its own virtual display, running tmux, running the app."""

    def __init__(self, shot: Shot, data_dir: Path, term: str = ""):
        cols, rows = shot.size
        self.socket = f"shots-{os.getpid()}-{shot.name}"
        # Xvfb picks a free display and says which: another run (or anyone's X server) on a
        # guessed number would otherwise end up in this picture.
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "3000x2000x24"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as said:
            self.display = f":{said.readline().strip()}"
        # Any free port: a kiosk (or another run) on the default one would leave the lobby
        # without its join code.
        app = [sys.executable, str(ROOT / "run.py"), "--data-dir", str(data_dir), "--listen", "0.0.0.0:0", *shot.args]
        command = " ".join(shlex.quote(a) for a in app)
        if term:
            command = f"TERM={shlex.quote(term)} {command}"
        inner = f"cd {shlex.quote(str(ROOT))} && {command}; sleep 600"
        conf = data_dir / "tmux.conf"
        conf.write_text(
            "set -g status off\nset -g default-terminal tmux-256color\nset -ga terminal-overrides ',xterm*:RGB'\n"
        )
        env = {**os.environ, "DISPLAY": self.display, "COLORTERM": "truecolor"}
        self.xterm = subprocess.Popen(
            [
                "xterm",
                *(console_palette() if term == "linux" else []),
                "-geometry",
                f"{cols}x{rows}+0+0",
                "-fa",
                "DejaVu Sans Mono",
                "-fs",
                "11",
                "-bg",
                "#101418",
                "-fg",
                "white",
                "-e",
                "tmux",
                "-L",
                self.socket,
                "-f",
                str(conf),
                "new-session",
                "-s",
                "s",
                "-x",
                str(cols),
                "-y",
                str(rows),
                "bash",
                "-c",
                inner,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def text(self) -> str:
        return subprocess.run(
            ["tmux", "-L", self.socket, "capture-pane", "-p", "-t", "s"], capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.text():
                return
            time.sleep(0.2)
        raise RuntimeError(f"{text!r} did not appear; the screen was:\n{self.text()}")

    def keys(self, keys: list[str]) -> None:
        for key in keys:
            subprocess.run(["tmux", "-L", self.socket, "send-keys", "-t", "s", key], check=True)
            time.sleep(0.15)

    def png(self, out: Path) -> None:
        time.sleep(0.8)  # let the last frame settle
        subprocess.run(
            ["import", "-window", "root", "-trim", "+repage", str(out)],
            check=True,
            env={**os.environ, "DISPLAY": self.display},
        )

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        for process in (self.xterm, self.xvfb):
            process.terminate()
            process.wait(timeout=10)


def take(shot: Shot, out_dir: Path, suffix: str = "", term_name: str = "") -> Path:
    with tempfile.TemporaryDirectory() as data:
        term = Terminal(shot, Path(data), term_name)
        try:
            for wait, keys in shot.steps:
                term.wait_for(screen_text(wait, shot.language))
                term.keys(keys)
            term.wait_for(screen_text(shot.ready, shot.language))
            out = out_dir / f"{shot.name}{suffix}.png"
            term.png(out)
            return out
        finally:
            term.close()


PHONE = (390, 844)  # CSS pixels of a common phone, drawn at twice that


def phone_shot(out: Path, language: str = "sv") -> Path:
    """The phone ballot page as a phone shows it, part-way through the ballot."""
    if shutil.which("chromium") is None or shutil.which("chromedriver") is None:
        raise RuntimeError("needs chromium and chromium-driver (Debian: chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        raise RuntimeError("needs Selenium: pip install -e '.[test]'") from None
    from kiosk.core.ballotbox import BallotBox
    from kiosk.core.session import Session, SessionSettings
    from kiosk.core.shelf import Shelf
    from kiosk.core.store import Store
    from kiosk.web.server import KioskServer

    def photograph(url: str) -> None:
        options = webdriver.ChromeOptions()
        for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium")
        metrics = {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2.0, "touch": True}
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics})
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.get(url)
            WebDriverWait(driver, 10).until(lambda d: d.find_elements("id", "send"))
            # Answers set as a tap would, but without the tap's highlight in the picture; the
            # view is the principles' 1-5 scales, the most of the ballot a phone shows at once.
            driver.execute_script(
                """
                const sets = document.querySelectorAll('fieldset');
                [[0, 2], [1, 4], [2, 3]].forEach(([n, step]) => {
                  sets[n].querySelectorAll('input[type=radio]')[step - 1].checked = true;
                });
                sets[1].scrollIntoView({block: 'start'});
                """
            )
            driver.save_screenshot(str(out))
        finally:
            driver.quit()

    async def serve_and_photograph(data: Path) -> None:
        store = Store.open(data)
        deck = Shelf().get("innovationslek", language)
        settings = SessionSettings(mode="workshop", group_size=5, language=language)
        box = BallotBox(Session(store=store, deck=deck, settings=settings))
        server = KioskServer("viewer", "127.0.0.1", 0).open()
        try:
            await server.ready.wait()
            server.add_room(box)
            await asyncio.to_thread(photograph, f"{server.local_url()}v/{box.room}")
        finally:
            await server.close()
            store.close()

    with tempfile.TemporaryDirectory() as data:
        asyncio.run(serve_and_photograph(Path(data)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--all", action="store_true", help="every screen, not only the README's")
    parser.add_argument("--size", default="", help="COLSxROWS for every picture")
    parser.add_argument("--term", default="", help="TERM for the app, e.g. linux")
    parser.add_argument("--phone", action="store_true", help="the phone ballot page in headless Chromium")
    parser.add_argument("--lang", default="sv", choices=LANGUAGES, help="the app's language")
    parser.add_argument("--theme", default="", help="a theme by name, e.g. kiosk-light")
    args = parser.parse_args()
    if args.phone:
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            name = "phone.png" if args.lang == "sv" else f"phone-{args.lang}.png"
            print(phone_shot(out_dir / name, args.lang))
        except RuntimeError as exc:
            print(f"screenshots: phone: {exc}", file=sys.stderr)
            return 1
        return 0
    size = None
    if args.size:
        try:
            cols, rows = (int(n) for n in args.size.lower().split("x"))
            size = (cols, rows)
        except ValueError:
            print(f"screenshots: --size {args.size!r} is not COLSxROWS, e.g. 80x24", file=sys.stderr)
            return 2
    suffix = (
        (f"-{size[0]}x{size[1]}" if size else "")
        + (f"-{args.term}" if args.term else "")
        + (f"-{args.lang}" if args.lang != "sv" else "")
        + (f"-{args.theme}" if args.theme else "")
    )
    missing = [tool for tool in ("Xvfb", "xterm", "import", "tmux") if shutil.which(tool) is None]
    if missing:
        print(f"screenshots: missing {', '.join(missing)} (Debian: xvfb xterm imagemagick tmux)", file=sys.stderr)
        return 1
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    for shot in SHOTS:
        if args.only and shot.name not in args.only:
            continue
        if not args.only and not args.all and not shot.gallery:
            continue
        if size:
            shot = replace(shot, size=size)
        shot = in_language(shot, args.lang)
        if args.theme:
            shot = replace(shot, args=[*shot.args, "--theme", args.theme])
        try:
            print(take(shot, out_dir, suffix, args.term))
        except RuntimeError as exc:  # the next pictures may still work: say which failed
            print(f"screenshots: {shot.name}: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
