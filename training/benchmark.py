"""Speed and memory of the narrative tagger (a script, not a timed test).

``python -m training.benchmark [--model DIR] [--data FILE.jsonl ...] [--repeat 3] [--threads 2]``

Measures, on real narrative text (default: the texts of ../shared/dev and ../shared/train):

* import time of torch and transformers' BERT (reported apart), then the model load time after imports
  (``Tagger.load``: weights, vocabulary, jieba's dictionary when the model reads keyword hints);
* end-to-end throughput in characters of input per second (normalize + tag, narrative = whole text);
* peak resident memory of the process;
* for each runtime (torch fp32, torch dynamic int8, and every ``*.onnx`` graph of the model directory
  under ONNX Runtime): speed, and whether it gives exactly the same spans as torch fp32 (on every text,
  including ``--agree-data``, which is only checked, not timed);
* the default runtime in ``--processes`` worker processes of one thread each (``govie extract --jobs``).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DEFAULT_DATA = [SHARED / "dev" / "narrative.jsonl", SHARED / "train" / "narrative.jsonl"]
DEFAULT_AGREE = [SHARED / "corpus" / "excerpts.jsonl"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_TAGGER: dict = {}


def _init_worker(model_dir: Path | None) -> None:
    from ie.tagger import Tagger

    _TAGGER["t"] = Tagger.load(model_dir, threads=1)


def _tag_one(text: str) -> list[tuple[int, int, str]]:
    from ie.normalize import normalize

    return [(i["start"], i["end"], i["label"]) for i in _TAGGER["t"].tag(normalize(text))]


def _processes(model_dir: Path | None, texts: list[str], extra: list[str], n: int, repeat: int,
               n_chars: int, reference: set) -> dict:
    """The default runtime in ``n`` worker processes of one thread each (what ``govie extract --jobs``
    does with a folder): throughput over the timed texts and span identity with torch fp32."""
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(n, initializer=_init_worker, initargs=(model_dir,)) as pool:
        pool.map(_tag_one, texts[:40], chunksize=1)  # warm-up: every worker loaded and ran
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            items = pool.map(_tag_one, texts, chunksize=4)
            best = min(best, time.perf_counter() - t0)
        items += pool.map(_tag_one, extra, chunksize=4)
    spans = {(k, *sp) for k, doc in enumerate(items) for sp in doc}
    diff = len(spans ^ reference)
    return {"processes": n, "threads_each": 1, "seconds": round(best, 3), "chars_per_second": round(n_chars / best),
            "span_differences_vs_torch_fp32": diff, "same_spans_as_torch_fp32": diff == 0}


def run(model_dir: Path | None, data: list[Path], repeat: int, threads: int | None,
        agree_data: list[Path] | None = None, processes: int = 2) -> dict:
    t_imp = time.perf_counter()
    import torch  # noqa: F401  (imports are not part of the load time)
    from transformers import BertForTokenClassification  # noqa: F401  (transformers imports lazily)

    from ie.normalize import normalize
    from ie.tagger import Tagger, resolve_model_dir
    from training.dataset import read_jsonl

    texts = [r["text"] for p in data if p.exists() for r in read_jsonl(p)]
    extra = [r["text"] for p in agree_data or [] if p.exists() for r in read_jsonl(p)]
    n_chars = sum(len(t) for t in texts)
    out: dict = {"documents": len(texts), "chars": n_chars, "agreement_documents": len(texts) + len(extra),
                 "import_seconds": round(time.perf_counter() - t_imp, 2), "variants": {}}
    rss_before = peak_rss_mb()
    variants: list[tuple[str, dict]] = [("torch_fp32", {"runtime": "torch", "quantize": False}),
                                        ("torch_int8", {"runtime": "torch", "quantize": True})]
    for graph in sorted(resolve_model_dir(model_dir).glob("*.onnx")):
        variants.append((f"onnx:{graph.name}", {"runtime": "onnx", "onnx_file": graph.name}))
    spans_of: dict[str, set] = {}
    for variant, kw in variants:
        t0 = time.perf_counter()
        tagger = Tagger.load(model_dir, threads=threads, **kw)
        load_s = time.perf_counter() - t0
        tagger.tag(normalize(texts[0]))  # warm-up
        best = float("inf")
        for _ in range(repeat):
            t1 = time.perf_counter()
            items = [tagger.tag(normalize(t)) for t in texts]
            best = min(best, time.perf_counter() - t1)
        items += [tagger.tag(normalize(t)) for t in extra]
        spans_of[variant] = {(k, i["start"], i["end"], i["label"]) for k, it in enumerate(items) for i in it}
        diff = len(spans_of[variant] ^ spans_of["torch_fp32"])
        out["variants"][variant] = {
            "load_seconds": round(load_s, 3),
            "seconds": round(best, 3),
            "chars_per_second": round(n_chars / best),
            "spans": len(spans_of[variant]),
            "span_differences_vs_torch_fp32": diff,
            "same_spans_as_torch_fp32": diff == 0,
        }
        print(variant, json.dumps(out["variants"][variant]), file=sys.stderr, flush=True)
    if processes > 1:
        out["processes"] = _processes(model_dir, texts, extra, processes, repeat, n_chars, spans_of["torch_fp32"])
        print("processes", json.dumps(out["processes"]), file=sys.stderr, flush=True)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    out["rss_before_load_mb"] = round(rss_before, 1)
    out["threads"] = threads
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path)
    ap.add_argument("--data", type=Path, nargs="*", default=DEFAULT_DATA)
    ap.add_argument("--agree-data", type=Path, nargs="*", default=DEFAULT_AGREE,
                    help="texts only checked for the same spans across runtimes (not timed)")
    ap.add_argument("--processes", type=int, default=2,
                    help="also time the default runtime in this many 1-thread worker processes (0: skip)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.model, args.data, args.repeat, args.threads, args.agree_data, args.processes), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
