"""Text in English with an optional Korean translation.

Data files write either a plain string (English) or ``{en: ..., ko: ...}``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from advisor.base.model import Frozen

Lang = Literal["en", "ko"]
LANGS: tuple[Lang, ...] = ("en", "ko")


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
