"""A tiny model trained for a few steps on synthetic text (written here), then used by the tagger;
and the path that fine-tunes a local pretrained checkpoint with its own vocabulary."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

TINY = {"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 128,
        "max_position_embeddings": 128, "dropout": 0.0, "attention_dropout": 0.0}

SUBJ = ["我局", "本机关", "县政府办", "我区", "街道办事处"]
FRAMES = [
    ("{s}全年主动公开政府信息{n}条。", "DISCLOSED_TOTAL", "条"),
    ("{s}收到政府信息公开申请{n}件。", "APPLICATIONS", "件"),
    ("{s}举办新闻发布会{n}场。", "PRESS_EVENTS", "场"),
    ("{s}组织培训{n}次。", "TRAINING", "次"),
]
NEG = ["{s}于{y}年制定制度{n}项。", "联系电话{t}。", "{s}下设{n}个科室。"]


def toy_records(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        parts, spans, pos = [], [], 0
        for _ in range(rng.randint(1, 3)):
            s = rng.choice(SUBJ)
            if rng.random() < 0.3:
                sent = rng.choice(NEG).format(s=s, y=rng.randint(2015, 2024), n=rng.randint(1, 50),
                                              t=rng.randint(10**7, 10**8))
            else:
                frame, label, unit = rng.choice(FRAMES)
                num = str(rng.randint(1, 3000))
                sent = frame.format(s=s, n=num)
                k = sent.index(num + unit)
                spans.append({"start": pos + k, "end": pos + k + len(num) + 1, "label": label})
            parts.append(sent)
            pos += len(sent)
        out.append({"id": f"toy{i}", "report": f"rep{i // 3}", "text": "".join(parts), "spans": spans})
    return out


def tiny_config(tmp: Path, **over) -> dict:
    cfg = {
        "seed": 7, "threads": 1, "work_dir": str(tmp / "work"), "output_dir": str(tmp / "model"),
        "vocab": {"n_common_cjk": 200}, "model": TINY, "base_model": None, "pretrain": None,
        "data": {"max_len": 64, "seed": 7, "sources": [
            {"name": "toy", "records": toy_records(240, 1), "weight": 1, "validation_fraction": 0.15}]},
        "train": {"epochs": 3, "batch_size": 8, "lr": 2e-3, "warmup_ratio": 0.05, "logging_steps": 1000},
    }
    cfg.update(over)
    return cfg


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> tuple[Path, dict]:
    from training.train import train

    tmp = tmp_path_factory.mktemp("tiny")
    metrics = train(tiny_config(tmp), evaluate_after=False)
    return tmp / "model", metrics


def test_tiny_training_learns_and_saves(tiny_model) -> None:
    model_dir, metrics = tiny_model
    for name in ("config.json", "model.safetensors", "vocab.txt", "labels.json", "metrics.json"):
        assert (model_dir / name).exists(), name
    saved = json.loads((model_dir / "metrics.json").read_text())
    epochs = saved["validation_per_epoch"]
    assert len(epochs) == 3, "seqeval metrics after every epoch"
    assert epochs[-1]["loss"] < epochs[0]["loss"], "the model learns"
    assert 0.0 <= metrics["validation_best"]["f1"] <= 1.0
    assert metrics["validation_best"]["f1"] == max(e["f1"] for e in epochs), "best epoch by validation F1"


def test_tagger_offsets_point_into_original(tiny_model) -> None:
    """Whatever the briefly trained model predicts is well formed and points into the original text."""
    from ie.normalize import normalize
    from ie.tagger import Tagger
    from training.evaluate import evaluate_records, format_report

    model_dir, _ = tiny_model
    tagger = Tagger.load(model_dir, threads=1)
    raw = "打印本页\n" + "".join(r["text"] for r in toy_records(6, 5)).replace("条", "條")
    norm = normalize(raw)
    probs, covered = tagger.predict_probs(norm.text, [(0, len(norm.text))])
    assert covered.any() and abs(float(probs[covered].sum(axis=1).mean()) - 1.0) < 1e-4
    items = tagger.tag(norm, [(0, len(norm.text))])
    for it in items:
        assert it["text"] == raw[it["start"] : it["end"]]
        assert set(it) == {"label", "text", "start", "end", "value", "unit", "approximate", "confidence"}
        assert 0.0 <= it["confidence"] <= 1.0
    rep = evaluate_records(toy_records(20, 99), tagger, bootstrap=50)
    assert 0.0 <= rep["span"]["f1"] <= 1.0 and rep["span"]["tp"] + rep["span"]["fn"] > 0
    assert "span level" in format_report(rep)


def test_onnx_runtime_gives_the_torch_spans(tiny_model) -> None:
    """Training ships a fused ONNX graph and a window of the trained length; the tagger runs the graph by
    default, without importing torch, with the probabilities and spans of the torch checkpoint."""
    import subprocess
    import sys

    import numpy as np

    from ie.normalize import normalize
    from ie.tagger import Tagger

    model_dir, _ = tiny_model
    opts = json.loads((model_dir / "govie_inference.json").read_text())
    assert opts["onnx"] == "model.onnx" and (model_dir / "model.onnx").exists()
    assert opts["window"] == 64 - 2, "the window is the fine-tuning length (data.max_len minus CLS/SEP)"
    ort, pt = Tagger.load(model_dir, threads=1), Tagger.load(model_dir, threads=1, runtime="torch")
    assert (ort.runtime, pt.runtime, ort.window) == ("onnx", "torch", 62)
    text = normalize("".join(r["text"] for r in toy_records(12, 8))).text  # long: several windows
    ranges = [(0, len(text))]
    p_ort, cov = ort.predict_probs(text, ranges)
    p_pt, _ = pt.predict_probs(text, ranges)
    assert cov.sum() > 2 * ort.window
    np.testing.assert_allclose(p_ort, p_pt, atol=1e-4)
    assert [(p.start, p.end, p.label) for p in ort.predict(text)] == [
        (p.start, p.end, p.label) for p in pt.predict(text)]
    code = ("import sys; from ie.tagger import Tagger; t = Tagger.load(sys.argv[1], threads=1); "
            "t.predict('我局收到政府信息公开申请12件。'); print(t.runtime, 'torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(model_dir)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["onnx", "False"]
    with pytest.raises(FileNotFoundError, match="no ONNX graph"):
        Tagger.load(model_dir, runtime="onnx", onnx_file="missing.onnx")


def test_local_pretrained_checkpoint_path(tmp_path: Path) -> None:
    """``base_model: DIR`` fine-tunes a local BERT with its own vocab (here a tiny one saved by the test)."""
    from transformers import BertConfig, BertModel

    from ie.tagger import Tagger
    from training.train import train

    base = tmp_path / "base"
    chars = sorted({ch for r in toy_records(50, 2) for ch in r["text"]})
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "[unused1]", *chars]
    base.mkdir()
    (base / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    BertModel(BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=64, max_position_embeddings=128)).save_pretrained(base)
    cfg = tiny_config(tmp_path, base_model=str(base))
    cfg["train"]["epochs"] = 1
    metrics = train(cfg, evaluate_after=False)
    assert "pretrained checkpoint" in metrics["start"]
    out = tmp_path / "model"
    assert (out / "vocab.txt").read_text(encoding="utf-8").split("\n")[: len(vocab)] == vocab
    tagger = Tagger.load(out, threads=1)
    assert len(tagger.encoder.vocab) == len(vocab)
    assert tagger.predict("我局收到政府信息公开申请12件。") is not None


def test_keyword_hints_path(tmp_path: Path) -> None:
    """``data.keyword_hints``: the model gets one token type per keyword label, the tagger feeds the hints
    at inference, and the hints change what the model sees."""
    import torch

    from ie.keywords import N_HINT_TYPES, keyword_hints
    from ie.tagger import Tagger
    from training.dataset import corrupt_hints
    from training.train import train

    cfg = tiny_config(tmp_path)
    cfg["data"]["keyword_hints"] = {"drop": 0.2, "swap": 0.05}
    cfg["train"]["epochs"] = 1
    train(cfg, evaluate_after=False)
    out = tmp_path / "model"
    assert json.loads((out / "govie_inference.json").read_text())["keyword_hints"] is True
    tagger = Tagger.load(out, threads=1, runtime="torch")
    assert tagger.keyword_hints and tagger.model.config.type_vocab_size == N_HINT_TYPES
    text = "我局收到政府信息公开申请12件。"
    hints = tagger.hints(text, [(0, len(text))])
    assert list(hints) == keyword_hints(text) and hints[text.index("12")] > 0
    ids = torch.tensor([[tagger.encoder.cls_id, *tagger.encoder.encode(text), tagger.encoder.sep_id]])
    with torch.inference_mode():
        plain = tagger.model(input_ids=ids).logits
        hinted = tagger.model(input_ids=ids, token_type_ids=torch.tensor([[0, *hints.tolist(), 0]])).logits
    assert not torch.allclose(plain, hinted)
    # the noise keeps runs whole: a hinted quantity is dropped, swapped or kept as one piece
    rng = random.Random(3)
    noisy = corrupt_hints([0, 5, 5, 5, 0, 2, 2], rng, drop=0.5, swap=0.5)
    assert noisy[0] == noisy[4] == 0 and len(set(noisy[1:4])) == 1 and len(set(noisy[5:7])) == 1
    assert corrupt_hints([0, 5, 5, 0], rng, drop=0.0, swap=0.0) == [0, 5, 5, 0]


def test_weight_soup_is_the_mean_and_loads(tiny_model, tmp_path: Path) -> None:
    """training.sweep.soup averages two fine-tuned runs weight by weight; the result is a model the tagger runs."""
    import shutil

    import torch
    from transformers import BertForTokenClassification

    from ie.tagger import Tagger
    from training.sweep import deep_merge, soup

    model_dir, _ = tiny_model
    other = tmp_path / "other"
    shutil.copytree(model_dir, other)
    m = BertForTokenClassification.from_pretrained(str(other)).float()
    with torch.no_grad():
        m.classifier.bias += 0.5
    m.save_pretrained(str(other))
    out = soup([model_dir, other], tmp_path / "soup")
    a = BertForTokenClassification.from_pretrained(str(model_dir)).float().classifier.bias
    got = BertForTokenClassification.from_pretrained(str(out)).float().classifier.bias
    assert torch.allclose(got, a + 0.25, atol=2e-3)  # the soup is stored in fp16
    assert "fusion" not in json.loads((out / "govie_inference.json").read_text())
    assert isinstance(Tagger.load(out).predict("我局收到政府信息公开申请12件。"), list)
    assert deep_merge({"a": {"b": 1, "c": 2}, "d": [1]}, {"a": {"b": 3}, "d": [2]}) == {"a": {"b": 3, "c": 2}, "d": [2]}


def test_sweep_plan_names_variants_and_rejects_clashes() -> None:
    """A sweep file may run variants of one MLM stage seed for seed; each run has its own name, and a clash
    (or a fine-tune of a pretrain the file does not define) fails before anything is trained."""
    import pytest

    from training.sweep import finetune_plan

    sw = {"pretrains": {"p1": {}},
          "finetunes": [{"pretrain": "p1", "seeds": [13, 1]},
                        {"pretrain": "p1", "name": "seg", "seeds": [13],
                         "overrides": {"data": {"segment_windows": 0.5}}}]}
    plan = finetune_plan(sw)
    assert [(n, v, s) for n, v, _, s, _ in plan] == [("ft_p1_s13", "p1", 13), ("ft_p1_s1", "p1", 1),
                                                      ("ft_seg_s13", "seg", 13)]
    assert plan[2][4] == {"data": {"segment_windows": 0.5}} and plan[0][4] == {}
    with pytest.raises(ValueError, match="ft_p1_s13"):
        finetune_plan({**sw, "finetunes": sw["finetunes"] + [{"pretrain": "p1", "seeds": [13]}]})
    with pytest.raises(ValueError, match="unknown pretrain"):
        finetune_plan({**sw, "finetunes": [{"pretrain": "p9", "seeds": [1]}]})
