"""The narrative model as an ONNX Runtime graph: export (training side) and inference (no torch needed).

Why: on 2 CPU cores the BERT forward pass is most of the tagger's time.  ONNX Runtime with the BERT ops
fused (``onnxruntime.transformers.optimizer``: EmbedLayerNormalization, Attention, BiasGelu,
SkipLayerNormalization) and dynamic int8 weights runs the same model faster than torch, and the tagger
then never imports torch, which also cuts several seconds of start-up.  ``training/benchmark.py``
measures each runtime and whether it gives the same spans as torch fp32 before one is switched on in
``govie_inference.json`` (``"onnx": "<file>"``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import warnings
from pathlib import Path
from typing import Any

import numpy as np


def runtime_available() -> bool:
    """Is ONNX Runtime installed (enough to run a shipped graph)?"""
    return importlib.util.find_spec("onnxruntime") is not None


def export_available() -> bool:
    """Can this environment export a graph (torch, onnx and onnxruntime's optimizer)?"""
    return all(importlib.util.find_spec(m) is not None for m in ("onnxruntime", "onnx", "torch"))


class OnnxTokenClassifier:
    """An ONNX token classifier with the interface the tagger needs: ``run_numpy`` and ``config``."""

    def __init__(self, onnx_path: str | Path, config_path: str | Path, threads: int = 2) -> None:
        import onnxruntime as ort

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.path = Path(onnx_path)
        self.session = ort.InferenceSession(str(onnx_path), opts, providers=["CPUExecutionProvider"])
        self.input_names = {i.name for i in self.session.get_inputs()}
        cfg = json.loads(Path(config_path).read_text(encoding="utf-8"))
        self.config = _Config(cfg)

    def run_numpy(self, ids: np.ndarray, mask: np.ndarray, types: np.ndarray | None) -> np.ndarray:
        """Logits ``(batch, length, n_tags)`` for int64 arrays ``(batch, length)``."""
        feed = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.input_names:
            feed["token_type_ids"] = types if types is not None else np.zeros_like(ids)
        return self.session.run(["logits"], feed)[0]


class _Config:
    """The few fields of a BERT ``config.json`` the tagger reads."""

    def __init__(self, cfg: dict[str, Any]) -> None:
        self.id2label = cfg["id2label"]
        self.max_position_embeddings = int(cfg.get("max_position_embeddings", 512))
        self.type_vocab_size = int(cfg.get("type_vocab_size", 2))


def export_onnx(model_dir: str | Path, out_name: str = "model.onnx", *, quantize: bool = False) -> Path:
    """Write ``model_dir/out_name``: the torch checkpoint exported (TorchScript exporter, eager
    attention so that the optimizer recognises the attention pattern), its BERT ops fused, and with
    ``quantize`` its MatMul weights made int8 (dynamic quantization, per output channel)."""
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer
    from transformers import BertForTokenClassification

    model_dir = Path(model_dir)
    model = BertForTokenClassification.from_pretrained(str(model_dir), dtype=torch.float32,
                                                       attn_implementation="eager").eval()

    class _Logits(torch.nn.Module):
        def __init__(self, m: Any) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.m(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).logits

    ids = torch.full((2, 16), 5, dtype=torch.long)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    out = model_dir / out_name
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raw = os.path.join(tmp, "raw.onnx")
        torch.onnx.export(_Logits(model), (ids, torch.ones_like(ids), torch.zeros_like(ids)), raw,
                          dynamo=False, opset_version=17, input_names=names, output_names=["logits"],
                          dynamic_axes={k: {0: "batch", 1: "length"} for k in [*names, "logits"]})
        cfg = model.config
        fused = optimizer.optimize_model(raw, model_type="bert", num_heads=cfg.num_attention_heads,
                                         hidden_size=cfg.hidden_size)
        if not quantize:
            fused.save_model_to_file(str(out))
            return out
        fused_path = os.path.join(tmp, "fused.onnx")
        fused.save_model_to_file(fused_path)
        quantize_dynamic(fused_path, str(out), weight_type=QuantType.QInt8, per_channel=True,
                         extra_options={"DefaultTensorType": 1})  # 1 = FLOAT: types the fused ops hide
    return out
