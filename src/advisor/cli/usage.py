"""click's usage errors (unknown option, missing argument, a value not among the choices) in ``--lang``.

click words these errors itself, in English. The advisor says the ones a user meets from its
own phrasebook, in English (click's words) and Korean: the root command reads ``--lang`` from
the command line, since the error may stop click before it parses ``--lang``. A message of a
kind not known here keeps click's English, inside the frame in the command's language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import click

from advisor.base.i18n import Lang, Phrasebook
from advisor.base.text import visible

WORDS = Phrasebook(
    {
        "usage": ("Usage: ", "사용법: "),
        "try_help": ("Try '{command}' for help.", "도움말: {command}"),
        "error": ("Error: {message}", "오류: {message}"),
        "no_such_option": ("No such option '{name}'.", "'{name}' 옵션은 없습니다."),
        "did_you_mean": ("Did you mean {names}?", "{names}을(를) 뜻했나요?"),
        "did_you_mean_any": ("(Did you mean one of: {names}?)", "({names} 중 하나를 뜻했나요?)"),
        "needs_value": ("Option '{name}' requires an argument.", "'{name}' 옵션에는 값이 필요합니다."),
        "takes_no_value": ("Option '{name}' does not take a value.", "'{name}' 옵션은 값을 받지 않습니다."),
        "missing_argument": ("Missing argument {name}.", "빠진 인자: {name}."),
        "missing_option": ("Missing option {name}.", "빠진 옵션: {name}."),
        "invalid_value": ("Invalid value for {name}: {detail}", "{name}의 값이 잘못되었습니다: {detail}"),
        "not_a_choice": (
            "{value} is not one of {choices}.",
            "{value}: 고를 수 없는 값입니다. 고를 수 있는 값: {choices}.",
        ),
        "no_file": ("File '{name}' does not exist.", "'{name}' 파일이 없습니다."),
        "extra_arguments": (
            "Got unexpected extra {count:argument|arguments} ({args})",
            "예상하지 못한 인자가 더 있습니다 ({args})",
        ),
        "no_such_command": ("No such command '{name}'.", "'{name}' 명령은 없습니다."),
        "missing_command": ("Missing command.", "명령이 빠졌습니다."),
    }
)

#: click's English for the errors that carry nothing but their text: its pattern → our phrase.
_CLICK_WORDS = (
    (re.compile(r"No such command '(?P<name>.*)'\.", re.DOTALL), "no_such_command"),
    (re.compile(r"Got unexpected extra argument(?P<many>s?) \((?P<args>.*)\)", re.DOTALL), "extra_arguments"),
    (re.compile(r"Option '(?P<name>.*)' requires an argument\.", re.DOTALL), "needs_value"),
    (re.compile(r"Option '(?P<name>.*)' does not take a value\.", re.DOTALL), "takes_no_value"),
    (re.compile(r"(?P<value>'.*'|\".*\") is not one of (?P<choices>.*)\.", re.DOTALL), "not_a_choice"),
    (re.compile(r"File '(?P<name>.*)' does not exist\.", re.DOTALL), "no_file"),
    (re.compile(r"Missing command\."), "missing_command"),
)


def _said(message: str, lang: Lang) -> str:
    """One of click's messages in ``lang``; as click wrote it when it is not one known here."""
    for pattern, key in _CLICK_WORDS:
        found = pattern.fullmatch(message)
        if found:
            values: dict[str, object] = dict(found.groupdict())
            if "many" in values:  # click's own plural decides ours
                values["count"] = 2 if values.pop("many") else 1
            return WORDS(key, lang, **values)
    return message


def _param_name(error: click.BadParameter) -> str | None:
    hint: Sequence[str] | str | None = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint(error.ctx) if error.ctx else None
    if hint is None or isinstance(hint, str):
        return hint
    return " / ".join(repr(name) for name in hint)


def _message(error: click.UsageError, lang: Lang) -> str:
    # an unknown option, or command (click 8.4 and later raise NoSuchCommand): with the near ones
    unknown = getattr(error, "option_name", None) or getattr(error, "command_name", None)
    if isinstance(unknown, str):
        key = "no_such_option" if isinstance(error, click.NoSuchOption) else "no_such_command"
        text = WORDS(key, lang, name=unknown)
        near = sorted(getattr(error, "possibilities", None) or ())
        if near:
            key = "did_you_mean" if len(near) == 1 else "did_you_mean_any"
            text += " " + WORDS(key, lang, names=", ".join(repr(name) for name in near))
        return text
    if isinstance(error, click.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else None)
        name = _param_name(error)
        extra = error.param.type.get_missing_message(error.param, error.ctx) if error.param else None
        if name and kind in ("argument", "option") and not error.message and not extra:
            return WORDS(f"missing_{kind}", lang, name=name)
        return error.format_message()
    if isinstance(error, click.BadParameter):
        name = _param_name(error)
        if name is None:
            return error.format_message()
        return WORDS("invalid_value", lang, name=name, detail=_said(error.message, lang))
    return _said(error.format_message(), lang)


def usage_error_text(error: click.UsageError, lang: Lang) -> str:
    """The error the way click shows it (usage, where to find help, the message), in ``lang``.

    What the user typed is shown with its control characters written out.
    """
    lines = []
    ctx = error.ctx
    if ctx is not None:
        formatter = ctx.make_formatter()
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx))
        formatter.write_usage(ctx.command_path, pieces, WORDS("usage", lang))
        lines.append(formatter.getvalue().rstrip("\n"))
        if ctx.command.get_help_option(ctx) is not None:
            option = max(ctx.command.get_help_option_names(ctx), key=len)
            lines.append(WORDS("try_help", lang, command=f"{ctx.command_path} {option}"))
        lines.append("")
    lines.append(WORDS("error", lang, message=_message(error, lang)))
    return visible("\n".join(lines))
