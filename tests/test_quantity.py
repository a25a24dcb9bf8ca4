"""Span text -> value / unit / approximate (labels.md "Values")."""

from __future__ import annotations

import pytest

from ie.quantity import parse_quantity


@pytest.mark.parametrize(
    ("span", "value", "unit", "approx"),
    [
        ("574件", 574, "件", False),
        ("2.5万人次", 25000, "人次", False),
        ("70余人次", 70, "人次", True),
        ("一千二百件", 1200, "件", False),
        ("两期", 2, "期", False),
        ("95.5%", 95.5, "%", False),
        ("95.5％", 95.5, "%", False),
        ("１２３４条", 1234, "条", False),
        ("2428 条", 2428, "条", False),
        ("2428\n条", 2428, "条", False),
        ("60多批次", 60, "批次", True),
        ("十几个", 10, "个", True),
        ("三十场", 30, "场", False),
        ("100", 100, None, False),
        ("3个百分点", 3, "个百分点", False),
        ("1,234件", 1234, "件", False),
        ("10余万条", 100000, "条", True),
        ("1.2亿次", 120000000, "次", False),
        ("3萬餘條", 30000, "條", True),
        ("百分之九十五", 95, "%", False),
        ("0件", 0, "件", False),
    ],
)
def test_parse_quantity(span: str, value, unit, approx) -> None:
    q = parse_quantity(span)
    assert q.value == value
    assert type(q.value) is type(value)
    assert q.unit == unit
    assert q.approximate is approx


def test_unreadable_is_none_not_zero() -> None:
    q = parse_quantity("若干件")
    assert q.value is None
