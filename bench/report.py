"""docs/benchmarks.md is shared by the benchmarks: each one rewrites its own section."""

from __future__ import annotations

import re
from pathlib import Path

REPORT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
HEADER = (
    "# Benchmarks\n\n"
    "Each section is written by its benchmark (`make bench` runs them all) on this\n"
    "project's 2-core machine. Budgets are checked: a benchmark over budget exits non-zero.\n"
)


def write_section(name: str, lines: list[str]) -> None:
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else HEADER
    if not text.startswith("# Benchmarks"):
        text = HEADER
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = "\n".join([start, *lines, end])
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    text = (
        pattern.sub(lambda _: block, text)
        if pattern.search(text)
        else f"{text.rstrip()}\n\n{block}\n"
    )
    REPORT.write_text(text, encoding="utf-8")
