"""Masked-language-model pretraining of the compact char BERT on unlabelled report text.

``python -m training.pretrain --config configs/default.yaml`` reads the ``pretrain`` section:

```yaml
pretrain:
  output_dir: runs/pretrain/default
  texts:                                   # JSONL files with a "text" field (never the dev set)
    - ../shared/corpus/excerpts.jsonl
    - ../shared/train/narrative.jsonl
  synth: {n: 2000, seed: 7}                # optional: synthetic paragraphs (python -m training.synth)
  seq_len: 256
  batch_size: 16
  max_steps: 900
  lr: 5.0e-4
  mlm_probability: 0.15
```

Texts are read and encoded one document at a time into blocks of ``seq_len`` ids kept as compact int16/int32
arrays, so millions of characters fit easily; clauses that share a 20-character run with the dev set are
removed first.  The vocabulary (``vocab.txt``) is built here from the same texts and then reused by
fine-tuning.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ie.normalize import normalize
from training.dataset import Doc, dev_ngrams, read_jsonl, remove_overlap, synth_file, window_bounds
from training.modeling import (
    build_project_vocab,
    load_config,
    resolve,
    set_seed,
    setup_threads,
    use_accelerator,
    write_vocab_and_tokenizer,
)

log = logging.getLogger("govie.pretrain")


def iter_clean_texts(paths: list[Path], dev_path: Path | None, n: int = 20) -> Iterator[tuple[str, int]]:
    """Normalized texts with dev-overlapping clauses removed; yields (text piece, chars removed)."""
    grams = dev_ngrams(dev_path, n) if dev_path else set()
    for path in paths:
        for rec in read_jsonl(path):
            doc = Doc(str(rec.get("id", "")), "", "", normalize(rec["text"]).text, [])
            pieces, removed, _ = remove_overlap(doc, grams, n)
            for i, p in enumerate(pieces):
                yield p.text, removed if i == 0 else 0
            if not pieces:
                yield "", removed


def make_blocks(texts: list[str], encoder, seq_len: int) -> list[np.ndarray]:
    """Blocks of ``[CLS] chars [SEP]`` of at most ``seq_len`` ids, cut at sentence ends; short ones packed."""
    body = seq_len - 2
    blocks: list[np.ndarray] = []
    pending: list[int] = []
    dtype = np.int16 if len(encoder.vocab) < 32_000 else np.int32
    for text in texts:
        for s, e in window_bounds(text, [], body):
            ids = encoder.encode(text[s:e])
            if len(pending) + len(ids) + 1 > body and pending:
                blocks.append(np.asarray([encoder.cls_id, *pending, encoder.sep_id], dtype=dtype))
                pending = []
            if pending:
                pending.append(encoder.sep_id)
            pending.extend(ids)
    if pending:
        blocks.append(np.asarray([encoder.cls_id, *pending[:body], encoder.sep_id], dtype=dtype))
    return blocks


class MLMCollator:
    """BERT masking (15 %: 80 % [MASK], 10 % random char, 10 % kept) over non-special positions."""

    def __init__(self, encoder, mlm_probability: float = 0.15, first_normal_id: int = 26) -> None:
        self.enc = encoder
        self.p = mlm_probability
        self.first_normal_id = first_normal_id
        self.vocab_size = len(encoder.vocab)

    def __call__(self, features: list[dict]) -> dict:
        import torch

        n = max(len(f["input_ids"]) for f in features)
        ids = torch.full((len(features), n), self.enc.pad_id, dtype=torch.long)
        mask = torch.zeros((len(features), n), dtype=torch.long)
        for i, f in enumerate(features):
            k = len(f["input_ids"])
            ids[i, :k] = torch.as_tensor(np.asarray(f["input_ids"], dtype=np.int64))
            mask[i, :k] = 1
        special = (ids == self.enc.cls_id) | (ids == self.enc.sep_id) | (mask == 0)
        prob = torch.full(ids.shape, self.p)
        prob.masked_fill_(special, 0.0)
        picked = torch.bernoulli(prob).bool()
        labels = ids.clone()
        labels[~picked] = -100
        replace = torch.bernoulli(torch.full(ids.shape, 0.8)).bool() & picked
        ids[replace] = self.enc.mask_id
        rand = torch.bernoulli(torch.full(ids.shape, 0.5)).bool() & picked & ~replace
        ids[rand] = torch.randint(self.first_normal_id, self.vocab_size, ids.shape)[rand]
        return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def _fast_mlm_class():
    """``BertForMaskedLM`` whose head runs on the masked positions only (about 20 % less compute)."""
    import torch.nn.functional as F
    from transformers import BertForMaskedLM
    from transformers.modeling_outputs import MaskedLMOutput

    class MaskedOnlyBertForMaskedLM(BertForMaskedLM):
        def forward(self, input_ids=None, attention_mask=None, labels=None, **kwargs):
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            if labels is None:
                return MaskedLMOutput(logits=self.cls(hidden))
            sel = labels != -100
            logits = self.cls(hidden[sel])
            return MaskedLMOutput(loss=F.cross_entropy(logits, labels[sel]), logits=logits)

    return MaskedOnlyBertForMaskedLM


class _Blocks:
    def __init__(self, blocks: list[np.ndarray]) -> None:
        self.blocks = blocks

    def __len__(self) -> int:
        return len(self.blocks)

    def __getitem__(self, i: int) -> dict:
        return {"input_ids": self.blocks[i]}


def pretrain(cfg: dict) -> Path:
    """Run the MLM stage of ``cfg`` and return the directory of the pretrained model."""
    import torch
    from transformers import Trainer, TrainingArguments

    pcfg = cfg["pretrain"]
    seed = int(cfg.get("seed", 13))
    set_seed(seed)
    threads = setup_threads(cfg.get("threads"))
    out_dir = resolve(pcfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    work = resolve(cfg.get("work_dir", "runs/default"))

    paths = [resolve(p) for p in pcfg.get("texts", [])]
    if pcfg.get("synth"):
        sp = synth_file(int(pcfg["synth"]["n"]), int(pcfg["synth"]["seed"]), work / "pretrain_synth.jsonl")
        if sp:
            paths.append(sp)
    dev = resolve(cfg["data"]["dev_path"]) if cfg.get("data", {}).get("dev_path") else None

    t0 = time.time()
    texts, removed = [], 0
    for text, rem in iter_clean_texts(paths, dev):
        removed += rem
        if text.strip():
            texts.append(text)
    n_chars = sum(len(t) for t in texts)
    tokens = build_project_vocab(texts, cfg.get("vocab"))
    encoder = write_vocab_and_tokenizer(tokens, out_dir)
    seq_len = int(pcfg.get("seq_len", 256))
    blocks = make_blocks(texts, encoder, seq_len)
    unk = sum(int((b == encoder.unk_id).sum()) for b in blocks)
    del texts
    log.info("pretraining text: %d chars in %d blocks, %d dev-overlap chars removed, vocab %d, %.1fs",
             n_chars, len(blocks), removed, len(tokens), time.time() - t0)

    from training.modeling import bert_config

    model = _fast_mlm_class()(bert_config(len(tokens), cfg.get("model", {})))
    args = TrainingArguments(
        output_dir=str(work / "pretrain_ckpt"),
        use_cpu=not use_accelerator(cfg),
        seed=seed,
        data_seed=seed,
        per_device_train_batch_size=int(pcfg.get("batch_size", 16)),
        learning_rate=float(pcfg.get("lr", 5e-4)),
        weight_decay=float(pcfg.get("weight_decay", 0.01)),
        warmup_steps=int(pcfg.get("warmup_steps", 60)),
        max_steps=int(pcfg.get("max_steps", 900)),
        lr_scheduler_type="linear",
        logging_steps=int(pcfg.get("logging_steps", 25)),
        save_strategy="steps",
        save_steps=int(pcfg.get("save_steps", 200)),
        save_total_limit=1,
        save_only_model=False,
        report_to=[],
        disable_tqdm=True,
        dataloader_num_workers=0,
        remove_unused_columns=False,
    )
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=_Blocks(blocks),
        data_collator=MLMCollator(encoder, float(pcfg.get("mlm_probability", 0.15))),
    )
    resume = pcfg.get("resume", False) and any((work / "pretrain_ckpt").glob("checkpoint-*"))
    t1 = time.time()
    result = trainer.train(resume_from_checkpoint=bool(resume) or None)
    train_s = time.time() - t1
    model.to("cpu").save_pretrained(str(out_dir))
    losses = [h for h in trainer.state.log_history if "loss" in h]
    meta = {
        "chars": n_chars,
        "blocks": len(blocks),
        "unk_tokens": unk,
        "dev_overlap_chars_removed": removed,
        "vocab_size": len(tokens),
        "threads": threads,
        "steps": int(result.global_step),
        "train_seconds": round(train_s, 1),
        "tokens_per_second": round(result.global_step * args.per_device_train_batch_size * seq_len / train_s),
        "final_loss": losses[-1]["loss"] if losses else None,
        "loss_curve": [(h["step"], round(h["loss"], 4)) for h in losses],
        "sources": [str(p) for p in paths],
        "torch": torch.__version__,
    }
    (out_dir / "pretrain_metrics.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    log.info("pretraining done: %s", {k: v for k, v in meta.items() if k != "loss_curve"})
    return out_dir


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--config", required=True)
    ap.add_argument("--max-steps", type=int, help="override pretrain.max_steps")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    cfg = load_config(args.config)
    if args.max_steps is not None:
        cfg["pretrain"]["max_steps"] = args.max_steps
    pretrain(cfg)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
