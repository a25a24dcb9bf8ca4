"""End to end through the project readers: random valid tables written as an HTML page and a DOCX file,
read by `ie.readers.read_document`, normalized and parsed back to exactly the same cells."""

from __future__ import annotations

import random

import pytest
from helpers.table_render import random_report, to_docx, to_html

from ie.normalize import normalize
from ie.sections import split_sections
from ie.tables import parse_tables

readers = pytest.importorskip("ie.readers")


def _roundtrip(path, report):
    doc = readers.read_document(path)
    norm = normalize(doc.text)
    tables, checks, _ = parse_tables(norm, split_sections(norm.text))
    for key, expected in report.expected.items():
        want = {k: (v, f if v is None else None) for k, (v, f) in expected.items()}
        got = {k: (c["value"], c.get("flag") if c["value"] is None else None) for k, c in tables[key]["cells"].items()}
        assert got == want, key
    assert not [c for c in checks if c["status"] in ("fail", "incomplete") and not c.get("soft")]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_html_tables(tmp_path, seed):
    report = random_report(random.Random(seed), ("v2019", "v2021")[seed % 2], ("v2019", "v2021")[seed // 2 % 2])
    path = tmp_path / "report.html"
    path.write_text(to_html(report), encoding="utf-8")
    _roundtrip(path, report)


@pytest.mark.parametrize("seed", [5, 6])
def test_docx_tables(tmp_path, seed):
    report = random_report(random.Random(seed), ("v2019", "v2021")[seed % 2], ("v2019", "v2021")[seed // 2 % 2])
    path = tmp_path / "report.docx"
    to_docx(report, path)
    _roundtrip(path, report)
