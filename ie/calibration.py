"""Confidences that mean what they say: combine the evidence into one probability, calibrate, measure.

Three steps:

1. ``combine_confidence``: a raw probability from the evidence of one value — the narrative model's span
   probability, the table cell's parse confidence and the results of the checks the cell takes part in
   (a failed sum rule makes every operand suspect; a passed one vouches for them).
2. ``Calibrator``: a per-kind map (``narrative``, ``cell``, ``field``, ``meta``) from the raw probability to a
   calibrated one, fitted on validation data (never on the dev set) with Platt scaling on the logit
   (two numbers per kind) or isotonic regression (pool-adjacent-violators, a step function). Its
   parameters are a small JSON file, ``models/calibration.json``; without it the map is the identity.
3. ``expected_calibration_error`` and ``reliability_table``: equal-width bins over [0, 1]; ECE is the
   bin-weighted mean of |accuracy - mean confidence|.

``python -m ie.calibration measure PRED.jsonl GOLD.jsonl`` scores narrative predictions (items with
``start``/``end``/``label``/``confidence`` per document id) against gold spans; ``fit`` writes the JSON.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "combine_confidence", "check_factor", "Calibrator", "expected_calibration_error", "reliability_table",
    "format_reliability_table", "match_narrative", "default_calibrator", "DEFAULT_PATH", "calibrate_record",
    "cell_probability", "cell_pairs", "field_pairs", "narrative_documents", "FIELD_KIND", "raw_confidence", "choose_l2", "ece_noise_floor",
    "ece_p_value", "ece_of_document_samples", "READER_MAP", "reader_agreement", "reader_field_rows", "fit_logistic",
]

DEFAULT_PATH = Path(__file__).resolve().parents[1] / "models" / "calibration.json"
_EPS = 1e-4
_MAX_P = 0.999  # a calibrated probability stays inside [0.001, 0.999]

# how one check result moves the confidence of a cell that takes part in it
_CHECK_FACTORS = {"pass": ("toward_one", 0.5), "fail": ("scale", 0.45), "incomplete": ("scale", 0.85),
                  "scope_mismatch": ("scale", 0.95)}


def _clip(p: float) -> float:
    return min(1.0 - _EPS, max(_EPS, float(p)))


def _logit(p: float) -> float:
    p = _clip(p)
    return math.log(p / (1.0 - p))


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def check_factor(p: float, statuses: Iterable[str]) -> float:
    """Apply check results to a probability: ``pass`` halves the doubt, ``fail`` scales it down."""
    for st in statuses:
        how, k = _CHECK_FACTORS.get(st, ("scale", 1.0))
        p = 1.0 - (1.0 - p) * k if how == "toward_one" else p * k
    return p


def combine_confidence(
    span_prob: float | None = None,
    cell_conf: float | None = None,
    check_statuses: Sequence[str] = (),
    *,
    agree: bool | None = None,
) -> float:
    """One raw probability that a value is right, from all its evidence.

    - only a span probability: that probability;
    - only a cell: the parse confidence moved by the checks the cell takes part in;
    - both, agreeing (``agree=True``): noisy-or of the two — independent sources rarely err the same way;
    - both, disagreeing (``agree=False``): the table value (which wins) with its confidence cut by how sure
      the model was of the rival reading.
    """
    pc = None if cell_conf is None else check_factor(_clip(cell_conf), check_statuses)
    ps = None if span_prob is None else _clip(span_prob)
    if pc is None and ps is None:
        return 0.0
    if pc is None:
        return float(ps)
    if ps is None or agree is None:
        return float(pc)
    if agree:
        return 1.0 - (1.0 - pc) * (1.0 - ps) ** 0.5  # not fully independent: count the model half
    return pc * (1.0 - 0.5 * ps)


# ---------------------------------------------------------------------------------------------------------
# calibrators


def fit_logistic(features: np.ndarray, labels: np.ndarray, prior: Sequence[float], l2: float,
                 iters: int = 200) -> np.ndarray:
    """Logistic regression of ``labels`` on the columns of ``features`` by Newton's method with backtracking, and a
    ridge of weight ``l2`` that pulls the coefficients toward ``prior`` (the identity map, for a calibrator)."""
    x = np.asarray(features, dtype=float)
    y = np.asarray(labels, dtype=float)
    w0 = np.asarray(prior, dtype=float)

    def loss(w: np.ndarray) -> float:
        z = x @ w
        # log(1 + e^z) - y z, computed stably; plus the ridge toward the prior
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * np.sum((w - w0) ** 2))

    w = w0.copy()
    current = loss(w)
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        g = x.T @ (p - y) + l2 * (w - w0)
        h = (x * (p * (1 - p))[:, None]).T @ x + (l2 + 1e-9) * np.eye(len(w))
        try:
            step = np.linalg.solve(h, g)
        except np.linalg.LinAlgError:
            step = g / (np.abs(np.diag(h)) + 1.0)
        t = 1.0
        while t > 1e-6:  # backtracking: Newton steps overshoot when the data are far from calibrated
            nw = w - t * step
            new = loss(nw)
            if new <= current:
                break
            t *= 0.5
        else:
            break
        converged = abs(current - new) < 1e-10 * max(1.0, abs(current))
        w, current = nw, new
        if converged:
            break
    return w


def _fit_platt(probs: np.ndarray, labels: np.ndarray, l2: float = 10.0, iters: int = 200) -> tuple[float, float]:
    """Logistic regression of the label on logit(p): (a, b).

    A ridge pulls (a, b) toward the identity (1, 0): validation sets here are small and nearly error-free
    (a table read right 799 times out of 801), and an unregularised fit would then claim certainty.
    """
    x = np.log(np.clip(probs, _EPS, 1 - _EPS) / (1 - np.clip(probs, _EPS, 1 - _EPS)))
    a, b = fit_logistic(np.column_stack([x, np.ones_like(x)]), labels, (1.0, 0.0), l2, iters)
    return float(a), float(b)


def choose_l2(probs: Sequence[float], labels: Sequence[int | bool], grid: Sequence[float] = (0.1, 1.0, 10.0, 100.0),
              folds: int = 5) -> float:
    """The ridge strength with the lowest k-fold log-loss on the validation data itself (never on dev)."""
    p = np.asarray(probs, dtype=float)
    y = np.asarray(labels, dtype=float)
    idx = np.arange(len(p)) % folds
    best, best_loss = grid[0], math.inf
    for l2 in grid:
        loss = 0.0
        for k in range(folds):
            tr, te = idx != k, idx == k
            if not te.any() or not tr.any():
                continue
            a, b = _fit_platt(p[tr], y[tr], l2=l2 * tr.sum() / len(p))
            x = np.log(np.clip(p[te], _EPS, 1 - _EPS) / (1 - np.clip(p[te], _EPS, 1 - _EPS)))
            q = np.clip(1.0 / (1.0 + np.exp(-(a * x + b))), 1e-6, 1 - 1e-6)
            loss -= float(np.sum(y[te] * np.log(q) + (1 - y[te]) * np.log(1 - q)))
        if loss < best_loss:
            best, best_loss = l2, loss
    return best


def _fit_isotonic(probs: np.ndarray, labels: np.ndarray) -> tuple[list[float], list[float]]:
    """Pool-adjacent-violators: breakpoints (x) and non-decreasing fitted values (y)."""
    order = np.argsort(probs, kind="stable")
    xs = probs[order].astype(float)
    ys = labels[order].astype(float)
    blocks: list[list[float]] = []  # [sum_y, count, x_min, x_max]
    for x, y in zip(xs, ys):
        blocks.append([y, 1.0, x, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            s, c, lo, hi = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
            blocks[-1][3] = hi
    bx, by = [], []
    for s, c, lo, hi in blocks:
        bx.append((lo + hi) / 2.0)
        by.append(s / c)
    return bx, by


@dataclass
class Calibrator:
    """Per-kind calibration maps; kinds without a map pass the probability through."""

    maps: dict[str, dict[str, Any]] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def apply(self, p: float | None, kind: str) -> float | None:
        if p is None:
            return None
        m = self.maps.get(kind)
        if not m:
            return round(float(p), 4)
        if m["method"] == "platt":
            out = _sigmoid(m["a"] * _logit(p) + m["b"])
        elif m["method"] == "isotonic":
            out = float(np.interp(p, m["x"], m["y"]))
        else:
            raise ValueError(f"unknown calibration method {m['method']!r}")
        # never claim certainty from a finite validation set
        return round(min(_MAX_P, max(1.0 - _MAX_P, out)), 4)

    def fit(self, kind: str, probs: Sequence[float], labels: Sequence[int | bool], method: str = "platt",
            l2: float | None = 10.0) -> None:
        """Fit the map of ``kind``; ``l2=None`` picks the ridge by cross-validation (``choose_l2``)."""
        p = np.asarray(probs, dtype=float)
        y = np.asarray(labels, dtype=float)
        if len(p) == 0:
            raise ValueError("no data to fit a calibrator on")
        if method == "platt":
            if l2 is None:
                l2 = choose_l2(p, y)
            a, b = _fit_platt(p, y, l2=l2)
            self.maps[kind] = {"method": "platt", "a": round(a, 6), "b": round(b, 6), "n": int(len(p)), "l2": l2}
        elif method == "isotonic":
            x, yy = _fit_isotonic(p, y)
            self.maps[kind] = {"method": "isotonic", "x": [round(v, 6) for v in x],
                               "y": [round(v, 6) for v in yy], "n": int(len(p))}
        else:
            raise ValueError(f"unknown calibration method {method!r}")

    def to_json(self) -> dict[str, Any]:
        return {"version": 1, "maps": self.maps, "info": self.info}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Calibrator:
        if data.get("version") != 1:
            raise ValueError(f"unsupported calibration file version {data.get('version')!r}")
        return cls(maps=dict(data.get("maps", {})), info=dict(data.get("info", {})))

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(self.to_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Calibrator:
        return cls.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


_DEFAULT: Calibrator | None = None


def default_calibrator() -> Calibrator:
    """``models/calibration.json`` when present, else the identity."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Calibrator.load(DEFAULT_PATH) if DEFAULT_PATH.is_file() else Calibrator()
    return _DEFAULT


# ---------------------------------------------------------------------------------------------------------
# headline fields: agreement with a careful reader

#: Logistic map from a narrative-only headline field's calibrated confidence to the probability that a careful
#: reader records the same value (record.md's field: one figure, the body's, in the year; null where the report
#: gives several of a kind and no whole): ``sigmoid(a * logit(p) + b + rival * [another value among the
#: alternatives])``. The ``field_narrative`` map is fitted on the validation split, where a value counts as right
#: when it equals any gold span of its label; readers are stricter (the same fields were right 0.96 of the time
#: by that measure and 0.85-0.89 by readers'). Fitted by ``python -m training.reader_calibration`` on 1510 values
#: of hand-read real page openings (2026-12-04, sessions 14-16; the texts stay outside the repository): ECE 0.069 ->
#: 0.016; on 500 values of later rounds (sessions 17 and 18), never fitted on: 0.080 -> 0.027 (noise floor 0.025).
READER_MAP: dict[str, float] = {"a": 0.5059, "b": 0.7626, "rival": -1.3552}


def reader_agreement(p: float, rival_values: bool, params: dict[str, float] | None = None) -> float:
    """The probability that a careful reader agrees with a narrative-only field whose calibrated confidence is
    ``p``; ``rival_values``: its alternatives hold another value (another figure that could be the field's)."""
    m = READER_MAP if params is None else params
    z = m["a"] * _logit(p) + m["b"] + (m["rival"] if rival_values else 0.0)
    return min(_MAX_P, max(1.0 - _MAX_P, _sigmoid(z)))


# ---------------------------------------------------------------------------------------------------------
# records


def raw_confidence(d: dict, default: float = 0.5) -> float:
    """The uncalibrated confidence of an item or cell (kept as ``confidence_raw`` once calibrated)."""
    v = d.get("confidence_raw", d.get("confidence"))
    return float(default if v is None else v)


def _statuses_by_cell(checks: Iterable[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in checks:
        for ref in c.get("cells") or ():
            out.setdefault(ref, []).append(str(c.get("status", "")))
    return out


def cell_probability(raw: float, statuses: Sequence[str]) -> float:
    """Raw probability of a table cell: parse confidence moved by its checks.

    A failed or incomplete check lowers it; passes vouch for the cell only when none of its checks failed
    (one failed equation makes every operand suspect; a pass elsewhere does not clear it).
    """
    bad = [s for s in statuses if s in ("fail", "incomplete", "scope_mismatch")]
    if bad:
        return check_factor(raw, bad)
    if statuses and all(s == "pass" for s in statuses):
        return check_factor(raw, ["pass"])
    return raw


def calibrate_record(record: dict, calibrator: Calibrator | None = None) -> None:
    """Replace narrative-item and cell confidences by calibrated probabilities, in place.

    The value before is kept as ``confidence_raw`` (so calling this twice changes nothing, and
    ``ie.fields.merge_fields`` starts from the raw values either way). Cells combine their parse confidence
    with the results of the checks they take part in (``cell_probability``), then the ``cell`` map.
    """
    cal = calibrator or default_calibrator()
    for it in record.get("narrative") or []:
        if it.get("confidence") is None:
            continue
        raw = raw_confidence(it)
        it["confidence_raw"] = raw
        it["confidence"] = cal.apply(raw, "narrative")
    by_cell = _statuses_by_cell(record.get("checks") or [])
    for tname, t in (record.get("tables") or {}).items():
        for key, c in ((t or {}).get("cells") or {}).items():
            if not isinstance(c, dict) or c.get("confidence") is None:
                continue
            raw = raw_confidence(c)
            c["confidence_raw"] = raw
            c["confidence"] = cal.apply(cell_probability(raw, by_cell.get(f"{tname}.{key}", [])), "cell")


def cell_pairs(record: dict, gold: dict[str, Any], calibrator: Calibrator | None = None,
               ) -> tuple[list[float], list[int]]:
    """(probability, correct) for every gold cell ``"<table>.<key>": value`` of a record.

    A gold cell the record lacks counts as wrong at probability 0 (a miss costs nothing in ECE but shows
    in the accuracy); a gold ``None`` is right only when the cell is null. With ``calibrator`` the ``cell``
    map is applied; without it the raw probability (``cell_probability``) is returned.
    """
    by_cell = _statuses_by_cell(record.get("checks") or [])
    probs: list[float] = []
    labels: list[int] = []
    for ref, want in gold.items():
        tname, _, key = ref.partition(".")
        c = ((record.get("tables") or {}).get(tname) or {}).get("cells", {}).get(key)
        if not isinstance(c, dict):
            probs.append(0.0)
            labels.append(0)
            continue
        p = cell_probability(raw_confidence(c, 0.9), by_cell.get(ref, []))
        if calibrator is not None:
            p = calibrator.apply(p, "cell") or 0.0
        got = c.get("value")
        ok = (got is None and want is None) or (
            got is not None and want is not None and abs(float(got) - float(want)) < 1e-9)
        probs.append(float(p))
        labels.append(int(ok))
    return probs, labels


# ---------------------------------------------------------------------------------------------------------
# measurement


def reliability_table(probs: Sequence[float], labels: Sequence[int | bool], n_bins: int = 10) -> list[dict]:
    """Equal-width bins: ``{lo, hi, n, confidence (mean), accuracy}`` for every non-empty bin."""
    p = np.asarray(probs, dtype=float)
    y = np.asarray(labels, dtype=float)
    if len(p) != len(y):
        raise ValueError("probs and labels differ in length")
    idx = np.minimum((p * n_bins).astype(int), n_bins - 1)
    rows = []
    for b in range(n_bins):
        sel = idx == b
        n = int(sel.sum())
        if n:
            rows.append({"lo": b / n_bins, "hi": (b + 1) / n_bins, "n": n,
                         "confidence": float(p[sel].mean()), "accuracy": float(y[sel].mean())})
    return rows


def expected_calibration_error(probs: Sequence[float], labels: Sequence[int | bool], n_bins: int = 10) -> float:
    """ECE = Σ_bins n_b/N · |accuracy_b − confidence_b| (0 for an empty input)."""
    rows = reliability_table(probs, labels, n_bins)
    total = sum(r["n"] for r in rows)
    if not total:
        return 0.0
    return float(sum(r["n"] / total * abs(r["accuracy"] - r["confidence"]) for r in rows))


def _calibrated_eces(probs: np.ndarray, n_bins: int, sims: int, seed: int) -> np.ndarray:
    """ECEs of ``sims`` label draws from a perfectly calibrated predictor with these confidences."""
    rng = np.random.default_rng(seed)
    return np.array([expected_calibration_error(probs, (rng.uniform(size=len(probs)) < probs).astype(int), n_bins)
                     for _ in range(sims)])


def ece_noise_floor(probs: Sequence[float], n_bins: int = 10, sims: int = 500, seed: int = 0) -> float:
    """Mean ECE of a *perfectly calibrated* predictor with these confidences (labels drawn from them).

    With few values per bin, sampling noise alone gives a sizeable ECE (about 0.05-0.08 for 100 values);
    a measured ECE near this floor is as good as the sample can show.
    """
    p = np.asarray(probs, dtype=float)
    if len(p) == 0:
        return 0.0
    return float(_calibrated_eces(p, n_bins, sims, seed).mean())


def ece_p_value(probs: Sequence[float], labels: Sequence[int | bool], n_bins: int = 10, sims: int = 500,
                seed: int = 0) -> float:
    """Share of perfectly calibrated draws (as in :func:`ece_noise_floor`) whose ECE is at least the measured one.

    A small value (under 0.05) means the sample shows miscalibration; a large one means the measured ECE is what
    sampling noise alone would often give, so the sample cannot tell this predictor from a calibrated one.
    """
    p = np.asarray(probs, dtype=float)
    if len(p) == 0:
        return 1.0
    measured = expected_calibration_error(p, labels, n_bins)
    return float((_calibrated_eces(p, n_bins, sims, seed) >= measured - 1e-12).mean())


def ece_of_document_samples(documents: Sequence[Sequence[tuple[float, int]]], size: int, draws: int = 2000,
                            seed: int = 0, n_bins: int = 10) -> np.ndarray:
    """ECEs of ``draws`` samples of about ``size`` values, each made of whole documents drawn from ``documents``
    (lists of ``(probability, correct)``) until it holds ``size`` values.

    How far a small labelled set's ECE strays by chance, measured on real labelled data rather than simulated
    from the confidences (:func:`ece_noise_floor`): whole documents, because the spans of one report share its
    wording and err together. With ``size`` at least the pooled count, every draw is the whole pool.
    """
    docs = [list(d) for d in documents if d]
    if not docs:
        return np.zeros(0)
    rng = np.random.default_rng(seed)
    out = np.empty(draws)
    for i in range(draws):
        picked: list[list[tuple[float, int]]] = []
        n = 0
        for j in rng.permutation(len(docs)):
            if n >= size:
                break
            picked.append(docs[j])
            n += len(docs[j])
        out[i] = expected_calibration_error(*_pooled(picked), n_bins)
    return out


def format_reliability_table(probs: Sequence[float], labels: Sequence[int | bool], n_bins: int = 10) -> str:
    """A plain-text table for reports and notes."""
    rows = reliability_table(probs, labels, n_bins)
    lines = ["| bin | n | mean confidence | accuracy |", "|---|---|---|---|"]
    digits = 1 if n_bins <= 10 else 2
    for r in rows:
        lines.append(f"| {r['lo']:.{digits}f}–{r['hi']:.{digits}f} | {r['n']} | {r['confidence']:.3f} | "
                     f"{r['accuracy']:.3f} |")
    ece = expected_calibration_error(probs, labels, n_bins)
    lines.append(f"ECE = {ece:.4f} over {sum(r['n'] for r in rows)} values "
                 f"(a perfectly calibrated predictor would show {ece_noise_floor(probs, n_bins):.4f} on this sample, "
                 f"and this ECE or more in {ece_p_value(probs, labels, n_bins):.0%} of draws)")
    return "\n".join(lines)


def match_narrative(pred: Sequence[dict], gold: Sequence[dict]) -> list[tuple[float, int]]:
    """(confidence, correct) per predicted span: correct when a gold span has the same start, end and label."""
    gold_set = {(g["start"], g["end"], g["label"]) for g in gold}
    return [(float(p.get("confidence", 0.0)), int((p["start"], p["end"], p["label"]) in gold_set)) for p in pred]


def _read_jsonl(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _pairs_from_files(pred_path: str, gold_path: str) -> tuple[list[float], list[int]]:
    """pred lines: ``{"id", "items": [...]}``; gold lines: labels.md's ``{"id", "text", "spans"}``."""
    gold = {g["id"]: g.get("spans", []) for g in _read_jsonl(gold_path)}
    probs: list[float] = []
    labels: list[int] = []
    for rec in _read_jsonl(pred_path):
        for conf, ok in match_narrative(rec.get("items", []), gold.get(rec["id"], [])):
            probs.append(conf)
            labels.append(ok)
    return probs, labels


def narrative_documents(tagger: Any, records: Iterable[dict]) -> tuple[list[list[tuple[float, int]]], int]:
    """Tag each labelled excerpt (labels.md format) and score every predicted span: ``(confidence, correct)``
    pairs per excerpt, and the number of gold spans.

    A prediction is right when a gold span has exactly its original offsets and label. The confidences are the
    tagger's raw span confidences.
    """
    from ie.normalize import normalize

    docs: list[list[tuple[float, int]]] = []
    n_gold = 0
    for rec in records:
        norm = normalize(rec["text"])
        items = tagger.tag(norm)
        gold = rec.get("spans", [])
        n_gold += len(gold)
        docs.append(match_narrative([{**it, "confidence": raw_confidence(it)} for it in items], gold))
    return docs, n_gold


def _pooled(docs: Sequence[Sequence[tuple[float, int]]]) -> tuple[list[float], list[int]]:
    """Per-document ``(confidence, correct)`` pairs as two flat lists."""
    return [p for d in docs for p, _ in d], [y for d in docs for _, y in d]


def narrative_pairs(tagger: Any, records: Iterable[dict]) -> tuple[list[float], list[int], int]:
    """:func:`narrative_documents` pooled: (probs, correct, n_gold)."""
    docs, n_gold = narrative_documents(tagger, records)
    return (*_pooled(docs), n_gold)


FIELD_KIND = "field_narrative"  # the map of headline fields taken from the narrative alone (no table)


def field_pairs(tagger: Any, records: Iterable[dict]) -> tuple[list[float], list[int]]:
    """Extract each labelled excerpt as a report and score its headline fields: (confidences, correct).

    Only fields filled from the narrative alone are scored (excerpts hold no tables). A field is right when its
    value is the value of a gold span of the field's label; a ``disclosed_total`` equal to the gold website
    figure is right when the excerpt states no total (record.md: the only disclosure figure stands in for it).
    The confidences are the record's own, after whatever field map the default calibrator holds.
    """
    import tempfile

    from ie.extract import extract_file
    from ie.fields import FIELD_SPECS
    from ie.quantity import parse_quantity

    field_of = {spec.label: key for key, spec in FIELD_SPECS.items() if spec.label}
    probs: list[float] = []
    labels: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, rec in enumerate(records):
            path = Path(tmp) / f"{i}.txt"
            path.write_text(rec["text"], encoding="utf-8")
            out = extract_file(path, tagger=tagger)
            gold: dict[str, set] = {}
            for sp in rec.get("spans", []):
                value = parse_quantity(rec["text"][sp["start"]:sp["end"]]).value
                if value is not None:
                    gold.setdefault(field_of[sp["label"]], set()).add(value)
            for key in field_of.values():
                fv = (out.get("fields") or {}).get(key)
                if not fv or fv.get("value") is None or fv.get("sources") != ["narrative"]:
                    continue
                ok = fv["value"] in gold.get(key, set())
                if not ok and key == "disclosed_total" and key not in gold:
                    ok = fv["value"] in gold.get("disclosed_website", set())
                probs.append(float(fv["confidence"]))
                labels.append(int(ok))
    return probs, labels


def reader_field_rows(tagger: Any, records: Iterable[dict],
                      truths: dict[str, dict]) -> list[tuple[float, bool, bool]]:
    """Extract each record (``{"id", "text"}``) as a report and compare its narrative-only headline fields with the
    values a reader recorded: ``(confidence, rival values, right)`` per field value govie gives.

    ``truths[id]`` is ``{"fields": {key: number or null}, "single_channel_total": bool}``; a value is right when
    it equals the reader's, and a ``disclosed_total`` the reader left null because the text gives one channel's
    figure only is right too (record.md's convention: that figure stands in for the total). Rival values: the
    field's alternatives hold another value.
    """
    import tempfile

    from ie.extract import extract_file

    rows: list[tuple[float, bool, bool]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, rec in enumerate(records):
            truth = truths.get(rec["id"])
            if truth is None:
                continue
            path = Path(tmp) / f"{i}.txt"
            path.write_text(rec["text"], encoding="utf-8")
            fields = extract_file(path, tagger=tagger).get("fields") or {}
            for key, fv in fields.items():
                if not fv or fv.get("value") is None or fv.get("sources") != ["narrative"] \
                        or key not in truth["fields"]:
                    continue
                want = truth["fields"][key]
                right = want is not None and abs(float(fv["value"]) - float(want)) < 1e-6
                if not right and key == "disclosed_total" and want is None:
                    right = bool(truth.get("single_channel_total"))
                rivals = any(a.get("value") != fv["value"] for a in fv.get("alternatives") or ())
                rows.append((float(fv["confidence"]), rivals, right))
    return rows


def _dev_field_truths() -> dict[str, dict]:
    """``data/labels/dev_fields.jsonl`` by id (empty when absent)."""
    path = Path(__file__).resolve().parents[1] / "data" / "labels" / "dev_fields.jsonl"
    return {r["id"]: r for r in _read_jsonl(path)} if path.is_file() else {}


def validation_records(train_path: str | Path, config: str | Path | None = None) -> list[dict]:
    """The real excerpts the narrative model held out for validation (same split as ``training.dataset``):
    those of ``train_path`` and of every hand-labelled stand-off source of the config (the corpus gold)."""
    import yaml

    from training.dataset import in_validation, report_group, resolve
    from training.gold_labels import load_standoff

    cfg_path = Path(config) if config else Path(__file__).resolve().parents[1] / "configs" / "default.yaml"
    cfg = yaml.safe_load(cfg_path.read_text(encoding="utf-8"))
    data = cfg["data"]
    seed = int(data.get("seed", 13))  # as training.dataset.build_dataset: the run's own seed never moves the split
    out: list[dict] = []
    for src in data["sources"]:
        frac = float(src.get("validation_fraction", 0.0))
        if src.get("path") and Path(src["path"]).name == Path(train_path).name:
            recs = _read_jsonl(train_path)
        elif src.get("standoff") and src.get("corpus") and resolve(src["corpus"]).is_file():
            recs = load_standoff(resolve(src["standoff"]), resolve(src["corpus"]))
        else:
            continue
        out += [r for r in recs if in_validation(report_group(r, src["name"]), frac, seed)]
    return out


def _narrative_command(args: Any) -> int:
    """Measure (and optionally fit) the narrative calibration with the shipped tagger."""
    from ie.tagger import Tagger

    tagger = Tagger.load(args.model)
    shared = Path(args.shared)
    cal = Calibrator.load(args.output) if Path(args.output).is_file() else Calibrator()
    val = validation_records(shared / "train" / "narrative.jsonl")
    vp, vy, vg = narrative_pairs(tagger, val)
    print(f"validation split of train and corpus gold ({len(val)} excerpts, {vg} gold spans, {len(vp)} predicted),"
          " raw:")
    print(format_reliability_table(vp, vy))
    if args.fit and not vp:
        print("no predicted spans on the validation split: nothing to fit")
    elif args.fit:
        cal.fit("narrative", vp, vy, method=args.method, l2=None)
        cal.info["narrative"] = {"fitted_on": "validation split of ../shared/train/narrative.jsonl and of the "
                                 "corpus gold (training.dataset.in_validation, configs/default.yaml)",
                                 "n": len(vp), "method": args.method}
        cal.save(args.output)
        print(f"wrote {args.output}: {cal.maps['narrative']}")
    final = {}  # name -> (probabilities as records carry them, correct)
    for name in ("dev", "train"):
        path = shared / name / "narrative.jsonl"
        if not path.is_file():
            continue
        recs = _read_jsonl(path)
        p, y, g = narrative_pairs(tagger, recs)
        note = " (in-sample: the model was trained on 85% of it)" if name == "train" else ""
        print(f"\n{name}{note}: {len(recs)} excerpts, {g} gold spans, {len(p)} predicted, "
              f"precision {sum(y) / max(1, len(y)):.3f}, recall {sum(y) / max(1, g):.3f}")
        print("raw:\n" + format_reliability_table(p, y))
        final[name] = (p, y)
        if "narrative" in cal.maps:
            final[name] = ([cal.apply(x, "narrative") or 0.0 for x in p], y)
            print("calibrated:\n" + format_reliability_table(*final[name]))
    if args.extra:
        _extra_sets_report(tagger, cal, args.extra, final.get("dev"), args.target)
    return 0


def _extra_sets_report(tagger: Any, cal: Calibrator, paths: Sequence[str],
                       dev: tuple[list[float], list[int]] | None, target: float) -> None:
    """ECE on further labelled sets (labels.md format), pooled, and how much a set of dev's size strays by chance:
    the ECEs of samples of whole documents of the pooled sets, each as large as dev's prediction count."""
    def final_p(p: float) -> float:
        return (cal.apply(p, "narrative") or 0.0) if "narrative" in cal.maps else p

    pooled: list[list[tuple[float, int]]] = []
    print("\nfurther labelled sets (confidences as records carry them):")
    for path in paths:
        docs, g = narrative_documents(tagger, _read_jsonl(path))
        docs = [[(final_p(p), y) for p, y in d] for d in docs]
        p, y = _pooled(docs)
        print(f"  {path}: {len(docs)} excerpts, {g} gold spans, {len(p)} predicted, "
              f"ECE {expected_calibration_error(p, y):.4f} (noise floor {ece_noise_floor(p):.4f})")
        pooled += docs
    p, y = _pooled(pooled)
    print(f"pooled, {len(pooled)} excerpts:\n" + format_reliability_table(p, y))
    size = len(dev[0]) if dev else 60
    eces = ece_of_document_samples(pooled, size)
    if not len(eces):
        return
    line = (f"samples of whole excerpts of the pooled sets, {size} predictions each (dev's size), 2000 draws: "
            f"median ECE {float(np.median(eces)):.4f}; ECE >= {target} in {float((eces >= target).mean()):.0%}")
    if dev:
        measured = expected_calibration_error(*dev)
        line += f"; >= dev's {measured:.4f} in {float((eces >= measured - 1e-12).mean()):.0%}"
    print(line)


def _fields_command(args: Any) -> int:
    """Measure (and optionally fit) the map of narrative-only headline fields with the shipped tagger."""
    import ie.calibration as this  # not ``__main__`` under ``python -m``: the module ie.fields reads its map from
    from ie.tagger import Tagger

    tagger = Tagger.load(args.model)
    shared = Path(args.shared)
    cal = this.default_calibrator()
    val = validation_records(shared / "train" / "narrative.jsonl")
    dev_path = shared / "dev" / "narrative.jsonl"
    dev = _read_jsonl(dev_path) if dev_path.is_file() else []
    # the final confidences (the field map, then the reader-agreement map) first, then the raw ones
    final = {} if args.fit else {name: field_pairs(tagger, recs) for name, recs in (("validation split", val),
                                                                                     ("dev", dev))}
    fitted = cal.maps.pop(FIELD_KIND, None)
    reader, this.READER_MAP = this.READER_MAP, {"a": 1.0, "b": 0.0, "rival": 0.0}
    try:
        vp, vy = field_pairs(tagger, val)
        dp, dy = field_pairs(tagger, dev)
    finally:
        this.READER_MAP = reader
        if fitted is not None:
            cal.maps[FIELD_KIND] = fitted
    if args.fit:
        if not vp:
            print("no narrative fields on the validation split: nothing to fit")
            return 1
        cal.fit(FIELD_KIND, vp, vy, method="platt", l2=None)
        cal.info[FIELD_KIND] = {"fitted_on": "headline fields of the validation split of ../shared/train/narrative"
                                ".jsonl and of the corpus gold (ie.calibration.field_pairs)", "n": len(vp),
                                "method": "platt"}
        cal.save(args.output)
        print(f"wrote {args.output}: {cal.maps[FIELD_KIND]}")
    for name, p, y in (("validation split", vp, vy), ("dev", dp, dy)):
        if not p:
            continue
        print(f"\n{name}: {len(p)} narrative-only field values, {sum(y) / len(y):.3f} right")
        print("raw:\n" + format_reliability_table(p, y))
        if FIELD_KIND in cal.maps:
            print("calibrated:\n" + format_reliability_table([cal.apply(x, FIELD_KIND) or 0.0 for x in p], y))
        if not args.fit:
            fp, fy = final[name]
            print("final (field map, then the reader-agreement map; right here = any gold span's value, looser "
                  "than a reader):\n" + format_reliability_table(fp, fy))
    truths = _dev_field_truths()
    if dev and truths and not args.fit:
        rows = reader_field_rows(tagger, dev, truths)
        if rows:
            y = [ok for *_, ok in rows]
            print(f"\ndev, against the values a reader recorded (data/labels/dev_fields.jsonl): {len(rows)} "
                  f"narrative-only field values, {sum(y) / len(y):.3f} right")
            print("final:\n" + format_reliability_table([p for p, _, _ in rows], y))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m ie.calibration")
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("measure", help="ECE and reliability table of narrative predictions against gold spans")
    m.add_argument("pred")
    m.add_argument("gold")
    m.add_argument("--calibrate", action="store_true", help="apply models/calibration.json (kind narrative)")
    f = sub.add_parser("fit", help="fit the narrative calibrator on validation predictions (never dev)")
    f.add_argument("pred")
    f.add_argument("gold")
    f.add_argument("--method", default="platt", choices=["platt", "isotonic"])
    f.add_argument("-o", "--output", default=str(DEFAULT_PATH))
    nr = sub.add_parser("narrative", help="run the tagger on the validation split, dev and train; print ECE")
    nr.add_argument("--model", default=None, help="model dir (default models/default)")
    nr.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    nr.add_argument("--fit", action="store_true", help="fit the narrative map on the validation split")
    nr.add_argument("--method", default="platt", choices=["platt", "isotonic"])
    nr.add_argument("-o", "--output", default=str(DEFAULT_PATH))
    nr.add_argument("--extra", action="append", default=[], metavar="GOLD",
                    help="another labelled set (labels.md JSON Lines; repeatable): its ECE, the pooled ECE, and how "
                         "far samples of dev's size stray by chance")
    nr.add_argument("--target", type=float, default=0.05, help="the ECE target the sample check counts against")
    fd = sub.add_parser("fields", help="headline fields of the validation split and dev: ECE (raw, calibrated)")
    fd.add_argument("--model", default=None, help="model dir (default models/default)")
    fd.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    fd.add_argument("--fit", action="store_true", help=f"fit the {FIELD_KIND} map on the validation split")
    fd.add_argument("-o", "--output", default=str(DEFAULT_PATH))
    args = ap.parse_args(argv)
    if args.cmd == "narrative":
        return _narrative_command(args)
    if args.cmd == "fields":
        return _fields_command(args)
    probs, labels = _pairs_from_files(args.pred, args.gold)
    if args.cmd == "measure":
        if args.calibrate:
            cal = default_calibrator()
            probs = [cal.apply(p, "narrative") or 0.0 for p in probs]
        print(format_reliability_table(probs, labels))
        return 0
    cal = Calibrator.load(args.output) if Path(args.output).is_file() else Calibrator()
    cal.fit("narrative", probs, labels, method=args.method)
    cal.info["narrative"] = {"fitted_on": str(args.gold), "n": len(probs)}
    cal.save(args.output)
    print(f"wrote {args.output}: {cal.maps['narrative']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
