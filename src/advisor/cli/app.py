"""The root command group and the error handling every command shares."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

import click

from advisor.__about__ import __version__
from advisor.base.text import visible
from advisor.cli.options import LANG_KEY
from advisor.errors import AdvisorError, InterruptedByUserError, error_text, interrupted_text

if TYPE_CHECKING:  # pydantic (behind the i18n types) is loaded only when a command needs it
    from advisor.base.i18n import Lang

#: Every command: its module, and the first paragraph of its help. The help is kept here
#: so that ``advisor --help`` imports no command module (and none of the libraries only
#: some commands need); tests/test_cli_lazy.py checks it against each command's own help.
COMMANDS: dict[str, tuple[str, str]] = {
    "diff": ("advisor.cli.diff", "Compare the assessments of BEFORE and AFTER (two answers files)."),
    "explain": (
        "advisor.cli.explain",
        "Explain why PATTERN is, or is not, recommended for the system in ANSWERS.",
    ),
    "interview": (
        "advisor.cli.interview",
        "Answer the questionnaire in a guided interview and get a recommendation.",
    ),
    "patterns": (
        "advisor.cli.patterns",
        "Browse the pattern catalog: list, show one pattern, or graph the relations.",
    ),
    "recommend": (
        "advisor.cli.recommend",
        "Recommend patterns for the systems described in ANSWERS (YAML answers files or folders of them).",
    ),
    "report": ("advisor.cli.report", "Write a recommendation report for the system described in ANSWERS."),
    "rules": ("advisor.cli.rules", "Check the pattern catalog and your organisation's rule packs."),
    "schema": ("advisor.cli.schema", "Print the JSON Schema of one of the advisor's documents."),
    "validate": (
        "advisor.cli.validate",
        "Check answers files, folders of them, and rule pack folders named by PATHS.",
    ),
    "whatif": (
        "advisor.cli.whatif",
        "List the single answer or force-weight changes that would change the advice for ANSWERS.",
    ),
}


#: Where the root command keeps the command line, to find ``--lang`` for a usage error.
ARGS_KEY = "advisor.args"


def _lang(ctx: click.Context) -> Lang:
    """``--lang`` as click parsed it, else as the command line gives it (the last one wins).

    A usage error can stop click before it parses ``--lang``.
    """
    lang = ctx.meta.get(LANG_KEY)
    if lang is None:
        args = ctx.meta.get(ARGS_KEY, ())
        for arg, after in zip(args, [*args[1:], ""], strict=True):
            if arg == "--lang":
                lang = after
            elif arg.startswith("--lang="):
                lang = arg.removeprefix("--lang=")
    return "ko" if lang == "ko" else "en"


def _usage_error(ctx: click.Context, error: click.UsageError) -> None:
    """Show click's usage error in the command's language and exit with its code (2)."""
    from advisor.cli.usage import usage_error_text  # noqa: PLC0415 - only when there is an error

    click.echo(usage_error_text(error, _lang(ctx)), err=True, color=ctx.color)
    ctx.exit(error.exit_code)


class AdvisorGroup(click.Group):
    """A group that loads each command on demand and turns the advisor's errors into an exit code."""

    #: Set by :func:`main`, which pauses garbage collection while the command is imported.
    collections_paused = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The command names, without importing any command."""
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command ``cmd_name``, importing its module the first time it is asked for."""
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module = importlib.import_module(COMMANDS[cmd_name][0])
            self.add_command(getattr(module, cmd_name), cmd_name)
        if self.collections_paused:  # the command is imported; Advisor.load pauses it again
            self.collections_paused = False
            # What was imported lives as long as the process: moved out of the collector's
            # reach, the first collection does not scan every object of every module again.
            gc.freeze()
            gc.enable()
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The commands section of ``--help``, from the static one-line help of each."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            # A loaded command speaks for itself; the others through a stand-in with their help.
            command = self.commands.get(name) or click.Command(name, help=COMMANDS[name][1])
            rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Parse the root command's arguments, keeping the command line for :func:`_lang`."""
        ctx.meta[ARGS_KEY] = tuple(args)
        try:
            return super().parse_args(ctx, args)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            _usage_error(ctx, error)
            raise  # not reached: _usage_error exits

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.exceptions.NoArgsIsHelpError:
            raise
        except click.UsageError as error:
            _usage_error(ctx, error)
        except InterruptedByUserError as exc:
            # Not an error: the user stopped, nothing was lost. Empty when the terminal said it already.
            if str(exc):
                click.echo(visible(exc.text(ctx.meta.get(LANG_KEY, "en"))), err=True)
            ctx.exit(exc.exit_code)
        except AdvisorError as exc:
            click.echo(visible(error_text(exc, ctx.meta.get(LANG_KEY, "en"))), err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(interrupted_text(ctx.meta.get(LANG_KEY, "en")), err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=AdvisorGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="advisor")
def cli() -> None:
    """Recommend microservice patterns for a system, with successors, alternatives and reasons.

    \b
    Examples:
      advisor recommend examples/startup-mvp.yaml
      advisor recommend examples/enterprise-escaping-monolith.yaml --json
    """


def main() -> None:
    """Entry point of the ``advisor`` console script.

    No garbage collection runs while the command's modules are imported (they allocate
    much and free little). Once the command is done and its output flushed, the process
    ends at once: tearing down every module and collecting garbage at exit would only
    cost time.
    """
    gc.disable()
    cli.collections_paused = True
    try:
        cli.main(prog_name="advisor")
        code = 0
    except SystemExit as exc:
        code = _exit_code(exc.code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader left, or the stream was closed
        code = code or 1
    os._exit(code)


def _exit_code(code: object) -> int:
    """The process exit status for ``SystemExit(code)``, as the interpreter would give it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
