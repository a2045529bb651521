"""Issue 15: the document reader takes time in proportion to the text, never its square.

400 KB of text took 16.5 s and 2 MB did not finish: a paragraph was joined again at
every line and searched from its start for its end, and every cited document searched
the rest of the text for where its issuer's name ends. Times are CPU time of this
process, so that other work on the machine does not count.
"""

from __future__ import annotations

import time
from pathlib import Path

from campaigns.importer import parse_text

SEEDS = Path(__file__).parent / "fixtures" / "documents"


def document_of(size: int) -> str:
    """Real launch documents, then a long hard-wrapped paragraph (no line ends a sentence)
    that cites documents with dates and issuers, as a badly extracted PDF gives."""
    seeds = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    lines = []
    number = 0
    while sum(map(len, lines)) < size - len(seeds):
        number += 1
        lines.append(
            f"các đơn vị thực hiện Kế hoạch số {number}/KH-UBND ngày 4/7/2024 của UBND tỉnh "
            f"Lai Châu, đến ngày 30/6/2025 và báo cáo kết quả về Ban Thi đua"
        )
    return (seeds + "\n" + "\n".join(lines))[:size]


def cpu_seconds(text: str) -> float:
    start = time.process_time()
    parsed = parse_text(text)
    elapsed = time.process_time() - start
    assert parsed.references  # it did read the document, not give up on it
    return elapsed


def test_two_megabytes_of_text_are_read_in_seconds():
    assert cpu_seconds(document_of(2_000_000)) < 10


def test_four_times_the_text_takes_about_four_times_as_long():
    small, large = document_of(200_000), document_of(800_000)
    cpu_seconds(small)  # warm up: regex and fold caches
    ratio = min(cpu_seconds(large) for _ in range(2)) / min(cpu_seconds(small) for _ in range(2))
    # Linear gives 4; the quadratic reader gave more than 12.
    assert ratio < 8, ratio


def test_the_long_paragraph_is_still_read_as_before():
    parsed = parse_text(document_of(60_000))
    cited = [r for r in parsed.references if r["symbol"] == "KH-UBND" and r["number"] == "7"]
    assert cited == [
        {
            "doc_type": "Kế hoạch",
            "name": None,
            "number": "7",
            "symbol": "KH-UBND",
            "date": cited[0]["date"],
            "issuer": "UBND tỉnh Lai Châu",
            "grounds": False,
        }
    ]
    assert cited[0]["date"].isoformat() == "2024-07-04"
