"""Review page: structure, anchors, escaping; a screenshot in headless Chromium when it is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from ie.review import LOW_CONFIDENCE, render_review

TEXT = ("青山市某局\n2022年政府信息公开工作年度报告\n一、总体情况\n全年主动公开信息120条,受理申请<b>5件</b> & 更多。\n"
        "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 5 |\n(七)总计 | 4 |\n"
        "规章 |\n|\n")


def _record() -> dict:
    t = TEXT
    return {
        "schema_version": "1",
        "source": {"path": "reports/<a>&b.txt", "format": "txt", "chars": len(t)},
        "meta": {"issuer": {"value": "青山市某局", "start": 0, "end": 5, "confidence": 0.93},
                 "year": {"value": 2022, "start": 6, "end": 11, "confidence": 0.97},
                 "published": None, "template": "v2019"},
        "narrative": [
            {"label": "DISCLOSED_TOTAL", "text": "120条", "start": t.index("120条"), "end": t.index("120条") + 4,
             "value": 120, "unit": "条", "approximate": False, "confidence": 0.97},
            {"label": "APPLICATIONS", "text": "5件", "start": t.index("5件"), "end": t.index("5件") + 2,
             "value": 5, "unit": "件", "approximate": False, "confidence": 0.55},
        ],
        "tables": {"applications": {"status": "parsed", "template": "v2019", "cells": {
            "new_received.total": {"value": 5, "raw": "5", "start": t.index("| 5 |") + 2,
                                   "end": t.index("| 5 |") + 3, "confidence": 0.99},
            "total_processed.total": {"value": 4, "raw": "4", "start": t.index("| 4 |") + 2,
                                      "end": t.index("| 4 |") + 3, "confidence": 0.6}}},
            "proactive_disclosure": {"status": "parsed", "cells": {
                "art20_1.regulations.new_made": {"value": None, "raw": "", "flag": "blank",
                                                 "start": t.index("规章 |\n|") + 5, "end": t.index("规章 |\n|") + 5,
                                                 "confidence": 0.9}}}},
        "checks": [{"id": "T2-R3", "scope": "total", "status": "fail", "message": "5+0 ≠ 4+0 <x>",
                    "cells": ["applications.new_received.total", "applications.total_processed.total"]},
                   {"id": "T2-R1", "scope": "new_received", "status": "pass", "message": "ok", "cells": []}],
        "fields": {"applications_received": {
            "value": 5, "unit": "件", "confidence": 0.7, "sources": ["table", "narrative"], "agree": True,
            "evidence": {"cell": "applications.new_received.total", "start": t.index("| 5 |") + 2,
                         "end": t.index("| 5 |") + 3}, "alternatives": []},
            "disclosed_total": None},
        "warnings": ["a <warning> & more"],
    }


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.srcs: list[str] = []
        self.marks: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        for k in ("src",):
            if k in a:
                self.srcs.append(a[k])
        if tag == "link":
            self.srcs.append(a.get("href", ""))
        if tag == "mark":
            self.marks.append(a)


def _parse(page: str) -> _Collector:
    c = _Collector()
    c.feed(page)
    return c


def test_structure_and_anchors():
    page = render_review(_record(), TEXT)
    assert page.startswith("<!DOCTYPE html>")
    c = _parse(page)
    assert len(c.ids) == len(set(c.ids)), "anchor ids are unique"
    internal = [h for h in c.hrefs if h.startswith("#")]
    assert internal and all(h[1:] in c.ids for h in internal), "every link points at an anchor on the page"
    assert "script" not in c.tags and not c.srcs, "self-contained: no scripts, no external resources"
    assert not re.search(r"https?://", page)
    # every narrative span and cell is highlighted with its label, value and confidence
    titles = "\n".join(m.get("title", "") for m in c.marks)
    assert "DISCLOSED_TOTAL = 120条 (confidence 0.97)" in titles
    assert "applications.new_received.total = 5 (confidence 0.99)" in titles
    assert "meta.issuer = 青山市某局" in titles
    assert "art20_1.regulations.new_made = null (blank)" in page  # the empty cell has a marker box


def test_attention_lists_low_confidence_and_failed_checks_with_links():
    page = render_review(_record(), TEXT)
    attention = page[page.index('id="attention"'):page.index('id="meta"')]
    assert "T2-R3 total" in attention and "st-fail" in attention
    assert "T2-R1" not in attention  # passed checks are not listed
    assert "APPLICATIONS" in attention  # narrative item at 0.55
    assert "fields.applications_received" in attention  # field at 0.7 < LOW_CONFIDENCE
    assert LOW_CONFIDENCE == 0.8
    # the failed check links to the first cell it names
    c = _parse(page)
    cell_anchor = re.search(r'<span id="(c\d+)"></span><mark class="k-cell[^"]*bad', page)
    assert cell_anchor and f"#{cell_anchor.group(1)}" in c.hrefs


def test_html_is_escaped():
    page = render_review(_record(), TEXT)
    assert "<b>5件</b>" not in page
    assert "&lt;b&gt;" in page and "&amp; 更多" in page
    assert "reports/&lt;a&gt;&amp;b.txt" in page
    assert "a &lt;warning&gt; &amp; more" in page
    assert "4+0 &lt;x&gt;" in page


def test_text_survives_intact():
    """Stripping the tags and unescaping gives back the original text exactly."""
    import html as h

    page = render_review(_record(), TEXT)
    body = page[page.index('<pre class="doc" id="text">') + len('<pre class="doc" id="text">'):page.index("</pre>")]
    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == TEXT


def test_error_record_and_bad_offsets():
    rec = {"schema_version": "1", "source": {"path": "x.pdf"}, "error": "cannot read <PDF>"}
    page = render_review(rec, "")
    assert "cannot read &lt;PDF&gt;" in page
    rec = _record()
    rec["narrative"].append({"label": "TRAINING", "start": 5, "end": 10_000, "value": 1, "confidence": 0.9})
    page = render_review(rec, TEXT)  # an out-of-range span is skipped, not a crash
    assert "TRAINING" not in page


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed")
def test_screenshot_in_headless_chromium(tmp_path, shared_dir):
    from ie.fields import merge_fields
    from ie.meta import extract_meta
    from ie.normalize import normalize
    from ie.sections import split_sections

    text = (shared_dir / "seeds" / "000_fa92f58d60610388.txt").read_text(encoding="utf-8")
    norm = normalize(text)
    rec = _record()
    rec["meta"] = extract_meta(norm, split_sections(norm.text))
    i = text.index("574件")
    rec["narrative"] = [{"label": "DISCLOSED_TOTAL", "text": "574件", "start": i, "end": i + 4, "value": 574,
                         "unit": "件", "approximate": False, "confidence": 0.95}]
    rec["tables"] = {}
    rec["checks"] = []
    rec["fields"] = merge_fields(rec, norm)[0]
    html_path = tmp_path / "page.html"
    html_path.write_text(render_review(rec, text), encoding="utf-8")
    png = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--screenshot={png}",
         "--window-size=1200,1600", html_path.as_uri()],
        check=True, capture_output=True, timeout=120,
    )
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 1600)
    assert len(data) > 20_000  # a rendered page, not a blank image


def test_overlapping_and_empty_spans_keep_the_text():
    import html as h

    rec = _record()
    i = TEXT.index("120条")
    rec["narrative"].append({"label": "DISCLOSED_WEBSITE", "start": i - 2, "end": i + 2, "value": 1,
                             "unit": "条", "confidence": 0.5})  # overlaps the DISCLOSED_TOTAL span
    page = render_review(rec, TEXT)
    body = page[page.index('<pre class="doc" id="text">') + len('<pre class="doc" id="text">'):page.index("</pre>")]
    assert h.unescape(re.sub(r"<[^>]+>", "", body)) == TEXT
    assert body.count('class="empty') == 1  # the blank cell


def test_scope_mismatch_is_listed_for_attention():
    from ie.review import render_review

    text = "全年收到申请17件。"
    rec = {"schema_version": "1", "source": {"path": "a.txt"}, "meta": {}, "narrative": [], "tables": {},
           "fields": {}, "warnings": [],
           "checks": [{"id": "N-R1", "scope": "applications_received", "status": "skipped",
                       "reason": "scope_mismatch", "message": "sub-office figure", "cells": [],
                       "spans": [{"start": 6, "end": 9}]}]}
    page = render_review(rec, text)
    assert "st-scope_mismatch" in page and "sub-office figure" in page
