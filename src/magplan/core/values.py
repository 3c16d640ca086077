"""Frozen values: the core's plain data, as standard-library dataclasses made a little cheaper.

``@value`` is ``@dataclass(frozen=True)`` whose ``__eq__``, ``__hash__`` and ``__repr__`` are
written once, here, instead of being generated for each class. Python 3.11 compiles every
method it generates for a dataclass; for the 70 or so classes of the core and the presentation
layer the three generated here cost about a quarter of ``magplan plan --json`` and a tenth of
the window's start (``bench/README.md``). ``__init__`` and the frozen ``__setattr__`` are still
dataclasses' own, compiled for each class: plans are built from these values, so their
construction keeps its speed.

The classes stay standard dataclasses (``dataclasses.fields``, ``replace`` and ``asdict`` work,
and pydantic validates them); they compare, hash and print exactly as dataclasses do: equal
when of the same class with equal fields (those with ``compare``), hashed over the same fields,
shown as ``Dose(time_min=480, ...)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")

_COMPARED: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_HASHED: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The named fields of a value, as one tuple."""
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda v: (one(v),)
    return attrgetter(*names) if names else lambda v: ()


def _compared(cls: type) -> Callable[[Any], tuple[Any, ...]]:
    get = _COMPARED.get(cls)
    if get is None:
        names = [f.name for f in dataclasses.fields(cls) if f.compare]
        get = _COMPARED[cls] = _getter(names)
    return get


def _value_eq(self: Any, other: object) -> object:  # a bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    get = _compared(self.__class__)
    return get(self) == get(other)


def _value_hash(self: Any) -> int:
    get = _HASHED.get(self.__class__)
    if get is None:
        fields = dataclasses.fields(self)
        names = [f.name for f in fields if (f.compare if f.hash is None else f.hash)]
        get = _HASHED[self.__class__] = _getter(names)
    return hash(get(self))


def _value_repr(self: Any) -> str:
    shown = ", ".join(
        f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr
    )
    return f"{self.__class__.__qualname__}({shown})"


_SHARED = (("__eq__", _value_eq), ("__hash__", _value_hash), ("__repr__", _value_repr))


@overload
def value(cls: type[T], /) -> type[T]: ...


@overload
def value(*, kw_only: bool = False, slots: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def value(
    cls: type[T] | None = None, /, *, kw_only: bool = False, slots: bool = False
) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, kw_only=..., slots=...)``, with the shared ``__eq__``,
    ``__hash__`` and ``__repr__`` (a class may still write its own)."""

    def make(cls: type[T]) -> type[T]:
        own = set(cls.__dict__)
        made = dataclasses.dataclass(
            cls, frozen=True, eq=False, repr=False, kw_only=kw_only, slots=slots
        )
        for name, method in _SHARED:
            if name not in own:
                setattr(made, name, method)
        return made

    return make if cls is None else make(cls)
