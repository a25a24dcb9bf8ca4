"""Pieces and the small template language the frames are written in.

A generated text is a list of :class:`Piece` objects: plain text, or the numeral / unit of a quantity.
Noise is applied piece by piece (never inside a numeral or unit), and spans are computed only when the
pieces are joined, so every offset is exact whatever the noise did.

Template syntax (see frames.py):

* ``{name}``: a random choice from ``parts.PARTS[name]``; choices are templates themselves.
* ``{year}``, ``{prev}``, ``{body}``: the report's year, the year before, the reporting body.
* ``{#LABEL:kind}``: a quantity of numbers.UNITS ``kind`` tagged ``LABEL`` (``O`` for an untagged one).
  ``{#LABEL:kind<k}`` draws a value below quantity number ``k`` of the same frame (1-based);
  ``{#LABEL:kind=k}`` repeats quantity ``k``'s value and unit.  ``pct`` is a response rate, ``share``
  a share/growth percentage, ``money`` an amount of money.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import numbers
from .parts import PARTS

SLOT = re.compile(r"\{([^{}]+)\}")
QTY = re.compile(r"#(?P<label>[A-Z_]+|O):(?P<kind>[a-z]+)(?:(?P<op>[<=])(?P<ref>\d+))?$")


@dataclass
class Piece:
    """A run of text; ``role`` is ``text``, ``num``, ``gap`` or ``unit``.

    ``qid`` groups the num/gap/unit pieces of one quantity; ``label`` is its label (``O`` when it is a
    quantity that must stay untagged, ``None`` for plain text).
    """

    text: str
    role: str = "text"
    qid: int | None = None
    label: str | None = None


@dataclass
class Context:
    """What stays fixed over one synthetic report."""

    year: int
    body: str
    qcounter: list[int] = field(default_factory=lambda: [0])

    def next_qid(self) -> int:
        self.qcounter[0] += 1
        return self.qcounter[0]


class Expander:
    """Expands one frame template into pieces."""

    def __init__(self, rng: random.Random, ctx: Context) -> None:
        self.rng = rng
        self.ctx = ctx
        self.values: list[numbers.Quantity] = []

    def expand(self, template: str) -> list[Piece]:
        self.values = []
        out: list[Piece] = []
        self._expand(template, out, depth=0)
        return merge_text(out)

    def _expand(self, template: str, out: list[Piece], depth: int) -> None:
        if depth > 8:
            raise ValueError(f"template recursion too deep: {template!r}")
        pos = 0
        for m in SLOT.finditer(template):
            if m.start() > pos:
                out.append(Piece(template[pos:m.start()]))
            self._slot(m.group(1), out, depth)
            pos = m.end()
        if pos < len(template):
            out.append(Piece(template[pos:]))

    def _slot(self, name: str, out: list[Piece], depth: int) -> None:
        if name.startswith("#"):
            out.extend(self._quantity(name))
        elif name == "year":
            out.append(Piece(str(self.ctx.year)))
        elif name == "prev":
            out.append(Piece(str(self.ctx.year - 1)))
        elif name == "body":
            out.append(Piece(self.ctx.body))
        elif name in PARTS:
            self._expand(self.rng.choice(PARTS[name]), out, depth + 1)
        else:
            raise KeyError(f"unknown template slot {{{name}}}")

    def _quantity(self, spec: str) -> list[Piece]:
        m = QTY.match(spec)
        if not m:
            raise ValueError(f"bad quantity slot {{{spec}}}")
        label, kind, op, ref = m["label"], m["kind"], m["op"], m["ref"]
        rng = self.rng
        if kind == "pct":
            q = numbers.render_percent(rng)
        elif kind == "share":
            q = numbers.render_share(rng)
        elif kind == "money":
            if rng.random() < 0.5:
                q = numbers.Quantity(f"{rng.uniform(0.01, 50):.2f}".rstrip("0").rstrip("."), "万元", 0.0)
            else:
                q = numbers.Quantity(str(rng.randint(1, 9000)), "元", 0.0)
        elif op == "=":
            q = self.values[int(ref) - 1]
        elif op == "<":
            base = self.values[int(ref) - 1]
            below = max(2, int(base.value)) if base.value else None
            v = numbers.draw_value(rng, kind, below=below)
            q = numbers.render_count(rng, kind, value=v, allow_chinese=False)
        else:
            q = numbers.render_count(rng, kind)
        self.values.append(q)
        qid = self.ctx.next_qid()
        pieces = [Piece(q.numeral, "num", qid, label)]
        if q.unit:
            pieces.append(Piece(q.unit, "unit", qid, label))
        return pieces


def merge_text(pieces: list[Piece]) -> list[Piece]:
    """Join neighbouring plain-text pieces and drop empty ones."""
    out: list[Piece] = []
    for p in pieces:
        if not p.text:
            continue
        if p.role == "text" and out and out[-1].role == "text":
            out[-1] = Piece(out[-1].text + p.text)
        else:
            out.append(p)
    return out


def assemble(pieces: list[Piece]) -> tuple[str, list[dict]]:
    """Join pieces into the raw text and the spans (labels.md encoding) of the tagged quantities."""
    parts: list[str] = []
    spans: dict[int, dict] = {}
    pos = 0
    for p in pieces:
        if p.qid is not None and p.label not in (None, "O"):
            sp = spans.setdefault(p.qid, {"start": pos, "end": pos, "label": p.label})
            sp["end"] = pos + len(p.text)
        parts.append(p.text)
        pos += len(p.text)
    return "".join(parts), sorted(spans.values(), key=lambda s: s["start"])
