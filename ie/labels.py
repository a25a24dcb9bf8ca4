"""The narrative span labels of ../shared/spec/labels.md: the one place they are defined in code.

The model sees character-level BIO tags (IOB2): ``O`` then ``B-<LABEL>``/``I-<LABEL>`` for each label in
the order of ``LABELS``.  Ids are stable: never reorder ``LABELS`` (a shipped model's label map would break);
add new labels at the end.
"""

from __future__ import annotations

LABELS: tuple[str, ...] = (
    "DISCLOSED_TOTAL",
    "DISCLOSED_WEBSITE",
    "DISCLOSED_GAZETTE",
    "DISCLOSED_NEWMEDIA",
    "POLICY_DOCS",
    "INTERPRETATIONS",
    "PRESS_EVENTS",
    "APPLICATIONS",
    "HOTLINE_RECEIVED",
    "HOTLINE_RESOLVED",
    "RESPONSE_RATE",
    "TRAINING",
)

OUTSIDE = "O"

#: the labels of one disclosure channel each (their sum, or any figure for several channels, is DISCLOSED_TOTAL)
CHANNEL_LABELS: frozenset[str] = frozenset({"DISCLOSED_WEBSITE", "DISCLOSED_NEWMEDIA", "DISCLOSED_GAZETTE"})

BIO_TAGS: tuple[str, ...] = (OUTSIDE,) + tuple(f"{p}-{lab}" for lab in LABELS for p in ("B", "I"))

label2id: dict[str, int] = {tag: i for i, tag in enumerate(BIO_TAGS)}
id2label: dict[int, str] = dict(enumerate(BIO_TAGS))


def is_label(name: str) -> bool:
    """True when ``name`` is one of the 12 span labels (not a BIO tag)."""
    return name in LABELS


def bio_tag(prefix: str, label: str) -> str:
    """``bio_tag("B", "TRAINING") -> "B-TRAINING"``; raises ``KeyError`` for an unknown label."""
    if label not in LABELS or prefix not in ("B", "I"):
        raise KeyError(f"{prefix}-{label}")
    return f"{prefix}-{label}"


def split_tag(tag: str) -> tuple[str, str | None]:
    """``"B-TRAINING" -> ("B", "TRAINING")``, ``"O" -> ("O", None)``."""
    if tag == OUTSIDE:
        return OUTSIDE, None
    prefix, _, label = tag.partition("-")
    return prefix, label


def bio_tags(length: int, spans) -> list[str]:
    """IOB2 tags for a text of ``length`` characters from ``(start, end, label)`` spans."""
    tags = [OUTSIDE] * length
    for s, e, label in spans:
        tags[s] = f"B-{label}"
        for i in range(s + 1, e):
            tags[i] = f"I-{label}"
    return tags
