"""The root command group and the error handling every command shares."""

from __future__ import annotations

import sys
from typing import Any

import click

from advisor.__about__ import __version__
from advisor.cli.diff import diff
from advisor.cli.explain import explain
from advisor.cli.interview import interview
from advisor.cli.patterns import patterns
from advisor.cli.recommend import recommend
from advisor.cli.report import report
from advisor.cli.rules import rules
from advisor.cli.schema import schema
from advisor.cli.validate import validate
from advisor.cli.whatif import whatif
from advisor.errors import AdvisorError, InterruptedByUserError


class AdvisorGroup(click.Group):
    """A group that turns the advisor's own errors into one message and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InterruptedByUserError as exc:
            click.echo(str(exc), err=True)  # not an error: the user stopped, and nothing was lost
            ctx.exit(exc.exit_code)
        except AdvisorError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
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


for command in (recommend, interview, report, explain, whatif, diff, validate, schema, patterns, rules):
    cli.add_command(command)


def main() -> None:
    """Entry point of the ``advisor`` console script."""
    cli(prog_name="advisor")
