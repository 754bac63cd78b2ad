"""Conditions as data: the ``when`` of rules and questions.

A condition is a tree of ``all`` / ``any`` / ``not`` over leaf tests. Leaves
test an answer, a force weight, a recommended pattern or a raised issue.
Conditions are never executed as code: they are evaluated here in Python (for
questionnaires and explanations) or compiled to the rules engine's format.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Annotated, Any, Final

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from advisor.base.i18n import Arg, Message
from advisor.base.model import Frozen

Scalar = str | int | float | bool

#: Comparison operators a leaf may use, and their negations.
OPERATORS: tuple[str, ...] = (
    "equals",
    "ne",
    "in",
    "not_in",
    "gt",
    "gte",
    "lt",
    "lte",
    "contains",
    "not_contains",
    "known",
)
NEGATION: dict[str, str] = {
    "equals": "ne",
    "ne": "equals",
    "in": "not_in",
    "not_in": "in",
    "gt": "lte",
    "lte": "gt",
    "gte": "lt",
    "lt": "gte",
    "contains": "not_contains",
    "not_contains": "contains",
}
NUMERIC = frozenset({"gt", "gte", "lt", "lte"})


class _Leaf(Frozen):
    equals: Scalar | None = None
    ne: Scalar | None = None
    in_: tuple[Scalar, ...] | None = Field(default=None, alias="in")
    not_in: tuple[Scalar, ...] | None = None
    gt: int | float | None = None
    gte: int | float | None = None
    lt: int | float | None = None
    lte: int | float | None = None
    contains: str | None = None
    not_contains: str | None = None
    known: bool | None = None

    @model_validator(mode="after")
    def _exactly_one_operator(self) -> _Leaf:
        given = [op for op in OPERATORS if self.operand_of(op) is not None]
        if len(given) != 1:
            names = ", ".join(OPERATORS)
            raise ValueError(f"a test needs exactly one operator of: {names} (found {len(given)})")
        return self

    def operand_of(self, op: str) -> Any:
        """The operand given for ``op`` (``None`` if absent)."""
        return getattr(self, "in_" if op == "in" else op)

    @property
    def operator(self) -> str:
        """The one operator this leaf uses."""
        return next(op for op in OPERATORS if self.operand_of(op) is not None)

    @property
    def operand(self) -> Any:
        """The value compared against."""
        return self.operand_of(self.operator)


class AnswerTest(_Leaf):
    """Tests the answer to a question: ``{answer: team_count, gte: 3}``."""

    answer: str


class ForceTest(_Leaf):
    """Tests the weight (0-5) of a force: ``{force: scalability, gte: 4}``."""

    force: str

    @model_validator(mode="after")
    def _numeric_only(self) -> ForceTest:
        if self.operator not in NUMERIC | {"equals", "ne", "in", "not_in"}:
            raise ValueError(f"a force weight cannot be tested with '{self.operator}'")
        return self


class PatternTest(Frozen):
    """True once the pattern is recommended: ``{pattern: microservice-architecture}``."""

    pattern: str


class IssueTest(Frozen):
    """True once a recommended pattern raises the issue: ``{issue: distributed-queries}``."""

    issue: str


class AllOf(Frozen):
    """AllOf sub-conditions hold."""

    all: tuple[Condition, ...] = Field(min_length=1)


class AnyOf(Frozen):
    """At least one sub-condition holds."""

    any: tuple[Condition, ...] = Field(min_length=1)


class Not(Frozen):
    """The sub-condition does not hold."""

    not_: Condition = Field(alias="not")


def _discriminate(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return _TAGS_BY_TYPE.get(type(value))
    if isinstance(value, dict):
        for key in ("all", "any", "not", "answer", "force", "pattern", "issue"):
            if key in value:
                return f"<{key}>"
    return None


Condition = Annotated[
    Annotated[AllOf, Tag("<all>")]
    | Annotated[AnyOf, Tag("<any>")]
    | Annotated[Not, Tag("<not>")]
    | Annotated[AnswerTest, Tag("<answer>")]
    | Annotated[ForceTest, Tag("<force>")]
    | Annotated[PatternTest, Tag("<pattern>")]
    | Annotated[IssueTest, Tag("<issue>")],
    Discriminator(
        _discriminate,
        custom_error_type="condition",
        custom_error_message=(
            "a condition is a mapping with one of: all, any, not, answer, force, pattern, issue"
        ),
    ),
]

Leaf = AnswerTest | ForceTest | PatternTest | IssueTest

_TAGS_BY_TYPE: dict[type[BaseModel], str] = {
    AllOf: "<all>",
    AnyOf: "<any>",
    Not: "<not>",
    AnswerTest: "<answer>",
    ForceTest: "<force>",
    PatternTest: "<pattern>",
    IssueTest: "<issue>",
}


class ConditionError(ValueError):
    """A condition cannot be normalised (negated pattern/issue test, too many clauses)."""


#: Most conjunctions one condition may expand to; beyond it, split the rule.
MAX_CLAUSES = 64

Clause = tuple[Leaf, ...]


def leaves(condition: Condition) -> list[Leaf]:
    """Every leaf test of a condition, in document order."""
    if isinstance(condition, AllOf):
        return [leaf for sub in condition.all for leaf in leaves(sub)]
    if isinstance(condition, AnyOf):
        return [leaf for sub in condition.any for leaf in leaves(sub)]
    if isinstance(condition, Not):
        return leaves(condition.not_)
    return [condition]


def negate_leaf(leaf: Leaf) -> Leaf:
    """The leaf that holds exactly when ``leaf`` is known and does not hold.

    An unknown answer satisfies neither a test nor its negation; only
    ``known`` speaks about unknown answers.
    """
    if isinstance(leaf, PatternTest | IssueTest):
        raise ConditionError("'not' cannot wrap a pattern or issue test: rules only ever add conclusions")
    op = leaf.operator
    if op == "known":
        return leaf.model_copy(update={"known": not leaf.known})
    data = leaf.model_dump(by_alias=True, exclude_none=True)
    value = data.pop("in" if op == "in" else op)
    new_op = NEGATION[op]
    data["in" if new_op == "in" else new_op] = value
    return type(leaf).model_validate(data)


def to_nnf(condition: Condition, negated: bool = False) -> Condition:
    """Push every ``not`` down to the leaves (negation normal form)."""
    if isinstance(condition, Not):
        return to_nnf(condition.not_, not negated)
    if isinstance(condition, AllOf):
        parts = tuple(to_nnf(c, negated) for c in condition.all)
        return AnyOf(any=parts) if negated else AllOf(all=parts)
    if isinstance(condition, AnyOf):
        parts = tuple(to_nnf(c, negated) for c in condition.any)
        return AllOf(all=parts) if negated else AnyOf(any=parts)
    return negate_leaf(condition) if negated else condition


def to_dnf(condition: Condition, limit: int = MAX_CLAUSES) -> list[Clause]:
    """The condition as a disjunction of conjunctions of leaves."""

    def expand(node: Condition) -> list[Clause]:
        if isinstance(node, AnyOf):
            out = [clause for sub in node.any for clause in expand(sub)]
        elif isinstance(node, AllOf):
            out = [()]
            for sub in node.all:
                out = [left + right for left in out for right in expand(sub)]
                if len(out) > limit:
                    break
        else:
            out = [(node,)]  # type: ignore[list-item]
        if len(out) > limit:
            raise ConditionError(
                f"the condition expands to more than {limit} alternatives; split it into rules"
            )
        return out

    return expand(to_nnf(condition))


#: "Don't know": the one value of an answer the rules cannot use, the same everywhere (an
#: answers file, ``--set``, the interview, conditions, facts, results). A question not
#: asked, or asked and not answered, has it too; a result's ``source`` says which. No
#: choice may use it as its value, and where a question does not allow it, it is refused.
UNKNOWN: Final = "unknown"


def leaf_holds(leaf: AnswerTest | ForceTest, value: Any) -> bool:
    """Whether a known or unknown ``value`` passes one leaf test."""
    return value_holds(leaf.operator, leaf.operand, value)


def value_holds(op: str, operand: Any, value: Any) -> bool:
    """Whether a known or unknown ``value`` passes the test ``op`` ``operand`` (a leaf's operator
    and operand, for callers that keep them rather than ask the leaf each time)."""
    if op == "known":
        return (value != UNKNOWN) is bool(operand)
    if value == UNKNOWN:
        return False
    if op in {"contains", "not_contains"}:
        if not isinstance(value, list | tuple | set | frozenset):
            return False
        return (operand in value) == (op == "contains")
    if op in NUMERIC:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if op == "gt":
            return bool(value > operand)
        if op == "gte":
            return bool(value >= operand)
        if op == "lt":
            return bool(value < operand)
        return bool(value <= operand)
    if op == "equals":
        return bool(value == operand)
    if op == "ne":
        return bool(value != operand)
    if op == "in":
        return value in operand
    return value not in operand  # not_in


def evaluate(
    condition: Condition,
    answer: Callable[[str], Any],
    force: Callable[[str], int],
    pattern: Callable[[str], bool] = lambda _id: False,
    issue: Callable[[str], bool] = lambda _id: False,
) -> bool:
    """Evaluate a condition against lookups for answers, force weights, patterns, issues."""

    def holds(node: Condition) -> bool:
        if isinstance(node, AllOf):
            return all(holds(c) for c in node.all)
        if isinstance(node, AnyOf):
            return any(holds(c) for c in node.any)
        if isinstance(node, PatternTest):
            return pattern(node.pattern)
        if isinstance(node, IssueTest):
            return issue(node.issue)
        if isinstance(node, AnswerTest):
            return leaf_holds(node, answer(node.answer))
        if isinstance(node, ForceTest):
            return leaf_holds(node, force(node.force))
        raise ConditionError(f"unexpected condition {node!r}")  # pragma: no cover

    return holds(to_nnf(condition))


def _arg(value: Any) -> Arg:
    return tuple(value) if isinstance(value, tuple | list) else value


@lru_cache(maxsize=4096)
def leaf_message(leaf: Leaf) -> Message:
    """A leaf test as data for a renderer to say (leaves are frozen, so cached).

    Codes: ``test_answer`` / ``test_force`` (``question`` or ``force``, ``op``, ``value``),
    ``test_known`` / ``test_unknown`` (``question``), ``test_pattern``, ``test_issue``.
    """
    if isinstance(leaf, PatternTest):
        return Message.of("test_pattern", pattern=leaf.pattern)
    if isinstance(leaf, IssueTest):
        return Message.of("test_issue", issue=leaf.issue)
    if isinstance(leaf, ForceTest):
        return Message.of("test_force", force=leaf.force, op=leaf.operator, value=_arg(leaf.operand))
    if leaf.operator == "known":
        return Message.of("test_known" if leaf.known else "test_unknown", question=leaf.answer)
    return Message.of("test_answer", question=leaf.answer, op=leaf.operator, value=_arg(leaf.operand))
