"""Problems found in a user-edited file, reported as ``path:line: message``.

Every loader in the core collects problems instead of raising on the first one, so that
``innovationslek check`` can list them all and the app can show them calmly.
"""

from __future__ import annotations

from dataclasses import dataclass

from .text import escape_controls


@dataclass(frozen=True)
class Problem:
    path: str
    line: int  # 1-based; 0 when no line can be pointed at
    message: str

    def __str__(self) -> str:
        # A file's keys and values may hold escape sequences: printed, they are written out.
        return f"{escape_controls(self.path)}:{self.line}: {escape_controls(self.message)}"


class FileProblems(Exception):
    """Raised when a file has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
