"""The facilitator's PIN, asked before the facilitator menu opens in kiosk mode."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from ...core.pin import PinGate
from .modal import KioskModal


class PinScreen(KioskModal[bool]):
    AUTO_FOCUS = "#pin"
    BINDINGS = [Binding("escape", "cancel", show=False)]
    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    PinScreen #pin-box { width: 50; max-width: 100%; height: auto; background: $surface;
                         border: thick $primary; padding: 1 2; }
    PinScreen Input { width: 100%; }
    """

    def __init__(self, language: str, gate: PinGate, clock: Callable[[], float]) -> None:
        super().__init__(language)
        self.gate = gate
        self.clock = clock

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-box"):
            yield Static(self.t("pin.title"), classes="title")
            yield Input(password=True, restrict=r"[0-9]*", max_length=12, id="pin")
            yield Static("", id="pin-message", classes="message")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        gate, clock = self.gate, self.clock
        wait = gate.wait(clock())
        ok = gate.attempt(event.value, clock())
        event.input.value = ""
        if ok:
            self.dismiss(True)
            return
        if not gate.stored:
            message = self.t("pin.none")
        elif wait > 0:
            message = self.t("pin.wait", n=int(gate.wait(clock())) + 1)
        else:
            message = self.t("pin.wrong", n=int(gate.wait(clock())) + 1)
        self.query_one("#pin-message", Static).update(message)

    def action_cancel(self) -> None:
        self.dismiss(False)
