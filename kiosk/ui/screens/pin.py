"""The facilitator's PIN, asked before the facilitator menu opens in kiosk mode."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from ...core.i18n import t


class PinScreen(ModalScreen[bool]):
    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    PinScreen #pin-box { width: 50; max-width: 100%; height: auto; background: $surface;
                         border: thick $primary; padding: 1 2; }
    PinScreen Input { width: 100%; }
    """

    def compose(self) -> ComposeResult:
        lang = self.app.language  # type: ignore[attr-defined]
        with Vertical(id="pin-box"):
            yield Static(t(lang, "pin.title"), classes="title")
            yield Input(password=True, restrict=r"[0-9]*", max_length=12, id="pin")
            yield Static("", id="pin-message", classes="message")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        app = self.app
        gate = app.pin_gate  # type: ignore[attr-defined]
        lang = app.language  # type: ignore[attr-defined]
        wait = gate.wait(app.clock())  # type: ignore[attr-defined]
        ok = gate.attempt(event.value, app.clock())  # type: ignore[attr-defined]
        event.input.value = ""
        if ok:
            self.dismiss(True)
            return
        if not gate.stored:
            message = t(lang, "pin.none")
        elif wait > 0:
            message = t(lang, "pin.wait", n=int(gate.wait(app.clock())) + 1)  # type: ignore[attr-defined]
        else:
            message = t(lang, "pin.wrong", n=int(gate.wait(app.clock())) + 1)  # type: ignore[attr-defined]
        self.query_one("#pin-message", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(False)
