"""Messages as codes and the phrasebooks that put them into English and Korean words."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import pytest
from pydantic import BaseModel

import advisor
from advisor.api import Advisor
from advisor.base.i18n import Message, Phrasebook, Text, placeholders
from advisor.errors import MAX_PROBLEMS_SHOWN, Problem, capped_lines


def _phrasebooks() -> dict[str, Phrasebook]:
    """Every phrasebook defined at module level anywhere in the package."""
    found: dict[str, Phrasebook] = {}
    for info in pkgutil.walk_packages(advisor.__path__, "advisor."):
        if info.name == "advisor.__main__":
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Phrasebook) and getattr(module, "__name__", "") == info.name:
                found.setdefault(f"{info.name}.{name}", value)
    return found


PHRASEBOOKS = _phrasebooks()


def test_the_renderers_phrasebooks_are_found() -> None:
    assert {"advisor.report.labels.LABELS", "advisor.interview.words.WORDS"} <= set(PHRASEBOOKS)


@pytest.mark.parametrize("book", sorted(PHRASEBOOKS))
def test_every_phrase_has_both_languages_with_the_same_placeholders(book: str) -> None:
    for key, (en, ko) in PHRASEBOOKS[book].items():
        assert en.strip() and ko.strip(), f"{book}[{key!r}] needs English and Korean"
        assert placeholders(en) == placeholders(ko), f"{book}[{key!r}]: {en!r} / {ko!r}"


@pytest.mark.parametrize("book", sorted(PHRASEBOOKS))
def test_korean_phrases_call_a_force_poseu(book: str) -> None:
    for key, (en, ko) in PHRASEBOOKS[book].items():
        if re.search(r"\bforces?\b", re.sub(r"\{\w+\}", "", en), re.IGNORECASE):
            assert "포스" in ko or "강제" in ko, f"{book}[{key!r}]: {ko!r}"


def test_an_english_count_agrees_with_its_noun_and_korean_needs_no_form() -> None:
    book = Phrasebook(
        {
            "n": ("{count} {count:pattern|patterns}", "패턴 {count}개"),
            "ok": ("ok: {what} {count:is|are} valid", "확인: {what} 유효"),
        }
    )
    assert [book("n", "en", count=n) for n in (0, 1, 2)] == ["0 patterns", "1 pattern", "2 patterns"]
    assert book("n", "ko", count=1) == "패턴 1개"
    assert book("ok", "en", count=1, what="a") == "ok: a is valid"
    assert book("ok", "en", count=2, what="a and b") == "ok: a and b are valid"
    assert book("ok", "ko", count=2, what="a") == "확인: a 유효"  # Korean need not mention the count
    assert placeholders("ok: {what} {count:is|are} valid") == {"what"}


#: Words after a number that end in "s" but are not plural nouns ("1 is", "1 scores", "1 its").
_VERBS = {"is", "was", "needs", "follows", "depends", "scores", "wins", "its"}


@pytest.mark.parametrize("book", sorted(PHRASEBOOKS))
def test_no_english_phrase_says_one_with_a_plural_noun(book: str) -> None:
    """Every placeholder filled with 1: no phrase reads "1 patterns" or "1 later phases"."""
    for key, (en, _ko) in PHRASEBOOKS[book].items():
        names = {name for _, name, _, _ in string.Formatter().parse(en) if name}
        text = PHRASEBOOKS[book](key, "en", **dict.fromkeys(names, 1))
        plurals = re.findall(r"(?<![\w.-])1 (?:(?:key|later|more) )?([a-z]+s)\b(?! file)", text)
        assert not [word for word in plurals if word not in _VERBS], f"{book}[{key!r}]: {text!r}"


def test_a_message_is_said_in_each_language_with_its_arguments() -> None:
    book = Phrasebook({"lost": ("scored {score} below {pattern}", "{pattern}보다 낮은 점수 {score}")})
    message = Message.of("lost", score=0.40, pattern="api-gateway")
    assert book.say(message) == "scored 0.4 below api-gateway"
    assert book.say(message, "ko") == "api-gateway보다 낮은 점수 0.4"
    # A renderer may show a name where the message has an id.
    assert book.say(message, "en", pattern="API Gateway") == "scored 0.4 below API Gateway"


def test_list_arguments_are_joined_and_floats_lose_trailing_zeros() -> None:
    book = Phrasebook({"needs": ("needs one of: {patterns} ({score})", "필요: {patterns} ({score})")})
    assert book("needs", "en", patterns=("a", "b"), score=2.0) == "needs one of: a, b (2)"


def test_a_message_is_plain_json_data() -> None:
    message = Message.of("alt_against", score=-4, patterns=("a", "b"), flag=True)
    data = message.model_dump(mode="json")
    assert data == {"code": "alt_against", "args": {"score": -4, "patterns": ["a", "b"], "flag": True}}
    assert Message.model_validate(data) == message


def test_a_phrasebook_lists_its_phrases_in_one_language_for_templates() -> None:
    book = Phrasebook({"title": ("Title", "제목"), "n": ("{n} items", "{n}개")})
    assert book.table("ko") == {"title": "제목", "n": "{n}개"}
    assert book("n", "en") == "{n} items"  # no values: the phrase as written


def test_text_falls_back_to_english() -> None:
    assert Text.model_validate("plain").get("ko") == "plain"
    assert Text(en="yes", ko="예").get("ko") == "예"


def _texts(node: object) -> list[Text]:
    if isinstance(node, Text):
        return [node]
    if isinstance(node, BaseModel):
        return [t for field in type(node).model_fields for t in _texts(getattr(node, field))]
    if isinstance(node, list | tuple):
        return [t for item in node for t in _texts(item)]
    if isinstance(node, dict):
        return [t for item in node.values() for t in _texts(item)]
    return []


def test_the_bundled_korean_data_calls_a_force_poseu() -> None:
    bundled = Advisor.load()
    texts = _texts(bundled.questionnaire) + _texts(
        [bundled.catalog.patterns, bundled.catalog.forces, bundled.catalog.issues, bundled.catalog.rules]
    )
    assert texts
    assert not [t.ko for t in texts if t.ko and "강제 조항" in t.ko]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("saga", "saga가 추천됨"),  # 사가: no final consonant
        ("messaging", "messaging이 추천됨"),  # 메시징: a final ㅇ
        ("사가 패턴", "사가 패턴이 추천됨"),
        ("API 게이트웨이", "API 게이트웨이가 추천됨"),
        ("3", "3이 추천됨"),  # 삼
        ("2", "2가 추천됨"),  # 이
    ],
)
def test_korean_particles_agree_with_the_value_put_in(value: str, expected: str) -> None:
    book = Phrasebook({"picked": ("{pattern} is recommended", "{pattern}이(가) 추천됨")})
    assert book("picked", "ko", pattern=value) == expected
    assert book("picked", "en", pattern=value) == f"{value} is recommended"


def test_no_korean_phrase_shows_a_particle_pair_once_filled_in() -> None:
    book = Phrasebook({"managed": ("manage “{title}”", "“{title}”을(를) 관리하고 {n}개은(는) 남김")})
    assert book("managed", "ko", title="사가", n=5) == "“사가”를 관리하고 5개는 남김"


def test_a_count_shown_with_separators_still_reads_one_and_many() -> None:
    """Problems beyond the first hundred of a file are counted, as "1,234": the noun still agrees."""
    for hidden, said in ((1, "1 more problem in"), (1234, "1,234 more problems in")):
        problems = [Problem("a.yaml", f"problem {n}", n + 1) for n in range(MAX_PROBLEMS_SHOWN + hidden)]
        assert capped_lines(problems)[-1] == f"a.yaml: ... and {said} this file"
