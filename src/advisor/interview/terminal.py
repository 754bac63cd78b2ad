"""The terminal under the interview's prompts (prompt_toolkit, no questionary).

Which stream the interview talks on, and how one prompt runs there: Ctrl-B
answers "back", and a terminal that is lost or closed (SIGHUP) becomes end of
input, so the interview stops as on Ctrl-D and its answers can be saved.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, Protocol, TextIO

from prompt_toolkit.application import Application
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.keys import Keys

from advisor.errors import InterviewError
from advisor.interview.flow import BACK


def terminal_stream() -> TextIO:
    """The stream the interview talks on: stdout or stderr if a terminal, else ``/dev/tty``.

    Raises:
        InterviewError: no terminal can be opened.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and stream.isatty():
            return stream
    try:
        return Path("/dev/tty").open("w", encoding="utf-8")
    except OSError:
        raise InterviewError("advisor interview needs a terminal to talk to") from None


class Prompt(Protocol):
    """A prompt ready to ask: its prompt_toolkit application and the call that runs it."""

    application: Application[Any]

    def unsafe_ask(self) -> Any:
        """Run the prompt; ``KeyboardInterrupt`` or ``EOFError`` when the architect stops."""


class PromptRunner:
    """Runs prompts one at a time and knows whether the terminal was closed."""

    def __init__(self) -> None:
        self._asking: Application[Any] | None = None
        self._hung_up = False

    def run(self, prompt: Prompt, extra: KeyBindings | None = None) -> Any:
        """Ask ``prompt`` with Ctrl-B (answers :data:`BACK`) and ``extra`` keys added.

        Raises:
            EOFError: the terminal is gone, or was closed before this prompt.
        """
        back = KeyBindings()

        @back.add(Keys.ControlB, eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.erase_when_done = True
            event.app.exit(result=BACK)

        if self._hung_up:
            raise EOFError
        app = prompt.application
        bindings = [app.key_bindings or KeyBindings(), back, *([extra] if extra else [])]
        app.key_bindings = merge_key_bindings(bindings)
        self._asking = app
        try:
            return prompt.unsafe_ask()
        except OSError as lost:  # the terminal went away under the prompt
            raise EOFError from lost
        finally:
            self._asking = None

    @contextmanager
    def hangup_ends_prompts(self) -> Iterator[None]:
        """While open, a closed terminal (SIGHUP) ends the interview like Ctrl-D, not the process.

        The prompt on screen is ended through its event loop, and no prompt is
        shown after it: the interview sees end of input and the caller can save
        the answers, inside this block, without being killed by a second SIGHUP.
        """

        def end(app: Application[Any]) -> None:
            if app.future is not None and not app.future.done():
                app.exit(exception=EOFError)

        def hang_up(_signum: int, _frame: FrameType | None) -> None:
            self._hung_up = True
            app = self._asking
            if app is not None and app.loop is not None:
                app.loop.call_soon_threadsafe(end, app)

        previous = signal.signal(signal.SIGHUP, hang_up)
        try:
            yield
        finally:
            signal.signal(signal.SIGHUP, previous)
