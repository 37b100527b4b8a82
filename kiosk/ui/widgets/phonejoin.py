"""The lobby's phone panel: the join QR code, the address written out, tokens issued
against ballots cast, and a Wi-Fi QR code when the facilitator runs a hotspot.

When phones cannot join (no network address, a busy port) the panel says so instead of
drawing a code that cannot work."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from ...core.i18n import t
from .qr import QRWidget


def wifi_qr_text(ssid: str, password: str) -> str:
    """The Wi-Fi join code phones' cameras understand; \\ ; , : " are escaped."""

    def esc(value: str) -> str:
        for ch in '\\;,:"':
            value = value.replace(ch, "\\" + ch)
        return value

    kind = "WPA" if password else "nopass"
    return f"WIFI:T:{kind};S:{esc(ssid)};P:{esc(password)};;"


class PhoneJoin(Vertical):
    DEFAULT_CSS = """
    PhoneJoin { width: 40; height: 100%; padding: 0 1; align-vertical: middle; }
    PhoneJoin #join-qr { height: 1fr; min-height: 10; min-width: 20; }
    PhoneJoin #wifi-qr { height: 3; }
    PhoneJoin .phone-line { height: auto; }
    PhoneJoin #join-address { text-style: bold; }
    PhoneJoin #join-note { color: $warning; height: auto; }
    """

    def __init__(
        self,
        language: str,
        join_url: str | None,
        note: str,
        *,
        wifi: tuple[str, str] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.language = language
        self.join_url = join_url
        self.note = note
        self.wifi = wifi
        self.set_class(join_url is not None, "-joinable")  # a code to draw, not only a note

    def compose(self) -> ComposeResult:
        yield Static(t(self.language, "phone.join_title"), classes="title phone-line")
        if self.join_url is None:
            yield Static(Text(self.note), id="join-note")
            return
        yield QRWidget(self.join_url, t(self.language, "phone.join_hint"), id="join-qr")
        yield Static(Text(self.shown_address()), id="join-address", classes="phone-line")
        yield Static("", id="join-tokens", classes="phone-line")
        if self.wifi:
            ssid, password = self.wifi
            yield QRWidget(
                wifi_qr_text(ssid, password),
                t(self.language, "phone.wifi_text", ssid=ssid, password=password),
                id="wifi-qr",
                caption=t(self.language, "phone.wifi", ssid=ssid),
                link_in_text=False,
            )

    # From this height the address is written right under the code (its caption) rather
    # than at the panel's foot: on a projector the two are read together.
    CAPTION_FROM = 30

    def on_resize(self) -> None:
        # The join code comes first; the Wi-Fi code gets a share only on a tall screen,
        # else its name and password are written out.
        for wifi in self.query("#wifi-qr"):
            wifi.styles.height = "1fr" if self.size.height >= 40 else 3
        self._place_address()
        self._hug_code()

    def _hug_code(self) -> None:
        """The join code's box as tall as the code it draws, so the title, the code, the
        address and the count read as one group in the middle of the panel (a box as tall
        as the panel left the title at its top and the count at its foot). The box first
        gets all the room again, so a larger window still gets a larger code."""
        if self.join_url is None or self.wifi:
            return
        qr = self.query_one("#join-qr", QRWidget)
        qr.styles.max_height = None
        self.call_after_refresh(self._fit_box, qr)

    def _fit_box(self, qr: QRWidget) -> None:
        lines = qr.lines()
        if lines is not None:
            qr.styles.max_height = len(lines) + (1 if qr.caption else 0)  # the address under it

    def _place_address(self) -> None:
        if self.join_url is None:
            return
        under = self.size.height >= self.CAPTION_FROM
        qr = self.query_one("#join-qr", QRWidget)
        caption = self.shown_address() if under else ""
        if qr.caption != caption:
            qr.caption = caption
            qr.show(qr.link)  # fitted again: the caption takes a row
        self.query_one("#join-address", Static).display = not under

    def shown_address(self) -> str:
        """The address as people type it: no scheme, the host and port as they are."""
        return (self.join_url or "").removeprefix("HTTP://").removeprefix("http://")

    def show_join(self, join_url: str) -> None:
        """A new join code (the strict variant redraws it after every phone)."""
        if join_url == self.join_url:
            return
        self.join_url = join_url
        self.query_one("#join-qr", QRWidget).show(join_url)
        self.query_one("#join-address", Static).update(Text(self.shown_address()))
        self._place_address()

    def show_tokens(self, text: str) -> None:
        if self.join_url is not None:
            self.query_one("#join-tokens", Static).update(Text(text))
