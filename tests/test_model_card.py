"""The model card is rendered from the saved metrics and a benchmark JSON (no model run needed)."""

from __future__ import annotations

import json
from pathlib import Path

from training.model_card import render


def test_card_shows_dev_scores_and_runtime_agreement(tmp_path: Path) -> None:
    (tmp_path / "vocab.txt").write_text("[PAD]\n[UNK]\n我\n", encoding="utf-8")
    (tmp_path / "govie_inference.json").write_text(json.dumps({"window": 126}), encoding="utf-8")
    span = {"f1": 0.8, "precision": 0.75, "recall": 0.857, "f1_ci95": [0.7, 0.9], "tp": 6, "fn": 1,
            "per_label": {"APPLICATIONS": {"precision": 0.75, "recall": 0.857, "f1": 0.8, "support": 7,
                                           "predicted": 8}}}
    metrics = {"config": {"model": {"num_hidden_layers": 4}}, "dataset": {},
               "dev": {"span": span, "documents": 3, "seqeval": {"f1": 0.81}}}
    bench = {"documents": 2, "chars": 100, "agreement_documents": 5, "threads": 2, "peak_rss_mb": 500,
             "variants": {"torch_fp32": {"load_seconds": 1.0, "chars_per_second": 10, "spans": 4,
                                         "span_differences_vs_torch_fp32": 0},
                          "onnx:model.onnx": {"load_seconds": 0.1, "chars_per_second": 20, "spans": 4,
                                              "span_differences_vs_torch_fp32": 0}},
             "processes": {"processes": 2, "threads_each": 1, "chars_per_second": 30,
                           "span_differences_vs_torch_fp32": 0}}
    card = render(tmp_path, metrics, bench, "a note")
    assert "**0.8000**" in card and "[0.7000, 0.9000]" in card
    assert "| APPLICATIONS | 0.750 | 0.857 | 0.800 | 7 | 8 |" in card
    assert "| onnx:model.onnx | 0.1 | 20 | 4 | 0 |" in card
    assert "| default runtime, 2 processes × 1 thread | – | 30 | – | 0 |" in card
    assert card.rstrip().endswith("a note")
