"""The `govie` command line: extract, evaluate, review."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ie import __version__
from ie.errors import InputError
from ie.record import error_record
from ie.tagger import usable_cores

FORMATS = ("json", "jsonl", "csv", "xlsx")


def iter_inputs(paths: list[str]) -> Iterator[tuple[Path, str | None]]:
    """Files named and files under folders (recursive, sorted, hidden files skipped).

    Yields ``(path, problem)``; a missing path is yielded with its problem so it becomes an error record.
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield p, "folder holds no files"
            for f in files:
                yield f, None
        elif p.exists():
            yield p, None
        else:
            yield p, "no such file or folder"


def _load_tagger(model: str | None, no_model: bool):
    if no_model:
        return None, None
    try:
        from ie.tagger import Tagger
    except ImportError as exc:  # the narrative model is optional until it lands
        return None, f"narrative model not available ({exc})"
    try:
        return Tagger.load(model), None
    except Exception as exc:  # missing or unreadable model files: one line, never a traceback
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if model:
            raise SystemExit(f"govie: {model}: cannot load the narrative model: {detail}") from None
        return None, f"the narrative model could not be loaded ({detail}); narrative spans were not extracted"


def _progress(total: int):
    if total <= 1 or os.environ.get("GOVIE_NO_PROGRESS"):
        return None
    from tqdm import tqdm

    return tqdm(total=total, file=sys.stderr, unit="file", desc="govie extract", dynamic_ncols=True)


def _extract_one(path: Path, problem: str | None, tagger: Any, tagger_warning: str | None,
                 with_text: bool) -> dict[str, Any]:
    """One input to one record; never raises (a bad file becomes an error record)."""
    from ie.extract import extract_file

    if problem is not None:
        return error_record(path, problem)
    try:
        rec = extract_file(path, tagger=tagger, with_text=with_text)
        if tagger_warning:
            rec["warnings"].append(tagger_warning)
        return rec
    except InputError as exc:
        return error_record(path, exc.message)
    except Exception as exc:  # one bad file must not stop a batch; say what happened
        return error_record(path, f"internal error while extracting: {type(exc).__name__}: {exc}")


_WORKER: dict[str, Any] = {}


def _worker_init(model: str | None, no_model: bool, threads: int, with_text: bool) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    os.environ["GOVIE_THREADS"] = str(threads)
    tagger, warning = _load_tagger(model, no_model)
    _WORKER.update(tagger=tagger, warning=warning, with_text=with_text)


def _worker_extract(item: tuple[Path, str | None]) -> dict[str, Any]:
    return _extract_one(item[0], item[1], _WORKER["tagger"], _WORKER["warning"], _WORKER["with_text"])


def _jobs(requested: int, n_inputs: int) -> int:
    """Worker processes: ``requested``, or with 0 one per usable core (at most 8) when there are at least
    4 files per worker."""
    if requested > 0:
        return min(requested, max(1, n_inputs))
    return max(1, min(usable_cores(), n_inputs // 4, 8))  # each worker holds a model (~400 MB)


def _records(inputs: list[tuple[Path, str | None]], args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """Records in input order: in this process, or in worker processes (each loads the model once and
    runs it on its share of the cores, which on 2 cores is faster than one process with 2 threads)."""
    jobs = _jobs(args.jobs, len(inputs))
    if jobs == 1:
        tagger, tagger_warning = _load_tagger(args.model, args.no_model)
        for path, problem in inputs:
            yield _extract_one(path, problem, tagger, tagger_warning, args.with_text)
        return
    if args.model and not args.no_model:
        _load_tagger(args.model, False)  # a bad --model stops the command here, not in a worker
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(jobs, initializer=_worker_init,
                  initargs=(args.model, args.no_model, max(1, usable_cores() // jobs), args.with_text)) as pool:
        yield from pool.imap(_worker_extract, inputs, chunksize=1)


def cmd_extract(args: argparse.Namespace) -> int:
    inputs = list(iter_inputs(args.paths))
    fmt = args.format or _format_from_name(args.output) or ("json" if len(inputs) == 1 else "jsonl")
    if fmt == "xlsx" and not args.output:
        print("govie: --format xlsx needs -o FILE.xlsx", file=sys.stderr)
        return 2
    records: list[dict[str, Any]] = []
    failed = 0
    bar = _progress(len(inputs))
    for rec in _records(inputs, args):
        if "error" in rec:
            failed += 1
            msg = f"govie: {rec['source']['path']}: {rec['error']}"
            (bar.write(msg, file=sys.stderr) if bar else print(msg, file=sys.stderr))
        records.append(rec)
        if bar:
            bar.update(1)
    if bar:
        bar.close()
    _write(records, fmt, args.output)
    return 1 if failed else 0


def _format_from_name(name: str | None) -> str | None:
    if not name:
        return None
    suffix = Path(name).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _write(records: list[dict[str, Any]], fmt: str, output: str | None) -> None:
    """Write the records; JSON for a single input is the record object itself, not a one-element array."""
    from ie.export import write_records

    if fmt == "json" and len(records) == 1:
        text = json.dumps(records[0], ensure_ascii=False, indent=1) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
        return
    if output:
        out_path = Path(output)
        if fmt in ("xlsx", "csv"):  # given a path, csv gets a byte-order mark so that Excel reads the Chinese
            write_records(records, fmt, out_path)
        else:
            with out_path.open("w", encoding="utf-8", newline="") as fh:
                write_records(records, fmt, fh)
    else:
        write_records(records, fmt, sys.stdout)


def cmd_evaluate(args: argparse.Namespace) -> int:
    from training.evaluate import run_evaluate

    data = Path(args.data)
    if not data.is_file():
        print(f"govie: {data}: no such file", file=sys.stderr)
        return 1
    print(run_evaluate(data, Path(args.model) if args.model else None))
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from ie.extract import extract_file
    from ie.review import render_review

    tagger, _ = _load_tagger(args.model, args.no_model)
    try:
        rec = extract_file(args.report, tagger=tagger, with_text=True)
    except InputError as exc:
        print(f"govie: {exc}", file=sys.stderr)
        return 1
    html = render_review(rec, rec.pop("text"))
    rec.pop("normalized_text", None)
    Path(args.output).write_text(html, encoding="utf-8")
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govie", description=__doc__)
    parser.add_argument("--version", action="version", version=f"govie {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract records from report files or folders")
    ex.add_argument("paths", nargs="+", help="report files or folders (searched recursively)")
    ex.add_argument("--format", choices=FORMATS, help="output format (default: json for one file, "
                    "jsonl for several, or from the -o file's extension)")
    ex.add_argument("-o", "--output", help="write to this file instead of standard output")
    ex.add_argument("--model", help="narrative model folder (default: the shipped model)")
    ex.add_argument("--no-model", action="store_true", help="skip the narrative model (tables and meta only)")
    ex.add_argument("--with-text", action="store_true", help="include the reader's plain text (offsets index it) and the normalized text")
    ex.add_argument("--jobs", type=int, default=0, metavar="N",
                    help="worker processes (default: one per core, at most 8, when there are at least 4 files per worker)")
    ex.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="evaluate the narrative model on labelled JSON Lines")
    ev.add_argument("--data", required=True, help="JSONL with id, text, spans (labels.md encoding)")
    ev.add_argument("--model", help="model folder (default: the shipped model)")
    ev.set_defaults(func=cmd_evaluate)

    rv = sub.add_parser("review", help="write a self-contained HTML review page for one report")
    rv.add_argument("report")
    rv.add_argument("-o", "--output", required=True)
    rv.add_argument("--model")
    rv.add_argument("--no-model", action="store_true")
    rv.set_defaults(func=cmd_review)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("govie: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
