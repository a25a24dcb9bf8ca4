"""Train and compare several runs of the narrative recipe at once: seeds, variants and weight averages.

``python -m training.sweep --sweep configs/sweep_gpu.yaml --out runs/sweep``

Made for a borrowed GPU machine (``device: auto`` in the sweep file), where one run of the shipped recipe
takes minutes instead of 80, so that seed-to-seed spread and variants can be measured instead of guessed.
On 2 CPU cores a sweep of more than one run takes hours.

The sweep file names a base config and overrides (deep-merged) for:

* ``pretrains``: MLM stages, by name (``{name: overrides}``), run in parallel;
* ``finetunes``: for each pretrain, the seeds of the fine-tuning runs that start from it (parallel); an entry
  may carry ``overrides`` (a variant of the recipe) and a ``name`` for it (runs are ``ft_<name>_s<seed>``;
  the name defaults to the pretrain's), so variants of one MLM stage can be compared seed for seed;
* ``base_overrides``: applied to the base config first (e.g. a time cap for every run);
* ``soup``: also average the weights of all fine-tuned runs of each variant (a "uniform model soup":
  runs from one pretrained start stay in one basin, and their average costs nothing at inference).

Every resulting model is then measured the same way (``evaluate``): the fusion weights are refitted on the
real validation split (``training.fusion``) and the tagger, with those weights, is scored on the validation
split, on the synthetic held-out frames and on the dev set. Selection among runs must use the validation
figures; the dev figures are reported so that the spread between runs can be seen, never to pick a run.
Results go to ``OUT/summary.json`` (one row per model) and a printed table.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]


def deep_merge(base: dict, over: dict) -> dict:
    """``base`` with ``over`` merged in (nested dicts merged, everything else replaced)."""
    out = copy.deepcopy(base)
    for k, v in over.items():
        out[k] = deep_merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else copy.deepcopy(v)
    return out


def run_parallel(jobs: list[tuple[str, list[str], Path]], max_parallel: int, env: dict[str, str],
                 limit_s: float | None = None) -> dict[str, int]:
    """Run ``(name, argv, log file)`` jobs, at most ``max_parallel`` at once; their exit codes by name
    (-9 for a job killed at ``limit_s``)."""
    pending = list(jobs)
    running: dict[str, tuple[subprocess.Popen, Any, float]] = {}
    codes: dict[str, int] = {}
    while pending or running:
        while pending and len(running) < max_parallel:
            name, argv, log_path = pending.pop(0)
            log_path.parent.mkdir(parents=True, exist_ok=True)
            fh = log_path.open("w", encoding="utf-8")
            running[name] = (subprocess.Popen(argv, stdout=fh, stderr=subprocess.STDOUT, cwd=REPO, env=env),
                             fh, time.time())
        for name, (proc, fh, t0) in list(running.items()):
            rc = proc.poll()
            if rc is None and limit_s is not None and time.time() - t0 > limit_s:
                proc.kill()
                rc = proc.wait()
            if rc is not None:
                fh.close()
                codes[name] = rc
                del running[name]
                print(f"[sweep] {name}: exit {rc} after {time.time() - t0:.0f}s", flush=True)
        time.sleep(1)
    return codes


def soup(model_dirs: list[Path], out_dir: Path) -> Path:
    """Average the weights of fine-tuned models that share one architecture and vocabulary."""
    import shutil

    import torch
    from transformers import BertForTokenClassification

    models = [BertForTokenClassification.from_pretrained(str(d)).float() for d in model_dirs]
    state = {k: v.clone() for k, v in models[0].state_dict().items()}
    for k, v in state.items():
        if v.is_floating_point():
            state[k] = torch.stack([m.state_dict()[k] for m in models]).mean(dim=0)
    model = models[0]
    model.load_state_dict(state)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    model.half().save_pretrained(str(out_dir))
    for f in model_dirs[0].iterdir():
        if f.name not in {"config.json", "model.safetensors", "model.onnx", "metrics.json"} and f.is_file():
            shutil.copy(f, out_dir / f.name)
    (out_dir / "metrics.json").write_text(json.dumps({"soup_of": [str(d) for d in model_dirs]}, indent=1),
                                          encoding="utf-8")
    from ie.onnx_model import export_available, export_onnx

    opts_path = out_dir / "govie_inference.json"
    opts = json.loads(opts_path.read_text(encoding="utf-8"))
    opts.pop("fusion", None)  # fitted for another model: evaluate() refits it
    if opts.get("onnx") and export_available():
        opts["onnx"] = export_onnx(out_dir, "model.onnx", quantize=False).name
    else:
        opts.pop("onnx", None)
    opts_path.write_text(json.dumps(opts, indent=1), encoding="utf-8")
    return out_dir


def evaluate(model_dir: Path, config: Path, shared: Path, heldout: Path | None) -> dict[str, Any]:
    """Refit the fusion for ``model_dir`` on the validation split (written into the model), then score the
    tagger on the validation split, the synthetic held-out frames and the dev set."""
    from ie.calibration import validation_records
    from ie.tagger import Tagger
    from training.evaluate import evaluate_file, evaluate_records
    from training.fusion import fit_report, write_weights

    report = fit_report(model_dir, config, shared)
    write_weights(model_dir, report)
    tagger = Tagger.load(model_dir)
    out: dict[str, Any] = {"model": str(model_dir), "fusion": report}
    val = validation_records(shared / "train" / "narrative.jsonl", config)
    out["validation"] = evaluate_records(val, tagger, bootstrap=200)["span"]
    if heldout is not None and heldout.exists():
        out["synthetic_heldout"] = evaluate_file(heldout, tagger=tagger, bootstrap=200)["span"]
    dev = shared / "dev" / "narrative.jsonl"
    if dev.exists():
        out["dev"] = evaluate_file(dev, tagger=tagger, bootstrap=1000)["span"]
    return out


def _row(name: str, ev: dict, metrics: dict) -> dict[str, Any]:
    def f1(key: str) -> float | None:
        return round(ev[key]["f1"], 4) if key in ev else None

    fusion = ev.get("fusion", {})
    return {
        "name": name,
        "window_validation_f1": (metrics.get("validation_best") or {}).get("f1"),
        "epochs_run": metrics.get("epochs_run"),
        "train_seconds": metrics.get("train_seconds"),
        "model_alone": fusion.get("model_alone", {}).get("f1"),
        "fusion_5fold": fusion.get("fusion_5fold", {}).get("f1"),
        "validation_tagger": f1("validation"),
        "synthetic_heldout": f1("synthetic_heldout"),
        "dev": f1("dev"),
        "dev_ci95": ev.get("dev", {}).get("f1_ci95"),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sweep", type=Path, help="the sweep file (YAML)")
    ap.add_argument("--out", type=Path, default=REPO / "runs" / "sweep")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--evaluate", type=Path, help="(worker) evaluate this model dir and write --json")
    ap.add_argument("--config", type=Path, help="(worker) the model's training config")
    ap.add_argument("--heldout", type=Path, help="(worker) synthetic held-out frames of its run")
    ap.add_argument("--json", type=Path, help="(worker) where to write the evaluation")
    args = ap.parse_args(argv)

    if args.evaluate:
        ev = evaluate(args.evaluate, args.config, args.shared, args.heldout)
        args.json.write_text(json.dumps(ev, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0
    if not args.sweep:
        ap.error("--sweep is required")
    return run_sweep(yaml.safe_load(args.sweep.read_text(encoding="utf-8")), args.out.resolve(),
                     args.shared.resolve())


def finetune_plan(sw: dict) -> list[tuple[str, str, str, int, dict]]:
    """The fine-tuning runs a sweep file asks for: ``(run name, variant, pretrain, seed, overrides)``.

    Checked before anything is trained, so that a sweep file with a clash fails at once instead of after
    the MLM stage on a borrowed machine."""
    pretrains = set(sw.get("pretrains", {"default": {}}))
    plan: list[tuple[str, str, str, int, dict]] = []
    for ft in sw.get("finetunes", []):
        pre = ft["pretrain"]
        if pre not in pretrains:
            raise ValueError(f"fine-tunes of an unknown pretrain {pre!r} (pretrains: {sorted(pretrains)})")
        variant = ft.get("name", pre)
        for seed in ft["seeds"]:
            name = f"ft_{variant}_s{seed}"
            if any(name == p[0] for p in plan):
                raise ValueError(f"two fine-tuning runs named {name}: give each variant its own name")
            plan.append((name, variant, pre, int(seed), ft.get("overrides") or {}))
    return plan


def run_sweep(sw: dict, out: Path, shared: Path) -> int:
    from training.modeling import load_config

    plan = finetune_plan(sw)

    base = load_config(REPO / sw["base"])
    base = deep_merge(base, {"device": sw.get("device", "auto"), **(sw.get("base_overrides") or {})})
    parallel = int(sw.get("parallel", 4))
    cores = os.cpu_count() or 2
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "TOKENIZERS_PARALLELISM": "false"}
    (out / "configs").mkdir(parents=True, exist_ok=True)
    t_start = time.time()

    def write_cfg(name: str, cfg: dict) -> Path:
        path = out / "configs" / f"{name}.yaml"
        path.write_text(yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    # 1. MLM stages
    pre_cfgs: dict[str, dict] = {}
    jobs = []
    pre_list = sw.get("pretrains", {"default": {}})
    for name, over in pre_list.items():
        cfg = deep_merge(base, over or {})
        cfg["pretrain"]["output_dir"] = str(out / f"pre_{name}")
        cfg["work_dir"] = str(out / f"pre_{name}_work")
        cfg["threads"] = max(1, cores // max(1, len(pre_list)))
        pre_cfgs[name] = cfg
        jobs.append((f"pre_{name}", [sys.executable, "-m", "training.pretrain", "--config",
                                     str(write_cfg(f"pre_{name}", cfg))], out / "logs" / f"pre_{name}.log"))
    codes = run_parallel(jobs, parallel, env, sw.get("pretrain_limit_s"))

    # 2. fine-tuning runs
    runs: dict[str, tuple[str, dict]] = {}  # run name -> (variant, config)
    jobs = []
    for name, variant, pre, seed, over in plan:
        if codes.get(f"pre_{pre}") != 0:
            print(f"[sweep] skipping {name}: its pretrain {pre} failed", flush=True)
            continue
        cfg = deep_merge(pre_cfgs[pre], over)
        cfg.update(seed=seed, output_dir=str(out / name), work_dir=str(out / f"{name}_work"),
                   threads=max(1, cores // max(1, parallel)))
        runs[name] = (variant, cfg)
        jobs.append((name, [sys.executable, "-m", "training.train", "--no-eval", "--config",
                            str(write_cfg(name, cfg))], out / "logs" / f"{name}.log"))
    codes.update(run_parallel(jobs, parallel, env, sw.get("finetune_limit_s")))
    done = {n: v for n, v in runs.items() if codes.get(n) == 0 and (out / n / "model.safetensors").exists()}

    # 3. uniform soups of each variant's runs
    models: dict[str, tuple[Path, dict]] = {n: (out / n, cfg) for n, (_, cfg) in done.items()}
    if sw.get("soup", True):
        for variant in sorted({v for v, _ in done.values()}):
            members = sorted(n for n, (v, _) in done.items() if v == variant)
            if len(members) >= 2:
                try:
                    soup([out / n for n in members], out / f"soup_{variant}")
                    models[f"soup_{variant}"] = (out / f"soup_{variant}", done[members[0]][1])
                except Exception as exc:  # a failed soup must not lose the runs' evaluations
                    print(f"[sweep] soup of {variant} failed: {exc}", flush=True)

    # 4. the same measurement for every model
    jobs = []
    for name, (mdir, cfg) in models.items():
        work = Path(cfg["work_dir"])
        argv = [sys.executable, "-m", "training.sweep", "--evaluate", str(mdir), "--config",
                str(write_cfg(f"eval_{name}", cfg)), "--shared", str(shared),
                "--heldout", str(work / "heldout_synth.jsonl"), "--json", str(out / f"eval_{name}.json")]
        jobs.append((f"eval_{name}", argv, out / "logs" / f"eval_{name}.log"))
    env_eval = {**env, "GOVIE_THREADS": "1", "OMP_NUM_THREADS": "1"}
    codes.update(run_parallel(jobs, max(1, cores - 1), env_eval, sw.get("eval_limit_s")))

    rows = []
    for name, (mdir, _) in models.items():
        ev_path = out / f"eval_{name}.json"
        ev = json.loads(ev_path.read_text(encoding="utf-8")) if ev_path.exists() else {}
        mpath = mdir / "metrics.json"
        metrics = json.loads(mpath.read_text(encoding="utf-8")) if mpath.exists() else {}
        rows.append(_row(name, ev, metrics))
    summary = {"sweep": sw, "exit_codes": codes, "minutes": round((time.time() - t_start) / 60, 1), "rows": rows}
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    cols = ["name", "window_validation_f1", "model_alone", "fusion_5fold", "validation_tagger",
            "synthetic_heldout", "dev", "epochs_run", "train_seconds"]
    print("\t".join(cols))
    for r in rows:
        print("\t".join(str(r.get(c)) for c in cols))
    return 0 if rows else 1


if __name__ == "__main__":
    raise SystemExit(main())
