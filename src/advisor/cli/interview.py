"""``advisor interview``: the guided interview → answers file → recommendation."""

from __future__ import annotations

import datetime
import json
import sys
from contextlib import suppress
from pathlib import Path

import click

from advisor.analysis.schema import catalog_answers_schema, render_schema
from advisor.base.fileio import taken, write_text_atomic
from advisor.base.i18n import Lang
from advisor.base.text import terminal
from advisor.cli.options import PathArg, catalog_options, lang_option
from advisor.cli.output import emit_report
from advisor.core.advisor import Advisor
from advisor.core.recommendation import Recommendation
from advisor.errors import InterruptedByUserError, InterviewError, OutputError, said
from advisor.interview.files import (
    RESUME_SUFFIX,
    answers_text,
    default_resume_path,
    read_resume,
    resume_text,
    state_from_answers,
)
from advisor.interview.flow import Interview, InterviewInterrupted, InterviewState
from advisor.interview.prompts import QuestionaryPrompter
from advisor.report.adr_folder import read_manifest
from advisor.report.export import FORMATS
from advisor.report.terminal import render_terminal

#: The JSON Schema written beside the answers file, named in its modeline for editors.
SCHEMA_NAME = "answers.schema.json"


def _tell(prompter: QuestionaryPrompter, message: str, style: str) -> bool:
    """Show a message on the terminal, which may already be gone (SIGHUP): the files matter more.

    Returns:
        Whether the message reached the terminal.
    """
    with suppress(EOFError):
        prompter.say(message, style)
        return True
    return False


def schema_beside(advisor: Advisor, output: Path) -> str | None:
    """Write the answers files' JSON Schema beside ``output``; its name for the modeline, or ``None``.

    The schema follows the questionnaire and the rule packs in use. A file of that
    name that the advisor did not write is left alone (and named in no modeline),
    and a schema that cannot be written costs the modeline, never the answers.
    """
    target = output.with_name(SCHEMA_NAME)
    text = render_schema(catalog_answers_schema(advisor.questionnaire, advisor.catalog))
    if target.exists() or target.is_symlink():
        try:
            current = target.read_text(encoding="utf-8")
            title = json.loads(current).get("title", "") if target.is_file() else ""
        except (OSError, ValueError, AttributeError):
            return None
        if current == text:
            return SCHEMA_NAME
        if not (isinstance(title, str) and title.startswith("advisor answers")):
            return None
    try:
        write_text_atomic(target, text)
    except OutputError:
        return None
    return SCHEMA_NAME


def conduct(
    advisor: Advisor,
    interview: Interview,
    prompter: QuestionaryPrompter,
    *,
    output: Path,
    resume_path: Path,
    state: InterviewState | None,
    lang: Lang,
) -> Recommendation:
    """Run the interview, write the answers file, show the recommendation as ``advisor recommend`` does.

    Raises:
        InterruptedByUserError: the architect stopped; the answers so far are in ``resume_path``.
        OutputError: the answers or resume file cannot be written.
    """
    prompter.say(advisor.questionnaire.title.get(lang), "bold")
    if advisor.questionnaire.description:
        prompter.say(advisor.questionnaire.description.get(lang), "dim")
    with prompter.signals_end_prompts():
        try:
            finished = interview.run(prompter, state)
        except InterviewInterrupted as stopped:
            write_text_atomic(resume_path, resume_text(interview, stopped.state, output))
            told = _tell(prompter, "\n" + prompter.word("saved", path=resume_path), "yellow")
            # stderr repeats it only where the terminal did not show it (a log, a closed terminal)
            raise InterruptedByUserError(
                "" if told and sys.stderr.isatty() else prompter.word("stopped", path=resume_path)
            ) from None
    # The answers were given (or reviewed) today: the decision records take their date from here,
    # so reports of this file stay the same whenever they are made.
    finished.date = datetime.date.today().isoformat()
    write_text_atomic(output, answers_text(interview, finished, schema_beside(advisor, output), lang))
    resume_path.unlink(missing_ok=True)
    prompter.say("\n" + prompter.word("written", path=output) + "\n", "green")
    # Read the file back so the result is exactly what `advisor recommend` gives for it.
    result = advisor.advise(advisor.read_answers(output))
    terminal().print(render_terminal(result, advisor.catalog, lang))
    return result


def offer_report(
    result: Recommendation, advisor: Advisor, prompter: QuestionaryPrompter, output: Path, lang: Lang
) -> None:
    """Offer to write a report of ``result`` with the writer of ``advisor report``."""
    labels = prompter.word("export_formats").split("|")
    fmt = prompter.choose(
        prompter.word("export"), [(prompter.word("export_no"), ""), *zip(labels, FORMATS, strict=True)]
    )
    if not fmt:
        return
    name = f"{output.stem}-adr" if fmt == "adr" else f"{output.stem}-report.{fmt}"
    target = Path(prompter.path(prompter.word("export_to"), str(output.with_name(name))))
    force = taken(target)
    if fmt == "adr" and target.is_dir() and read_manifest(target) is not None:
        force = False  # a re-run into the advisor's own records folder keeps what people changed
    elif force and not prompter.confirm(prompter.word("overwrite", path=target), False):
        prompter.say(prompter.word("not_exported"), "yellow")
        return
    emit_report(result, advisor, fmt, target, lang, force=force)


def _confirmed_output(prompter: QuestionaryPrompter, resume: Path, saved: Path) -> Path:
    """The answers file a resume file names, if the architect agrees; else the one beside it.

    A resume file is data that may come from anywhere: it does not choose on its own where
    the advisor writes. A plain relative name is offered with yes as the default.
    """
    plain = not saved.is_absolute() and ".." not in saved.parts
    if prompter.confirm(prompter.word("resume_output", path=saved), plain):
        return saved
    stem = resume.name.removeprefix(".").removesuffix(RESUME_SUFFIX) or "answers"
    return resume.with_name(f"{stem}.yaml")


@click.command()
@click.option(
    "-o",
    "--output",
    type=PathArg,
    default=None,
    help="Answers file to write  [default: answers.yaml, the file given to --from, or the one the "
    "resumed interview was writing]",
)
@click.option(
    "--from",
    "source",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Re-run the interview with an existing answers file's answers, weights and notes as defaults "
    "(a periodic review).",
)
@click.option(
    "--resume",
    "resume",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=None,
    help="Continue an interrupted interview from its resume file.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing answers file without asking.")
@catalog_options
@lang_option
def interview(  # noqa: PLR0917 - click passes every option
    output: Path | None,
    source: Path | None,
    resume: Path | None,
    force: bool,
    rules: tuple[Path, ...],
    questionnaire: Path | None,
    lang: Lang,
) -> None:
    """Answer the questionnaire in a guided interview and get a recommendation.

    Ctrl-B goes back to the previous question; forces are weighed 0-5 with the
    digit or arrow keys. At the end every answer is shown for review and can be
    changed, the answers file is written, the recommendation is shown as
    `advisor recommend` would show it, and a report can be exported. Ctrl-C (or
    closing the terminal) saves the answers so far to a resume file named on
    screen; continue with --resume. With --from, every question starts from the
    answer an existing answers file gives (a quarterly review: press Enter to
    keep an answer); its notes, date and patterns in place are kept. In the
    review, a one-line note on any answer records why it was given; the
    reports show it. Needs a terminal: to script the answers, write an answers
    file and run `advisor recommend FILE`.

    \b
    Examples:
      advisor interview
      advisor interview --output shop.yaml --lang ko
      advisor interview --resume .shop.resume.yaml
      advisor interview --from examples/startup-mvp.yaml --output pantry-pal.yaml
    """
    if not sys.stdin.isatty():
        raise InterviewError(said("no_terminal"))
    advisor = Advisor.load(rules, questionnaire)
    guide = Interview(advisor.questionnaire, advisor.catalog.forces)
    state = None
    if source is not None and resume is not None:
        raise click.UsageError("--from and --resume cannot be combined: a resume file has its own answers")
    if source is not None:
        state = state_from_answers(guide, advisor.read_answers(source))
        output = output or source
    prompter = QuestionaryPrompter(lang)
    if resume is not None:
        state, saved_output = read_resume(resume, guide)
        if output is None and saved_output is not None:
            output = _confirmed_output(prompter, resume, saved_output)
    output = output or Path("answers.yaml")
    saved = default_resume_path(output)
    if (
        resume is None
        and saved.exists()
        and prompter.confirm(prompter.word("continue_saved", path=saved), True)
    ):
        state, _ = read_resume(saved, guide)
        resume = saved
    if (
        taken(output)
        and not force
        and not prompter.confirm(prompter.word("overwrite_at_end", path=output), False)
    ):
        raise OutputError(said("exists_at_end", path=str(output)))
    result = conduct(
        advisor, guide, prompter, output=output, resume_path=resume or saved, state=state, lang=lang
    )
    offer_report(result, advisor, prompter, output, lang)
