"""What the modal screens share (help, PIN, facilitator menu, still there?, too small):
the language they speak comes through the constructor, like every other screen's data."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

from ...core.i18n import t

ResultType = TypeVar("ResultType")


class KioskModal(ModalScreen[ResultType]):
    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def t(self, key: str, **values: object) -> str:
        return t(self.language, key, **values)
