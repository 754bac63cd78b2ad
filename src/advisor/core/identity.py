"""Identities for the rules engine's facts and sessions that can never collide.

durable-rules files each fact of a session under a 32-bit key: the FNV-1a hash of the
fact's ``id`` (derived from the fact's content and session when it has none). Two facts
whose keys are equal are taken for one fact ("already observed"), whatever their content,
and a session's own state fact (id ``sid-SID``) shares the same table. So the engine gives
every fact an explicit id from :class:`Identities`, whose keys are pairwise distinct and
distinct from the state facts' keys of every session id it hands out.
"""

from __future__ import annotations

import itertools


def storage_key(fact_id: str) -> int:
    """The key under which durable-rules files a fact of a session: the 32-bit FNV-1a hash of its id."""
    key = 0x811C9DC5
    for byte in fact_id.encode():
        key = ((key ^ byte) * 0x01000193) & 0xFFFFFFFF
    return key


class Identities:
    """Session ids and fact ids whose storage keys are pairwise distinct.

    Fact ids are short decimal strings, handed out in order to the facts of every session
    (the n-th fact of a session always gets the n-th id); a candidate whose key is already
    taken, by an earlier id or by the state fact of a session id, is skipped. Session ids
    are reused once their session is deleted, so the tables stay small. Not thread-safe:
    the engine calls it under its lock.
    """

    def __init__(self) -> None:
        self._taken: set[int] = set()
        self.fact_ids: list[str] = []
        self._candidates = itertools.count()
        self._free: list[str] = []
        self._sid_candidates = itertools.count(1)

    def reserve(self, count: int) -> list[str]:
        """The first ``count`` fact ids (grown on demand)."""
        while len(self.fact_ids) < count:
            candidate = str(next(self._candidates))
            key = storage_key(candidate)
            if key not in self._taken:
                self._taken.add(key)
                self.fact_ids.append(candidate)
        return self.fact_ids

    def acquire_sid(self) -> str:
        """A session id no open session uses, whose state fact collides with no fact id."""
        if self._free:
            return self._free.pop()
        while True:
            sid = f"s{next(self._sid_candidates)}"
            key = storage_key(f"sid-{sid}")
            if key not in self._taken:
                self._taken.add(key)
                return sid

    def release_sid(self, sid: str) -> None:
        """Give back the id of a deleted session."""
        self._free.append(sid)
