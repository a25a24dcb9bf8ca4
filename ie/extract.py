"""The extraction pipeline for one file: read → normalize → sections → tables → narrative → meta → fields."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Protocol

from ie.calibration import calibrate_record
from ie.fields import merge_fields
from ie.meta import extract_meta
from ie.normalize import Normalized, normalize
from ie.readers import read_document
from ie.record import build_record, source_info
from ie.sections import Section, narrative_ranges, split_sections
from ie.tables import parse_tables, unflatten

_REPORT_MARKERS = re.compile(r"政府信息公开|信息公开工作|政务公开")


class NarrativeTagger(Protocol):
    def tag(self, norm: Normalized, ranges: list[tuple[int, int]]) -> list[dict[str, Any]]: ...


def sections_out(norm: Normalized, sections: list[Section]) -> list[dict[str, Any]]:
    """Sections with offsets into the original text (the preamble only when it holds text)."""
    out = []
    for sec in sections:
        if sec.key == "preamble" and not norm.text[sec.start:sec.end].strip():
            continue
        start, end = norm.to_original(sec.start, sec.end)
        out.append({"key": sec.key, "title": sec.title, "start": start, "end": end})
    return out


def _without(ranges: list[tuple[int, int]], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in ranges:
        for hs, he in sorted(holes):
            if he <= s or hs >= e:
                continue
            if hs > s:
                out.append((s, hs))
            s = max(s, he)
        if s < e:
            out.append((s, e))
    return out


def looks_like_report(norm: Normalized, sections: list[Section]) -> bool:
    return len(sections) > 2 or bool(_REPORT_MARKERS.search(norm.text[:3000]))


def extract_file(
    path: str | Path, *, tagger: NarrativeTagger | None = None, with_text: bool = False
) -> dict[str, Any]:
    """Extract one report into a record (raises ``InputError`` on unreadable input)."""
    path = Path(path)
    doc = read_document(path)
    norm = normalize(doc.text, pdf=doc.pages is not None, soft_breaks=doc.soft_breaks)
    sections = split_sections(norm.text)
    warnings = list(doc.warnings)
    if not looks_like_report(norm, sections):
        warnings.append("does not look like a government information-disclosure annual report "
                        "(no report sections or disclosure vocabulary found)")
    elif len(sections) <= 1:
        warnings.append("no section headings found; the whole text is treated as narrative")

    flat = unflatten(norm)
    tables, checks, table_warnings = parse_tables(norm, sections, flat=flat)
    warnings.extend(table_warnings)

    narrative: list[dict[str, Any]] = []
    if tagger is not None:
        ranges = narrative_ranges(norm.text, sections)
        if flat is not None:  # a table flattened into a prose line is no prose
            ranges = _without(ranges, flat.tables)
        narrative = tagger.tag(norm, ranges)

    meta = extract_meta(norm, sections, tables)

    record = build_record(
        source=source_info(path, path.read_bytes(), doc.format, len(doc.text)),
        meta=meta,
        sections=sections_out(norm, sections),
        narrative=narrative,
        tables=tables,
        checks=checks,
        warnings=warnings,
    )
    calibrate_record(record)
    fields, extra_checks, field_warnings = merge_fields(record, norm)
    record["fields"] = fields
    record["checks"].extend(extra_checks)
    record["warnings"].extend(field_warnings)
    if doc.pages:
        record["source"]["pages"] = len({p for _, _, p in doc.pages})
    if with_text:
        record["text"] = doc.text
        record["normalized_text"] = norm.text
    return record
