"""Problems found in a user-edited file, reported as ``path:line: message``.

Every loader in the core collects problems instead of raising on the first one, so that
``innovationslek check`` can list them all and the app can show them calmly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int  # 1-based; 0 when no line can be pointed at
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class FileProblems(Exception):
    """Raised when a file has problems; carries all of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
