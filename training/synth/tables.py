"""The three statistical tables of a v2019/v2021 report, rendered as R2 rows (formats.md §7).

Values are consistent (table 2 row and column sums, table 3 group totals) so the same text can serve the
rule layer's tests; for the narrative model every number here is ``O``.
"""

from __future__ import annotations

import random

T2_OUTCOMES = [
    "(一)予以公开", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)",
    "(三)不予公开 | 1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
    "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷",
    "8.属于行政查询事项", "(四)无法提供 | 1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确", "(五)不予处理 | 1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
    "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
]
T2_OTHER_V2019 = ["(六)其他处理"]
T2_OTHER_V2021 = [
    "(六)其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
]


def row(cells: list[str], width: int) -> str:
    """An R2 line: cells joined by `` | ``, then the pad run for the cells the row does not emit."""
    n = sum(c.count(" | ") + 1 for c in cells)
    pad = width - n
    return " | ".join(cells) + " |" + (" " + "|" * pad if pad > 0 else "") + "\n"


def _small(rng: random.Random, hi: int) -> int:
    return 0 if rng.random() < 0.55 else rng.randint(0, hi)


def table1(rng: random.Random, v2021: bool) -> str:
    w = 4
    out = []
    if v2021:
        out.append(row(["第二十条第(一)项"], w))
        out.append(row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], w))
        for lab in ("规章", "行政规范性文件"):
            out.append(row([lab, str(_small(rng, 12)), str(_small(rng, 5)), str(_small(rng, 80))], w))
        out.append(row(["第二十条第(五)项"], w))
        out.append(row(["信息内容", "本年处理决定数量"], w))
        out.append(row(["行政许可", str(_small(rng, 40000))], w))
        out.append(row(["第二十条第(六)项"], w))
        out.append(row(["信息内容", "本年处理决定数量"], w))
        for lab in ("行政处罚", "行政强制"):
            out.append(row([lab, str(_small(rng, 3000))], w))
        out.append(row(["第二十条第(八)项"], w))
        out.append(row(["信息内容", "本年收费金额(单位:万元)"], w))
        out.append(row(["行政事业性收费", f"{_small(rng, 900)}.{rng.randint(0, 99):02d}" if rng.random() < 0.4
                        else "0"], w))
    else:
        out.append(row(["第二十条第(一)项"], w))
        out.append(row(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], w))
        for lab in ("规章", "规范性文件"):
            a = _small(rng, 10)
            out.append(row([lab, str(a), str(a), str(a + _small(rng, 60))], w))
        for title, labs in (("第二十条第(五)项", ("行政许可", "其他对外管理服务事项")),
                            ("第二十条第(六)项", ("行政处罚", "行政强制"))):
            out.append(row([title], w))
            out.append(row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], w))
            for lab in labs:
                ch = rng.randint(-15, 15) if rng.random() < 0.4 else 0
                out.append(row([lab, str(_small(rng, 200)), f"{ch:+d}" if ch else "0", str(_small(rng, 30000))], w))
        out.append(row(["第二十条第(八)项"], w))
        out.append(row(["信息内容", "上一年项目数量", "本年增/减", ""], w))
        out.append(row(["行政事业性收费", str(_small(rng, 20)), "0"], w))
        out.append(row(["第二十条第(九)项"], w))
        out.append(row(["信息内容", "采购项目数量", "采购总金额", ""], w))
        out.append(row(["政府集中采购", str(_small(rng, 30)), str(_small(rng, 5000000))], w))
    return "".join(out)


def table2(rng: random.Random, v2021: bool) -> str:
    """The applications table with per-column arithmetic that holds (formats.md T2-R1..R3)."""
    other_rows = T2_OTHER_V2021 if v2021 else T2_OTHER_V2019
    outcome_rows = T2_OUTCOMES + other_rows
    cols = 6
    new = [rng.randint(0, 60) if c == 0 else _small(rng, 6) for c in range(cols)]
    carry = [_small(rng, 3) for _ in range(cols)]
    fwd = [min(new[c] + carry[c], _small(rng, 3)) for c in range(cols)]
    grid = [[0] * cols for _ in outcome_rows]
    for c in range(cols):
        for _ in range(new[c] + carry[c] - fwd[c]):
            r = rng.choices(range(len(outcome_rows)), weights=[40, 10] + [1] * (len(outcome_rows) - 2))[0]
            grid[r][c] += 1

    def vals(v: list[int]) -> list[str]:
        return [str(x) for x in v] + [str(sum(v))]

    w = 10
    out = [
        row(["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)", "申请人情况"], w),
        row(["自然人", "法人或其他组织", "总计"], w),
        row(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], w),
        row(["一、本年新收政府信息公开申请数量"] + vals(new), w),
        row(["二、上年结转政府信息公开申请数量"] + vals(carry), w),
    ]
    for i, lab in enumerate(outcome_rows):
        first = "三、本年度办理结果 | " if i == 0 else ""
        out.append(row([first + lab] + vals(grid[i]), w))
    total = [sum(grid[r][c] for r in range(len(outcome_rows))) for c in range(cols)]
    out.append(row(["(七)总计"] + vals(total), w))
    out.append(row(["四、结转下年度继续办理"] + vals(fwd), w))
    return "".join(out)


def table3(rng: random.Random) -> str:
    """Review and litigation: three groups of (维持, 纠正, 其他, 尚未审结, 总计)."""
    nums: list[int] = []
    for _ in range(3):
        part = [_small(rng, 3) for _ in range(4)]
        nums.extend(part + [sum(part)])
    w = 15
    return "".join([
        row(["行政复议", "行政诉讼"], w),
        row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"], w),
        row(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2, w),
        row([str(x) for x in nums], w),
    ])
