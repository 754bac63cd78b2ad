"""Words in English and Korean: translated data texts, and sentences as codes.

Two kinds of text reach a reader:

* **Data** (catalog, questionnaire) writes either a plain string (English) or
  ``{en: ..., ko: ...}``; it becomes a :class:`Text` that translates itself.
* **Sentences the tool says** are never written by the code that decides them.
  The core and the analyses return a :class:`Message`, a code with arguments
  (``Message.of("alt-advised-against", score=-4)``); a renderer turns it into
  words with a :class:`Phrasebook`, one table of ``key → (English, Korean)``::

      WORDS = Phrasebook({
          "alt-advised-against": ("advised against here (rule score {score})",
                                  "이 컨텍스트에서 비추천 (규칙 점수 {score})"),
      })
      WORDS.say(reason, "ko")            # a Message
      WORDS("alt-advised-against", "ko", score=-4)   # a key and its values

  Both languages of a phrase take the same ``{placeholders}``. A tuple
  argument is shown joined with ", ", a float without trailing zeros. The
  renderer may pass values that override a message's arguments (pattern names
  for ids, say). A Korean phrase writes a particle as its pair, ``{pattern}이(가)``;
  the one that agrees with the value is picked once it is filled in
  (:mod:`advisor.base.korean`). An English noun after a number says both its forms in
  the placeholder of that number, singular first: ``{count} {count:pattern|patterns}``
  reads "1 pattern", "0 patterns", "3 patterns" (Korean counts need no such form:
  ``패턴 {count}개``). Every phrasebook is one such table; add a phrase to the table
  of the renderer that shows it, in both languages.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from pydantic import Field, model_validator

from advisor.base.korean import attach_particles
from advisor.base.model import Frozen

Lang = Literal["en", "ko"]
LANGS: tuple[Lang, ...] = ("en", "ko")

#: What a message argument may be: an id, a number, a flag, or a list of them.
Arg = str | int | float | bool | tuple[str | int | float | bool, ...]


class Text(Frozen):
    """A short text with its translations; English is required."""

    en: str
    ko: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"en": value}
        return value

    def get(self, lang: Lang = "en") -> str:
        """The text in ``lang``, falling back to English when not translated."""
        if lang == "ko" and self.ko:
            return self.ko
        return self.en

    def __str__(self) -> str:
        return self.en


class Message(Frozen):
    """A sentence as data: a phrase code and its arguments, put into words by a renderer."""

    code: str
    args: dict[str, Arg] = Field(default_factory=dict)

    @classmethod
    def of(cls, code: str, **args: Arg) -> Message:
        """``Message.of("alt-advised-against", score=-4)``.

        Made straight by the model's validator (the same checks as ``cls(...)``, without
        ``BaseModel.__init__``): results make messages by the dozen.
        """
        return cls.__pydantic_validator__.validate_python({"code": code, "args": args})  # type: ignore[no-any-return]


def _shown(value: object, lang: Lang) -> object:
    if isinstance(value, Text):
        return value.get(lang)
    if isinstance(value, tuple | list):
        return ", ".join(str(_shown(v, lang)) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return value


class _Counted(string.Formatter):
    """Fills ``{count:one|many}`` with the form for ``count``, every other field as ``str.format`` does."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value in (1, "1") else many  # a count may come formatted ("1,024")
        return str(super().format_field(value, format_spec))


_COUNTED = _Counted()


def placeholders(text: str) -> frozenset[str]:
    """The ``{names}`` a phrase fills in (not those it only counts by, ``{count:is|are}``)."""
    fields = string.Formatter().parse(text)
    return frozenset(name for _, name, spec, _ in fields if name and "|" not in (spec or ""))


class Phrasebook(Mapping[str, tuple[str, str]]):
    """A label table: phrase key → (English, Korean); the one shape every renderer uses.

    Args:
        phrases: key → ``(english, korean)``, both with the same ``{placeholders}``.
    """

    def __init__(self, phrases: Mapping[str, tuple[str, str]]) -> None:
        self._phrases = dict(phrases)

    def __getitem__(self, key: str) -> tuple[str, str]:
        return self._phrases[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._phrases)

    def __len__(self) -> int:
        return len(self._phrases)

    def __call__(self, key: str, lang: Lang = "en", /, **values: object) -> str:
        """The phrase ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
        en, ko = self._phrases[key]
        text = ko if lang == "ko" else en
        if not values:
            return text
        shown = {k: _shown(v, lang) for k, v in values.items()}
        filled = _COUNTED.vformat(text, (), shown) if "|" in text else text.format(**shown)
        return attach_particles(filled) if lang == "ko" else filled

    def say(self, message: Message, lang: Lang = "en", /, **values: object) -> str:
        """``message`` in ``lang``; ``values`` override its arguments (a name for an id, say)."""
        return self(message.code, lang, **{**message.args, **values})

    def text(self, key: str, /, **values: object) -> Text:
        """The phrase ``key`` in every language, as a :class:`Text` to be said later in either."""
        return Text(en=self(key, "en", **values), ko=self(key, "ko", **values))

    def table(self, lang: Lang = "en") -> dict[str, str]:
        """Every phrase in ``lang``, placeholders unfilled (for templates)."""
        return {key: (ko if lang == "ko" else en) for key, (en, ko) in self._phrases.items()}
