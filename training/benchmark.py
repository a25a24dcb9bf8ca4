"""Speed and memory of the narrative tagger (a script, not a timed test).

``python -m training.benchmark [--model DIR] [--data FILE.jsonl ...] [--repeat 3] [--threads 2]``

Measures, on real narrative text (default: the texts of ../shared/dev and ../shared/train):

* import time of torch and transformers' BERT (reported apart), then the model load time after imports
  (``Tagger.load``: weights, vocabulary, jieba's dictionary when the model reads keyword hints);
* end-to-end throughput in characters of input per second (normalize + tag, narrative = whole text);
* peak resident memory of the process;
* for torch fp32 and torch dynamic int8: speed, and whether they give the same spans.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = [REPO.parent / "shared" / "dev" / "narrative.jsonl", REPO.parent / "shared" / "train" / "narrative.jsonl"]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(model_dir: Path | None, data: list[Path], repeat: int, threads: int | None) -> dict:
    t_imp = time.perf_counter()
    import torch  # noqa: F401  (imports are not part of the load time)
    from transformers import BertForTokenClassification  # noqa: F401  (transformers imports lazily)

    from ie.normalize import normalize
    from ie.tagger import Tagger
    from training.dataset import read_jsonl

    texts = [r["text"] for p in data if p.exists() for r in read_jsonl(p)]
    n_chars = sum(len(t) for t in texts)
    out: dict = {"documents": len(texts), "chars": n_chars, "import_seconds": round(time.perf_counter() - t_imp, 2),
                 "variants": {}}
    rss_before = peak_rss_mb()
    spans_of: dict[str, list] = {}
    for variant, quantize in (("torch_fp32", False), ("torch_int8", True)):
        t0 = time.perf_counter()
        tagger = Tagger.load(model_dir, quantize=quantize, threads=threads)
        load_s = time.perf_counter() - t0
        # warm-up on one text
        tagger.tag(normalize(texts[0]))
        best = float("inf")
        for _ in range(repeat):
            t1 = time.perf_counter()
            items = [tagger.tag(normalize(t)) for t in texts]
            best = min(best, time.perf_counter() - t1)
        spans_of[variant] = [[(i["start"], i["end"], i["label"]) for i in it] for it in items]
        out["variants"][variant] = {
            "load_seconds": round(load_s, 3),
            "seconds": round(best, 3),
            "chars_per_second": round(n_chars / best),
            "spans": sum(len(x) for x in spans_of[variant]),
        }
    same = spans_of["torch_fp32"] == spans_of["torch_int8"]
    out["int8_same_spans_as_fp32"] = same
    if not same:
        a = {(k, s) for k, doc in enumerate(spans_of["torch_fp32"]) for s in doc}
        b = {(k, s) for k, doc in enumerate(spans_of["torch_int8"]) for s in doc}
        out["int8_span_differences"] = len(a ^ b)
    out["peak_rss_mb"] = round(peak_rss_mb(), 1)
    out["rss_before_load_mb"] = round(rss_before, 1)
    out["threads"] = threads
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", type=Path)
    ap.add_argument("--data", type=Path, nargs="*", default=DEFAULT_DATA)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--threads", type=int, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(run(args.model, args.data, args.repeat, args.threads), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
