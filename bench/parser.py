"""Benchmark: the document reader parses each seed document 100 times.

    make bench      (or: .venv/bin/python -m bench.parser)

Budget: well under 50 ms per document. Writes its section of docs/benchmarks.md.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from bench.report import write_section
from campaigns.importer import fold, parse_text

ROOT = Path(__file__).resolve().parents[1]

SEEDS = ROOT / "tests" / "fixtures" / "documents"
RUNS = 100
BUDGET_MS = 50


def main() -> None:
    rows = []
    worst = 0.0
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parse_text(text)  # warm up
        times = []
        for _ in range(RUNS):
            fold.cache_clear()  # every run starts cold, as a new document would
            start = time.perf_counter()
            parse_text(text)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        worst = max(worst, max(times))
        rows.append(f"| {path.name[:3]} | {len(text):,} | {median:.2f} | {max(times):.2f} |")
    lines = [
        "## Document reader (campaigns/importer.py)",
        "",
        f"Each seed parsed {RUNS} times after one warm-up (`bench/parser.py`). Budget: "
        f"{BUDGET_MS} ms per document.",
        "",
        "| seed | characters | median (ms) | slowest (ms) |",
        "|---|---|---|---|",
        *[r.replace(",", ".") for r in rows],
        "",
        f"Slowest single parse: {worst:.2f} ms — {'within' if worst < BUDGET_MS else 'OVER'} budget.",
    ]
    write_section("parser", lines)
    print("\n".join(lines))
    if worst >= BUDGET_MS:
        sys.exit("Over budget")


if __name__ == "__main__":
    main()
