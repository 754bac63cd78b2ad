"""Find English words in output that should be Korean (a helper for the Korean-output tests).

A word is allowed when it is part of an id the user may type back (a pattern, force,
issue, rule, risk, group, question, choice or section id), appears in the Korean text
of the catalog or the questionnaire (acronyms such as API or CQRS), was written by the
user (the answers file), or belongs to a command line or key the output names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from pydantic import BaseModel

from advisor.base.i18n import Text
from advisor.core.advisor import Advisor

WORD = re.compile(r"[A-Za-z][A-Za-z]+")

#: Command lines and options, keys, file formats, the yes/no keys of a prompt, the Mermaid
#: graph's syntax and a decision record's front matter (``status: proposed``, ``ADR-0001``).
SYNTAX = frozenset(
    [
        "advisor",
        "recommend",
        "interview",
        "report",
        "explain",
        "whatif",
        "resume",
        "lang",
        "ko",
        "set",
        "force",
        "output",
        "format",
        "FOLDER",
        "true",
        "false",
        "unknown",
        "all",
        "yaml",
        "json",
        "md",
        "html",
        "adr",
        "Ctrl",
        "Enter",
        "Space",
        "Markdown",
        "HTML",
        "JSON",
        "ID",
        "Y",
        "y",
        "N",
        "n",
        "mermaid",
        "flowchart",
        "LR",
        "br",
        "class",
        "classDef",
        "fill",
        "stroke",
        "status",
        "proposed",
        "ADR",
    ]
)
#: A colour (``#cef``) or a link target is not a word.
_NOT_WORDS = re.compile(r"#[0-9a-fA-F]{3,8}\b|\]\([^)]*\)")


def _korean_words(node: object, found: set[str]) -> None:
    if isinstance(node, Text):
        if node.ko:
            found.update(WORD.findall(node.ko))
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            _korean_words(getattr(node, name), found)
    elif isinstance(node, list | tuple):
        for item in node:
            _korean_words(item, found)
    elif isinstance(node, dict):
        for item in node.values():
            _korean_words(item, found)


def allowed_words(advisor: Advisor, user_files: Iterable[Path] = ()) -> frozenset[str]:
    """Every word a Korean output may contain: ids, the data's own Korean text, user text, syntax."""
    catalog, questionnaire = advisor.catalog, advisor.questionnaire
    words: set[str] = set(SYNTAX)
    ids: list[str] = [questionnaire.id]
    for table in (catalog.patterns, catalog.forces, catalog.issues, catalog.rules, catalog.groups):
        ids += list(table)
    ids += list(getattr(catalog, "risks", {}))
    for section in questionnaire.sections:
        ids.append(section.id)
        for question in section.questions:
            ids.append(question.id)
            ids += [c.value for c in question.choices]
    for text in ids:
        words.update(WORD.findall(text))
    _korean_words(questionnaire, words)
    _korean_words([catalog.patterns, catalog.forces, catalog.issues, catalog.rules, catalog.groups], words)
    _korean_words(getattr(catalog, "risks", {}), words)
    for path in user_files:
        words.update(WORD.findall(str(yaml.safe_load(path.read_text(encoding="utf-8")))))
    return frozenset(words)


def english_words(text: str, allowed: frozenset[str]) -> list[str]:
    """The words of ``text`` that are neither ids, data, user text nor syntax: English that leaked."""
    return sorted({w for w in WORD.findall(_NOT_WORDS.sub(" ", text)) if w not in allowed})
