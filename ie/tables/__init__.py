"""The rule layer: parse the statistical tables of a report and check their arithmetic.

``parse_tables(norm, sections)`` returns ``(tables, checks, warnings)`` in the shapes of
../shared/spec/record.md: ``tables`` has the four keys ``proactive_disclosure``, ``applications``,
``review_litigation`` and ``statistics_pre2019``; every cell carries ``value``, ``raw``, optional ``flag``
and ``unit``, ``start``/``end`` into ``norm.original`` and a ``confidence``.
"""

from __future__ import annotations

from typing import Any

from ie.tables.checks import run_checks
from ie.tables.parse import (
    CellMaker,
    NormalizedLike,
    find_regions,
    parse_pre2019,
    parse_t1,
    parse_t2,
    parse_t3,
)

__all__ = ["parse_tables", "table_template"]

TABLE_KEYS = ("proactive_disclosure", "applications", "review_litigation", "statistics_pre2019")


def parse_tables(norm: NormalizedLike, sections: list[Any] | None = None
                 ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], list[str]]:
    text = norm.text
    regions = find_regions(text, sections)
    maker = CellMaker(norm)
    tables: dict[str, dict[str, Any]] = {k: {"status": "missing", "cells": {}} for k in TABLE_KEYS}
    warnings: list[str] = []
    hints: list[dict[str, Any]] = []
    jobs = (("proactive_disclosure", regions.t1, parse_t1), ("applications", regions.t2, parse_t2),
            ("review_litigation", regions.t3, parse_t3), ("statistics_pre2019", regions.pre, parse_pre2019))
    for key, region, fn in jobs:
        if region is None:
            continue
        try:
            table, w = fn(norm, region, maker)
        except Exception as exc:  # a parser bug must not lose the rest of the record
            table, w = {"status": "unreadable", "cells": {}}, [f"{key}: parser error {type(exc).__name__}: {exc}"]
        hints.extend(table.pop("_hints", []))
        tables[key] = table
        warnings.extend(w)
        if table["status"] == "unreadable":
            warnings.append(f"{key}: table found but not read")
    checks = run_checks(tables, hints)
    return tables, checks, warnings


def table_template(tables: dict[str, dict[str, Any]]) -> str | None:
    """record.md meta.template: the 第二十条 table's template, or ``mixed`` when the tables differ."""
    ts = {t.get("template") for k, t in tables.items() if k != "statistics_pre2019"
          and t.get("status") in ("parsed", "empty") and t.get("template")}
    if tables.get("statistics_pre2019", {}).get("status") in ("parsed", "empty"):
        ts.add("pre2019")
    if not ts:
        # tables whose cells could not be read (digits glued to labels) still show their template's labels
        ts = {t["template"] for t in tables.values() if t.get("status") == "unreadable" and t.get("template")}
    if not ts:
        return None
    return "mixed" if len(ts) > 1 else ts.pop()
