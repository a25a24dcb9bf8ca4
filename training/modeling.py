"""Shared pieces of pretraining, fine-tuning and evaluation: config, seeds, vocab, encoding, collation."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import yaml

from ie.vocab import CharEncoder, build_vocab, make_tokenizer, save_vocab

REPO = Path(__file__).resolve().parents[1]


def resolve(path: str | Path | None) -> Path | None:
    if path is None:
        return None
    p = Path(os.path.expanduser(str(path)))
    return p if p.is_absolute() else (REPO / p).resolve()


def load_config(path: str | Path) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def set_seed(seed: int) -> None:
    import numpy as np
    import torch

    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def setup_threads(n: int | None = None) -> int:
    """Torch intra-op threads: the config's value, else the number of usable cores (at most 4)."""
    import torch

    from ie.tagger import usable_cores

    if n is None:
        n = min(4, usable_cores())
    torch.set_num_threads(n)
    return n


def use_accelerator(cfg: dict) -> bool:
    """Whether training runs on a GPU: the config's ``device`` (``cpu``, the default, ``cuda`` or ``auto``).

    The shipped recipe runs on the CPU; ``cuda``/``auto`` are for a borrowed GPU machine (sweeps of seeds and
    variants), where the same code and config train in minutes instead of an hour.
    """
    device = str(cfg.get("device", "cpu")).lower()
    if device == "cpu":
        return False
    import torch

    if torch.cuda.is_available():
        return True
    if device == "cuda":
        raise RuntimeError("config asks for device: cuda, but torch sees no GPU")
    return False


def bert_config(vocab_size: int, model_cfg: dict, **extra):
    from transformers import BertConfig

    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=int(model_cfg.get("hidden_size", 256)),
        num_hidden_layers=int(model_cfg.get("num_hidden_layers", 4)),
        num_attention_heads=int(model_cfg.get("num_attention_heads", 4)),
        intermediate_size=int(model_cfg.get("intermediate_size", 1024)),
        max_position_embeddings=int(model_cfg.get("max_position_embeddings", 512)),
        hidden_dropout_prob=float(model_cfg.get("dropout", 0.1)),
        attention_probs_dropout_prob=float(model_cfg.get("attention_dropout", 0.1)),
        pad_token_id=0,
        **extra,
    )


def write_vocab_and_tokenizer(tokens: list[str], out_dir: Path) -> CharEncoder:
    """Save ``vocab.txt`` and the HF tokenizer files into ``out_dir``; return the char encoder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    save_vocab(tokens, out_dir / "vocab.txt")
    tok = make_tokenizer(out_dir / "vocab.txt")
    tok.save_pretrained(str(out_dir))
    return CharEncoder.from_vocab_file(out_dir / "vocab.txt")


def build_project_vocab(texts: list[str], vocab_cfg: dict | None = None) -> list[str]:
    vocab_cfg = vocab_cfg or {}
    return build_vocab(
        texts,
        n_common_cjk=int(vocab_cfg.get("n_common_cjk", 3500)),
        min_count=int(vocab_cfg.get("min_count", 1)),
    )


def encoder_for(model_dir: Path) -> CharEncoder:
    """The char encoder of a model directory: its ``vocab.txt``, else its tokenizer's vocab."""
    vocab = Path(model_dir) / "vocab.txt"
    if vocab.exists():
        return CharEncoder.from_vocab_file(vocab)
    from transformers import AutoTokenizer

    return CharEncoder.from_tokenizer(AutoTokenizer.from_pretrained(str(model_dir)))


def encode_text(encoder: CharEncoder, text: str) -> list[int]:
    """[CLS] + one id per character + [SEP]."""
    return [encoder.cls_id, *encoder.encode(text), encoder.sep_id]


def widen_token_types(model: Any, n: int) -> bool:
    """Give ``model`` ``n`` token types (the keyword hints), keeping the learnt type-0 embedding as the
    start of every new type.  Returns whether anything changed."""
    import torch

    emb = model.bert.embeddings.token_type_embeddings
    if emb.num_embeddings >= n:
        return False
    new = torch.nn.Embedding(n, emb.embedding_dim)
    with torch.no_grad():
        new.weight[:] = emb.weight[0]
        new.weight[: emb.num_embeddings] = emb.weight
    model.bert.embeddings.token_type_embeddings = new
    model.config.type_vocab_size = n
    return True


class PadCollator:
    """Dynamic padding of ``input_ids``/``labels`` (labels padded with -100) and, when present,
    ``token_type_ids`` (the keyword hints, padded with 0)."""

    def __init__(self, pad_id: int = 0, label_pad: int = -100) -> None:
        self.pad_id = pad_id
        self.label_pad = label_pad

    def __call__(self, features: list[dict]) -> dict:
        import torch

        n = max(len(f["input_ids"]) for f in features)
        ids = torch.full((len(features), n), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(features), n), dtype=torch.long)
        labels = torch.full((len(features), n), self.label_pad, dtype=torch.long)
        types = torch.zeros((len(features), n), dtype=torch.long) if "token_type_ids" in features[0] else None
        for i, f in enumerate(features):
            k = len(f["input_ids"])
            ids[i, :k] = torch.as_tensor(f["input_ids"])
            mask[i, :k] = 1
            if "labels" in f:
                labels[i, :k] = torch.as_tensor(f["labels"])
            if types is not None:
                types[i, :k] = torch.as_tensor(f["token_type_ids"])
        out = {"input_ids": ids, "attention_mask": mask, "labels": labels}
        if types is not None:
            out["token_type_ids"] = types
        return out
