"""Exports: flat rows with dotted columns, CSV/JSONL/JSON/xlsx, error records as rows."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ie.export import column_order, flatten_record, write_records


def _record(path: str, year: int, received: int | None, extra_cell: bool = False) -> dict:
    cells = {"new_received.total": {"value": received, "raw": str(received), "start": 10, "end": 12,
                                    "confidence": 0.99},
             "new_received.natural_person": {"value": received, "raw": "", "start": 5, "end": 6,
                                             "confidence": 0.99}}
    pre = {"status": "missing", "cells": {}}
    if extra_cell:
        pre = {"status": "parsed", "template": "pre2019", "cells": {
            "zeta_row": {"value": 3, "start": 1, "end": 2},
            "extra.某行": {"value": None, "flag": "blank", "start": 1, "end": 1}}}
    return {
        "schema_version": "1",
        "source": {"path": path, "sha256": "ab", "format": "txt", "chars": 100},
        "meta": {"issuer": {"value": "青山市某局", "start": 0, "end": 5, "confidence": 0.9},
                 "year": {"value": year, "start": 6, "end": 10, "confidence": 0.97},
                 "published": None, "template": "v2019"},
        "narrative": [],
        "tables": {
            "proactive_disclosure": {"status": "parsed", "template": "v2019", "cells": {
                "art20_1.regulations.new_made": {"value": None, "raw": "本单位无制发规章职能",
                                                 "flag": "not_applicable", "start": 1, "end": 2}}},
            "applications": {"status": "parsed", "template": "v2019", "cells": cells},
            "review_litigation": {"status": "missing", "cells": {}},
            "statistics_pre2019": pre,
        },
        "checks": [{"id": "T2-R3", "scope": "total", "status": "fail", "message": "x", "cells": []},
                   {"id": "T2-R1", "scope": "new_received", "status": "pass", "message": "y", "cells": []}],
        "fields": {"applications_received": {"value": received, "unit": "件", "confidence": 0.95,
                                             "sources": ["table", "narrative"], "agree": True,
                                             "evidence": {"cell": "applications.new_received.total"},
                                             "alternatives": []},
                   "processing_fees": None},
        "warnings": ["w1", "w2"],
    }


ERROR = {"schema_version": "1", "source": {"path": "bad.pdf"}, "error": "cannot read PDF: encrypted"}


def test_flatten_dotted_columns():
    row = flatten_record(_record("a.txt", 2020, 18))
    assert row["source.path"] == "a.txt"
    assert row["meta.year"] == 2020 and row["meta.year.confidence"] == 0.97
    assert row["meta.published"] is None
    assert row["fields.applications_received"] == 18
    assert row["fields.applications_received.confidence"] == 0.95
    assert row["fields.applications_received.sources"] == "table+narrative"
    assert row["fields.processing_fees"] is None
    assert row["tables.applications.new_received.total"] == 18
    assert row["tables.proactive_disclosure.art20_1.regulations.new_made"] is None
    assert row["tables.proactive_disclosure.art20_1.regulations.new_made.flag"] == "not_applicable"
    assert row["checks.fail"] == 1 and row["checks.pass"] == 1
    assert row["checks.failed"] == "T2-R3:total"
    assert row["warnings.count"] == 2


def test_error_record_is_a_row():
    row = flatten_record(ERROR)
    assert row == {"source.path": "bad.pdf", "error": "cannot read PDF: encrypted"}


def test_column_order_stable_and_union():
    recs = [_record("a.txt", 2020, 18), ERROR, _record("b.txt", 2021, 0, extra_cell=True)]
    rows = [flatten_record(r) for r in recs]
    cols = column_order(rows)
    assert cols == column_order(list(reversed(rows[:2])) + rows[2:])  # known columns do not depend on order
    assert cols[0] == "source.path"
    assert cols.index("error") < cols.index("meta.issuer") < cols.index("meta.year") < cols.index("fields.disclosed_total")
    assert cols.index("fields.applications_received") < cols.index("fields.applications_received.confidence")
    # table cells follow the template order: natural_person before total
    assert cols.index("tables.applications.new_received.natural_person") < cols.index(
        "tables.applications.new_received.total")
    assert "tables.statistics_pre2019.zeta_row" in cols  # union: only the second record has it
    assert cols.index("tables.statistics_pre2019.extra.某行") + 1 == cols.index(
        "tables.statistics_pre2019.extra.某行.flag")
    assert len(cols) == len(set(cols))


def test_csv_one_row_per_report_null_is_empty_zero_is_zero():
    recs = [_record("a.txt", 2020, 18), ERROR, _record("b.txt", 2021, 0)]
    buf = io.StringIO()
    write_records(recs, "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["source.path"] for r in rows] == ["a.txt", "bad.pdf", "b.txt"]
    assert rows[1]["error"] == "cannot read PDF: encrypted" and rows[1]["meta.year"] == ""
    assert rows[2]["fields.applications_received"] == "0"
    assert rows[0]["tables.proactive_disclosure.art20_1.regulations.new_made"] == ""
    assert rows[0]["fields.applications_received.agree"] == "true"


def test_csv_to_path_has_bom_and_reads_back(tmp_path):
    out = tmp_path / "out.csv"
    write_records([_record("a.txt", 2020, 18)], "csv", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["meta.issuer"] == "青山市某局"


def test_jsonl_and_json(tmp_path):
    recs = [_record("a.txt", 2020, 18), ERROR]
    buf = io.StringIO()
    write_records(recs, "jsonl", buf)
    lines = buf.getvalue().splitlines()
    assert [json.loads(x) for x in lines] == recs
    write_records(recs, "json", tmp_path / "o.json")
    assert json.loads((tmp_path / "o.json").read_text(encoding="utf-8")) == recs


def test_xlsx_sheets(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "o.xlsx"
    write_records([_record("a.txt", 2020, 18), ERROR, _record("b.txt", 2021, 5, extra_cell=True)], "xlsx", out)
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "summary"
    assert {"applications", "proactive_disclosure", "statistics_pre2019", "checks"} <= set(wb.sheetnames)
    summary = list(wb["summary"].values)
    head = list(summary[0])
    assert len(summary) == 4  # header + 3 reports
    assert summary[2][head.index("error")] == "cannot read PDF: encrypted"
    apps = list(wb["applications"].values)
    ahead = list(apps[0])
    assert apps[1][ahead.index("new_received.total")] == 18
    assert apps[3][ahead.index("new_received.total")] == 5
    checks = list(wb["checks"].values)
    assert len(checks) == 1 + 4


def test_xlsx_needs_a_path():
    with pytest.raises(ValueError):
        write_records([], "xlsx", io.StringIO())
    with pytest.raises(ValueError):
        write_records([], "parquet", io.StringIO())


def test_scope_mismatch_checks_are_counted_as_their_own_outcome():
    from ie.record import check_outcome

    rec = {"schema_version": "1", "source": {"path": "a.txt"}, "meta": {}, "tables": {}, "fields": {},
           "checks": [{"id": "N-R1", "scope": "applications_received", "status": "skipped",
                       "reason": "scope_mismatch"},
                      {"id": "T2-R1", "scope": "granted", "status": "skipped"}]}
    assert [check_outcome(c) for c in rec["checks"]] == ["scope_mismatch", "skipped"]
    row = flatten_record(rec)
    assert row["checks.scope_mismatch"] == 1 and row["checks.skipped"] == 1
