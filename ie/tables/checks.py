"""Arithmetic checks of the tables (formats.md §6, record.md "Rules").

Every rule is an equation (or inequality) over cells; one check item per rule and scope. Blank cells
count as 0; a failing equation with a blank operand is ``incomplete``. For the hard equations of one
table, a greedy repair looks for the fewest single-cell changes (non-negative integers) that make *every*
equation of that table hold; when that repair is unique, each failing check names its changed cell in
``suspect``. Values are never changed; failed checks only lower the confidence of the cells involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ie.tables import templates as T


@dataclass
class Rule:
    id: str
    scope: str
    lhs: list[str]  # full cell keys ("applications.new_received.total")
    rhs: list[str]
    op: str = "=="  # == | >= | <=
    hard: bool = True
    text: str = ""

    @property
    def cells(self) -> list[str]:
        return self.lhs + self.rhs


def _num(v: Any) -> float:
    return v if isinstance(v, int | float) else 0


def _holds(r: Rule, vals: dict[str, Any]) -> bool:
    a = sum(_num(vals.get(k)) for k in r.lhs)
    b = sum(_num(vals.get(k)) for k in r.rhs)
    if r.op == "==":
        return abs(a - b) < 1e-9
    if r.op == ">=":
        return a >= b - 1e-9
    return a <= b + 1e-9


def _fmt(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


# ---------------------------------------------------------------------------------------------------------
# Rule sets


def app_rules(version: str) -> list[Rule]:
    rows = [k for k, _, _ in T.APP_ROWS[version]]
    cols = [c for c, _ in T.APP_COLUMNS]
    p = "applications."
    rules = [Rule("T2-R1", row, [f"{p}{row}.total"], [f"{p}{row}.{c}" for c in cols[:-1]],
                  text="总计 = 各申请人类别之和") for row in rows]
    other = ["other_handling"] if version == "v2019" else T.APP_OTHER_SUBROWS
    parts = (["granted", "partially_granted"] + T.APP_DENIED + T.APP_UNAVAILABLE + T.APP_NOT_PROCESSED + other)
    for c in cols:
        rules.append(Rule("T2-R2", c, [f"{p}total_processed.{c}"], [f"{p}{r}.{c}" for r in parts],
                          text="(七)总计 = 办理结果各项之和"))
    for c in cols:
        rules.append(Rule("T2-R3", c, [f"{p}new_received.{c}", f"{p}carried_over_in.{c}"],
                          [f"{p}total_processed.{c}", f"{p}carried_forward_out.{c}"],
                          text="新收+上年结转 = 总计+结转下年度"))
    return rules


def t3_rules() -> list[Rule]:
    out = []
    for rid, pre, name in (("T3-R1", "review_", "行政复议"), ("T3-R2", "litigation_direct_", "未经复议直接起诉"),
                           ("T3-R3", "litigation_after_review_", "复议后起诉")):
        p = "review_litigation."
        out.append(Rule(rid, pre.rstrip("_"), [f"{p}{pre}total"],
                        [f"{p}{pre}{x}" for x in ("upheld", "corrected", "other", "pending")],
                        text=f"{name}总计 = 维持+纠正+其他+尚未审结"))
    return out


def t1_rules(version: str, cells: dict[str, Any]) -> list[Rule]:
    p = "proactive_disclosure."
    out: list[Rule] = []
    if version == "v2019":
        for row in ("regulations", "normative_documents"):
            out.append(Rule("T1-R1", f"art20_1.{row}", [f"{p}art20_1.{row}.total_published"],
                            [f"{p}art20_1.{row}.new_published"], op=">=", hard=False,
                            text="对外公开总数量 ≥ 本年新公开数量"))
        for sub, rows in (("art20_5", ("administrative_licensing", "other_external_services")),
                          ("art20_6", ("administrative_penalty", "administrative_coercion")),
                          ("art20_8", ("administrative_fees",))):
            for row in rows:
                out.append(Rule("T1-R2", f"{sub}.{row}", [f"{p}{sub}.{row}.prev_year_items",
                                                           f"{p}{sub}.{row}.items_change"], [], op=">=",
                                hard=False, text="上一年项目数量 + 本年增/减 ≥ 0"))
    else:
        for row in ("regulations", "normative_documents"):
            out.append(Rule("T1-R3", f"art20_1.{row}", [f"{p}art20_1.{row}.issued"],
                            [f"{p}art20_1.{row}.in_force", f"{p}art20_1.{row}.repealed"], op="<=", hard=False,
                            text="本年制发件数 ≤ 现行有效件数 + 本年废止件数"))
    return out


def pre2019_rules() -> list[Rule]:
    p = "statistics_pre2019."

    def R(rid: str, scope: str, lhs: list[str], rhs: list[str], op: str = "==", hard: bool = True,
          text: str = "") -> Rule:
        return Rule(rid, scope, [p + k for k in lhs], [p + k for k in rhs], op, hard, text)

    return [
        R("P-R1", "requests_received", ["requests_received"],
          ["requests_in_person", "requests_fax", "requests_online", "requests_letter"], text="收到申请数 = 各方式之和"),
        R("P-R2", "requests_closed", ["requests_closed"], ["requests_closed_on_time", "requests_closed_extended"],
          text="申请办结数 = 按时 + 延期"),
        R("P-R3", "requests_answered", ["requests_answered"],
          ["ans_already_public", "ans_granted", "ans_partially_granted", "ans_denied", "ans_not_this_agency",
           "ans_not_exist", "ans_told_to_amend", "ans_told_other_channel"], text="申请答复数 = 各类答复之和"),
        R("P-R4", "ans_denied", ["ans_denied"],
          ["denied_state_secret", "denied_commercial_secret", "denied_privacy", "denied_security_stability",
           "denied_not_gov_info", "denied_other_legal"], text="不同意公开答复数 = 其中各项之和"),
        R("P-R5", "admin_review_total", ["admin_review_total"], ["review_upheld", "review_corrected", "review_other"],
          text="行政复议数量 = 维持+纠错+其他"),
        R("P-R6", "litigation_total", ["litigation_total"],
          ["litigation_upheld", "litigation_corrected", "litigation_other"], text="行政诉讼数量 = 维持+纠错+其他"),
        R("P-R7", "staff_total", ["staff_total"], ["staff_fulltime", "staff_parttime"], text="工作人员数 = 专职 + 兼职"),
        R("P-R8", "channels", ["channel_gazette", "channel_website", "channel_weibo", "channel_wechat",
                               "channel_other"], ["proactive_total"], op=">=", hard=False,
          text="各渠道公开数之和 ≥ 主动公开政府信息数"),
        R("P-R9", "press_conferences_by_head", ["press_conferences_by_head"], ["press_conferences"], op="<=",
          hard=False, text="主要负责同志参加 ≤ 新闻发布会总次数"),
        R("P-R10", "online_interviews_by_head", ["online_interviews_by_head"], ["online_interviews"], op="<=",
          hard=False, text="主要负责同志参加 ≤ 在线访谈次数"),
        R("P-R11", "proactive_normative_docs", ["proactive_normative_docs"], ["proactive_total"], op="<=",
          hard=False, text="主动公开规范性文件数 ≤ 主动公开政府信息数"),
    ]


# ---------------------------------------------------------------------------------------------------------
# Evaluation


def _all_cells(tables: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out = {}
    for tname, t in tables.items():
        for k, c in t.get("cells", {}).items():
            out[f"{tname}.{k}"] = c
    return out


def _table_of(key: str) -> str:
    return key.split(".", 1)[0]


def _repair(rules: list[Rule], vals: dict[str, Any], present: set[str]) -> dict[str, float] | None:
    """The unique smallest set of single-cell changes (≤4, greedy) that makes every rule hold, or None."""
    by_key: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        for k in r.cells:
            by_key.setdefault(k, []).append(i)

    def failing(v: dict[str, Any]) -> set[int]:
        return {i for i, r in enumerate(rules) if not _holds(r, v)}

    def after(v: dict[str, Any], bad: set[int], k: str, new: float) -> int:
        """Number of failing rules once cell k is set to new."""
        trial_bad = set(bad)
        old = v.get(k)
        v[k] = new
        for i in by_key.get(k, ()):
            if _holds(rules[i], v):
                trial_bad.discard(i)
            else:
                trial_bad.add(i)
        v[k] = old
        return len(trial_bad)

    def candidates(v: dict[str, Any], bad: set[int]) -> list[tuple[int, int, str, float]]:
        seen: dict[tuple[str, float], tuple[int, int, str, float]] = {}
        for i in sorted(bad):
            r = rules[i]
            diff = sum(_num(v.get(k)) for k in r.rhs) - sum(_num(v.get(k)) for k in r.lhs)
            for k in r.cells:
                if k not in present:
                    continue
                new = _num(v.get(k)) + (diff if k in r.lhs else -diff)
                if new < 0 or not float(new).is_integer() or (k, new) in seen:
                    continue
                # prefer a total (the lone cell of its side): totals left at 0 are the common slip
                lone = 0 if (r.lhs == [k] or r.rhs == [k]) else 1
                seen[(k, new)] = (after(v, bad, k, new), lone, k, new)
        return sorted(seen.values())

    def greedy(v: dict[str, Any], first: tuple[str, float]) -> dict[str, float] | None:
        cur = dict(v)
        cur[first[0]] = first[1]
        changes = {first[0]: first[1]}
        for _ in range(4):
            bad = failing(cur)
            if not bad:
                return changes
            cands = candidates(cur, bad)
            if not cands or cands[0][0] >= len(bad):
                return None
            if len(cands) > 1 and cands[1][:2] == cands[0][:2]:
                return None  # a tie: more than one repair explains the failure
            _, _, k, new = cands[0]
            cur[k] = new
            changes[k] = new
        return changes if not failing(cur) else None

    bad0 = failing(vals)
    if not bad0:
        return {}
    work = dict(vals)
    cands = candidates(work, bad0)
    if not cands:
        return None
    top = [c for c in cands if c[:2] == cands[0][:2]]
    results = [greedy(work, (k, new)) for _, _, k, new in top[:6]]
    if any(r is None for r in results):
        return None
    if all(r == results[0] for r in results):
        return results[0]
    return None


def run_checks(tables: dict[str, dict[str, Any]], hints: list[dict[str, Any]] | None = None
               ) -> list[dict[str, Any]]:
    """Check items for every table, in record order; lowers cell confidences of failed checks in place.

    ``hints`` are suspects found while parsing (a number split over two cells) for given (id, scope)."""
    cells = _all_cells(tables)
    vals = {k: c.get("value") for k, c in cells.items()}
    groups: list[tuple[str, list[Rule]]] = []
    t1 = tables.get("proactive_disclosure", {})
    if t1.get("template"):
        groups.append(("proactive_disclosure", t1_rules(t1["template"], t1.get("cells", {}))))
    t2 = tables.get("applications", {})
    t2_rules = app_rules(t2.get("template") or "v2019")
    sub = T.APP_SUBTOTAL
    for key in t2.get("cells", {}):
        if key.endswith("." + sub):
            row = key[: -len(sub) - 1]
            t2_rules.append(Rule("T2-R5", row, [f"applications.{key}"],
                                 [f"applications.{row}.{c}" for c, _ in T.APP_COLUMNS[1:6]],
                                 text="法人或其他组织小计 = 五类组织之和"))
    groups.append(("applications", t2_rules))
    groups.append(("review_litigation", t3_rules()))
    if tables.get("statistics_pre2019", {}).get("status") in ("parsed", "empty"):
        groups.append(("statistics_pre2019", pre2019_rules()))

    out: list[dict[str, Any]] = []
    for tname, rules in groups:
        status = tables.get(tname, {}).get("status", "missing")
        if tname == "applications":
            out.append(_nonneg_check(tables.get(tname, {}), status, "T2-R4", "applications"))
        if tname == "proactive_disclosure":
            out.append(_nonneg_check(tables.get(tname, {}), status, "T1-R4", "proactive_disclosure"))
        if status != "parsed":  # record.md: one item per rule and scope, even when skipped
            for r in rules:
                out.append({"id": r.id, "scope": r.scope, "status": "skipped",
                            "message": f"{r.text}: table {status}", "cells": r.cells})
            continue
        present = {k for k in cells if _table_of(k) == tname}
        hard = [r for r in rules if r.hard and all(k in present for k in r.cells)]
        hinted = any(h["suspect"]["cell"].startswith(tname + ".") for h in hints or [])
        # a number split over two cells shifts the row: its merge explains the failures better than repairs
        repair = None if hinted else _repair(hard, vals, {k for k in present if isinstance(vals.get(k), int | float)})
        for r in rules:
            out.append(_evaluate(r, vals, cells, present, repair or {}))
    for h in hints or []:
        for item in out:
            if (item["id"], item["scope"]) == (h["id"], h["scope"]) and item["status"] == "fail" \
                    and "suspect" not in item:
                item["suspect"] = h["suspect"]
    _lower_confidence(out, cells)
    return out


def _evaluate(r: Rule, vals: dict[str, Any], cells: dict[str, dict[str, Any]], present: set[str],
              repair: dict[str, float]) -> dict[str, Any]:
    item: dict[str, Any] = {"id": r.id, "scope": r.scope}
    missing = [k for k in r.cells if k not in present]
    if missing:
        item.update(status="skipped", message=f"{r.text}: cells not in the table ({', '.join(missing[:3])})",
                    cells=r.cells)
        return item
    a = sum(_num(vals.get(k)) for k in r.lhs)
    b = sum(_num(vals.get(k)) for k in r.rhs)
    ok = _holds(r, vals)
    blank = [k for k in r.cells if vals.get(k) is None]
    if ok:
        status = "pass"
    elif blank:
        status = "incomplete"
    else:
        status = "fail"
    op = {"==": "=", ">=": "≥", "<=": "≤"}[r.op] if ok else {"==": "≠", ">=": "<", "<=": ">"}[r.op]
    lhs = "+".join(_fmt(_num(vals.get(k))) for k in r.lhs)
    rhs = "+".join(_fmt(_num(vals.get(k))) for k in r.rhs) or "0"
    item["status"] = status
    item["message"] = f"{r.text} ({lhs} {op} {rhs})" + ("" if ok else f": {_fmt(a)} vs {_fmt(b)}")
    if not r.hard:
        item["soft"] = True
    item["cells"] = r.cells
    if not ok:
        sus = [k for k in r.cells if k in repair]
        if sus:
            k = sus[0]
            item["suspect"] = {"cell": k, "value": vals.get(k), "expected": _as_number(repair[k])}
    return item


def _as_number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _nonneg_check(table: dict[str, Any], status: str, rid: str, tname: str) -> dict[str, Any]:
    """T2-R4 (hard): every applications cell is a non-negative integer. T1-R4 (soft): every 第二十条 cell
    is non-negative (本年增/减 may be negative; amounts may be decimal)."""
    if status != "parsed":
        return {"id": rid, "scope": "all", "status": "skipped", "message": f"table {status}", "cells": []}
    bad = []
    for k, c in table["cells"].items():
        v = c.get("value")
        if v is None or k.endswith(".items_change"):
            continue
        if v < 0 or (tname == "applications" and not isinstance(v, int)):
            bad.append(f"{tname}.{k}")
    what = "non-negative integers" if tname == "applications" else "non-negative"
    item: dict[str, Any] = {"id": rid, "scope": "all", "status": "fail" if bad else "pass",
                            "message": f"all cells are {what}" if not bad else f"{len(bad)} cells are not {what}",
                            "cells": bad}
    if tname != "applications":
        item["soft"] = True
    return item


def _lower_confidence(checks: list[dict[str, Any]], cells: dict[str, dict[str, Any]]) -> None:
    for ch in checks:
        st = ch["status"]
        if st not in ("fail", "incomplete"):
            continue
        involved = [k for k in ch.get("cells", []) if k in cells]
        if not involved:
            continue
        sus = {ch.get("suspect", {}).get("cell"), ch.get("suspect", {}).get("merge_with")} - {None}
        for k in involved:
            c = cells[k]
            if st == "incomplete":
                f = 0.9
            elif ch.get("soft"):
                f = 0.9
            elif sus:
                f = 0.3 if k in sus else 0.97
            else:
                f = max(0.5, 1 - 1 / len(involved))
            c["confidence"] = round(c["confidence"] * f, 3)
