"""One exception hierarchy for everything the advisor reports to a user.

Every error carries a message that is complete on its own, in English and, where it
was raised with a :class:`~advisor.base.i18n.Text`, in Korean: the CLI prints it in the
command's language (:meth:`AdvisorError.text`) and exits with :attr:`AdvisorError.exit_code`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:  # pydantic (behind Text) is loaded when a problem is shown, not by ``--help``
    from advisor.base.i18n import Lang, Text

#: A message or hint: English only (a string), or a text in every language.
Words: TypeAlias = "str | Text"


def _words(key: str, lang: Lang, **values: object) -> str:
    from advisor.base.problem_words import WORDS  # noqa: PLC0415 - see the import above

    return WORDS(key, lang, **values)


def _korean(words: Words) -> str | None:
    return None if isinstance(words, str) else words.ko


def said(key: str, /, **values: object) -> Text:
    """A phrase of the problem words (:mod:`advisor.base.problem_words`) in every language."""
    from advisor.base.problem_words import WORDS  # noqa: PLC0415 - see the import above

    return WORDS.text(key, **values)


def in_lang(words: Words, lang: Lang = "en") -> str:
    """``words`` in ``lang`` (a plain string is English only)."""
    return words if isinstance(words, str) else words.get(lang)


@dataclass(frozen=True, init=False)
class Problem:
    """One located problem in a data file: ``file:line:col: message`` plus a hint.

    ``message`` and ``hint`` are English; given as a :class:`~advisor.base.i18n.Text`,
    their Korean is kept beside them for :meth:`text`.
    """

    path: str
    message: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    korean: tuple[str | None, str | None] = field(default=(None, None), repr=False)

    def __init__(
        self,
        path: str,
        message: Words,
        line: int | None = None,
        column: int | None = None,
        hint: Words | None = None,
    ) -> None:
        korean = (_korean(message), _korean(hint) if hint is not None else None)
        for name, value in (
            ("path", path),
            ("message", in_lang(message)),
            ("line", line),
            ("column", column),
            ("hint", in_lang(hint) if hint is not None else None),
            ("korean", korean),
        ):
            object.__setattr__(self, name, value)

    def text(self, lang: Lang = "en") -> str:
        """``file:line:col: message`` and the hint on the next line, in ``lang``."""
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        message, hint = self.korean if lang == "ko" else (None, None)
        text = f"{where}: {message or self.message}"
        if self.hint:
            text += f"\n  {_words('hint', lang)}: {hint or self.hint}"
        return text

    def key(self) -> tuple[str, int, int, str]:
        """The order problems are reported in: by file, line, column, then English message."""
        return (self.path, self.line or 0, self.column or 0, self.message)

    def __str__(self) -> str:
        return self.text()


class AdvisorError(Exception):
    """Base of every error the advisor raises on purpose."""

    exit_code = 2

    def __init__(self, message: Words, hint: Words | None = None) -> None:
        self.words = message
        self.hint = hint
        self.message = self.text()
        super().__init__(self.message)

    def text(self, lang: Lang = "en") -> str:
        """The message in ``lang`` (English where it was given in English only), and its hint."""
        text = in_lang(self.words, lang)
        if self.hint is not None:
            text += f"\n  {_words('hint', lang)}: {in_lang(self.hint, lang)}"
        return text

    def __str__(self) -> str:
        return self.message


#: At most this many problems are printed per file; the rest are counted.
MAX_PROBLEMS_SHOWN = 100


def capped_lines(problems: list[Problem], lang: Lang = "en") -> list[str]:
    """Each problem as text, at most :data:`MAX_PROBLEMS_SHOWN` per file, then how many more there are."""
    lines: list[str] = []
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for problem in problems:
        if shown.get(problem.path, 0) < MAX_PROBLEMS_SHOWN:
            shown[problem.path] = shown.get(problem.path, 0) + 1
            lines.append(problem.text(lang))
        else:
            hidden[problem.path] = hidden.get(problem.path, 0) + 1
    lines += [f"{path}: {_words('more', lang, count=f'{count:,}')}" for path, count in hidden.items()]
    return lines


def error_line(message: str, lang: Lang = "en") -> str:
    """``error: message``, the way the CLI starts every error line, in ``lang``."""
    return f"{_words('error', lang)}: {message}"


def error_text(error: AdvisorError, lang: Lang = "en") -> str:
    """The error as the CLI prints it (``error: ...``), in ``lang``."""
    return error_line(error.text(lang), lang)


def interrupted_text(lang: Lang = "en") -> str:
    """What the CLI says when the user pressed Ctrl-C outside a prompt."""
    return _words("interrupted", lang)


class DataFileError(AdvisorError):
    """A data file (catalog, questionnaire, answers) is missing, malformed or invalid."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("DataFileError needs at least one problem")
        self.problems = sorted(problems, key=Problem.key)
        super().__init__("\n".join(capped_lines(self.problems)))

    def text(self, lang: Lang = "en") -> str:
        """Every problem in ``lang``, capped per file like the message."""
        return "\n".join(capped_lines(self.problems, lang))

    @classmethod
    def single(
        cls,
        path: str | Path,
        message: Words,
        *,
        line: int | None = None,
        column: int | None = None,
        hint: Words | None = None,
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
