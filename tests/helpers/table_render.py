"""Property-test helper: random valid statistical tables and their text renderings (formats.md §7).

``random_report(rng, t1_version, t2_version)`` builds the expected cells of the 第二十条, applications and
review/litigation tables (arithmetic consistent: blanks only where the value is 0), and
``render(report, rendering, traditional=…, junk=…)`` writes a synthetic report body in one rendering:

* ``R1`` one cell per line (``content |``), pad run on a line of its own;
* ``R2`` one row per line, pads appended;
* ``R3`` one cell per line, pads appended to the row's last cell;
* ``R5`` PDF text: space separated, no pipes, no blank cells;
* ``R5w`` PDF text where a long label wraps and its numbers get a line of their own between the two halves;
* ``R6`` markdown pipe tables;
* ``R7`` leading pipes, long labels wrapped onto continuation lines, no blank cells;
* ``RR`` the project readers' rows (HTML/DOCX/PDF tables): cells joined by `` | ``, no pads, no final pipe;
* ``RP`` one paragraph per cell, blank lines between, no pipes, no blank cells (web pages copied as text);
* ``RS`` each cell's text on a line, then a line with its ``|`` (pads as in R1);
* ``RB`` one cell per line, no pipes, an empty cell is an empty line (web pages copied as text).

All text here is synthetic (template labels only), never copied from a real report.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from functools import lru_cache

from ie.tables import templates as T

RENDERINGS = ("R1", "R2", "R3", "R5", "R5w", "R6", "R7", "RR", "RP", "RS", "RB")
NO_BLANKS = ("R5", "R5w", "R7", "RP")  # renderings in which an empty cell leaves no trace

# the converter's pinyin junk for characters whose traditional form differs (formats.md §8.1)
JUNK = {"數": "shù", "網": "wǎng", "發": "fā", "規": "guī", "結": "jié", "業": "yè", "區": "qū", "內": "nèi",
        "監": "jiān", "權": "quán", "經": "jīng", "統": "tǒng", "構": "gòu", "現": "xiàn", "據": "jù",
        "轉": "zhuǎn", "續": "xù", "執": "zhí", "質": "zhì"}


@dataclass
class Row:
    label: str
    cells: list[tuple[str, str]]  # (key, raw text) per value cell
    group: str | None = None  # group label emitted before this row (rowspan start)


@dataclass
class Table:
    width: int
    title_rows: list[list[str]]  # rows before the data (titles, headers)
    rows: list[Row]
    blocks: list[tuple[list[list[str]], list[Row]]] = field(default_factory=list)  # table 1: sub-tables


@dataclass
class Report:
    t1_version: str
    t2_version: str
    tables: dict[str, Table]
    expected: dict[str, dict[str, tuple[object, str | None]]]  # table -> key -> (value, flag)


def _value(rng: random.Random, blank_ok: bool, *, signed: bool = False, decimal: bool = False,
           zero_only_blank: bool = True) -> tuple[str, object, str | None]:
    """(raw, value, flag) of one random cell."""
    r = rng.random()
    if blank_ok and r < 0.08:
        return "", None, "blank"
    if blank_ok and r < 0.11:
        return "-", None, "dash"
    if decimal and r < 0.5:
        v = round(rng.uniform(0, 5000), 2)
        return f"{v:.2f}", float(f"{v:.2f}"), None
    if signed and r < 0.6:
        v = rng.randint(-40, 40)
        if v == 0:
            return "0", 0, None
        return (f"+{v}" if v > 0 else str(v)), v, "signed"
    v = rng.choice([0, 0, 0, rng.randint(1, 9), rng.randint(10, 999), rng.randint(1000, 99999)])
    return str(v), v, None


def _t1(rng: random.Random, version: str, blank_ok: bool) -> tuple[Table, dict]:
    expected: dict[str, tuple[object, str | None]] = {}
    blocks = []
    ordinal = {v: k for k, v in T.ART20_SUBTABLE.items()}
    for sub, (rows, cols) in T.T1_TEMPLATES[version].items():
        header = ["信息内容"] + [lab for _, lab in cols]
        out_rows = []
        for key, labels in rows:
            label = labels[0]
            cells = []
            for ckey, _ in cols:
                raw, val, flag = _value(rng, blank_ok, signed=ckey == "items_change",
                                        decimal=ckey == "fee_amount_wan_yuan")
                cells.append((f"{sub}.{key}.{ckey}", raw))
                expected[f"{sub}.{key}.{ckey}"] = (val, flag)
            out_rows.append(Row(label, cells))
        blocks.append(([[f"第二十条第({ordinal[sub]})项"], header], out_rows))
    return Table(4, [], [], blocks), expected


def _t2(rng: random.Random, version: str, blank_ok: bool) -> tuple[Table, dict]:
    rows = T.APP_ROWS[version]
    keys = [k for k, _, _ in rows]
    parts = [k for k in keys if k not in ("new_received", "carried_over_in", "total_processed",
                                          "carried_forward_out")]
    ncol = 6
    vals: dict[str, list[int]] = {}
    for k in parts:
        vals[k] = [rng.choice([0, 0, 0, 0, rng.randint(1, 30)]) for _ in range(ncol)]
    vals["total_processed"] = [sum(vals[k][c] for k in parts) for c in range(ncol)]
    vals["carried_over_in"] = [rng.randint(0, x) for x in vals["total_processed"]]
    vals["carried_forward_out"] = [rng.choice([0, rng.randint(0, 5)]) for _ in range(ncol)]
    vals["new_received"] = [vals["total_processed"][c] + vals["carried_forward_out"][c]
                            - vals["carried_over_in"][c] for c in range(ncol)]
    expected: dict[str, tuple[object, str | None]] = {}
    out_rows = []
    groups = {"granted": "三、本年度办理结果", "denied_state_secret": "(三)不予公开",
              "unavailable_not_held": "(四)无法提供", "not_processed_petition_complaint": "(五)不予处理"}
    if version == "v2021":
        groups["other_no_correction_overdue"] = "(六)其他处理"
    for key, ordinal, label in rows:
        row = vals[key] + [sum(vals[key])]
        cells = []
        for (ckey, _), v in zip(T.APP_COLUMNS, row):
            if v == 0 and blank_ok and rng.random() < 0.1:
                raw, val, flag = "", None, "blank"
            else:
                raw, val, flag = str(v), v, None
            cells.append((f"{key}.{ckey}", raw))
            expected[f"{key}.{ckey}"] = (val, flag)
        out_rows.append(Row(ordinal + label, cells, groups.get(key)))
    if version == "v2021":
        for ckey, _ in T.APP_COLUMNS:
            sub = [expected[f"{k}.{ckey}"][0] for k in T.APP_OTHER_SUBROWS]
            nums = [v for v in sub if v is not None]
            expected[f"other_handling.{ckey}"] = (sum(nums), None) if nums else (None, "blank")
    header = [["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"],
              ["自然人", "法人或其他组织", "总计"], ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
    return Table(10, header, out_rows), expected


def _t3(rng: random.Random, blank_ok: bool) -> tuple[Table, dict]:
    cells = []
    expected: dict[str, tuple[object, str | None]] = {}
    for g in range(3):
        parts = [rng.choice([0, 0, rng.randint(1, 12)]) for _ in range(4)]
        for i, v in enumerate(parts + [sum(parts)]):
            key = T.T3_KEYS[g * 5 + i]
            if v == 0 and blank_ok and rng.random() < 0.1:
                cells.append((key, ""))
                expected[key] = (None, "blank")
            else:
                cells.append((key, str(v)))
                expected[key] = (v, None)
    leaves = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    header = [["行政复议", "行政诉讼"], leaves + ["未经复议直接起诉", "复议后起诉"], leaves + leaves]
    return Table(15, header, [Row("", cells)]), expected


def random_report(rng: random.Random, t1_version: str, t2_version: str, *, blank_ok: bool = True) -> Report:
    t1, e1 = _t1(rng, t1_version, blank_ok)
    t2, e2 = _t2(rng, t2_version, blank_ok)
    t3, e3 = _t3(rng, blank_ok)
    return Report(t1_version, t2_version, {"proactive_disclosure": t1, "applications": t2, "review_litigation": t3},
                  {"proactive_disclosure": e1, "applications": e2, "review_litigation": e3})


# ---------------------------------------------------------------------------------------------------------
# Rendering


def _table_rows(table: Table) -> list[list[str]]:
    """All rows of a table as lists of emitted cells (group labels emitted in their first row)."""
    out: list[list[str]] = []
    if table.blocks:
        for heads, rows in table.blocks:
            out.extend(heads)
            out.extend([r.label] + [raw for _, raw in r.cells] for r in rows)
        return out
    out.extend(table.title_rows)
    for r in table.rows:
        lead = ([r.group] if r.group else []) + ([r.label] if r.label else [])
        out.append(lead + [raw for _, raw in r.cells])
    return out


def _render_pipe(rows: list[list[str]], width: int, style: str) -> list[str]:
    lines: list[str] = []
    for i, row in enumerate(rows):
        last = i == len(rows) - 1
        pad = 0 if last else max(0, width - len(row))
        if style == "RS":
            for c in row:
                lines.extend(([c] if c else []) + ["|"])
            if pad:
                lines.append("|" * pad)
        elif style == "RR":
            lines.append(" | ".join(row).rstrip())
        elif style == "R2":
            lines.append(" ".join(f"{c} |" for c in row) + (" " + "|" * pad if pad else ""))
        elif style == "R1":
            lines.extend(f"{c} |" for c in row)
            if pad:
                lines.append("|" * pad)
        else:  # R3
            cells = [f"{c} |" for c in row]
            if pad:
                cells[-1] += " " + "|" * pad
            lines.extend(cells)
    return lines


def _render_markdown(rows: list[list[str]]) -> list[str]:
    lines = []
    for i, row in enumerate(rows):
        lines.append("| " + " | ".join(row) + " |")
        if i == 0:
            lines.append("|" + "---|" * len(row))
    return lines


def _render_leading(rows: list[list[str]], wrap: int = 9) -> list[str]:
    lines = []
    for row in rows:
        for c in row:
            chunks = [c[i:i + wrap] for i in range(0, len(c), wrap)] or [""]
            lines.append("| " + chunks[0])
            lines.extend(chunks[1:])
    return lines


def _render_space(rows: list[list[str]], wrap: int = 0) -> list[str]:
    out = []
    for row in rows:
        text = [c for c in row if c and not _is_number(c)]
        nums = [c for c in row if c and _is_number(c)]
        label = " ".join(text)
        if wrap and nums and len(label) > wrap:
            out += [label[:wrap], " ".join(nums), label[wrap:]]
        else:
            out.append(" ".join(text + nums))
    return out


def _is_number(c: str) -> bool:
    return c.lstrip("+-").replace(".", "", 1).isdigit() or c == "-"


_HEADINGS = {
    "proactive_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}


def render(report: Report, rendering: str, *, traditional: bool = False, junk: bool = False) -> str:
    lines = ["关于本机关年度政府信息公开工作情况的报告", "一、总体情况", "本年度本机关依法做好政府信息公开工作。"]
    for key in ("proactive_disclosure", "applications", "review_litigation"):
        table = report.tables[key]
        lines.append(_HEADINGS[key])
        rows = _table_rows(table)
        if rendering in ("R1", "R2", "R3", "RR", "RS"):
            lines += _render_pipe(rows, table.width, rendering)
        elif rendering == "RP":
            lines += [x for row in rows for c in row if c for x in (c, "")]
        elif rendering == "RB":
            lines += [c for row in rows for c in row]
        elif rendering == "R6":
            if table.blocks:
                for heads, sub in table.blocks:
                    sub_rows = heads + [[r.label] + [raw for _, raw in r.cells] for r in sub]
                    lines += _render_markdown(sub_rows)
                    lines.append("")
            else:
                lines += _render_markdown(rows)
        elif rendering == "R7":
            lines += _render_leading(rows)
        elif rendering in ("R5", "R5w"):
            lines += _render_space(rows, wrap=14 if rendering == "R5w" else 0)
        elif rendering == "RF":
            lines.append("".join("".join(row) for row in rows))
        else:
            raise ValueError(rendering)
    lines += ["五、存在的主要问题及改进情况", "工作中还存在一些不足,下一步将继续改进。", "六、其他需要报告的事项", "无。"]
    text = (" " if rendering == "RF" else "\n").join(lines) + "\n"  # RF: a crawled page on one line
    if traditional:
        text = _s2t().convert(text)
        if junk:
            text = "".join(ch + f"({JUNK[ch]})" if ch in JUNK else ch for ch in text)
    return text


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


# ---------------------------------------------------------------------------------------------------------
# Files for the readers (HTML with row/col spans, DOCX with a rectangular grid)


def _report_rows(report: Report) -> list[tuple[str, list[list[str]], int]]:
    return [(_HEADINGS[k], _table_rows(report.tables[k]), report.tables[k].width) for k in _HEADINGS]


def to_html(report: Report) -> str:
    """A page with the three tables as HTML (title rows span the width; group labels span their rows)."""
    parts = ["<html><head><meta charset='utf-8'><title>年度报告</title></head><body>",
             "<p>一、总体情况</p><p>本年度本机关依法做好政府信息公开工作。</p>"]
    for heading, rows, width in _report_rows(report):
        parts.append(f"<p>{heading}</p><table border='1'>")
        for row in rows:
            tds = []
            for i, c in enumerate(row):
                span = f" colspan='{width - len(row) + 1}'" if i == 0 and len(row) < width else ""
                tds.append(f"<td{span}><p>{c if c else '&nbsp;'}</p></td>")
            parts.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("</table>")
    parts.append("<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    return "\n".join(parts)


def to_docx(report: Report, path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("一、总体情况")
    document.add_paragraph("本年度本机关依法做好政府信息公开工作。")
    for heading, rows, width in _report_rows(report):
        document.add_paragraph(heading)
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    document.add_paragraph("五、存在的主要问题及改进情况")
    document.add_paragraph("无。")
    document.save(str(path))
