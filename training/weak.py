"""CLI of the keyword labeller (the rules live in :mod:`ie.keywords`, where the tagger uses them as hints).

    python -m training.weak --in FILE.jsonl --out FILE.jsonl      # add/replace "spans"
    python -m training.weak --eval GOLD.jsonl                      # strict span P/R/F1 per label
"""

from ie.keywords import evaluate, format_report, main, weak_label

__all__ = ["evaluate", "format_report", "main", "weak_label"]

if __name__ == "__main__":
    raise SystemExit(main())
