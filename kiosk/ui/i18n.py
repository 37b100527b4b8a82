"""Key descriptions in the footer follow the session's language.

Bindings are declared on classes with descriptions like ``"t:key.back"``; each instance
gets its own copy of the bindings (Textual copies them per node), which we translate once.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from ..core.i18n import t

PREFIX = "t:"


def translate_bindings(node: DOMNode, language: str) -> None:
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(language, b.description[len(PREFIX) :])) if b.description.startswith(PREFIX) else b
            for b in bindings
        ]
