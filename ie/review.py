"""A self-contained HTML review page for one record.

The page shows, at the top, the metadata, the headline fields, and a "needs attention" list (values whose
confidence is below ``LOW_CONFIDENCE`` and checks that did not pass), each linked to its place in the text;
below, the original text with every narrative span, table cell, metadata value and field evidence
highlighted (label, value and confidence in the ``title`` tooltip). No external resources: inline CSS, no
scripts; every piece of report text is HTML-escaped.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from ie.record import check_outcome

__all__ = ["render_review", "LOW_CONFIDENCE"]

LOW_CONFIDENCE = 0.8
_LOW_SHOWN = 12  # low-confidence values listed before the rest fold into <details>
_BAD_STATUSES = ("fail", "incomplete", "scope_mismatch")

_CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Hiragino Sans GB","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;
margin:0;color:#1d232b;background:#f4f5f7;font-size:15px;line-height:1.55}
header{background:#24313f;color:#fff;padding:14px 24px}
header h1{font-size:19px;margin:0 0 4px}
header .sub{color:#c9d3dd;font-size:13px;word-break:break-all}
main{padding:16px 24px;max-width:1400px}
section.panel{background:#fff;border:1px solid #d9dde3;border-radius:6px;padding:12px 16px;margin-bottom:16px}
section.panel h2{font-size:16px;margin:0 0 8px}
table{border-collapse:collapse;font-size:13.5px}
th,td{border:1px solid #e1e4e8;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f5}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:flex;flex-wrap:wrap;gap:16px}
.grid>section{flex:1 1 420px}
ul.attention{margin:0;padding-left:20px}
ul.attention li{margin:2px 0}
.st{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;color:#fff}
.st-fail{background:#c62828}.st-incomplete{background:#ef6c00}.st-scope_mismatch{background:#6a1b9a}
.st-low{background:#ad1457}.st-pass{background:#2e7d32}
.conf-low{color:#ad1457;font-weight:bold}
.agree-false{color:#c62828;font-weight:bold}
.legend span{margin-right:12px}
pre.doc{white-space:pre-wrap;word-break:break-all;background:#fff;border:1px solid #d9dde3;border-radius:6px;
padding:16px;font-family:inherit;font-size:15px;line-height:1.8;margin:0}
mark{background:none;color:inherit;border-radius:2px;padding:0 1px}
mark.k-narrative{background:#fff3a8}
mark.k-cell{background:#cfe6ff}
mark.k-meta{background:#c9f2cf}
mark.k-field{background:#ffd9b3}
mark.low{outline:2px solid #ad1457;outline-offset:0}
mark.bad{background:#ffc9c9}
span.empty{display:inline-block;min-width:10px;height:1em;vertical-align:middle;border:1px dashed #5b8fd6;
margin:0 1px}
span.empty.low,span.empty.bad{border-color:#c62828}
a{color:#1559b3}
:target{outline:3px solid #ff6f00 !important}
.muted{color:#6b7580}
details summary{cursor:pointer;color:#1559b3;margin:4px 0 0 20px}
"""


@dataclass
class _Ann:
    start: int
    end: int
    kind: str  # narrative | cell | meta | field
    label: str
    value: str
    confidence: float | None
    aid: str
    bad: bool = False
    notes: list[str] = field(default_factory=list)

    @property
    def low(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE

    def describe(self) -> str:
        conf = "" if self.confidence is None else f" (confidence {_pct(self.confidence)})"
        extra = "".join(f"; {n}" for n in self.notes)
        return f"{self.label} = {self.value}{conf}{extra}"


def _e(s: object) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _fmt_value(v: Any, unit: str | None = None, flag: str | None = None) -> str:
    if v is None:
        return f"null ({flag})" if flag else "null"
    return f"{v}{unit or ''}"


def _collect(record: dict, n: int) -> tuple[list[_Ann], dict[str, str]]:
    """Annotations over the original text, and a map from cell refs / span keys to anchor ids."""
    anns: list[_Ann] = []
    refs: dict[str, str] = {}

    def ok(s: Any, e: Any) -> bool:
        return isinstance(s, int) and isinstance(e, int) and 0 <= s <= e <= n

    bad_cells: dict[str, list[str]] = {}
    for c in record.get("checks") or []:
        if check_outcome(c) in _BAD_STATUSES:
            for ref in c.get("cells") or []:
                bad_cells.setdefault(ref, []).append(f"{c.get('id')} {c.get('scope')}: {check_outcome(c)}")

    meta = record.get("meta") or {}
    for key in ("issuer", "year", "published"):
        v = meta.get(key)
        if isinstance(v, dict) and ok(v.get("start"), v.get("end")):
            aid = f"meta-{key}"
            anns.append(_Ann(v["start"], v["end"], "meta", f"meta.{key}", _fmt_value(v.get("value")),
                             v.get("confidence"), aid))
            refs[f"meta.{key}"] = aid
    for i, it in enumerate(record.get("narrative") or []):
        if ok(it.get("start"), it.get("end")):
            aid = f"n{i}"
            anns.append(_Ann(it["start"], it["end"], "narrative", str(it.get("label")),
                             _fmt_value(it.get("value"), it.get("unit")), it.get("confidence"), aid))
            refs[f"span:{it['start']}:{it['end']}"] = aid
    j = 0
    for tname, t in (record.get("tables") or {}).items():
        for ckey, c in ((t or {}).get("cells") or {}).items():
            if not isinstance(c, dict) or not ok(c.get("start"), c.get("end")):
                continue
            ref = f"{tname}.{ckey}"
            aid = f"c{j}"
            j += 1
            notes = bad_cells.get(ref, [])
            anns.append(_Ann(c["start"], c["end"], "cell", ref, _fmt_value(c.get("value"), c.get("unit"), c.get("flag")),
                             c.get("confidence"), aid, bad=bool(notes), notes=list(notes)))
            refs[ref] = aid
            refs.setdefault(f"span:{c['start']}:{c['end']}", aid)
    for key, f in (record.get("fields") or {}).items():
        if not isinstance(f, dict):
            continue
        ev = f.get("evidence") or {}
        s, e = ev.get("start"), ev.get("end")
        if not ok(s, e):
            continue
        existing = refs.get(f"span:{s}:{e}")
        if existing is None:
            aid = f"f-{key}"
            anns.append(_Ann(s, e, "field", f"fields.{key}", _fmt_value(f.get("value"), f.get("unit")),
                             f.get("confidence"), aid))
            refs[f"span:{s}:{e}"] = aid
            existing = aid
        else:
            for a in anns:
                if a.aid == existing:
                    a.notes.append(f"fields.{key} = {_fmt_value(f.get('value'), f.get('unit'))}")
        refs[f"fields.{key}"] = existing
    return anns, refs


def _render_text(text: str, anns: list[_Ann]) -> str:
    """The text with <mark> segments; an anchor <span id> at the start of every annotation."""
    n = len(text)
    bounds = {0, n}
    for a in anns:
        bounds.update((a.start, a.end))
    points = sorted(bounds)
    starts: dict[int, list[_Ann]] = {}
    for a in anns:
        starts.setdefault(a.start, []).append(a)
    out: list[str] = []
    for k, pos in enumerate(points):
        for a in sorted(starts.get(pos, []), key=lambda a: a.end - a.start, reverse=True):
            if a.start == a.end:  # an empty cell: a small box so that it can be seen and linked to
                cls = "empty" + (" low" if a.low else "") + (" bad" if a.bad else "")
                out.append(f'<span id="{a.aid}" class="{cls}" title="{_e(a.describe())}"></span>')
            else:
                out.append(f'<span id="{a.aid}"></span>')
        if k + 1 >= len(points):
            break
        nxt = points[k + 1]
        seg = text[pos:nxt]
        cover = [a for a in anns if a.start <= pos and nxt <= a.end and a.start < a.end]
        if not cover:
            out.append(_e(seg))
            continue
        order = {"cell": 0, "narrative": 1, "field": 2, "meta": 3}
        main = min(cover, key=lambda a: (order[a.kind], a.end - a.start))
        cls = [f"k-{main.kind}"]
        if any(a.low for a in cover):
            cls.append("low")
        if any(a.bad for a in cover):
            cls.append("bad")
        title = "\n".join(a.describe() for a in cover)
        out.append(f'<mark class="{" ".join(cls)}" title="{_e(title)}">{_e(seg)}</mark>')
    return "".join(out)


def _link(aid: str | None, label: str) -> str:
    if not aid:
        return _e(label)
    return f'<a href="#{_e(aid)}">{_e(label)}</a>'


def _conf(c: Any) -> str:
    if not isinstance(c, (int, float)):
        return ""
    cls = ' class="num conf-low"' if c < LOW_CONFIDENCE else ' class="num"'
    return f"<td{cls}>{_pct(c)}</td>"


def _pct(c: float) -> str:
    """Two decimals, three near 1 (0.999 must not read as certainty)."""
    return f"{c:.3f}" if 0.99 < c < 1.0 else f"{c:.2f}"


def render_review(record: dict, original_text: str) -> str:
    """One self-contained HTML page for ``record`` over ``original_text`` (the reader's text)."""
    text = original_text or ""
    src = record.get("source") or {}
    path = src.get("path", "")
    anns, refs = _collect(record, len(text))
    parts: list[str] = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>govie review: {_e(path)}</title>", f"<style>{_CSS}</style></head><body>",
        f'<header><h1>govie review</h1><div class="sub">{_e(path)}'
        + (f" · {_e(src.get('format'))} · {_e(src.get('chars'))} characters" if src.get("format") else "")
        + "</div></header><main>",
    ]
    if record.get("error"):
        parts.append(f'<section class="panel" id="error"><h2>Error</h2><p>{_e(record["error"])}</p></section>')

    # needs attention: low-confidence values and checks that did not pass
    items: list[str] = []
    for c in record.get("checks") or []:
        if check_outcome(c) in _BAD_STATUSES:
            target = None
            for ref in c.get("cells") or []:
                target = refs.get(ref)
                if target:
                    break
            if target is None:
                for sp in c.get("spans") or []:
                    target = refs.get(f"span:{sp.get('start')}:{sp.get('end')}")
                    if target:
                        break
            st = check_outcome(c)
            name = f"{c.get('id')} {c.get('scope')}"
            items.append(f'<li><span class="st st-{_e(st)}">{_e(st)}</span> {_link(target, name)}'
                         f' — {_e(c.get("message"))}</li>')
    fields = record.get("fields") or {}
    low: list[tuple[float, str]] = []  # (confidence, html) of values below LOW_CONFIDENCE, lowest first
    for key, f in fields.items():
        if isinstance(f, dict) and isinstance(f.get("confidence"), (int, float)) and f["confidence"] < LOW_CONFIDENCE:
            low.append((f["confidence"] - 1.0,  # fields first among equals
                        f'<li><span class="st st-low">low</span> {_link(refs.get(f"fields.{key}"), f"fields.{key}")}'
                        f" = {_e(_fmt_value(f.get('value'), f.get('unit')))} (confidence {f['confidence']:.2f})</li>"))
    for a in anns:
        if a.low and a.kind != "field":
            low.append((a.confidence or 0.0, f'<li><span class="st st-low">low</span> {_link(a.aid, a.label)} = '
                        f"{_e(a.value)} (confidence {a.confidence:.2f})</li>"))
    low.sort(key=lambda x: x[0])
    n_checks = len(items)
    items += [h for _, h in low]
    parts.append('<section class="panel" id="attention"><h2>Needs attention '
                 f'<span class="muted">({n_checks} checks, {len(low)} low-confidence values)</span></h2>')
    if not items:
        parts.append(f'<p class="muted">Nothing: every value has confidence ≥ {LOW_CONFIDENCE} and every check '
                     "passed.</p>")
    else:
        shown = n_checks + min(len(low), _LOW_SHOWN)
        parts.append(f'<ul class="attention">{"".join(items[:shown])}</ul>')
        if len(items) > shown:
            parts.append(f'<details><summary>{len(items) - shown} more low-confidence values</summary>'
                         f'<ul class="attention">{"".join(items[shown:])}</ul></details>')
    warnings = record.get("warnings") or []
    if warnings:
        parts.append("<h2>Warnings</h2><ul class=\"attention\">" + "".join(f"<li>{_e(w)}</li>" for w in warnings)
                     + "</ul>")
    parts.append("</section>")

    # metadata and headline fields side by side
    meta = record.get("meta") or {}
    rows = []
    for key in ("issuer", "year", "published"):
        v = meta.get(key)
        if isinstance(v, dict):
            rows.append(f"<tr><th>{_link(refs.get(f'meta.{key}'), key)}</th><td>{_e(v.get('value'))}</td>"
                        f"{_conf(v.get('confidence')) or '<td></td>'}</tr>")
        else:
            rows.append(f'<tr><th>{_e(key)}</th><td class="muted">null</td><td></td></tr>')
    rows.append(f"<tr><th>template</th><td>{_e(meta.get('template'))}</td><td></td></tr>")
    parts.append('<div class="grid"><section class="panel" id="meta"><h2>Report</h2><table>'
                 "<tr><th>key</th><th>value</th><th>confidence</th></tr>" + "".join(rows) + "</table>")
    tables = record.get("tables") or {}
    if tables:
        parts.append("<h2 style=\"margin-top:12px\">Tables</h2><table><tr><th>table</th><th>status</th>"
                     "<th>template</th><th>cells</th></tr>")
        for tname, t in tables.items():
            t = t or {}
            parts.append(f"<tr><td>{_e(tname)}</td><td>{_e(t.get('status'))}</td><td>{_e(t.get('template'))}</td>"
                         f"<td class=\"num\">{len(t.get('cells') or {})}</td></tr>")
        parts.append("</table>")
        checks = record.get("checks") or []
        if checks:
            counts: dict[str, int] = {}
            for c in checks:
                counts[check_outcome(c)] = counts.get(check_outcome(c), 0) + 1
            parts.append("<p>Checks: " + ", ".join(f'<span class="st st-{_e(k)}">{_e(k)}</span> {v}'
                                                    for k, v in sorted(counts.items())) + "</p>")
    parts.append("</section>")
    frows = []
    for key, f in fields.items():
        if not isinstance(f, dict):
            frows.append(f'<tr><th>{_e(key)}</th><td class="muted" colspan="4">null</td></tr>')
            continue
        agree = f.get("agree")
        scoped = any(c.get("id", "").startswith("N-") and c.get("scope") == key and check_outcome(c) == "scope_mismatch"
                     for c in record.get("checks") or [])
        agree_s = "" if agree is None else ("yes" if agree else (
            '<span class="muted">other scope</span>' if scoped else '<span class="agree-false">no</span>'))
        alts = "\n".join(f"alternative: {_fmt_value(a.get('value'), a.get('unit'))} ({a.get('source')})"
                         + (f" — {a['note']}" if a.get("note") else "") for a in f.get("alternatives") or [])
        alt_attr = f' title="{_e(alts)}"' if alts else ""
        n_alt = f' <span class="muted">+{len(f.get("alternatives") or [])}</span>' if alts else ""
        frows.append(f"<tr><th>{_link(refs.get(f'fields.{key}'), key)}</th>"
                     f"<td class=\"num\"{alt_attr}>{_e(_fmt_value(f.get('value'), f.get('unit')))}"
                     f"{n_alt}</td>"
                     f"{_conf(f.get('confidence')) or '<td></td>'}<td>{_e('+'.join(f.get('sources') or []))}</td>"
                     f"<td>{agree_s}</td></tr>")
    parts.append('<section class="panel" id="fields"><h2>Headline fields</h2><table><tr><th>field</th>'
                 "<th>value</th><th>confidence</th><th>sources</th><th>agree</th></tr>"
                 + "".join(frows) + "</table></section></div>")

    parts.append('<section class="panel legend"><span><mark class="k-narrative">narrative span</mark></span>'
                 '<span><mark class="k-cell">table cell</mark></span><span><mark class="k-meta">metadata</mark>'
                 '</span><span><mark class="k-field">field evidence</mark></span>'
                 '<span><mark class="k-cell low">low confidence</mark></span>'
                 '<span><mark class="k-cell bad">in a failed check</mark></span>'
                 '<span><span class="empty"></span> blank cell</span>'
                 '<span class="muted">Hover a highlight for its label, value and confidence.</span></section>')
    parts.append(f'<pre class="doc" id="text">{_render_text(text, anns)}</pre>')
    parts.append("</main></body></html>")
    return "\n".join(parts)
