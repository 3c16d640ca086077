"""The bounds a value's fields keep, written once, in their types.

``Annotated[int, Bounds(ge=0, le=120)]`` is read in two ways:

- by pydantic, where data crosses a boundary (a knowledge file, a saved profile): a
  :class:`Bounds` is an annotated_types ``GroupedMetadata``, so pydantic sees annotated_types'
  own ``Ge(0)`` and ``Le(120)`` and reports a value out of bounds in its words, at its field;
- by :func:`check_fields`, in plain Python, for the values the program builds itself (the
  command line's and the window's requests): the same bounds, the same words.

annotated_types is imported only when pydantic reads the bounds. Importing it costs about as
much as starting Python itself (``bench/README.md``), and neither the window nor
``magplan plan`` needs pydantic.
"""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Iterator
from typing import Annotated, Literal, get_args, get_origin

from magplan.core.errors import PlanInputError


class Bounds:
    """Lower and upper bounds of a number (``gt``, ``ge``, ``lt``, ``le``), or the fewest items
    of a list or tuple (``min_length``)."""

    __slots__ = ("ge", "gt", "le", "lt", "min_length")

    def __init__(
        self,
        *,
        gt: float | None = None,
        ge: float | None = None,
        lt: float | None = None,
        le: float | None = None,
        min_length: int | None = None,
    ) -> None:
        self.gt, self.ge, self.lt, self.le, self.min_length = gt, ge, lt, le, min_length

    @property
    def __is_annotated_types_grouped_metadata__(self) -> Literal[True]:
        return True  # pydantic expands a Bounds into the constraints __iter__ gives

    def __iter__(self) -> Iterator[object]:
        """annotated_types' constraints, as pydantic reads them."""
        import annotated_types as at

        for limit, constraint in (
            (self.gt, at.Gt),
            (self.ge, at.Ge),
            (self.lt, at.Lt),
            (self.le, at.Le),
        ):
            if limit is not None:
                yield constraint(limit)
        if self.min_length is not None:
            yield at.MinLen(self.min_length)

    def __repr__(self) -> str:
        given = [f"{name}={getattr(self, name)!r}" for name in self.__slots__]
        return f"Bounds({', '.join(g for g in given if not g.endswith('=None'))})"

    def problem(self, value: object) -> str | None:
        """What is wrong with ``value``, in pydantic's words; None when it keeps the bounds."""
        if self.min_length is not None and isinstance(value, tuple | list):
            if len(value) < self.min_length:
                kind = "Tuple" if isinstance(value, tuple) else "List"
                items = "item" if self.min_length == 1 else "items"
                return (
                    f"{kind} should have at least {self.min_length} {items} after validation, "
                    f"not {len(value)}"
                )
            return None
        if not isinstance(value, int | float):
            return None
        checks = (
            (self.gt, operator.gt, "greater than"),
            (self.ge, operator.ge, "greater than or equal to"),
            (self.lt, operator.lt, "less than"),
            (self.le, operator.le, "less than or equal to"),
        )
        for limit, holds, words in checks:
            if limit is not None and not holds(value, limit):  # NaN keeps no bound
                shown = int(limit) if float(limit).is_integer() else limit  # 20000, as pydantic
                return f"Input should be {words} {shown}"
        return None


class _FieldRule:
    """What :func:`check_fields` checks in one field: its bounds, its allowed values (a
    ``Literal``), and whether a whole number becomes a float (as pydantic makes it)."""

    __slots__ = ("bounds", "choices", "is_float", "name")

    def __init__(self, name: str, hint: object) -> None:
        self.name = name
        if get_origin(hint) in (typing.Union, types.UnionType):  # X | None
            hint = next(a for a in get_args(hint) if a is not type(None))
        self.bounds: Bounds | None = None
        if get_origin(hint) is Annotated:
            hint, *metadata = get_args(hint)
            self.bounds = next((m for m in metadata if isinstance(m, Bounds)), None)
        self.choices: tuple[object, ...] = get_args(hint) if get_origin(hint) is Literal else ()
        self.is_float = hint is float

    def problem(self, value: object) -> str | None:
        if self.choices and value not in self.choices:
            shown = [repr(c) for c in self.choices]
            allowed = " or ".join([", ".join(shown[:-1]), shown[-1]] if len(shown) > 1 else shown)
            return f"Input should be {allowed}"
        return self.bounds.problem(value) if self.bounds is not None else None


_RULES: dict[type, list[_FieldRule]] = {}


def _rules(cls: type) -> list[_FieldRule]:
    rules = _RULES.get(cls)
    if rules is None:
        hints = typing.get_type_hints(cls, include_extras=True)
        rules = [_FieldRule(f.name, hints[f.name]) for f in dataclasses.fields(cls)]
        _RULES[cls] = rules = [r for r in rules if r.bounds or r.choices or r.is_float]
    return rules


def check_fields(value: object) -> None:
    """Check a frozen dataclass's fields against the bounds and choices in their types.

    The first field out of bounds is a :class:`PlanInputError` naming it, worded as pydantic
    words it; a whole number in a float field is kept as a float. Called from a value's
    ``__post_init__``: when pydantic builds the value, it has checked the same bounds first.
    """
    for rule in _rules(type(value)):
        field = getattr(value, rule.name)
        if field is None:
            continue
        if rule.is_float and type(field) is int:
            object.__setattr__(value, rule.name, float(field))
        problem = rule.problem(field)
        if problem is not None:
            raise PlanInputError(rule.name, problem)
