"""The rule layer: parse the statistical tables of a report and check their arithmetic.

``parse_tables(norm, sections)`` returns ``(tables, checks, warnings)`` in the shapes of
../shared/spec/record.md: ``tables`` has the four keys ``proactive_disclosure``, ``applications``,
``review_litigation`` and ``statistics_pre2019``; every cell carries ``value``, ``raw``, optional ``flag``
and ``unit``, ``start``/``end`` into ``norm.original`` and a ``confidence``.
"""

from __future__ import annotations

from typing import Any

from ie.normalize import Normalized
from ie.tables.checks import run_checks
from ie.tables.flat import Unflattened, unflatten
from ie.tables.parse import (
    CellMaker,
    NormalizedLike,
    find_regions,
    parse_pre2019,
    parse_t1,
    parse_t2,
    parse_t3,
)

__all__ = ["Unflattened", "parse_tables", "table_template", "unflatten"]

TABLE_KEYS = ("proactive_disclosure", "applications", "review_litigation", "statistics_pre2019")


def parse_tables(norm: NormalizedLike, sections: list[Any] | None = None, *, flat: Unflattened | None | str = "auto"
                 ) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]], list[str]]:
    """(tables, checks, warnings). ``flat``: the text's flattened tables re-rendered (``unflatten``), or
    ``"auto"`` to look for them here."""
    warnings: list[str] = []
    if flat == "auto":
        flat = unflatten(norm) if isinstance(norm, Normalized) else None
    if flat is not None:
        from ie.sections import split_sections

        norm = flat.norm
        sections = split_sections(norm.text)
        warnings.append("tables printed on one line with their cells run together: rows re-split by label, "
                        "glued digits split only where one reading fits the row's arithmetic (in a 统计表: this year at "
                        "most all years, a part at most its whole, or the figure the prose states)")
    text = norm.text
    regions = find_regions(text, sections)
    maker = CellMaker(norm)
    tables: dict[str, dict[str, Any]] = {k: {"status": "missing", "cells": {}} for k in TABLE_KEYS}
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
    if flat is not None and flat.split:
        for table in tables.values():
            for c in table.get("cells", {}).values():
                if c.get("value") is not None and any(a <= c["start"] and c["end"] <= b for a, b in flat.split):
                    c["confidence"] = round(0.9 * c["confidence"], 3)
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
