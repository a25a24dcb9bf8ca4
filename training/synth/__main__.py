"""CLI: ``python -m training.synth --n N --seed S --out FILE [--kind paragraphs|reports] [--holdout-frames ...]``."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from .frames import frame_ids
from .noise import NO_NOISE, NoiseConfig
from .report import paragraphs, reports


def _ids(values: list[str] | None) -> list[str]:
    """Accept ``A B``, ``A,B`` and group prefixes such as ``DT`` (every frame of the group)."""
    out: list[str] = []
    all_ids = frame_ids()
    for v in values or []:
        for tok in v.split(","):
            tok = tok.strip()
            if not tok:
                continue
            if tok in all_ids:
                out.append(tok)
            else:
                hits = [f for f in all_ids if f.startswith(tok)]
                if not hits:
                    raise SystemExit(f"training.synth: unknown frame id {tok!r}")
                out.extend(hits)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m training.synth", description=__doc__)
    ap.add_argument("--n", type=int, default=20000, help="number of records (default 20000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", required=False, help="output JSONL (default: stdout)")
    ap.add_argument("--kind", choices=["paragraphs", "reports"], default="paragraphs")
    ap.add_argument("--holdout-frames", nargs="*", help="frame ids (or id prefixes) never to use")
    ap.add_argument("--only-frames", nargs="*", help="use only these frame ids (or id prefixes)")
    ap.add_argument("--no-noise", action="store_true", help="clean text (no noise at all)")
    ap.add_argument("--list-frames", action="store_true", help="print the frame ids and exit")
    args = ap.parse_args(argv)
    if args.list_frames:
        print("\n".join(frame_ids()))
        return 0
    gen = paragraphs if args.kind == "paragraphs" else reports
    recs = gen(args.n, args.seed, exclude_frames=_ids(args.holdout_frames),
               only_frames=_ids(args.only_frames) if args.only_frames is not None else None,
               noise=NO_NOISE if args.no_noise else NoiseConfig())
    counts: Counter[str] = Counter()
    out = open(args.out, "w", encoding="utf-8", newline="\n") if args.out else sys.stdout
    try:
        for r in recs:
            counts.update(s["label"] for s in r["spans"])
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    print(f"training.synth: {args.n} {args.kind}, seed {args.seed}; spans per label: "
          + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
