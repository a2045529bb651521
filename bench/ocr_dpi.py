"""Benchmark: the reader on the ninth held-out set's pages scanned at 300 dpi.

The corpus's scans are 150 dpi pages degraded as a photocopy (about 100 dpi in effect); the
review page asks clerks to rescan at 300 dpi. This renders the ninth held-out set's twelve
pages (`NINTH`: held out in the ninth round, seen since the tenth) at 300 dpi with a light office-scanner degradation
(`make_scans.py --dpi 300`, its parameters fixed before any such page was read), reads each
as an uploaded PNG is read (`campaigns.ocr.ocr_document`), parses it as the benchmark parses
a scan (`parse_text(..., scanned=True, header_readings=...)`: none at 300 dpi) and scores it
with the corpus's scorer (`bench.corpus.field_results`). The pages and their OCR output go to
a temporary folder (or `--out FOLDER`), never into the corpus. Each 300 dpi page's OCR is
timed, taking turns with the committed 150 dpi page of the same document.

    .venv/bin/python -m bench.ocr_dpi [--out FOLDER]

Writes its section of docs/benchmarks.md. Measured once (decision 0032); not a tuning tool.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import (
    ALL_FIELDS,
    CORPUS,
    Document,
    field_results,
    load_corpus,
    parse,
    score,
)
from bench.parser import marking
from bench.report import write_section

# The ninth held-out set's twelve scans (decision 0032), measured here when they were held
# out; seen since the tenth round (decision 0036), the set this benchmark keeps measuring.
NINTH = (
    "bnv-2291-cv",
    "btc-bldtbxh-68-ttlt",
    "chinhphu-136-nd",
    "dongnai-21-ct",
    "laocai-hdnd-38-nq",
    "ngason-bcd-255-bc",
    "tct-2728-cv",
    "kontum-2516-kh",
    "bvhttdl-46-qd",
    "phutho-svhttdl-02-hd",
    "giapho-111-cv",
    "binhthuan-63-qd",
)


def _make_scans():
    spec = importlib.util.spec_from_file_location("make_scans", CORPUS / "make_scans.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}%" if total else "-"


def measure(folder: Path) -> dict:
    from campaigns import ocr

    make_scans = _make_scans()
    held = [d for d in load_corpus() if d.scanned and d.dpi == 150 and d.original in NINTH]
    pages, times_300, times_150, same_150 = [], [], [], 0
    for document in held:
        name = document.original
        png = make_scans.render_300(name, folder)
        data = png.read_bytes()
        start = time.perf_counter()
        result = ocr.ocr_document(data, png.name)
        times_300.append(time.perf_counter() - start)
        (folder / f"{name}-scan.txt").write_text(result.text + "\n", encoding="utf-8")
        # the committed 150 dpi page, read in turn under the same load
        old = (CORPUS / "scans" / f"{name}.png").read_bytes()
        start = time.perf_counter()
        old_result = ocr.ocr_document(old, f"{name}.png")
        times_150.append(time.perf_counter() - start)
        same_150 += old_result.text + "\n" == document.text
        pages.append(
            Document(
                id=document.id,
                text=result.text,
                split=document.split,
                kind=document.kind,
                province=document.province,
                source=document.source,
                expected=document.expected,
                header_readings=tuple(result.header_readings),
            )
        )
        print(name, result.size, f"{times_300[-1]:.2f} s", file=sys.stderr)
    return {
        "held": held,
        "pages": pages,
        "times_300": times_300,
        "times_150": times_150,
        "same_150": same_150,
        "size": result.size,
        "low": result.low_resolution,
    }


def main() -> None:
    out = None
    if "--out" in sys.argv:
        out = Path(sys.argv[sys.argv.index("--out") + 1])
        out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        run = measure(out or Path(temporary))
    load = os.getloadavg()[0]
    before, after = score(run["held"]), score(run["pages"])
    wrong, marked, empty = marking(run["pages"])
    wrong_150, marked_150, empty_150 = marking(run["held"])
    for document in run["pages"]:
        parsed = parse(document)
        for name, ok in field_results(document, parsed).items():
            if not ok:
                print(
                    f"miss {document.id} {name}: {document.expected[name]!r} → "
                    f"{parsed.get(name)!r}",
                    file=sys.stderr,
                )

    def cell(s) -> str:
        return f"{_pct(s.right, s.total)} ({s.right}/{s.total})"

    rows = [
        f"| header fields | {cell(before['header'])} | {cell(after['header'])} |",
        f"| all fields | {cell(before['all'])} | {cell(after['all'])} |",
        *[
            f"| {name} | {cell(before['fields'][name])} | {cell(after['fields'][name])} |"
            for name in ALL_FIELDS
            if after["fields"][name].total
        ],
        f"| header fields wrong, marked “Cần kiểm tra” | {marked_150} of {wrong_150} "
        f"| {marked} of {wrong} |",
        f"| header fields not read (expected, empty) | {empty_150} | {empty} |",
        f"| OCR per page, median (s) | {statistics.median(run['times_150']):.2f} "
        f"| {statistics.median(run['times_300']):.2f} |",
        f"| OCR per page, slowest (s) | {max(run['times_150']):.2f} "
        f"| {max(run['times_300']):.2f} |",
    ]
    width, height = run["size"]
    lines = [
        "## The reader on the ninth held-out set scanned at 300 dpi (decision 0032)",
        "",
        "`python -m bench.ocr_dpi`: the twelve held-out pages (`split: heldout`) rendered "
        f"again at 300 dpi ({width}×{height}) by `make_scans.py --dpi 300`, degraded lightly "
        "as an office scanner degrades a clean original (no downsampling, blur 0.5, tilt "
        "0.6°, 400 specks, threshold 150; fixed before any page was read), read as an "
        "uploaded PNG (`campaigns.ocr.ocr_document`; a 300 dpi page is not low resolution, "
        f"so no header re-readings: {'none' if not run['low'] else 'SOME'}), parsed as a "
        "scan and scored by `bench.corpus`. Against the committed 150 dpi photocopies "
        f"(about 100 dpi in effect). Measured once; the reader was not tuned on these pages "
        "and they are not in the corpus.",
        "",
        "| ninth held-out set, 12 pages | 150 dpi photocopy (committed) | 300 dpi, light |",
        "|---|---|---|",
        *rows,
        "",
        f"OCR time: `ocr_document` on the PNG, wall, 300 and 150 dpi pages of a document "
        f"taking turns, one process, load average {load:.1f} on {os.cpu_count()} cores "
        "(shared with other work). A 150 dpi page pays its two header re-readings side by "
        "side. The 150 dpi pages read again gave their committed text "
        f"{run['same_150']} of 12 times.",
    ]
    write_section("ocr_dpi", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
