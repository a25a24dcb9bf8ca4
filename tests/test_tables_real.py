"""The two real PDFs (洪泽区 2023 and 2024): every table cell, in both text forms the pipeline can see —
pdfplumber's plain page text (R5, space separated, wrapped labels) and the project reader's output (tables
as `` | `` rows). Expected values were transcribed from the rendered PDF pages."""

from __future__ import annotations

from functools import lru_cache

import pytest

from ie.normalize import normalize
from ie.sections import split_sections
from ie.tables import parse_tables, table_template
from ie.tables import templates as T

COLS = [c for c, _ in T.APP_COLUMNS]

# 第二十条 table (v2021): regulations issued/repealed/in_force, normative documents, 许可, 处罚, 强制, 收费(万元)
T1_GOLD = {
    "hzq2023": ((0, 0, 0), (0, 5, 5), 550, 4119, 195, 7730.28),
    "hzq2024": ((0, 0, 0), (3, 0, 8), 9487, 2776, 84, 7545),
}
# applications (v2019 rows, single (六)其他处理 row): natural_person = total, every other column 0
T2_GOLD = {
    "hzq2023": {"new_received": 21, "partially_granted": 4, "denied_state_secret": 1,
                "denied_process_information": 1, "denied_enforcement_case_file": 1, "unavailable_not_held": 10,
                "unavailable_needs_creation": 3, "not_processed_petition_complaint": 1, "total_processed": 21},
    "hzq2024": {"new_received": 95, "granted": 50, "partially_granted": 9, "denied_security_stability": 1,
                "denied_process_information": 1, "denied_enforcement_case_file": 1, "unavailable_not_held": 31,
                "unavailable_needs_creation": 1, "not_processed_petition_complaint": 1, "total_processed": 95},
}
T3_GOLD = {
    "hzq2023": [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    "hzq2024": [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
}
CASES = [(name, form) for name in ("hzq2023", "hzq2024") for form in ("plain", "reader")]


@lru_cache(maxsize=8)
def _text(path: str, form: str) -> str:
    if form == "plain":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            return "\n".join((p.extract_text() or "") for p in pdf.pages)
    readers = pytest.importorskip("ie.readers")
    return readers.read_document(path).text


def _parse(shared_dir, name: str, form: str):
    text = _text(str(shared_dir / "real" / f"{name}.pdf"), form)
    norm = normalize(text, pdf=True)
    return norm, *parse_tables(norm, split_sections(norm.text))


@pytest.mark.parametrize("name,form", CASES)
def test_real_pdf_cells(shared_dir, name, form):
    norm, tables, checks, warnings = _parse(shared_dir, name, form)
    t1 = tables["proactive_disclosure"]
    assert (t1["status"], t1["template"]) == ("parsed", "v2021")
    (r1, r2, r3), (n1, n2, n3), lic, pen, coe, fee = T1_GOLD[name]
    assert {k: c["value"] for k, c in t1["cells"].items()} == {
        "art20_1.regulations.issued": r1, "art20_1.regulations.repealed": r2, "art20_1.regulations.in_force": r3,
        "art20_1.normative_documents.issued": n1, "art20_1.normative_documents.repealed": n2,
        "art20_1.normative_documents.in_force": n3, "art20_5.administrative_licensing.decisions": lic,
        "art20_6.administrative_penalty.decisions": pen, "art20_6.administrative_coercion.decisions": coe,
        "art20_8.administrative_fees.fee_amount_wan_yuan": fee}
    t2 = tables["applications"]
    assert (t2["status"], t2["template"]) == ("parsed", "v2019")  # the mixed template of both PDFs
    gold = {}
    for key, _, _ in T.APP_ROWS["v2019"]:
        v = T2_GOLD[name].get(key, 0)
        for c in COLS:
            gold[f"{key}.{c}"] = v if c in ("natural_person", "total") else 0
    assert {k: c["value"] for k, c in t2["cells"].items()} == gold
    t3 = tables["review_litigation"]
    assert t3["status"] == "parsed"
    assert [t3["cells"][k]["value"] for k in T.T3_KEYS] == T3_GOLD[name]
    assert tables["statistics_pre2019"]["status"] == "missing"
    assert table_template(tables) == "mixed"
    for t in tables.values():
        for key, c in t["cells"].items():
            assert norm.original[c["start"]:c["end"]] == c["raw"], key


@pytest.mark.parametrize("name,form", CASES)
def test_real_pdf_checks(shared_dir, name, form):
    _, tables, checks, _ = _parse(shared_dir, name, form)
    not_pass = {(c["id"], c["scope"]): c for c in checks if c["status"] != "pass"}
    if name == "hzq2023":
        # the source itself is inconsistent: 行政复议 10+1+0+0 with 总计 0, 复议后起诉 5+0+0+0 with 总计 0
        assert set(not_pass) == {("T3-R1", "review"), ("T3-R3", "litigation_after_review")}
        assert all(c["status"] == "fail" for c in not_pass.values())
        assert not_pass[("T3-R1", "review")]["suspect"] == {
            "cell": "review_litigation.review_total", "value": 0, "expected": 11}
        assert not_pass[("T3-R3", "litigation_after_review")]["suspect"] == {
            "cell": "review_litigation.litigation_after_review_total", "value": 0, "expected": 5}
        assert tables["review_litigation"]["cells"]["review_total"]["confidence"] < 0.5
    else:
        assert not not_pass
