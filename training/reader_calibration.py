"""Fit the reader-agreement map of narrative-only headline fields (``ie.calibration.READER_MAP``).

The field map of ``python -m ie.calibration fields --fit`` is fitted on the validation split, where a field value
counts as right when it equals any gold span of its label. A careful reader is stricter: one figure, the body's,
in the reporting year, and null where a report gives several figures of a kind and no whole. This script measures
that stricter agreement on hand-read real reports and fits the logistic map
``sigmoid(a * logit(p) + b + rival * [the field's alternatives hold another value])`` on top of the field map.

Each set is a folder with ``texts/<id>.txt`` and ``truth.jsonl`` (one JSON line per text: ``{"id", "fields": {key:
number or null}, "unsure": {key: note}}``, the 16 keys of record.md's headline table). A value is right when it
equals the reader's; a ``disclosed_total`` the reader left null with the note "single channel" is right too (the
project's convention: a report's only channel figure is its total). Real texts stay outside the repository::

    python -m training.reader_calibration --fit SETDIR ... --test SETDIR ...

prints the fitted parameters and the ECE before and after on both groups (the test sets are never fitted on).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

import ie.calibration as calibration
from ie.calibration import ece_noise_floor, expected_calibration_error, format_reliability_table

IDENTITY = {"a": 1.0, "b": 0.0, "rival": 0.0}


def set_rows(setdir: Path, tagger: object) -> list[tuple[float, bool, bool]]:
    """(confidence before the reader map, rival values, right) for every narrative-only field value govie gives
    on the set's texts."""
    records, truths = [], {}
    for line in (setdir / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        t = json.loads(line)
        path = setdir / "texts" / f"{t['id']}.txt"
        if not path.is_file():
            continue
        records.append({"id": t["id"], "text": path.read_text(encoding="utf-8")})
        note = str((t.get("unsure") or {}).get("disclosed_total", ""))
        truths[t["id"]] = {"fields": t["fields"], "single_channel_total": "single channel" in note.lower()}
    saved, calibration.READER_MAP = calibration.READER_MAP, IDENTITY
    try:
        return calibration.reader_field_rows(tagger, records, truths)
    finally:
        calibration.READER_MAP = saved


def fit(rows: Sequence[tuple[float, bool, bool]], l2: float = 1.0) -> dict[str, float]:
    """Logistic regression of right on (logit p, 1, rival), with a small ridge toward the identity map (a = 1,
    b = 0, rival = 0)."""
    x = np.array([[calibration._logit(p), 1.0, float(r)] for p, r, _ in rows])
    y = np.array([float(ok) for *_, ok in rows])
    w = calibration.fit_logistic(x, y, (1.0, 0.0, 0.0), l2)
    return {"a": round(float(w[0]), 4), "b": round(float(w[1]), 4), "rival": round(float(w[2]), 4)}


def _report(name: str, rows: Sequence[tuple[float, bool, bool]], params: dict[str, float]) -> None:
    if not rows:
        return
    y = [ok for *_, ok in rows]
    before = [p for p, _, _ in rows]
    after = [calibration.reader_agreement(p, r, params) for p, r, _ in rows]
    print(f"\n{name}: {len(rows)} narrative-only field values, {sum(y) / len(y):.3f} right "
          f"(noise floor of the ECE {ece_noise_floor(after):.3f})")
    print(f"before: ECE {expected_calibration_error(before, y):.4f}\n" + format_reliability_table(before, y))
    print(f"after: ECE {expected_calibration_error(after, y):.4f}\n" + format_reliability_table(after, y))


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fit", nargs="+", required=True, type=Path, help="set folders to fit on")
    ap.add_argument("--test", nargs="*", default=[], type=Path, help="set folders to test on (never fitted)")
    ap.add_argument("--model", default=None, help="narrative model (default: the shipped one)")
    args = ap.parse_args(argv)
    for d in [*args.fit, *args.test]:
        if not (d / "truth.jsonl").is_file():
            print(f"error: {d}: no truth.jsonl", file=sys.stderr)
            return 2
    from ie.tagger import Tagger

    tagger = Tagger.load(args.model)
    fit_rows = [r for d in args.fit for r in set_rows(d, tagger)]
    test_rows = [r for d in args.test for r in set_rows(d, tagger)]
    params = fit(fit_rows)
    print("fitted READER_MAP:", json.dumps(params), f"(shipped: {json.dumps(calibration.READER_MAP)})")
    _report("fit sets", fit_rows, params)
    _report("test sets", test_rows, params)
    if test_rows:
        shipped = [calibration.reader_agreement(p, r) for p, r, _ in test_rows]
        y = [ok for *_, ok in test_rows]
        print(f"\ntest sets with the shipped map: ECE {expected_calibration_error(shipped, y):.4f}")
    return 0 if math.isfinite(params["a"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
