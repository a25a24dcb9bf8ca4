"""Write ``MODEL_CARD.md`` for a trained model from its ``metrics.json`` (and a benchmark JSON, if given).

``python -m training.model_card --model models/default [--benchmark runs/benchmark.json]``
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def _table(rows: list[list[str]], header: list[str]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _size_mb(model_dir: Path) -> float:
    return sum(p.stat().st_size for p in model_dir.iterdir() if p.is_file()) / 1e6


def _vocab_size(model_dir: Path) -> int | str:
    path = model_dir / "vocab.txt"
    return len(path.read_text(encoding="utf-8").splitlines()) if path.exists() else "?"


def _decision(model_dir: Path) -> str:
    path = model_dir / "govie_inference.json"
    opts = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    fu = opts.get("fusion")
    if not fu:
        return "per-character tags, spans snapped to numeral+unit candidates"
    v = fu.get("validation", {})
    return ("each numeral+unit candidate decided by `a·log p(model) + b·[keyword label] + bias_o·[O]` "
            f"(a {fu['a']}, b {fu['b']}, bias_o {fu['bias_o']}; `python -m training.fusion --write`, fitted on the "
            "real validation split)"
            + (f", a label reported only when its fused probability is at least {fu['min_confidence']}"
               if fu.get("min_confidence") else "")
            + "; validation strict span F1: model alone "
            f"{v.get('model_alone', {}).get('f1')}, keyword rules alone {v.get('keywords_alone', {}).get('f1')}, "
            f"fusion (5-fold) {v.get('fusion_5fold', {}).get('f1')}")


def render(model_dir: Path, metrics: dict, bench: dict | None, notes: str = "") -> str:
    cfg = metrics.get("config", {})
    mcfg = cfg.get("model", {})
    ds = metrics.get("dataset", {})
    lines = [
        "# govie narrative model (`models/default`)",
        "",
        "Character-level `BertForTokenClassification` that tags the quantity spans of "
        "`../shared/spec/labels.md` (12 labels, IOB2) in the narrative sections of Chinese government "
        "information-disclosure annual reports. Used by `ie/tagger.py` (`govie extract`; `--model DIR` picks "
        "another).",
        "",
        "## Model",
        "",
        f"- start: {metrics.get('start')}",
        f"- size: {mcfg.get('num_hidden_layers')} layers, hidden {mcfg.get('hidden_size')}, "
        f"{mcfg.get('num_attention_heads')} heads, intermediate {mcfg.get('intermediate_size')}; "
        f"vocabulary {_vocab_size(model_dir)} (`vocab.txt`: project char vocab); "
        f"files on disk {_size_mb(model_dir):.1f} MB",
        "- keyword hints: " + (
            "yes: the label the keyword rules (`ie/keywords.py`) give each quantity is an input "
            "(`token_type_ids`, one type per label); training noise " + json.dumps(cfg["data"]["keyword_hints"])
            + " (per-source overrides in the config)" if cfg.get("data", {}).get("keyword_hints") else "no"),
        "- decision: " + _decision(model_dir),
        f"- fine-tuning: {metrics.get('epochs_run')} epochs, {metrics.get('steps')} steps, "
        f"{metrics.get('train_seconds')} s on {metrics.get('threads')} CPU threads "
        f"(+ {metrics.get('prep_seconds')} s data preparation)",
        f"- best checkpoint chosen by validation micro F1 (seqeval strict IOB2): "
        f"{metrics.get('validation_best', {}).get('f1')}",
        "",
        "## Data",
        "",
        _table(
            [[k, str(ds.get("docs", {}).get(k, "")), str(ds.get("chars", {}).get(k, "")),
              str(ds.get("dev_overlap_chars_removed", {}).get(k, "")),
              str(ds.get("windows", {}).get(f"{k}/train", "")),
              str(ds.get("windows", {}).get(f"{k}/train_weighted", ""))]
             for k in ds.get("docs", {})],
            ["source", "documents", "chars (normalized)", "chars removed (shared 20-char run with dev)",
             "train windows", "after weighting"],
        ),
        "",
        f"Validation windows: {ds.get('windows', {}).get('validation')} (split by report group; documents that "
        "share an 80-character run are one group). Spans per label in training: "
        + ", ".join(f"{k} {v}" for k, v in sorted(ds.get("train_spans_per_label", {}).items())) + ".",
        "",
    ]
    if ds.get("heldout_frames"):
        for name, h in ds["heldout_frames"].items():
            lines.append(f"Synthetic frames held out of training ({name}): {len(h['heldout'])} of {h['frames']}: "
                         + ", ".join(h["heldout"]) + ".")
        lines.append("")
    dev = metrics.get("dev")
    if dev:
        sp = dev["span"]
        lines += [
            "## Dev set (../shared/dev/narrative.jsonl: real, never trained on, never used for selection)",
            "",
            f"Strict span F1 (raw start, end and label all equal): **{sp['f1']:.4f}** "
            f"(P {sp['precision']:.4f}, R {sp['recall']:.4f}; bootstrap 95% CI over documents "
            f"[{sp['f1_ci95'][0]:.4f}, {sp['f1_ci95'][1]:.4f}]; {dev['documents']} documents, "
            f"{sp['tp'] + sp['fn']} gold spans).",
            "",
            _table([[k, f"{v['precision']:.3f}", f"{v['recall']:.3f}", f"{v['f1']:.3f}", str(v["support"]),
                     str(v["predicted"])] for k, v in sp["per_label"].items() if v["support"] or v["predicted"]],
                   ["label", "P", "R", "F1", "gold", "predicted"]),
            "",
            f"seqeval strict IOB2 micro F1 on normalized characters: {dev['seqeval']['f1']:.4f}.",
            "",
        ]
    syn = metrics.get("synthetic_heldout_frames")
    if syn:
        sp = syn["span"]
        lines += [
            "## Synthetic paragraphs from held-out frames",
            "",
            f"Strict span F1 **{sp['f1']:.4f}** (P {sp['precision']:.4f}, R {sp['recall']:.4f}, "
            f"CI [{sp['f1_ci95'][0]:.4f}, {sp['f1_ci95'][1]:.4f}]; {syn['documents']} paragraphs, "
            f"{sp['tp'] + sp['fn']} spans).",
            "",
        ]
    if bench:
        lines += ["## Speed and memory (`python -m training.benchmark`)", ""]
        rows = [[k, str(v["load_seconds"]), str(v["chars_per_second"]), str(v["spans"]),
                 str(v.get("span_differences_vs_torch_fp32", "?"))] for k, v in bench["variants"].items()]
        proc = bench.get("processes")
        if proc:
            rows.append([f"default runtime, {proc['processes']} processes × {proc['threads_each']} thread", "–",
                         str(proc["chars_per_second"]), "–", str(proc["span_differences_vs_torch_fp32"])])
        lines.append(_table(rows, ["variant", "load s (after imports)", "chars/s end to end", "spans",
                                   "spans differing from torch fp32"]))
        lines += ["", f"{bench['documents']} documents, {bench['chars']} chars of real narrative text timed; spans "
                  f"compared on {bench.get('agreement_documents', bench['documents'])} documents; imports of torch "
                  f"and the BERT classes {bench.get('import_seconds', '?')} s (not in the load; the ONNX runtime "
                  f"needs neither); threads {bench.get('threads')}; peak RSS {bench['peak_rss_mb']} MB.", ""]
    lines += [
        "## Reproduce",
        "",
        "```",
        "python -m training.pretrain --config configs/default.yaml   # MLM stage (its pretrain.output_dir)",
        "python -m training.train --config configs/default.yaml      # fine-tune, save here, evaluate",
        "python -m training.fusion --write                            # fit the fusion with the keyword rules",
        "python -m ie.calibration narrative --fit                     # confidence calibration map",
        "python -m training.benchmark --repeat 2 --threads 2 > runs/benchmark.json   # speed / memory",
        "python -m training.model_card --model models/default --benchmark runs/benchmark.json",
        "# on a lent GPU machine: seeds, variants and weight soups of this recipe, each measured the same way",
        "python -m training.sweep --sweep configs/sweep_gpu.yaml --out runs/sweep",
        "```",
        "",
    ]
    if notes:
        lines += ["## Notes", "", notes.strip(), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path, default=Path("models/default"))
    ap.add_argument("--benchmark", type=Path)
    ap.add_argument("--notes", type=Path, help="a markdown file appended as the Notes section")
    args = ap.parse_args(argv)
    metrics = json.loads((args.model / "metrics.json").read_text(encoding="utf-8"))
    bench = json.loads(args.benchmark.read_text(encoding="utf-8")) if args.benchmark else None
    notes = args.notes.read_text(encoding="utf-8") if args.notes else ""
    (args.model / "MODEL_CARD.md").write_text(render(args.model, metrics, bench, notes), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
