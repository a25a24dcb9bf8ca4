"""Fine-tune the char BERT token classifier and ship it.

``python -m training.train --config configs/default.yaml``:

1. starting point: ``base_model`` (a local pretrained Chinese BERT, its own vocab), else the MLM stage's
   output (``pretrain.output_dir``, run ``python -m training.pretrain`` first), else random init with a
   vocabulary built from the training texts;
2. data: ``training.dataset.build_dataset`` (sources and weights from the config; dev overlap removed;
   split by report);
3. HF ``Trainer`` on CPU with fixed seeds; seqeval strict IOB2 on the validation split after each epoch;
   the best epoch by validation micro F1 is kept (the dev set is never used for selection);
4. the best model, its vocab/tokenizer, label map and all metrics go to ``output_dir``; then the model is
   evaluated on the dev set and on synthetic paragraphs of held-out frames (``training.evaluate``).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np

from ie.keywords import N_HINT_TYPES
from ie.labels import BIO_TAGS, id2label, label2id
from training.dataset import build_dataset
from training.modeling import (
    PadCollator,
    bert_config,
    build_project_vocab,
    encode_text,
    encoder_for,
    load_config,
    resolve,
    set_seed,
    setup_threads,
    use_accelerator,
    widen_token_types,
    write_vocab_and_tokenizer,
)

log = logging.getLogger("govie.train")


def seqeval_metrics(true_tags: list[list[str]], pred_tags: list[list[str]]) -> dict[str, Any]:
    """Strict IOB2 micro P/R/F1 and per-label scores."""
    from seqeval.metrics import classification_report, f1_score, precision_score, recall_score
    from seqeval.scheme import IOB2

    kw = {"mode": "strict", "scheme": IOB2}
    report = classification_report(true_tags, pred_tags, output_dict=True, zero_division=0, **kw)
    per_label = {
        k: {"precision": round(v["precision"], 4), "recall": round(v["recall"], 4),
            "f1": round(v["f1-score"], 4), "support": int(v["support"])}
        for k, v in report.items()
        if k not in ("micro avg", "macro avg", "weighted avg")
    }
    return {
        "precision": round(precision_score(true_tags, pred_tags, zero_division=0, **kw), 4),
        "recall": round(recall_score(true_tags, pred_tags, zero_division=0, **kw), 4),
        "f1": round(f1_score(true_tags, pred_tags, zero_division=0, **kw), 4),
        "per_label": per_label,
    }


def logits_to_tags(predictions: np.ndarray, labels: np.ndarray,
                   o_scale: float = 1.0) -> tuple[list[list[str]], list[list[str]]]:
    """Gold and predicted tags (predicted with the tagger's decoding, ``ie.tagger.decode_spans``, after
    the same prior correction of ``O`` as the tagger applies)."""
    from ie.labels import bio_tags
    from ie.tagger import decode_spans

    true_tags, pred_tags = [], []
    for p_row, l_row in zip(predictions, labels):
        keep = l_row != -100
        true_tags.append([id2label[int(x)] for x in l_row[keep]])
        logits = p_row[keep].astype(np.float64)
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        if o_scale != 1.0:
            probs[:, label2id["O"]] *= o_scale
            probs /= probs.sum(axis=1, keepdims=True)
        pred_tags.append(bio_tags(len(probs), decode_spans(probs, id2label)))
    return true_tags, pred_tags


def _start_model(cfg: dict, texts_for_vocab: list[str], work: Path):
    """(model, encoder, source_dir_of_vocab, description) for the configured starting point."""
    from transformers import BertForTokenClassification

    kw = {"num_labels": len(BIO_TAGS), "id2label": dict(id2label), "label2id": dict(label2id)}
    init = resolve(cfg.get("init_from"))
    if init is not None:  # continue from an earlier fine-tuned model (a second training stage)
        model = BertForTokenClassification.from_pretrained(str(init), **kw).float()  # shipped weights are fp16
        return model, encoder_for(init), init, f"continued from fine-tuned {init}"
    base = resolve(cfg.get("base_model"))
    if base is not None:
        model = BertForTokenClassification.from_pretrained(str(base), ignore_mismatched_sizes=True, **kw)
        return model, encoder_for(base), base, f"pretrained checkpoint {base}"
    pdir = resolve(cfg.get("pretrain", {}).get("output_dir")) if cfg.get("pretrain") else None
    if pdir is not None and (pdir / "config.json").exists() and cfg.get("use_pretrain", True):
        model = BertForTokenClassification.from_pretrained(str(pdir), **kw)
        return model, encoder_for(pdir), pdir, f"MLM-pretrained {cfg['pretrain']['output_dir']}" + _pretrain_summary(pdir)
    vocab_dir = work / "vocab"
    tokens = build_project_vocab(texts_for_vocab, cfg.get("vocab"))
    encoder = write_vocab_and_tokenizer(tokens, vocab_dir)
    model = BertForTokenClassification(bert_config(len(tokens), cfg.get("model", {}), **kw))
    return model, encoder, vocab_dir, "random init (no pretraining)"


def _pretrain_summary(pdir: Path) -> str:
    path = pdir / "pretrain_metrics.json"
    if not path.exists():
        return ""
    m = json.loads(path.read_text(encoding="utf-8"))
    loss = m.get("final_loss")
    return f" ({m.get('steps')} MLM steps, final loss " + (f"{loss:.2f})" if loss is not None else "not logged)")


def _weighted_trainer_class(o_weight: float):
    """A ``Trainer`` whose token loss weighs the ``O`` tag by ``o_weight`` (< 1 pushes the model past the
    all-``O`` plateau sooner: quantity characters are about 3 % of the text)."""
    import torch
    from transformers import Trainer

    class WeightedTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            labels = inputs.pop("labels")
            outputs = model(**inputs)
            logits = outputs.logits
            weight = torch.ones(logits.shape[-1], device=logits.device)
            weight[label2id["O"]] = o_weight
            loss = torch.nn.functional.cross_entropy(
                logits.view(-1, logits.shape[-1]), labels.view(-1), weight=weight, ignore_index=-100
            )
            return (loss, outputs) if return_outputs else loss

    return WeightedTrainer


class _StopAfterEpochs:
    """Stop after ``n`` epochs while keeping the learning-rate schedule of ``train.epochs``."""

    def __new__(cls, n: int):
        from transformers import TrainerCallback

        class StopAfterEpochs(TrainerCallback):
            def on_epoch_end(self, args, state, control, **kwargs):
                if state.epoch is not None and state.epoch >= n - 1e-6:
                    control.should_training_stop = True
                return control

        return StopAfterEpochs()


class _TimeLimit:
    """Stop training (after the current step) when ``minutes`` have passed."""

    def __new__(cls, minutes: float):
        from transformers import TrainerCallback

        class TimeLimit(TrainerCallback):
            def __init__(self) -> None:
                self.t0 = time.time()

            def on_step_end(self, args, state, control, **kwargs):
                if time.time() - self.t0 > minutes * 60:
                    log.warning("time limit of %.0f min reached at step %d", minutes, state.global_step)
                    control.should_training_stop = True
                    control.should_evaluate = True
                    control.should_save = True
                return control

        return TimeLimit()


def train(cfg: dict, *, evaluate_after: bool = True) -> dict[str, Any]:
    import torch
    from datasets import Dataset
    from transformers import EarlyStoppingCallback, Trainer, TrainingArguments

    seed = int(cfg.get("seed", 13))
    set_seed(seed)
    threads = setup_threads(cfg.get("threads"))
    work = resolve(cfg.get("work_dir", "runs/default"))
    work.mkdir(parents=True, exist_ok=True)
    out_dir = resolve(cfg["output_dir"])
    tcfg = cfg.get("train", {})

    t0 = time.time()
    dd, stats = build_dataset(cfg["data"], return_stats=True, work_dir=work)
    log.info("dataset: %s", json.dumps(stats.as_dict(), ensure_ascii=False))
    if stats.heldout_records:
        with (work / "heldout_synth.jsonl").open("w", encoding="utf-8") as fh:
            for r in stats.heldout_records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    model, encoder, vocab_src, start_desc = _start_model(cfg, list(dd["train"]["text"]), work)
    log.info("start: %s; params %.2fM", start_desc, sum(p.numel() for p in model.parameters()) / 1e6)

    use_hints = "hints" in dd["train"].column_names
    if use_hints and widen_token_types(model, N_HINT_TYPES):
        log.info("token types widened to %d for the keyword hints", N_HINT_TYPES)

    def encode(batch: dict) -> dict:
        ids = [encode_text(encoder, t) for t in batch["text"]]
        labels = [[-100, *lab, -100] for lab in batch["labels"]]
        out = {"input_ids": ids, "labels": labels}
        if use_hints:
            out["token_type_ids"] = [[0, *h, 0] for h in batch["hints"]]
        return out

    cols = ["input_ids", "labels", "token_type_ids"] if use_hints else ["input_ids", "labels"]
    train_ds: Dataset = dd["train"].map(encode, batched=True, remove_columns=dd["train"].column_names)
    val_ds: Dataset = dd["validation"].map(encode, batched=True, remove_columns=dd["validation"].column_names)
    train_ds.set_format(columns=cols)
    val_ds.set_format(columns=cols)

    epoch_log: list[dict] = []

    def compute_metrics(eval_pred) -> dict[str, float]:
        preds, labels = eval_pred.predictions, eval_pred.label_ids
        true_tags, pred_tags = logits_to_tags(np.asarray(preds), np.asarray(labels),
                                              1.0 / float(tcfg.get("o_weight", 1.0)))
        m = seqeval_metrics(true_tags, pred_tags)
        epoch_log.append(m)
        return {"precision": m["precision"], "recall": m["recall"], "f1": m["f1"]}

    ckpt_dir = work / "checkpoints"
    args = TrainingArguments(
        output_dir=str(ckpt_dir),
        use_cpu=not use_accelerator(cfg),
        seed=seed,
        data_seed=seed,
        num_train_epochs=float(tcfg.get("epochs", 5)),
        max_steps=int(tcfg.get("max_steps", -1)),
        per_device_train_batch_size=int(tcfg.get("batch_size", 16)),
        per_device_eval_batch_size=32,
        learning_rate=float(tcfg.get("lr", 3e-4)),
        weight_decay=float(tcfg.get("weight_decay", 0.01)),
        warmup_steps=float(tcfg.get("warmup_ratio", 0.06)),
        lr_scheduler_type="linear",
        eval_strategy="epoch",
        save_strategy="epoch",
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="f1",
        greater_is_better=True,
        logging_steps=int(tcfg.get("logging_steps", 50)),
        report_to=[],
        disable_tqdm=True,
        dataloader_num_workers=0,
        remove_unused_columns=False,
        save_only_model=True,
    )
    callbacks = []
    if tcfg.get("early_stopping_patience"):
        callbacks.append(EarlyStoppingCallback(early_stopping_patience=int(tcfg["early_stopping_patience"])))
    if tcfg.get("max_minutes"):
        callbacks.append(_TimeLimit(float(tcfg["max_minutes"])))
    if tcfg.get("stop_after_epochs"):
        callbacks.append(_StopAfterEpochs(int(tcfg["stop_after_epochs"])))
    o_weight = float(tcfg.get("o_weight", 1.0))
    trainer_cls = Trainer if o_weight == 1.0 else _weighted_trainer_class(o_weight)
    trainer = trainer_cls(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=val_ds,
        data_collator=PadCollator(pad_id=encoder.pad_id),
        compute_metrics=compute_metrics,
        callbacks=callbacks,
    )
    t1 = time.time()
    result = trainer.train()
    train_seconds = time.time() - t1
    history = [h for h in trainer.state.log_history if "eval_f1" in h]
    best = trainer.evaluate()

    # ---- ship (vocab files first copied aside: the start may be the output dir itself)
    staged = work / "vocab_staged"
    staged.mkdir(parents=True, exist_ok=True)
    for name in ("vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (vocab_src / name).exists():
            shutil.copy(vocab_src / name, staged / name)
    vocab_src = staged
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    model = trainer.model.to("cpu")  # saved and exported from the CPU, whatever trained it
    if tcfg.get("save_fp16", False):
        model = model.half()
    model.save_pretrained(str(out_dir))
    model.float()
    for name in ("vocab.txt", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        if (vocab_src / name).exists():
            shutil.copy(vocab_src / name, out_dir / name)
    (out_dir / "labels.json").write_text(
        json.dumps({"id2label": id2label, "label2id": label2id}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    (out_dir / "govie_inference.json").write_text(
        json.dumps(inference_options(cfg, use_hints, out_dir), indent=1), encoding="utf-8")
    n_train_tokens = sum(len(x) for x in train_ds["input_ids"])
    metrics: dict[str, Any] = {
        "start": start_desc,
        "config": cfg,
        "dataset": stats.as_dict(),
        "train_windows": len(train_ds),
        "validation_windows": len(val_ds),
        "train_tokens_per_epoch": n_train_tokens,
        "epochs_run": round(float(result.metrics.get("epoch", 0)), 2),
        "steps": int(result.global_step),
        "train_seconds": round(train_seconds, 1),
        "prep_seconds": round(t1 - t0, 1),
        "threads": threads,
        "torch": torch.__version__,
        "validation_per_epoch": [
            {"epoch": h.get("epoch"), "f1": h.get("eval_f1"), "precision": h.get("eval_precision"),
             "recall": h.get("eval_recall"), "loss": h.get("eval_loss")}
            for h in history
        ],
        "validation_best": {"f1": best.get("eval_f1"), "precision": best.get("eval_precision"),
                            "recall": best.get("eval_recall"),
                            "per_label": epoch_log[-1]["per_label"] if epoch_log else {}},
        "best_checkpoint": trainer.state.best_model_checkpoint,
    }
    _write_metrics(out_dir, metrics)
    log.info("saved %s (validation F1 %.4f) in %.0fs", out_dir, best.get("eval_f1", float("nan")), train_seconds)

    if evaluate_after:
        from training.evaluate import evaluate_file

        ev_cfg = cfg.get("eval", {})
        dev = resolve(ev_cfg.get("dev_path")) if ev_cfg.get("dev_path") else None
        if dev is not None and dev.exists():
            from training.evaluate import standoff_errors

            metrics["dev"] = standoff_errors(evaluate_file(dev, out_dir, bootstrap=int(ev_cfg.get("bootstrap", 1000)),
                                                           seed=seed))
            log.info("dev strict span F1 %.4f %s", metrics["dev"]["span"]["f1"], metrics["dev"]["span"]["f1_ci95"])
        held = work / "heldout_synth.jsonl"
        if stats.heldout_records and held.exists():
            metrics["synthetic_heldout_frames"] = evaluate_file(held, out_dir, bootstrap=200, seed=seed)
            log.info("held-out-frame synthetic span F1 %.4f", metrics["synthetic_heldout_frames"]["span"]["f1"])
        _write_metrics(out_dir, metrics)
    return metrics


def inference_options(cfg: dict, use_hints: bool, out_dir: Path) -> dict[str, Any]:
    """The tagger's settings for a model saved in ``out_dir`` (its ``govie_inference.json``).

    The window is the length fine-tuning trained (``data.max_len`` minus [CLS] and [SEP]): a model trained
    from scratch on 128-token windows never learnt the position embeddings beyond them, and running it on
    longer windows cost 0.04 F1 on the validation split.  With ``inference.onnx`` (default on, when
    onnxruntime is installed) the saved weights are also exported as a fused ONNX graph (``model.onnx``),
    which the tagger then runs instead of torch (same spans, faster, no torch import).
    """
    icfg = cfg.get("inference", {})
    window = int(cfg.get("data", {}).get("max_len", 128)) - 2
    opts: dict[str, Any] = {"quantize": bool(icfg.get("quantize", False)), "window": window,
                            "overlap": min(48, window // 4), "keyword_hints": use_hints,
                            "o_scale": 1.0 / float(cfg.get("train", {}).get("o_weight", 1.0))}
    from ie.onnx_model import export_available, export_onnx

    if icfg.get("onnx", True) and export_available():
        opts["onnx"] = export_onnx(out_dir, "model.onnx", quantize=False).name
    return opts


def _write_metrics(out_dir: Path, metrics: dict) -> None:
    (out_dir / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1, default=str),
                                          encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", required=True)
    ap.add_argument("--output-dir", help="override output_dir")
    ap.add_argument("--work-dir", help="override work_dir")
    ap.add_argument("--init-from", help="start from this fine-tuned model dir (a second stage)")
    ap.add_argument("--epochs", type=float, help="override train.epochs")
    ap.add_argument("--lr", type=float, help="override train.lr")
    ap.add_argument("--no-eval", action="store_true", help="skip the dev/held-out evaluation after training")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    cfg = load_config(args.config)
    if args.output_dir:
        cfg["output_dir"] = args.output_dir
    if args.work_dir:
        cfg["work_dir"] = args.work_dir
    if args.init_from:
        cfg["init_from"] = args.init_from
    if args.epochs is not None:
        cfg["train"]["epochs"] = args.epochs
    if args.lr is not None:
        cfg["train"]["lr"] = args.lr
    train(cfg, evaluate_after=not args.no_eval)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
