"""What is worked out once per catalog and kept for as long as the catalog lives.

The reasoning indexes a catalog several ways (its relations, the fits of its patterns,
the parts of a result, the plan's layout, the risk rules compiled). Each index is made
on first use and dropped with its catalog, so a long-lived process that loads packs
again does not keep indexes of catalogs it no longer uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar
from weakref import ref

from advisor.catalog.loader import Catalog

T = TypeVar("T")


class per_catalog(Generic[T]):  # noqa: N801 - used as a decorator, named like a function
    """``build(catalog)`` made once per catalog and kept while the catalog lives.

    Catalogs are told apart by identity: two equal catalogs loaded apart get an index each.
    """

    def __init__(self, build: Callable[[Catalog], T]) -> None:
        self._build = build
        self._made: dict[int, tuple[ref[Catalog], T]] = {}
        self.__doc__ = build.__doc__

    def __call__(self, catalog: Catalog) -> T:
        key = id(catalog)
        entry = self._made.get(key)
        if entry is not None and entry[0]() is catalog:
            return entry[1]
        value = self._build(catalog)
        self._made[key] = (ref(catalog, lambda _gone: self._made.pop(key, None)), value)
        return value

    def made(self) -> list[T]:
        """What was made for the catalogs alive now."""
        return [value for owner, value in self._made.values() if owner() is not None]
