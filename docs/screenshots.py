"""Screenshots of the real program in a real terminal, for the README's gallery.

Each picture is the app running in xterm (DejaVu Sans Mono) under a virtual X server, driven
through tmux with the keys a user would press; `import` (ImageMagick) saves the window. A real
terminal keeps runs of spaces, block glyphs and the QR code's quiet zone, which an SVG export
converted to PNG does not.

    python docs/screenshots.py [--out docs/screenshots] [--only NAME ...] [--size COLSxROWS] [--term linux]
    python docs/screenshots.py --phone [--out docs/screenshots]
    python docs/screenshots.py --all --lang en --size 80x24   every screen, in English, at 80x24

``--size`` takes every picture at that size instead of the gallery's own, and ``--term linux``
runs the app as on the bare Linux console (its CP437 glyphs and 16 colours), for checking a
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

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Shot:
    name: str
    args: list[str]
    size: tuple[int, int]
    # (text to wait for, keys to send then); the picture is taken when ``ready`` shows.
    steps: list[tuple[str, list[str]]] = field(default_factory=list)
    ready: str = ""
    gallery: bool = True  # in the README; the others are for checking a design (--all)


WORKSHOP_VOTE = [("Förbered workshopen", ["C-s"]), ("omröstning", ["Enter"])]
BALLOT = ["2", "3", "4", "2", "3", "1", "4", "2", "3", "1", "Enter"]
# Three people vote in the lobby, so the results show a spread worth talking about.
BALLOTS = [
    ("Röst nummer 1", BALLOT),
    ("1 har röstat", ["Enter"]),
    ("Röst nummer 2", ["1", "3", "2", "5", "2", "1", "4", "1", "3", "5", "Enter"]),
    ("2 har röstat", ["Enter"]),
    ("Röst nummer 3", ["2", "4", "3", "1", "3", "2", "5", "2", "4", "2", "Enter"]),
    ("3 har röstat", ["C-r"]),
    ("Visa resultatet för alla?", ["Right", "Enter"]),
]

SHOTS = [
    Shot("start", [], (120, 40), ready="Uppföljning"),
    Shot("ballot", ["--mode", "workshop"], (120, 40), WORKSHOP_VOTE, ready="Röst"),
    Shot("results", ["--mode", "workshop"], (120, 40), [*WORKSHOP_VOTE, *BALLOTS], ready="Resultat"),
    Shot(
        "deal",
        ["--mode", "workshop", "--seed", "2"],
        (120, 40),
        [*WORKSHOP_VOTE, *BALLOTS, ("Resultat", ["Enter"])],
        ready="min",
    ),
    Shot(
        "exercise",
        ["--mode", "workshop", "--seed", "2"],
        (120, 40),
        [*WORKSHOP_VOTE, *BALLOTS, ("Resultat", ["Enter"]), ("min", ["Enter"]), ("Så gör ni", ["t"])],
        ready="Steg 1",
    ),
    Shot(
        "share",
        ["--mode", "walkup", "--seed", "2"],
        (160, 50),
        [
            ("Enter", ["Enter"]),
            ("1", ["3", "2", "4", "1", "3", "2", "4", "3", "2", "Enter"]),
            ("Resultat", ["Enter"]),
            ("min", ["Enter"]),
            ("Så gör ni", ["Enter"]),
            ("1", ["1"]),
            ("2", ["2"]),
            ("Spara och visa", ["Enter"]),
        ],
        ready="kod",
    ),
    # The other screens, for checking the design at every size (not in the README).
    Shot("setup", ["--mode", "workshop"], (120, 40), ready="Förbered workshopen", gallery=False),
    # Two screens as a projector shows them (200x60): the lobby and a card.
    Shot("lobby", ["--mode", "workshop"], (200, 60), [*WORKSHOP_VOTE, *BALLOTS[:1]], ready="1 har röstat"),
    Shot(
        "card",
        ["--mode", "workshop", "--seed", "2"],
        (200, 60),
        [*WORKSHOP_VOTE, *BALLOTS, ("Resultat", ["Enter"]), ("min", ["Enter"])],
        ready="Så gör ni",
    ),
    Shot(
        "plan",
        ["--mode", "workshop", "--seed", "2"],
        (120, 40),
        [*WORKSHOP_VOTE, *BALLOTS, ("Resultat", ["Enter"]), ("min", ["Space", "c"])],
        ready="andlingsplan",
        gallery=False,
    ),
    Shot("attract", ["--mode", "walkup"], (120, 40), ready="Enter", gallery=False),
    Shot("walkup-ballot", ["--mode", "walkup"], (120, 40), [("Enter", ["Enter"])], ready="Var står du", gallery=False),
    Shot("team", ["--mode", "checkin"], (120, 40), ready="Teamavstämning", gallery=False),
    Shot("followup", ["--mode", "followup"], (120, 40), ready="Följ upp", gallery=False),
    Shot("help", ["--mode", "workshop"], (120, 40), [("Förbered workshopen", ["F1"])], ready="Esc", gallery=False),
    Shot(
        "facilitator",
        ["--mode", "workshop"],
        (120, 40),
        [("Förbered workshopen", ["F12"])],
        ready="Samtalsledarens meny",
        gallery=False,
    ),
    Shot(
        "dayview",
        ["--mode", "workshop"],
        (120, 40),
        [("Förbered workshopen", ["F12"]), ("Samtalsledarens meny", ["BTab", "BTab", "BTab", "Enter"])],
        ready="Dagens siffror,",
        gallery=False,
    ),
    Shot(
        "miniplan",
        ["--mode", "walkup", "--seed", "2"],
        (120, 40),
        [
            ("Enter", ["Enter"]),
            ("1", ["3", "2", "4", "1", "3", "2", "4", "3", "2", "Enter"]),
            ("Resultat", ["Enter"]),
            ("min", ["Enter"]),
            ("Så gör ni", ["Enter"]),
        ],
        ready="Ditt första steg",
        gallery=False,
    ),
]


# What the app says in English where a step waits for Swedish text (``--lang en``).
ENGLISH = {
    "Förbered workshopen": "Prepare the workshop",
    "omröstning": "ballot",
    "Röst nummer 1": "Vote number 1",
    "Röst nummer 2": "Vote number 2",
    "Röst nummer 3": "Vote number 3",
    "1 har röstat": "1 has voted",
    "2 har röstat": "2 have voted",
    "3 har röstat": "3 have voted",
    "Resultat": "Results",
    "Så gör ni": "How to do it",
    "kod": "code",
    "Uppföljning": "Follow-up",
    "Röst": "Vote",
    "Var står du": "Where are you",
    "Teamavstämning": "Team check-in",
    "Följ upp": "Follow up",
    "Samtalsledarens meny": "Facilitator menu",
    "Dagens siffror,": "Today's numbers,",
    "Ditt första steg": "Your first step",
    "andlingsplan": "ction plan",
    "Visa resultatet för alla?": "Show the results to everyone?",
    "Steg 1": "Step 1",
}


def in_language(shot: Shot, language: str) -> Shot:
    """The same shot with the app in ``language`` (sv or en) and the waits in its words."""
    if language == "sv":
        return shot
    say = ENGLISH.get
    return replace(
        shot,
        args=[*shot.args, "--lang", language],
        steps=[(say(wait, wait), keys) for wait, keys in shot.steps],
        ready=say(shot.ready, shot.ready),
    )


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
                term.wait_for(wait)
                term.keys(keys)
            term.wait_for(shot.ready)
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
    sys.path.insert(0, str(ROOT))
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
    parser.add_argument("--lang", default="sv", choices=["sv", "en"], help="the app's language")
    args = parser.parse_args()
    if args.phone:
        out_dir = Path(args.out)
        out_dir.mkdir(parents=True, exist_ok=True)
        try:
            print(phone_shot(out_dir / "phone.png"))
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
        try:
            print(take(shot, out_dir, suffix, args.term))
        except RuntimeError as exc:  # the next pictures may still work: say which failed
            print(f"screenshots: {shot.name}: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
