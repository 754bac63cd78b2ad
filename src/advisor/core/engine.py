"""The rules engine: the only module that imports durable-rules.

Rules arrive as data: a rule id and its condition in disjunctive normal form
(a list of clauses, each a conjunction of leaf tests). They are compiled into
one durable-rules ruleset per catalog, registered once per process on one
quiet host. Each assessment runs in its own session, which is always deleted
when the assessment ends, so nothing leaks between assessments.

durable-rules has sharp edges this module designs around:

- a batch assert fails whole when one fact matches no condition, so a
  catch-all join that can never complete makes every fact "handled";
- deleting a session in which no action ran crashes the process, so every
  session first asserts a start fact whose rule always fires;
- exceptions inside actions are swallowed, so each assert checks the
  session state for one;
- a fact without an ``id`` is identified by a 32-bit hash of its content, and
  two different facts can share one (a system name was enough), so every fact
  gets an explicit id whose key never collides (:mod:`advisor.core.identity`);
- the binding's Python wrapper costs more per firing than the matching itself
  (JSON round trips, a state update per action), so sessions drive the compiled
  matcher directly; the wrapper's path stays for comparison (``lean=False``):
  both give the same firings in the same order.
- some rule-pack shapes hang or crash the engine, so :func:`check_limits`
  refuses them before anything reaches the engine.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import durable_rules_engine as matcher

from advisor.catalog.conditions import Clause
from advisor.core.facts import Fact
from advisor.core.identity import Identities
from advisor.core.ruleset import (
    MAX_CONDITIONS_PER_FACT,
    MAX_DISTINCT_TESTS,
    MAX_RULES,
    MAX_SHARED_CONDITION,
    LimitFinding,
    check_limits,
    compile_leaf,
    leaf_key,
    limit_findings,
)
from advisor.errors import EngineError

__all__ = [
    "MAX_CONDITIONS_PER_FACT",
    "MAX_DISTINCT_TESTS",
    "MAX_RULES",
    "MAX_SHARED_CONDITION",
    "Engine",
    "Firing",
    "LimitFinding",
    "Session",
    "check_limits",
    "compile_leaf",
    "limit_findings",
]

_START_RULE = "$start"
_CATCH_ALL_RULE = "$catch-all"


@dataclass(frozen=True)
class Firing:
    """One rule clause that matched during an assessment."""

    rule: str
    clause: int


_LOCK = threading.RLock()
_IDENTITIES = Identities()
#: Recent facts' contents (sorted, the key that refuses a fact asserted twice) and their JSON
#: (without session and fact id), by their items in the order given.
_ENCODED: dict[tuple[tuple[str, Any], ...], tuple[tuple[tuple[str, Any], ...], str]] = {}
_ENCODED_MAX = 65_536
#: Rulesets registered in this process, by (fingerprint, lean): the plain path's host name
#: or the lean path's matcher handle. durable-rules cannot unload a ruleset.
_REGISTERED: dict[tuple[str, bool], Any] = {}

#: The field naming the question or force of an answer, choice or weight fact.
_NAMED_BY = {"a": "q", "c": "q", "f": "f"}


class Engine:
    """Compiled rules, registered once; open a :meth:`session` per assessment.

    With ``lean`` (the default) sessions drive durable-rules' compiled matcher directly;
    without it they go through the binding's Python wrapper, as a reference to compare with.
    """

    def __init__(
        self, rules: Mapping[str, Sequence[Clause]], *, lean: bool = True, checked: bool = False
    ) -> None:
        """Compile ``rules`` into a ruleset and register it (once per process).

        Rules beyond the engine's limits are refused, unless ``checked`` says the caller
        has refused them already (:func:`advisor.core.advisor.compile_rules` does).
        """
        problems = [] if checked else check_limits(rules)
        if problems:
            raise EngineError(
                "the rule pack exceeds the rules engine's limits:\n  "
                + "\n  ".join(problems)
                + "\n  hint: run 'advisor rules lint DIR' to see the file and line of each rule involved"
            )
        definition: dict[str, Any] = {
            _START_RULE: {"all": [{"m": {"t": "$start"}}]},
            _CATCH_ALL_RULE: {"all": [{"m": {"$ex": {"t": 1}}}, {"n": {"t": "$never"}}]},
        }
        #: Each action name → the firing it stands for (None for the engine's own rules).
        self.firings: dict[str, Firing | None] = {_START_RULE: None, _CATCH_ALL_RULE: None}
        for rule_id in sorted(rules):
            for index, clause in enumerate(rules[rule_id]):
                name = f"{rule_id}#{index}"
                definition[name] = {"all": [{f"m{i}": compile_leaf(leaf)} for i, leaf in enumerate(clause)]}
                self.firings[name] = Firing(rule_id, index)
        fingerprint = hashlib.sha256(json.dumps(definition, sort_keys=True).encode()).hexdigest()[:16]
        self.lean = lean
        with _LOCK:
            registered = _REGISTERED.get((fingerprint, lean))
            if registered is None:
                name = f"advisor-{len(_REGISTERED) + 1}-{fingerprint}"
                try:
                    registered = _register(name, definition, self.firings, lean)
                except Exception as exc:  # the engine raises bare Exceptions
                    raise EngineError(f"the rules engine refused the rule pack: {exc}") from None
                _REGISTERED[(fingerprint, lean)] = registered
        self.name = f"advisor-{fingerprint}"
        self._ruleset = registered
        #: The answers, choices and weights some rule tests (kind, question or force).
        self._tested = frozenset(leaf_key(leaf) for clauses in rules.values() for c in clauses for leaf in c)
        self._idle: list[Session] = []

    def tests(self, fact: Fact) -> bool:
        """Whether some rule may match ``fact``. The facts of answers, picked choices and
        weights that no rule tests are not asserted: matching them could fire nothing, and
        the facts of every choice of every question were most of what the engine matched."""
        kind = fact["t"]
        name = _NAMED_BY.get(kind)
        return name is None or (kind, fact[name]) in self._tested

    @contextmanager
    def session(self) -> Iterator[Session]:
        """An isolated session for one assessment: empty when it starts, cleared when the block ends.

        A lean session that ends normally is emptied (its facts retracted) and kept for the
        next assessment: durable-rules allocates and clears memory for every rule when a
        session is created, which made each assessment's cost grow with rules that never
        fire. Any other session is deleted.
        """
        with _LOCK:
            session: Session
            if self._idle:
                session = self._idle.pop()
            else:
                session = (LeanSession if self.lean else PlainSession)(self, _IDENTITIES.acquire_sid())
            ended = False
            try:
                if not session.started:
                    session.start()
                yield session
                ended = True
            finally:
                if session.started:
                    if ended and self.lean and session.reset():
                        self._idle.append(session)
                    else:
                        session.delete()
                        _IDENTITIES.release_sid(session.sid)


def _register(name: str, definition: dict[str, Any], firings: Mapping[str, Firing | None], lean: bool) -> Any:
    """Register a ruleset: the matcher's handle (lean), or its name on the wrapper's host."""
    if lean:
        return matcher.create_ruleset(name, json.dumps(definition, ensure_ascii=False))
    ruleset = copy.deepcopy(definition)  # the wrapper takes the actions out of the dict it is given
    for rule_name, firing in firings.items():
        ruleset[rule_name]["run"] = _recorder(firing)
    _host().set_rulesets({name: ruleset})
    return name


class Session:
    """One assessment's working memory in the engine."""

    def __init__(self, engine: Engine, sid: str) -> None:
        self._engine = engine
        self._ruleset = engine._ruleset
        self.sid = sid
        self._seen: set[tuple[tuple[str, Any], ...]] = set()
        self._facts: list[Fact] = []  # as given, in the order asserted
        self._encoded: list[str] = []  # each asserted fact as JSON, as json.dumps writes it
        self.fired: list[Firing] = []
        self.started = False

    def start(self) -> None:
        """Run the start rule, so that the session can always be deleted safely."""
        self._assert(self._identified([{"t": "$start"}]))
        self.started = True

    @property
    def _asserted(self) -> list[Fact]:
        """Every fact asserted, with this session's id and its own fact id."""
        return self._batch(0)

    def _batch(self, first: int) -> list[Fact]:
        """The facts asserted from the ``first``-th on, with this session's id and each its fact id."""
        ids, sid = _IDENTITIES.fact_ids, self.sid
        return [{**fact, "sid": sid, "id": ids[n]} for n, fact in enumerate(self._facts[first:], first)]

    def assert_facts(self, facts: Sequence[Fact]) -> list[Firing]:
        """Add facts; return the rule clauses that fired because of them, in firing order."""
        tests = self._engine.tests
        facts = [fact for fact in facts if tests(fact)]
        if not facts:
            return []
        before = len(self.fired)
        self._assert(self._identified(facts))
        return self.fired[before:]

    def _identified(self, facts: Sequence[Fact]) -> int:
        """Give each fact its own fact id and encode it with them; the same fact twice is refused.

        Where the batch starts among the facts asserted (:meth:`_batch`).
        """
        seen = self._seen
        first = len(seen)
        texts = []
        for fact in facts:
            # A fact's content and JSON are remembered: the same answers, patterns and issues
            # recur from one assessment to the next, and encoding them was a tenth of the time.
            given = tuple(fact.items())
            known = _ENCODED.get(given)
            if known is None:
                if len(_ENCODED) >= _ENCODED_MAX:
                    _ENCODED.clear()
                known = _ENCODED[given] = (tuple(sorted(given)), json.dumps(fact, ensure_ascii=False)[:-1])
            if known[0] in seen:
                raise EngineError("a fact was asserted twice in one assessment")
            seen.add(known[0])
            texts.append(known[1])
        ids = _IDENTITIES.reserve(len(seen))
        sid = self.sid
        self._facts.extend(facts)
        self._encoded += [
            f'{text}, "sid": "{sid}", "id": "{ids[n]}"}}' for n, text in enumerate(texts, first)
        ]
        return first

    def reset(self) -> bool:
        """Retract every fact but the start fact, so the session is as new; ``False`` if it cannot be."""
        return False

    def _assert(self, first: int) -> None:
        """Assert the facts from the ``first``-th on and note the rules that fire."""
        raise NotImplementedError

    def delete(self) -> None:
        """Delete the session's state in the engine."""
        raise NotImplementedError


class LeanSession(Session):
    """A session that drives the compiled matcher directly: assert, then take each action in turn.

    The binding's wrapper would, for every action, decode the matched facts and the state
    from JSON, build closure objects, run the action and write the unchanged state back.
    The advisor's actions only record which rule fired, so this takes the action's name
    from the matcher's message and completes it at once, in the matcher's own order.
    """

    def _assert(self, first: int) -> None:
        handle = self._ruleset
        try:
            result = matcher.assert_facts(handle, "[" + ", ".join(self._encoded[first:]) + "]")
            if result[0] == _OBSERVED:
                raise EngineError("a fact was asserted twice in one assessment")
            if result[0] == _NOT_HANDLED:
                raise EngineError("the rules engine did not accept the facts")
            state = 0 if result[0] == _NO_STATE else result[1]
            started = matcher.start_action_for_state(handle, state)
            message = started[1] if started else None
            while message:
                self._record(message)
                message = matcher.complete_and_start_action(handle, state)
        except EngineError:
            raise
        except Exception as exc:  # the engine's C layer raises bare Exceptions
            raise EngineError(f"the rules engine failed: {exc}") from None

    def reset(self) -> bool:
        """Retract every fact asserted since the start fact; ``False`` if the session is not clean after."""
        handle = self._ruleset
        try:
            if len(self._facts) > 1:
                result = matcher.retract_facts(handle, "[" + ", ".join(self._encoded[1:]) + "]")
                state = 0 if result[0] == _NO_STATE else result[1]
                if result[0] not in (0, _NO_STATE) or matcher.start_action_for_state(handle, state):
                    return False
        except Exception:  # the engine's C layer raises bare Exceptions: delete the session instead
            return False
        self._facts = self._facts[:1]
        self._encoded = self._encoded[:1]
        self._seen = {tuple(sorted(self._facts[0].items()))}
        self.fired = []
        return True

    def _record(self, message: str) -> None:
        """Note the rule clause an action message (``{"NAME": {...}}``) stands for."""
        firings = self._engine.firings
        name = message[2 : message.find('"', 2)]
        if name not in firings:  # a name the fast slice cannot read: decode the message
            name = next(iter(json.loads(message)))
        firing = firings[name]
        if firing is not None:
            self.fired.append(firing)

    def delete(self) -> None:
        """Delete the session's state in the matcher."""
        matcher.delete_state(self._ruleset, self.sid)


#: Result codes of the matcher's assert (0: done, with a state handle to take actions from).
_NOT_HANDLED, _OBSERVED, _NO_STATE = 1, 2, 3


class PlainSession(Session):
    """A session through durable-rules' Python wrapper (the reference the lean path is tested against)."""

    def _assert(self, first: int) -> None:
        from durable import engine as durable_engine  # noqa: PLC0415 - only this path needs the wrapper

        host = _host()
        _FIRED[self.sid] = self.fired
        try:
            host.assert_facts(self._ruleset, self._batch(first))
        except durable_engine.MessageObservedException:
            raise EngineError("a fact was asserted twice in one assessment") from None
        except durable_engine.MessageNotHandledException:
            raise EngineError("the rules engine did not accept the facts") from None
        except Exception as exc:  # the engine's C layer raises bare Exceptions
            raise EngineError(f"the rules engine failed: {exc}") from None
        finally:
            _FIRED.pop(self.sid, None)
        state = host.get_state(self._ruleset, self.sid)
        if "exception" in state:
            raise EngineError(f"a rule action failed: {state['exception'].splitlines()[0]}")

    def delete(self) -> None:
        """Delete the session's state through the wrapper."""
        _host().delete_state(self._ruleset, self.sid)


_HOST: Any = None
_FIRED: dict[str, list[Firing]] = {}


def _host() -> Any:
    """The wrapper's one host, without background timer threads: actions run on the caller's thread."""
    global _HOST  # noqa: PLW0603 - one host per process is the engine's own constraint
    if _HOST is None:
        from durable import engine as durable_engine  # noqa: PLC0415 - only the plain path needs it

        class QuietHost(durable_engine.Host):  # type: ignore[misc]
            def _run(self) -> None:
                return None

        _HOST = QuietHost()
    return _HOST


def _recorder(firing: Firing | None) -> Any:
    """The wrapper's action for one rule clause: note the firing in its session's list."""

    def run(closure: Any) -> None:
        fired = _FIRED.get(str(closure.s.sid))
        if fired is not None and firing is not None:
            fired.append(firing)

    return run
