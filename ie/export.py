"""Exports for a folder of reports: JSON, JSON Lines, CSV (one row per report), xlsx (one sheet per table).

``flatten_record`` turns a record into dotted columns (``meta.year``, ``fields.applications_received``,
``fields.applications_received.confidence``, ``tables.applications.new_received.total`` …). The CSV holds
the union of the columns of all records in a stable order: source, error, meta, fields (record.md order),
check counts, warnings, then the tables with their cells in the templates' row × column order (cells a
template does not know, such as pre-2019 rows, follow in the order first seen). A record of a file that
failed (``{"source": {"path"}, "error"}``) is a row with its path and message, never a missing row.

Null is not zero: a blank cell is an empty CSV field (and the cell's ``flag`` gets its own column, e.g.
``tables.proactive_disclosure.art20_1.regulations.new_made.flag = not_applicable``); a written 0 is 0.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from ie.record import FIELD_KEYS, TABLE_KEYS, check_outcome

__all__ = ["write_records", "flatten_record", "column_order", "FORMATS"]

FORMATS = ("json", "jsonl", "csv", "xlsx")

_SOURCE_COLS = ["source.path", "source.format", "source.chars", "source.pages", "source.sha256", "error"]
_META_KEYS = ("issuer", "year", "published")
_FIELD_PARTS = ("", ".unit", ".confidence", ".agree", ".sources")
_CHECK_STATUSES = ("pass", "fail", "incomplete", "skipped", "scope_mismatch")

# canonical cell order of the known templates (record.md "Cell keys")
_APP_ROWS = (
    "new_received carried_over_in granted partially_granted denied_state_secret denied_prohibited_by_law "
    "denied_security_stability denied_third_party_rights denied_internal_affairs denied_process_information "
    "denied_enforcement_case_file denied_administrative_inquiry unavailable_not_held unavailable_needs_creation "
    "unavailable_unclear_after_correction not_processed_petition_complaint not_processed_duplicate "
    "not_processed_publication not_processed_excessive not_processed_confirm_or_reissue other_handling "
    "other_no_correction_overdue other_fee_unpaid_overdue other_other total_processed carried_forward_out"
).split()
_APP_COLS = ("natural_person commercial_enterprise research_institution social_welfare_org legal_service_org "
             "other_org total").split()
_T1_GROUPS = (
    ("art20_1", ("regulations", "normative_documents"),
     ("new_made", "new_published", "total_published", "issued", "repealed", "in_force")),
    ("art20_5", ("administrative_licensing", "other_external_services"),
     ("prev_year_items", "items_change", "decisions")),
    ("art20_6", ("administrative_penalty", "administrative_coercion"),
     ("prev_year_items", "items_change", "decisions")),
    ("art20_8", ("administrative_fees",), ("prev_year_items", "items_change", "fee_amount_wan_yuan")),
    ("art20_9", ("centralized_procurement",), ("procurement_items", "procurement_amount")),
)
_CANONICAL_CELLS: dict[str, list[str]] = {
    "proactive_disclosure": [f"{g}.{r}.{c}" for g, rows, cols in _T1_GROUPS for r in rows for c in cols],
    "applications": [f"{r}.{c}" for r in _APP_ROWS for c in _APP_COLS],
    "review_litigation": [f"{p}_{s}" for p in ("review", "litigation_direct", "litigation_after_review")
                          for s in ("upheld", "corrected", "other", "pending", "total")],
}


def _scalar(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return "+".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def flatten_record(record: dict) -> dict[str, object]:
    """One flat row: dotted column -> scalar (None for null)."""
    row: dict[str, object] = {}
    src = record.get("source") or {}
    for key in ("path", "format", "chars", "pages", "sha256"):
        if key in src:
            row[f"source.{key}"] = src[key]
    if record.get("error") is not None:
        row["error"] = str(record["error"])
        return row
    meta = record.get("meta") or {}
    for key in _META_KEYS:
        v = meta.get(key)
        row[f"meta.{key}"] = v.get("value") if isinstance(v, dict) else v
        row[f"meta.{key}.confidence"] = v.get("confidence") if isinstance(v, dict) else None
    row["meta.template"] = meta.get("template")
    fields = record.get("fields") or {}
    for key in list(FIELD_KEYS) + [k for k in fields if k not in FIELD_KEYS]:
        f = fields.get(key)
        f = f if isinstance(f, dict) else {}
        row[f"fields.{key}"] = f.get("value")
        row[f"fields.{key}.unit"] = f.get("unit")
        row[f"fields.{key}.confidence"] = f.get("confidence")
        row[f"fields.{key}.agree"] = f.get("agree")
        row[f"fields.{key}.sources"] = _scalar(f.get("sources")) if f.get("sources") else None
    checks = record.get("checks") or []
    for st in _CHECK_STATUSES:
        row[f"checks.{st}"] = sum(1 for c in checks if check_outcome(c) == st)
    failed = [f"{c.get('id')}:{c.get('scope')}" for c in checks if c.get("status") == "fail"]
    row["checks.failed"] = "; ".join(failed) if failed else None
    warnings = record.get("warnings") or []
    row["warnings.count"] = len(warnings)
    row["warnings"] = " | ".join(str(w) for w in warnings) if warnings else None
    tables = record.get("tables") or {}
    for tname in list(TABLE_KEYS) + [t for t in tables if t not in TABLE_KEYS]:
        t = tables.get(tname)
        if not isinstance(t, dict):
            continue
        row[f"tables.{tname}.status"] = t.get("status")
        if t.get("template"):
            row[f"tables.{tname}.template"] = t.get("template")
        for ckey, cell in (t.get("cells") or {}).items():
            col = f"tables.{tname}.{ckey}"
            if isinstance(cell, dict):
                row[col] = cell.get("value")
                if cell.get("flag"):
                    row[f"{col}.flag"] = cell["flag"]
                if cell.get("unit"):
                    row[f"{col}.unit"] = cell["unit"]
            else:
                row[col] = cell
    return row


def _rank(col: str) -> tuple:
    """Sort key of a column; unknown columns get a rank after the known ones of their group."""
    if col in _SOURCE_COLS:
        return (0, _SOURCE_COLS.index(col))
    if col == "schema_version":
        return (0, 99)
    if col.startswith("meta."):
        parts = col.split(".")
        key = parts[1]
        i = _META_KEYS.index(key) if key in _META_KEYS else len(_META_KEYS)
        return (1, i, len(parts))
    if col.startswith("fields."):
        rest = col[len("fields."):]
        for i, k in enumerate(FIELD_KEYS):
            if rest == k or rest.startswith(k + "."):
                sub = rest[len(k):]
                return (2, i, _FIELD_PARTS.index(sub) if sub in _FIELD_PARTS else 9)
        return (2, len(FIELD_KEYS), 0)
    if col.startswith("checks."):
        st = col[len("checks."):]
        return (3, _CHECK_STATUSES.index(st) if st in _CHECK_STATUSES else 9)
    if col.startswith("warnings"):
        return (4, 0 if col == "warnings.count" else 1)
    if col.startswith("tables."):
        tname, _, rest = col[len("tables."):].partition(".")
        ti = TABLE_KEYS.index(tname) if tname in TABLE_KEYS else len(TABLE_KEYS)
        if rest in ("status", "template"):
            return (5, ti, 0, 0 if rest == "status" else 1)
        canon = _CANONICAL_CELLS.get(tname, [])
        base, suffix = rest, 0
        for suf, n in ((".flag", 1), (".unit", 2)):
            if rest.endswith(suf) and rest[: -len(suf)]:
                base, suffix = rest[: -len(suf)], n
        if base in canon:
            return (5, ti, 1, canon.index(base), suffix)
        return (5, ti, 2, -1, suffix)  # unknown cells: first-seen order (stable sort)
    return (6,)


def column_order(rows: Iterable[dict[str, object]]) -> list[str]:
    """Union of the columns, in a stable order (see the module docstring)."""
    seen: dict[str, None] = {}
    for row in rows:
        for col in row:
            seen.setdefault(col, None)
    cols = list(seen)
    # unknown cells keep their first-seen order, but each stays right before its .flag/.unit column
    first_seen = {c: i for i, c in enumerate(cols)}

    def key(c: str) -> tuple:
        r = _rank(c)
        if r[:1] == (5,) and len(r) == 5 and r[2] == 2:
            base = c
            for suf in (".flag", ".unit"):
                if c.endswith(suf):
                    base = c[: -len(suf)]
            return r[:3] + (first_seen.get(base, first_seen[c]), r[4])
        return r

    return sorted(cols, key=key)


def _csv_value(v: object) -> object:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def _write_csv(records: list[dict], fh: TextIO) -> None:
    rows = [flatten_record(r) for r in records]
    cols = column_order(rows)
    w = csv.writer(fh, lineterminator="\n")
    w.writerow(cols)
    for row in rows:
        w.writerow([_csv_value(row.get(c)) for c in cols])


def _write_xlsx(records: list[dict], path: Path) -> None:
    """A ``summary`` sheet (one row per report), one sheet per table, and a ``checks`` sheet."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    rows = [flatten_record(r) for r in records]
    summary_cols = [c for c in column_order(rows) if not c.startswith("tables.")]
    summary_cols += [c for c in column_order(rows) if c.startswith("tables.") and c.endswith(".status")]

    def fill(ws, cols: list[str], data: list[list[object]]) -> None:
        ws.append(cols)
        for values in data:
            ws.append([_xlsx_value(v) for v in values])
        ws.freeze_panes = "B2"
        for i, c in enumerate(cols, 1):
            ws.column_dimensions[get_column_letter(i)].width = min(60, max(10, len(c) + 2))

    ws = wb.active
    ws.title = "summary"
    fill(ws, summary_cols, [[row.get(c) for c in summary_cols] for row in rows])

    table_names = list(TABLE_KEYS) + sorted({t for r in records for t in (r.get("tables") or {})} - set(TABLE_KEYS))
    all_cols = column_order(rows)
    for tname in table_names:
        prefix = f"tables.{tname}."
        cols = [c for c in all_cols if c.startswith(prefix)]
        if not cols:
            continue
        sheet = wb.create_sheet(_sheet_name(tname))
        head = ["source.path", "error"] + [c[len(prefix):] for c in cols]
        fill(sheet, head, [[row.get("source.path"), row.get("error")] + [row.get(c) for c in cols]
                           for row in rows])

    chk = wb.create_sheet("checks")
    data = []
    for rec in records:
        for c in rec.get("checks") or []:
            data.append([(rec.get("source") or {}).get("path"), c.get("id"), c.get("scope"), c.get("status"),
                         c.get("message"), _scalar(c.get("cells"))])
    fill(chk, ["source.path", "id", "scope", "status", "message", "cells"], data)
    wb.save(path)


def _xlsx_value(v: object) -> object:
    if isinstance(v, (list, tuple, dict)):
        return _scalar(v)
    return v


def _sheet_name(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, "_")
    return name[:31]


def write_records(records: list[dict], fmt: str, out: TextIO | Path | str) -> None:
    """Write records as ``json`` (one array), ``jsonl``, ``csv`` or ``xlsx`` (needs a path).

    A path gets UTF-8 (CSV with a byte-order mark, so that spreadsheet programs read the Chinese right).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt == "xlsx":
        if not isinstance(out, (str, Path)):
            raise ValueError("xlsx output needs a file path (-o FILE.xlsx), not a stream")
        _write_xlsx(records, Path(out))
        return
    if isinstance(out, (str, Path)):
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        with open(out, "w", encoding=encoding, newline="") as fh:
            _write_text(records, fmt, fh)
        return
    _write_text(records, fmt, out)


def _write_text(records: list[dict], fmt: str, fh: TextIO) -> None:
    if fmt == "json":
        json.dump(records, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    elif fmt == "jsonl":
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    else:
        buf = io.StringIO()
        _write_csv(records, buf)
        fh.write(buf.getvalue())
