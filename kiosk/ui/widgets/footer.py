"""The key bar at the bottom of every screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_bindings(screen: Screen) -> tuple:
    """What the footer would show for the screen as it is now: for each action, in order,
    its first shown key with label and whether it works (Textual's footer draws one key
    per action: F1 for help, whether or not ? is also active)."""
    shown: dict[str, tuple] = {}
    for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items():
        if binding.show:
            shown.setdefault(
                binding.action, (key, binding.action, binding.description, binding.key_display, enabled, tooltip)
            )
    return tuple(shown.values())


class KioskFooter(Footer):
    """Textual's footer starts empty and composes its keys a frame later, once the screen
    has its focus; and it rebuilds all its keys whenever focus moves. On our screens the
    keys seldom depend on focus, so this footer has its keys in the screen's first frame
    (one paint at start-up, not two) and rebuilds only when what it shows would change
    (that rebuild was most of the cost of an arrow key on the deal)."""

    _shown: tuple | None = None

    def __init__(self) -> None:
        super().__init__()
        self.set_reactive(Footer._bindings_ready, True)

    def _showing(self) -> tuple:
        return (self.compact, self.show_command_palette, shown_bindings(self.screen))

    def compose(self) -> ComposeResult:
        self._shown = self._showing()
        yield from super().compose()

    async def recompose(self) -> None:
        if not self.is_attached or self._showing() == self._shown:
            return
        await super().recompose()
        self._fit()

    # -- a narrow screen ---------------------------------------------------------------------
    # Keys that do not fit side by side lose their padding (Textual's compact footer) before
    # the last one is cut off: the exercise's eight keys fit in 80 columns that way.
    def on_mount(self) -> None:
        self.call_after_refresh(self._fit)

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        keys = self.query(FooterKey)
        roomy = sum(len(key.key_display) + len(key.description) + 3 for key in keys)
        self.compact = roomy > self.size.width
