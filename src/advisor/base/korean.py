"""Korean particles that agree with the word they follow.

A Korean phrase with a placeholder cannot know whether the value put in ends
in a final consonant (받침), which decides the particle: 패턴**이**, 사가**가**.
Phrases write the pair, ``{pattern}이(가)``, and :func:`attach_particles`
picks one once the value is in: 사가가 추천됨, 메시징이 추천됨.

Hangul syllables are decided exactly. Digits are read as Sino-Korean numerals
(3 → 삼, a final ㅁ). A word in Latin letters (a pattern id) is decided by how
it is usually read aloud in Korean: a final ``-ng``, ``-m``, ``-n`` or ``-l``
leaves a 받침 (messaging → 메시징), anything else does not (saga → 사가,
service → 서비스). Whatever the text ends in, the pair is replaced, so no
"이(가)" reaches a reader.
"""

from __future__ import annotations

import re

# (with a final consonant, without one) for each pair a phrase may write.
_PAIRS = {
    "이(가)": ("이", "가"),
    "은(는)": ("은", "는"),
    "을(를)": ("을", "를"),
    "과(와)": ("과", "와"),
}
_PARTICLE = re.compile("|".join(re.escape(pair) for pair in _PAIRS))
# Closing quotes and brackets a particle may follow: look through them to the word.
_CLOSERS = "\"'”’)]」』>"
# Digits read as Sino-Korean numerals: does the reading end in a final consonant?
_DIGIT_HAS_FINAL = {
    "0": True,  # 영
    "1": True,  # 일
    "2": False,  # 이
    "3": True,  # 삼
    "4": False,  # 사
    "5": False,  # 오
    "6": True,  # 육
    "7": True,  # 칠
    "8": True,  # 팔
    "9": False,  # 구
}
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3


def _has_final_consonant(before: str) -> bool | None:
    """Whether the word ending ``before`` ends in a final consonant; None if no word."""
    word = before.rstrip(_CLOSERS)
    if not word:
        return None
    last = word[-1]
    code = ord(last)
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28 != 0
    if last in _DIGIT_HAS_FINAL:
        return _DIGIT_HAS_FINAL[last]
    if last.isascii() and last.isalpha():
        lower = word.lower()
        return lower.endswith("ng") or lower[-1] in "lmn"
    return None


def attach_particles(text: str) -> str:
    """``text`` with every ``이(가)``-style pair replaced by the particle its word takes."""
    if "(" not in text:
        return text
    pieces: list[str] = []
    start = 0
    for match in _PARTICLE.finditer(text):
        with_final, without = _PAIRS[match.group()]
        final = _has_final_consonant(text[: match.start()])
        pieces.append(text[start : match.start()])
        pieces.append(without if final is False else with_final)
        start = match.end()
    pieces.append(text[start:])
    return "".join(pieces)
