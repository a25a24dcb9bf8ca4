"""Evaluate a narrative model on a labelled JSONL file (labels.md encoding: raw text + raw offsets).

Two views:

* **span level, strict** (the headline number): a predicted span counts only when its raw start, end and
  label all equal a gold span; micro P/R/F1, per label, and a bootstrap 95 % interval over documents;
* **seqeval** (strict IOB2) over the normalized characters, as during training.

The model runs exactly as in extraction (``ie.tagger.Tagger``), over the whole text of each record.
``run_evaluate(data, model)`` returns the printable report for ``govie evaluate``.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path
from typing import Any

from ie.labels import LABELS, bio_tags
from ie.normalize import normalize
from training.dataset import normalize_record, read_jsonl


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bootstrap_f1(per_doc: list[tuple[int, int, int]], n: int = 1000, seed: int = 13) -> tuple[float, float]:
    """95 % percentile interval of micro F1 when documents are resampled with replacement."""
    if not per_doc or n <= 0:
        return (float("nan"), float("nan"))
    rng = random.Random(seed)
    scores = []
    for _ in range(n):
        tp = fp = fn = 0
        for _ in range(len(per_doc)):
            a, b, c = per_doc[rng.randrange(len(per_doc))]
            tp += a
            fp += b
            fn += c
        scores.append(prf(tp, fp, fn)[2])
    scores.sort()
    return (round(scores[int(0.025 * n)], 4), round(scores[min(n - 1, int(0.975 * n))], 4))


def evaluate_records(records: list[dict], tagger: Any, *, bootstrap: int = 1000, seed: int = 13) -> dict[str, Any]:
    """Span-level and seqeval scores of ``tagger`` on raw labelled records."""
    from training.train import seqeval_metrics

    per_label: dict[str, Counter] = {lab: Counter() for lab in LABELS}
    per_doc: list[tuple[int, int, int]] = []
    true_tags: list[list[str]] = []
    pred_tags: list[list[str]] = []
    errors: list[dict] = []
    n_chars = 0
    for rec in records:
        text = rec["text"]
        n_chars += len(text)
        norm = normalize(text)
        preds = tagger.predict(norm.text)
        pred_raw = set()
        for p in preds:
            s, e = norm.to_original(p.start, p.end)
            pred_raw.add((s, e, p.label))
        gold_raw = {(sp["start"], sp["end"], sp["label"]) for sp in rec.get("spans", [])}
        tp = len(gold_raw & pred_raw)
        fp = len(pred_raw - gold_raw)
        fn = len(gold_raw - pred_raw)
        per_doc.append((tp, fp, fn))
        for _s, _e, lab in gold_raw & pred_raw:
            per_label[lab]["tp"] += 1
        for s, e, lab in pred_raw - gold_raw:
            per_label.setdefault(lab, Counter())["fp"] += 1
            errors.append({"id": rec.get("id"), "kind": "fp", "label": lab, "text": text[s:e], "start": s,
                           "context": text[max(0, s - 20) : e + 5]})
        for s, e, lab in gold_raw - pred_raw:
            per_label.setdefault(lab, Counter())["fn"] += 1
            errors.append({"id": rec.get("id"), "kind": "fn", "label": lab, "text": text[s:e], "start": s,
                           "context": text[max(0, s - 20) : e + 5]})
        doc = normalize_record(rec, "eval")
        true_tags.append(bio_tags(len(doc.text), doc.spans))
        pred_tags.append(bio_tags(len(norm.text), [(p.start, p.end, p.label) for p in preds]))

    tp = sum(d[0] for d in per_doc)
    fp = sum(d[1] for d in per_doc)
    fn = sum(d[2] for d in per_doc)
    p, r, f = prf(tp, fp, fn)
    labels_out = {}
    for lab, c in per_label.items():
        lp, lr, lf = prf(c["tp"], c["fp"], c["fn"])
        labels_out[lab] = {"precision": round(lp, 4), "recall": round(lr, 4), "f1": round(lf, 4),
                           "support": c["tp"] + c["fn"], "predicted": c["tp"] + c["fp"]}
    return {
        "documents": len(records),
        "chars": n_chars,
        "span": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn,
                 "f1_ci95": bootstrap_f1(per_doc, bootstrap, seed), "per_label": labels_out},
        "seqeval": seqeval_metrics(true_tags, pred_tags),
        "errors": errors,
    }


def evaluate_file(data_path: str | Path, model_dir: str | Path | None = None, *, bootstrap: int = 1000,
                  seed: int = 13, tagger: Any = None) -> dict[str, Any]:
    """Evaluate the model in ``model_dir`` (default: the shipped model) on a labelled JSONL file."""
    from ie.tagger import Tagger

    tagger = tagger or Tagger.load(model_dir)
    report = evaluate_records(list(read_jsonl(Path(data_path))), tagger, bootstrap=bootstrap, seed=seed)
    report["data"] = str(data_path)
    report["model"] = str(tagger.model_dir)
    return report


def standoff_errors(report: dict[str, Any]) -> dict[str, Any]:
    """The report with its error list reduced to stand-off form (id, kind, label, start, end): the text of
    real reports stays out of files the repository keeps (``metrics.json``)."""
    out = dict(report)
    out["errors"] = [{"id": e.get("id"), "kind": e.get("kind"), "label": e.get("label"), "start": e.get("start"),
                      "end": e["start"] + len(e["text"]) if "text" in e and e.get("start") is not None else e.get("end")}
                     for e in report.get("errors", [])]
    return out


def format_report(report: dict[str, Any]) -> str:
    """The printable report: span-level table, then the seqeval per-label table."""
    sp = report["span"]
    lines = [
        f"data: {report.get('data')}  model: {report.get('model')}",
        f"{report['documents']} documents, {report['chars']} chars",
        "",
        "span level (strict: raw start, end and label must all match)",
        f"{'label':<20}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}{'predicted':>10}",
    ]
    for lab, v in sp["per_label"].items():
        if v["support"] or v["predicted"]:
            lines.append(f"{lab:<20}{v['precision']:>10.4f}{v['recall']:>10.4f}{v['f1']:>10.4f}"
                         f"{v['support']:>9}{v['predicted']:>10}")
    lo, hi = sp["f1_ci95"]
    lines += [
        f"{'micro':<20}{sp['precision']:>10.4f}{sp['recall']:>10.4f}{sp['f1']:>10.4f}"
        f"{sp['tp'] + sp['fn']:>9}{sp['tp'] + sp['fp']:>10}",
        f"span F1 bootstrap 95% CI over documents: [{lo:.4f}, {hi:.4f}]",
        "",
        "seqeval (strict IOB2, normalized characters)",
        f"{'label':<20}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}",
    ]
    sq = report["seqeval"]
    for lab, v in sq["per_label"].items():
        lines.append(f"{lab:<20}{v['precision']:>10.4f}{v['recall']:>10.4f}{v['f1']:>10.4f}{v['support']:>9}")
    lines.append(f"{'micro':<20}{sq['precision']:>10.4f}{sq['recall']:>10.4f}{sq['f1']:>10.4f}")
    return "\n".join(lines)


def run_evaluate(data: Path, model: Path | None) -> str:
    """For ``govie evaluate --data FILE.jsonl [--model DIR]``: the printable report."""
    return format_report(evaluate_file(data, model))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    data = ap.add_mutually_exclusive_group(required=True)
    data.add_argument("--data", type=Path, help="a labelled JSONL file")
    data.add_argument("--heldout-frames", type=Path, metavar="CONFIG",
                      help="the synthetic paragraphs of the frames this training config holds out of training")
    ap.add_argument("--model", type=Path)
    ap.add_argument("--errors", action="store_true", help="also list the wrong spans")
    args = ap.parse_args(argv)
    if args.heldout_frames is not None:
        from ie.tagger import Tagger
        from training.dataset import heldout_frame_records
        from training.modeling import load_config

        cfg = load_config(args.heldout_frames)
        tagger = Tagger.load(args.model)
        report = evaluate_records(heldout_frame_records(cfg["data"]), tagger, bootstrap=200,
                                  seed=int(cfg.get("seed", 13)))
        report.update(data=f"frames held out by {args.heldout_frames}", model=str(tagger.model_dir))
    else:
        report = evaluate_file(args.data, args.model)
    print(format_report(report))
    if args.errors:
        for e in report["errors"]:
            print(f"{e['kind']} {e['id']} {e['label']:<18} {e['text']!r:<14} …{e['context']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
