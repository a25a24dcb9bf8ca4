"""Synthetic report generator for the narrative model's training data (labels.md encoding).

``paragraphs(n, seed)`` and ``reports(n, seed)`` yield records
``{"id", "text", "spans", "frame", "frames", "report"}``; ``frame_ids()`` lists the stable frame ids that
``exclude_frames``/``only_frames`` accept (held-out-frames evaluation).  CLI: ``python -m training.synth``.
"""

from __future__ import annotations

from .frames import FRAMES, frame_ids
from .noise import NO_NOISE, NoiseConfig
from .report import paragraphs, reports

__all__ = ["FRAMES", "NO_NOISE", "NoiseConfig", "frame_ids", "paragraphs", "reports"]
