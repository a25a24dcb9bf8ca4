"""The extracted record (../shared/spec/record.md): the one place its top-level shape is built."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "1"
TABLE_KEYS = ("proactive_disclosure", "applications", "review_litigation", "statistics_pre2019")
FIELD_KEYS = (
    "disclosed_total", "disclosed_website", "disclosed_gazette", "disclosed_newmedia", "policy_docs",
    "interpretations", "press_events", "applications_received", "hotline_received", "hotline_resolved",
    "response_rate", "training", "applications_processed", "reviews_total", "lawsuits_total",
    "processing_fees",
)


def empty_tables() -> dict[str, dict[str, Any]]:
    """Every table `missing` with no cells: what a record holds before (or without) the rule layer."""
    return {key: {"status": "missing", "cells": {}} for key in TABLE_KEYS}


def empty_meta() -> dict[str, Any]:
    return {"issuer": None, "year": None, "published": None, "template": None}


def source_info(path: str | Path, data: bytes, fmt: str, chars: int) -> dict[str, Any]:
    return {"path": str(path), "sha256": hashlib.sha256(data).hexdigest(), "format": fmt, "chars": chars}


def build_record(
    *,
    source: dict[str, Any],
    meta: dict[str, Any] | None = None,
    sections: list[dict[str, Any]] | None = None,
    narrative: list[dict[str, Any]] | None = None,
    tables: dict[str, dict[str, Any]] | None = None,
    checks: list[dict[str, Any]] | None = None,
    fields: dict[str, Any] | None = None,
    warnings: list[str] | None = None,
) -> dict[str, Any]:
    """Assemble a record with every key of record.md present, in record.md's order."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "meta": meta if meta is not None else empty_meta(),
        "sections": sections or [],
        "narrative": narrative or [],
        "tables": tables if tables is not None else empty_tables(),
        "checks": checks or [],
        "fields": fields if fields is not None else {key: None for key in FIELD_KEYS},
        "warnings": warnings or [],
    }


def check_outcome(check: dict[str, Any]) -> str:
    """What a check found: its ``status``, or for a skipped check the ``reason`` it gives.

    record.md fixes four statuses; a narrative-vs-table check about another scope (a sub-office's figure
    against the whole government's table) is ``skipped`` with ``reason: "scope_mismatch"``, which the
    review page and the exports still show as an outcome of its own.
    """
    status = str(check.get("status"))
    return str(check.get("reason") or status) if status == "skipped" else status


def error_record(path: str | Path, message: str) -> dict[str, Any]:
    """The record of a file that could not be read: kept in batch output so no input goes missing."""
    return {"schema_version": SCHEMA_VERSION, "source": {"path": str(path)}, "error": message}
