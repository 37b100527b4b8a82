"""The key bar at the bottom of every screen."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


def shown_bindings(screen: Screen) -> tuple:
    """What the footer would show for the screen as it is now: key, label and whether
    the key works, in order."""
    return tuple(
        (key, binding.action, binding.description, binding.key_display, enabled, tooltip)
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show
    )


class KioskFooter(Footer):
    """Textual's footer rebuilds all its keys whenever focus moves. On our screens the keys
    seldom depend on focus, and that rebuild was most of the cost of an arrow key on the
    deal, so this footer rebuilds only when what it shows would change."""

    _shown: tuple | None = None

    async def recompose(self) -> None:
        if not self.is_attached:
            return
        shown = (self.compact, self.show_command_palette, shown_bindings(self.screen))
        if shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
