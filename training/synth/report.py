"""Paragraphs and whole reports from the frames, with noise and exact spans.

One random stream (``random.Random(seed)``) drives everything, so a seed gives identical bytes.
Paragraphs come in groups that share a synthetic report (same body, year and noise profile); the
``report`` field lets the dataset builder split by report.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from . import tables
from .frames import FRAMES, GROUP_WEIGHTS, groups
from .noise import NoiseConfig, Profile, apply_noise, draw_profile
from .template import Context, Expander, Piece, assemble, merge_text

SUBHEADINGS = {
    "DISCLOSED_TOTAL": ["(一)主动公开情况", "1.主动公开政府信息情况", "(一)主动公开"],
    "APPLICATIONS": ["(二)依申请公开情况", "(二)依申请公开", "2.依申请公开办理情况"],
    "POLICY_DOCS": ["(三)政府信息管理", "(三)政府信息管理情况"],
    "DISCLOSED_WEBSITE": ["(四)政府信息公开平台建设", "(四)平台建设"],
    "TRAINING": ["(五)监督保障", "(五)监督保障情况"],
    "HOTLINE_RECEIVED": ["(四)回应社会关切", "回应关切情况"],
    "PRESS_EVENTS": ["(四)解读回应情况", "解读回应"],
}


class FramePool:
    """The frames a generator may use: all, minus ``exclude``, or only ``only``."""

    def __init__(self, exclude: Iterable[str] = (), only: Iterable[str] | None = None) -> None:
        exclude = set(exclude)
        only_set = set(only) if only is not None else None
        unknown = (exclude | (only_set or set())) - set(FRAMES)
        if unknown:
            raise KeyError(f"unknown frame ids: {sorted(unknown)}")
        self.by_group: dict[str, list[str]] = {}
        for g, fids in groups().items():
            keep = [f for f in fids if f not in exclude and (only_set is None or f in only_set)]
            if keep:
                self.by_group[g] = keep
        if not self.by_group:
            raise ValueError("no frames left to generate from")

    def draw(self, rng: random.Random, prefer: list[str] | None = None) -> str:
        gs = [g for g in (prefer or []) if g in self.by_group] or list(self.by_group)
        g = rng.choices(gs, weights=[GROUP_WEIGHTS[x] for x in gs])[0]
        return rng.choice(self.by_group[g])


def make_context(rng: random.Random) -> Context:
    ex = Expander(rng, Context(year=2020, body=""))
    body = "".join(p.text for p in ex.expand(rng.choice([
        "{place}{level}{agency}", "{place}{level}人民政府", "{place}{level}人民政府办公室", "{place}街道办事处",
        "{place}{level}{agency}", "{place}镇人民政府",
    ])))
    return Context(year=rng.randint(2014, 2025), body=body)


def make_paragraph(rng: random.Random, ctx: Context, pool: FramePool,
                   prefer: list[str] | None = None) -> tuple[list[Piece], list[str]]:
    """A paragraph of 1–4 sentences; returns its pieces (no noise yet) and the frame ids used."""
    n = rng.choices([1, 2, 3, 4], weights=[25, 35, 25, 15])[0]
    ex = Expander(rng, ctx)
    pieces: list[Piece] = []
    fids: list[str] = []
    for i in range(n):
        fid = pool.draw(rng, prefer)
        fids.append(fid)
        if i == 0 and rng.random() < 0.2:
            heads = SUBHEADINGS.get(FRAMES[fid].group)
            if heads:
                pieces.append(Piece(rng.choice(heads) + rng.choice(["\n", "\n", "。", ""])))
        pieces.extend(ex.expand(FRAMES[fid].template))
        pieces.append(Piece("。" if i == n - 1 else rng.choice(["。", "。", "，", "；"])))
    return merge_text(pieces), fids


def primary_frame(fids: list[str]) -> str:
    """The first frame about a label, else the first frame."""
    for f in fids:
        if FRAMES[f].group not in ("NEG", "FILL"):
            return f
    return fids[0]


def paragraphs(n: int, seed: int, *, exclude_frames: Iterable[str] = (), only_frames: Iterable[str] | None = None,
               noise: NoiseConfig | None = None) -> Iterator[dict]:
    """``n`` paragraph records in labels.md's encoding (plus ``frame``, ``frames``, ``report``)."""
    rng = random.Random(seed)
    pool = FramePool(exclude_frames, only_frames)
    cfg = noise or NoiseConfig()
    made = 0
    r = 0
    while made < n:
        ctx = make_context(rng)
        prof = draw_profile(rng, cfg)
        for _ in range(rng.randint(3, 8)):
            if made >= n:
                break
            pieces, fids = make_paragraph(rng, ctx, pool)
            noisy = apply_noise(pieces, prof, cfg, rng, page_no=rng.randint(1, 12))
            text, spans = assemble(noisy)
            yield {"id": f"synth-{seed}-{made}", "text": text, "spans": spans, "frame": primary_frame(fids),
                   "frames": fids, "report": f"synth-{seed}-r{r}"}
            made += 1
        r += 1


SECTION_PLAN = [
    ("一、总体情况", [
        ("(一)主动公开", ["DISCLOSED_TOTAL", "DISCLOSED_WEBSITE", "DISCLOSED_GAZETTE", "DISCLOSED_NEWMEDIA",
                      "POLICY_DOCS", "INTERPRETATIONS", "PRESS_EVENTS"]),
        ("(二)依申请公开", ["APPLICATIONS", "RESPONSE_RATE", "NEG"]),
        ("(三)政府信息管理", ["POLICY_DOCS", "FILL", "NEG"]),
        ("(四)政府信息公开平台建设", ["DISCLOSED_WEBSITE", "DISCLOSED_NEWMEDIA", "HOTLINE_RECEIVED",
                              "HOTLINE_RESOLVED", "RESPONSE_RATE"]),
        ("(五)监督保障", ["TRAINING", "FILL", "NEG"]),
    ]),
]

HEADINGS_2_6 = [
    ["二、主动公开政府信息情况"],
    ["三、收到和处理政府信息公开申请情况"],
    ["四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"],
    ["五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"],
    ["六、其他需要报告的事项"],
]


def _text(s: str) -> list[Piece]:
    return [Piece(s)]


def make_report(rng: random.Random, pool: FramePool, cfg: NoiseConfig) -> tuple[list[list[Piece]], list[str]]:
    """A whole v2019/v2021 report as blocks of pieces (each block gets noise separately)."""
    ctx = make_context(rng)
    ex = Expander(rng, ctx)
    v2021 = ctx.year >= 2021 if rng.random() < 0.9 else ctx.year < 2021
    blocks: list[list[Piece]] = []
    fids: list[str] = []
    blocks.append(_text(f"{ctx.body}{ctx.year}年政府信息公开工作年度报告\n"))
    blocks.append(ex.expand(
        "根据{law}和{guanyu_doc}要求，{body}编制了" + str(ctx.year) + "年度政府信息公开工作年度报告。"
        "报告中所列数据的统计期限自" + str(ctx.year) + "年1月1日起至" + str(ctx.year) + "年12月31日止。"
        "现将{body}" + str(ctx.year) + "年度政府信息公开工作情况报告如下：\n"))
    for heading, subs in SECTION_PLAN:
        blocks.append(_text(heading + "\n"))
        for sub, prefer in subs:
            blocks.append(_text(sub + "\n"))
            for _ in range(rng.randint(1, 2)):
                pieces, used = make_paragraph(rng, ctx, pool, prefer)
                fids.extend(used)
                blocks.append(pieces + [Piece("\n")])
    t1, t2, t3 = tables.table1(rng, v2021), tables.table2(rng, v2021), tables.table3(rng)
    for heading, table in zip(HEADINGS_2_6[:3], (t1, t2, t3)):
        blocks.append(_text(rng.choice(heading) + "\n"))
        blocks.append(_text(table))
    blocks.append(_text(rng.choice(HEADINGS_2_6[3]) + "\n"))
    for _ in range(rng.randint(1, 2)):
        pieces, used = make_paragraph(rng, ctx, pool, ["FILL", "TRAINING", "NEG"])
        fids.extend(used)
        blocks.append(pieces + [Piece("\n")])
    blocks.append(_text(rng.choice(HEADINGS_2_6[4]) + "\n"))
    blocks.append(ex.expand(rng.choice([
        "本年度未收取信息处理费。", "本年度收取信息处理费{#O:money}。",
        "依据《政府信息公开信息处理费管理办法》，本年度未发出收费通知，未收取信息处理费。",
    ]) + "\n"))
    m, d = rng.randint(1, 3), rng.randint(1, 28)
    blocks.append(_text(f"{ctx.body}\n{ctx.year + 1}年{m}月{d}日\n"))
    return blocks, fids


def reports(n: int, seed: int, *, exclude_frames: Iterable[str] = (), only_frames: Iterable[str] | None = None,
            noise: NoiseConfig | None = None) -> Iterator[dict]:
    """``n`` whole-report records; table numbers are plain text (``O`` for the narrative model)."""
    rng = random.Random(seed)
    pool = FramePool(exclude_frames, only_frames)
    cfg = noise or NoiseConfig()
    for k in range(n):
        blocks, fids = make_report(rng, pool, cfg)
        prof = draw_profile(rng, cfg)
        table_prof = Profile(trad=prof.trad, junk=prof.junk, junk_toneless=prof.junk_toneless,
                             junk_chars=prof.junk_chars, fullwidth=prof.fullwidth)
        pieces: list[Piece] = []
        for i, block in enumerate(blocks):
            is_table = len(block) == 1 and " | " in block[0].text
            pieces.extend(apply_noise(block, table_prof if is_table else prof, cfg, rng, page_no=1 + i // 4))
        text, spans = assemble(merge_text(pieces))
        yield {"id": f"synth-{seed}-{k}", "text": text, "spans": spans, "frame": primary_frame(fids),
               "frames": fids, "report": f"synth-{seed}-r{k}"}
