"""The root command group and the error handling every command shares."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import click

from advisor.__about__ import __version__
from advisor.base.text import visible
from advisor.cli.options import LANG_KEY
from advisor.errors import AdvisorError, InterruptedByUserError, error_text, interrupted_text

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

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
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
