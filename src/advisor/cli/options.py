"""Options shared by several commands, declared once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])

PathArg = click.Path(path_type=Path, dir_okay=False)


def catalog_options(func: F) -> F:
    """``--rules DIR`` (repeatable) and ``--questionnaire FILE``."""
    func = click.option(
        "--questionnaire",
        "questionnaire",
        type=click.Path(path_type=Path, dir_okay=False),
        default=None,
        help="Questionnaire file to use instead of the bundled default.",
    )(func)
    return click.option(
        "--rules",
        "rules",
        multiple=True,
        type=click.Path(path_type=Path, file_okay=False),
        help="Rule pack folder overlaid on the bundled catalog (repeatable; later wins).",
    )(func)


#: Where ``--lang`` is kept for the error handler (click shares ``meta`` across nested commands).
LANG_KEY = "advisor.lang"


def _remember_lang(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    ctx.meta[LANG_KEY] = value
    return value


def lang_option(func: F) -> F:
    """``--lang en|ko``; errors are shown in it too."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "ko"]),
        default="en",
        show_default=True,
        is_eager=True,
        callback=_remember_lang,
        help="Language of pattern names, texts and messages.",
    )(func)


def set_option(func: F) -> F:
    """``--set QUESTION=VALUE`` / ``--set force.NAME=WEIGHT`` (repeatable), applied over the answers."""
    return click.option(
        "--set",
        "sets",
        multiple=True,
        metavar="QUESTION=VALUE",
        help=(
            "Override an answer (team_count=12, client_kinds=[web, mobile]) or a force weight "
            "(force.independent-scalability=5) of the answers file; repeatable."
        ),
    )(func)
