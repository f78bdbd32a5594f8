"""Queries compiled to SQL once, then run again with new values.

Django builds and compiles a query's SQL anew on every call: for a lookup with joins that is a
few milliseconds of Python around a tenth of a millisecond in the database. The checks that run
on every API request (the token) and the lists read most often are compiled once per database
here, from the same queryset the ORM would run, and each call only swaps in its values and reads
the rows through the same converters.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import connections
from django.db.models import QuerySet


@dataclass(frozen=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    # Where each value goes in `params`, and the type it goes as: the backend may have wrapped
    # it (psycopg's Int4 for an integer field, say).
    slots: tuple[tuple[tuple[int, type], ...], ...]
    converters: tuple[tuple[int, tuple[Any, ...], Any], ...]  # column, converters, expression


class CompiledQuery:
    """`build(*values)` made and compiled once per database, with `samples` as its values.

    Each sample must be a value of the type the query takes, equal to no other parameter of the
    query (nor to another sample), so that its places in the compiled parameters can be found;
    a value Django writes into the SQL itself (a boolean lookup's) cannot be one, and is refused
    on the first call.
    Values are adapted for the database the way a model field adapts them (dates and date-times
    as the backend stores them; other values as they are)."""

    def __init__(self, build: Callable[..., QuerySet[Any]], *samples: object) -> None:
        self._build = build
        self._samples = samples
        self._compiled: dict[str, _Compiled] = {}
        self._lock = threading.Lock()

    def rows(self, *values: object, using: str = "default") -> list[tuple[Any, ...]]:
        """The query's rows for `values`, converted as the ORM's `values_list()` would."""
        compiled = self._compiled.get(using) or self._compile(using)
        connection = connections[using]
        params = list(compiled.params)
        for slots, value in zip(compiled.slots, values, strict=True):
            adapted = _adapt(value, using)
            for slot, as_type in slots:
                params[slot] = adapted if type(adapted) is as_type else as_type(adapted)
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if not compiled.converters:
            return [tuple(row) for row in rows]
        return [_converted(row, compiled.converters, connection) for row in rows]

    def _compile(self, using: str) -> _Compiled:
        with self._lock:
            if using in self._compiled:
                return self._compiled[using]
            queryset = self._build(*self._samples)
            compiler = queryset.query.get_compiler(using)
            sql, params = compiler.as_sql()
            slots = tuple(_slots_of(_adapt(sample, using), params) for sample in self._samples)
            columns = [expression for expression, _, _ in compiler.select[: compiler.col_count]]
            converters = tuple(
                (column, tuple(functions), expression)
                for column, (functions, expression) in compiler.get_converters(columns).items()
            )
            compiled = _Compiled(sql, tuple(params), slots, converters)
            self._compiled[using] = compiled
            return compiled


def _slots_of(sample: object, params: Sequence[Any]) -> tuple[tuple[int, type], ...]:
    slots = tuple(
        (index, type(param))
        for index, param in enumerate(params)
        if isinstance(param, type(sample)) and param == sample
    )
    if not slots:
        raise ValueError(f"the sample {sample!r} is not among the query's parameters")
    return slots


def _adapt(value: object, using: str) -> object:
    operations = connections[using].ops
    if isinstance(value, datetime):
        return operations.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return operations.adapt_datefield_value(value)
    return value


def _converted(
    row: Sequence[Any], converters: tuple[tuple[int, tuple[Any, ...], Any], ...], connection: Any
) -> tuple[Any, ...]:
    values = list(row)
    for column, functions, expression in converters:
        value = values[column]
        for function in functions:
            value = function(value, expression, connection)
        values[column] = value
    return tuple(values)
