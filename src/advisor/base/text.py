"""The one path from data to a terminal or text file: user and pack text is shown, never obeyed.

Answers and rule packs are data. Shown raw, their text could drive the terminal (an escape
sequence that writes the clipboard or sets the window title, a carriage return that hides
what came before) or, handed to rich as a string, be read as markup (``[/api]`` crashes it,
``[legacy]`` vanishes, ``[link=...]`` becomes a live link). So:

- :func:`visible` writes control characters out (``\\x1b``, ``\\r``, ``\\u202e``) and keeps
  newlines and tabs; every text output (terminal, Markdown, messages) goes through it;
- :func:`plain` is the only way data reaches rich: a ``Text`` (never markup) of the visible text;
- :func:`terminal` makes every rich console of the advisor, with markup parsing off, so even
  a string that slipped past :func:`plain` is printed as it is.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:  # rich is imported when first used: JSON and plain-text commands never load it
    from rich.console import Console
    from rich.text import Text

#: Formatting characters that reorder or hide text (bidirectional overrides and isolates,
#: zero-width marks): shown escaped like control characters, so text reads as it is stored.
_FORMAT_SHOWN = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


#: Beyond the C0 controls: DEL, the C1 controls, the formatting characters above, and the
#: line and paragraph separators. JSON escapes C0 itself; :mod:`advisor.base.jsonio` escapes these.
HIDDEN_ABOVE_C0: frozenset[int] = frozenset([*range(0x7F, 0xA0), *map(ord, _FORMAT_SHOWN), 0x2028, 0x2029])


@lru_cache(maxsize=1)
def _escapes() -> dict[int, str]:
    table = {code: f"\\x{code:02x}" for code in range(0x20) if chr(code) not in "\n\t"}
    for code in sorted(HIDDEN_ABOVE_C0):
        table[code] = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return table


def visible(text: str) -> str:
    """``text`` with every control character written out as an escape (``\\x1b``), newlines and tabs kept."""
    return text if text.isprintable() else text.translate(_escapes())


def visible_line(text: str) -> str:
    """Like :func:`visible`, for a value shown on one line: a newline or tab is written out too."""
    return visible(text).replace("\n", "\\n").replace("\t", "\\t")


def plain(text: str, style: str = "") -> Text:
    """``text`` as rich ``Text`` (never parsed as markup), with control characters made visible."""
    from rich.text import Text  # noqa: PLC0415 - see the import above

    return Text(visible(text), style=style)


def terminal(*, stderr: bool = False, file: TextIO | None = None, **options: Any) -> Console:
    """A rich console that never parses markup: what it prints is shown as it is."""
    from rich.console import Console  # noqa: PLC0415 - see the import above

    return Console(stderr=stderr, file=file, markup=False, **options)
