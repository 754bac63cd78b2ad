"""One exception hierarchy for everything the advisor reports to a user.

Every error carries a message that is complete on its own: the CLI prints it
as it is and exits with :attr:`AdvisorError.exit_code`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One located problem in a data file: ``file:line:col: message`` plus a hint."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class AdvisorError(Exception):
    """Base of every error the advisor raises on purpose."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


#: At most this many problems are printed per file; the rest are counted.
MAX_PROBLEMS_SHOWN = 100


def capped_lines(problems: list[Problem]) -> list[str]:
    """Each problem as text, at most :data:`MAX_PROBLEMS_SHOWN` per file, then how many more there are."""
    lines: list[str] = []
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        if shown.get(problem.path, 0) < MAX_PROBLEMS_SHOWN:
            shown[problem.path] = shown.get(problem.path, 0) + 1
            lines.append(str(problem))
        else:
            hidden[problem.path] = hidden.get(problem.path, 0) + 1
    lines += [f"{path}: ... and {count:,} more problems in this file" for path, count in hidden.items()]
    return lines


class DataFileError(AdvisorError):
    """A data file (catalog, questionnaire, answers) is missing, malformed or invalid."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("DataFileError needs at least one problem")
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.column or 0, p.message))
        super().__init__("\n".join(capped_lines(self.problems)))

    @classmethod
    def single(
        cls,
        path: str | Path,
        message: str,
        *,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
    ) -> DataFileError:
        """Build the error for one problem."""
        return cls([Problem(str(path), message, line, column, hint)])


class CatalogError(DataFileError):
    """The pattern catalog or a rule pack is inconsistent."""


class AnswersError(DataFileError):
    """An answers file does not fit its questionnaire or the catalog."""


class EngineError(AdvisorError):
    """The rules engine failed or a rule pack exceeds the engine's hard limits."""


class OutputError(AdvisorError):
    """A result could not be written where it was asked for."""


class InterviewError(AdvisorError):
    """The interactive interview cannot run (no terminal, bad resume file)."""


class InterruptedByUserError(AdvisorError):
    """The user interrupted; what was given so far has been saved."""

    exit_code = 130
