"""The terminal under the interview's prompts (prompt_toolkit, no questionary).

Which stream the interview talks on, and how one prompt runs there: Ctrl-B
answers "back", and a terminal that is lost or closed (SIGHUP) becomes end of
input, so the interview stops as on Ctrl-D and its answers can be saved.
Ctrl-C between two prompts (when the terminal is not in raw mode, so it arrives
as SIGINT) stops the interview at the next prompt instead of at whatever line
the process happened to run.
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

from advisor.errors import InterviewError, said
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
        raise InterviewError(said("no_terminal_to_talk")) from None


class Prompt(Protocol):
    """A prompt ready to ask: its prompt_toolkit application and the call that runs it."""

    application: Application[Any]

    def unsafe_ask(self) -> Any:
        """Run the prompt; ``KeyboardInterrupt`` or ``EOFError`` when the architect stops."""


class PromptRunner:
    """Runs prompts one at a time and knows whether the terminal was closed or Ctrl-C pressed.

    Attributes:
        rows: how many terminal rows the last prompt left on screen (0 when it erased itself).
    """

    def __init__(self) -> None:
        self._asking: Application[Any] | None = None
        self._hung_up = False
        self._interrupted = False
        self.rows = 0

    def run(self, prompt: Prompt, extra: KeyBindings | None = None, *, erase: bool = False) -> Any:
        """Ask ``prompt`` with Ctrl-B (answers :data:`BACK`) and ``extra`` keys added.

        Args:
            prompt: the prompt to ask.
            extra: more key bindings.
            erase: leave nothing of the prompt on screen once answered.

        Raises:
            EOFError: the terminal is gone, or was closed before this prompt.
            KeyboardInterrupt: Ctrl-C was pressed at the prompt or before it.
        """
        back = KeyBindings()

        @back.add(Keys.ControlB, eager=True)
        def _back(event: KeyPressEvent) -> None:
            event.app.erase_when_done = True
            event.app.exit(result=BACK)

        if self._hung_up:
            raise EOFError
        if self._interrupted:
            raise KeyboardInterrupt
        app = prompt.application
        bindings = [app.key_bindings or KeyBindings(), back, *([extra] if extra else [])]
        app.key_bindings = merge_key_bindings(bindings)
        app.erase_when_done = erase
        self.rows = 0
        self._measure(app)
        self._asking = app
        try:
            return prompt.unsafe_ask()
        except OSError as lost:  # the terminal went away under the prompt
            raise EOFError from lost
        finally:
            self._asking = None

    def _measure(self, app: Application[Any]) -> None:
        """Record how many rows the prompt's final drawing leaves, for the screen to erase it later.

        The final drawing ends with the cursor on the row under it; the renderer resets its
        position right after, so it is read just before that reset.
        """
        renderer = app.renderer
        reset = renderer.reset

        def measured(*args: Any, **kwargs: Any) -> None:
            drawn = renderer._cursor_pos.y
            if app.is_done and not app.erase_when_done and drawn > 0:
                self.rows = drawn  # the final drawing's reset (a later one finds the cursor at 0)
            reset(*args, **kwargs)

        renderer.reset = measured  # type: ignore[method-assign]

    @contextmanager
    def signals_end_prompts(self) -> Iterator[None]:
        """While open, SIGHUP, SIGINT, SIGTERM and SIGQUIT end the interview at a prompt, never mid-line.

        A closed terminal (SIGHUP) ends it like Ctrl-D, and Ctrl-C typed while no
        prompt reads the keys (SIGINT) like Ctrl-C at a prompt. The prompt on
        screen is ended through its event loop, and no prompt is shown after it:
        the interview sees the end and the caller can save the answers, inside
        this block, without being stopped half-way by a second signal.
        """

        def end(app: Application[Any], error: type[BaseException]) -> None:
            if app.future is not None and not app.future.done():
                app.exit(exception=error)

        def stop(error: type[BaseException]) -> None:
            app = self._asking
            if app is not None and app.loop is not None:
                app.loop.call_soon_threadsafe(end, app, error)

        def hang_up(_signum: int, _frame: FrameType | None) -> None:
            self._hung_up = True
            stop(EOFError)

        def interrupt(_signum: int, _frame: FrameType | None) -> None:
            self._interrupted = True
            stop(KeyboardInterrupt)

        # SIGTERM (kill, a shutdown) and SIGQUIT (Ctrl-\\) stop it like Ctrl-C: the answers are saved.
        handlers = {
            signal.SIGHUP: hang_up,
            signal.SIGINT: interrupt,
            signal.SIGTERM: interrupt,
            signal.SIGQUIT: interrupt,
        }
        previous = {number: signal.signal(number, handler) for number, handler in handlers.items()}
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler)
