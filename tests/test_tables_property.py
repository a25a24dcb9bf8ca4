"""Property test: random valid tables of each template, rendered in each rendering (R1, R2, R3, R5, R6, R7),
with and without traditional characters and converter pinyin junk, parse back to exactly the same cells,
and their hard checks pass."""

from __future__ import annotations

import random

from helpers.table_render import NO_BLANKS, RENDERINGS, random_report, render
from hypothesis import given, settings
from hypothesis import strategies as st

from ie.normalize import normalize
from ie.sections import split_sections
from ie.tables import parse_tables, table_template


def _cells(table: dict) -> dict:
    return {k: (c["value"], c.get("flag") if c["value"] is None else None) for k, c in table["cells"].items()}


@settings(max_examples=80, deadline=None)
@given(seed=st.integers(0, 10 ** 6), t1=st.sampled_from(["v2019", "v2021"]), t2=st.sampled_from(["v2019", "v2021"]),
       rendering=st.sampled_from(RENDERINGS), script=st.sampled_from(["simplified", "traditional", "junk"]))
def test_render_parse_roundtrip(seed, t1, t2, rendering, script):
    report = random_report(random.Random(seed), t1, t2, blank_ok=rendering not in NO_BLANKS)
    text = render(report, rendering, traditional=script != "simplified", junk=script == "junk")
    norm = normalize(text)
    tables, checks, warnings = parse_tables(norm, split_sections(norm.text))
    for key, expected in report.expected.items():
        want = {k: (v, f if v is None else None) for k, (v, f) in expected.items()}
        assert tables[key]["status"] in ("parsed", "empty")
        assert _cells(tables[key]) == want, (key, rendering, script)
    assert tables["proactive_disclosure"]["template"] == t1
    assert tables["applications"]["template"] == t2
    assert table_template(tables) == (t1 if t1 == t2 else "mixed")
    hard_bad = [c for c in checks if c["status"] in ("fail", "incomplete") and not c.get("soft")]
    assert not hard_bad, hard_bad[:3]
    for t in tables.values():
        for c in t["cells"].values():
            if not c.get("derived"):
                assert norm.original[c["start"]:c["end"]] == c["raw"]
