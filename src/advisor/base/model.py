"""The base of every immutable data model: unknown keys refused, instances frozen."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """A pydantic model that forbids unknown keys and cannot be changed once built."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
