"""Does standard image preprocessing before tesseract help the reader on scans?

    .venv/bin/python -m bench.ocr_preprocess

Each variant is applied to the corpus's SEEN scan images only (tests/fixtures/reader_corpus/
scans/, the `seen` ones per their `-scan.json`), then read as campaigns/ocr.py reads a page
(`ocr._read_page`: tesseract, vie, one thread, lines rebuilt from image_to_data) and parsed
as a scan. Measured per variant: the header fields right (bench/corpus.py's scorer), the
characters of the page's header lines found in the reading (the lines make_scans.py drew:
a measure of the OCR alone, free of the parser's repair rules), the words of the whole
page found in order, and the seconds per page (preprocessing and OCR). The held-out scans
are not read here: a setting chosen on them would not be a held-out figure. Written to
docs/benchmarks.md, section ocr.
"""

from __future__ import annotations

import difflib
import json
import os
import statistics
import sys
import time
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

from bench.corpus import CORPUS, HEADER_FIELDS, Document, field_results
from bench.report import write_section
from campaigns import ocr
from campaigns.importer import parse_text

sys.path.insert(0, str(CORPUS))
import make_scans  # noqa: E402

SCANS = CORPUS / "scans"


def otsu(image: Image.Image) -> Image.Image:
    histogram = image.histogram()[:256]
    total, weighted = sum(histogram), sum(i * h for i, h in enumerate(histogram))
    below = below_sum = 0
    best, threshold = -1.0, 128
    for level in range(256):
        below += histogram[level]
        below_sum += level * histogram[level]
        above = total - below
        if not below or not above:
            continue
        between = below * above * (below_sum / below - (weighted - below_sum) / above) ** 2
        if between > best:
            best, threshold = between, level
    return image.point(lambda v: 255 if v > threshold else 0)


def despeckle(image: Image.Image) -> Image.Image:
    """A dark pixel with at most one dark neighbour made white, and the reverse."""
    around = image.filter(ImageFilter.Kernel((3, 3), [1, 1, 1, 1, 0, 1, 1, 1, 1], scale=8))
    image = ImageChops.lighter(image, around.point(lambda v: 255 if v >= 224 else 0))
    return ImageChops.darker(image, around.point(lambda v: 0 if v <= 31 else 255))


def skew(image: Image.Image, limit: float = 2.0, step: float = 0.2) -> float:
    """The angle whose rows' ink varies most (projection profile), on a half-size copy."""
    small = ImageOps.invert(image.reduce(2))
    best, angle = -1.0, 0.0
    for index in range(-round(limit / step), round(limit / step) + 1):
        turned = small.rotate(index * step, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = list(turned.resize((1, turned.height), Image.Resampling.BOX).tobytes())
        mean = sum(rows) / len(rows)
        spread = sum((v - mean) ** 2 for v in rows)
        if spread > best:
            best, angle = spread, index * step
    return angle


def deskew(image: Image.Image) -> Image.Image:
    angle = skew(image)
    if abs(angle) < 0.2:
        return image
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def scale(factor: float):
    def resize(image: Image.Image) -> Image.Image:
        size = (round(image.width * factor), round(image.height * factor))
        return image.resize(size, Image.Resampling.LANCZOS)

    return resize


VARIANTS = [
    ("as read now (grayscale only)", [], ""),
    ("upscaled ×2 (300 dpi), Lanczos", [scale(2.0)], ""),
    ("upscaled ×2, then Otsu", [scale(2.0), otsu], ""),
    ("upscaled ×1.5, Lanczos", [scale(1.5)], ""),
    ("median 3, upscaled ×2, Otsu", [lambda i: i.filter(ImageFilter.MedianFilter(3)), scale(2.0), otsu], ""),
    ("despeckled (isolated pixels)", [despeckle], ""),
    ("despeckled, upscaled ×2, Otsu", [despeckle, scale(2.0), otsu], ""),
    ("deskewed (projection profile)", [deskew], ""),
    ("deskewed, then Otsu", [deskew, otsu], ""),
    ("autocontrast, Gaussian blur 0.5", [lambda i: ImageOps.autocontrast(i, cutoff=1), lambda i: i.filter(ImageFilter.GaussianBlur(0.5))], ""),
    ("--psm 4 (one column)", [], "--psm 4"),
    ("--psm 6 (one block)", [], "--psm 6"),
    ("--oem 1 (LSTM only)", [], "--oem 1"),
    ("-c textord_heavy_nr=1", [], "-c textord_heavy_nr=1"),
]  # fmt: skip


def drawn_lines(name: str) -> tuple[list[str], str]:
    """The header lines make_scans.py draws on the page (every line not at the body's
    left margin before the first body line), and the whole page's text."""
    drawn: list[tuple[float, str]] = []
    original = ImageDraw.ImageDraw.text

    def record(self, xy, text, *args, **kwargs):
        drawn.append((xy[0], text))
        return original(self, xy, text, *args, **kwargs)

    ImageDraw.ImageDraw.text = record
    try:
        meta = json.loads((CORPUS / f"{name}.json").read_text(encoding="utf-8"))
        make_scans.render(meta, (CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    finally:
        ImageDraw.ImageDraw.text = original
    header = []
    for x, text in drawn:
        if x == make_scans.MARGIN:
            break
        header.append(text)
    return header, " ".join(text for _, text in drawn)


def matched(a, b) -> int:
    blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks)


def read_page(image: Image.Image, config: str) -> tuple[str, float]:
    import pytesseract

    original = pytesseract.image_to_data

    def with_config(*args, **kwargs):
        return original(*args, config=config, **kwargs)

    pytesseract.image_to_data = with_config
    try:
        text, confidences = ocr._read_page(image)
    finally:
        pytesseract.image_to_data = original
    mean = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return text, round(mean, 2)


def seen_scans() -> list[tuple[Path, dict]]:
    out = []
    for png in sorted(SCANS.glob("*.png")):
        if png.stem.endswith("-200"):  # a 200 dpi office scan (decision 0036), no photocopy
            continue
        meta = json.loads((CORPUS / f"{png.stem}-scan.json").read_text(encoding="utf-8"))
        if meta["split"] == "seen":
            out.append((png, meta))
    return out


def main() -> None:
    scans = seen_scans()
    truths = {png.stem: drawn_lines(png.stem) for png, _ in scans}
    rows = []
    for label, steps, config in VARIANTS:
        right = total = chars = chars_total = words = words_total = 0
        seconds = []
        for png, meta in scans:
            start = time.perf_counter()
            image = Image.open(png).convert("L")
            for step in steps:
                image = step(image)
            text, confidence = read_page(image, config)
            seconds.append(time.perf_counter() - start)
            document = Document(png.stem, text, "seen", "scan", "", "", meta["expected"])
            parsed = parse_text(text, scanned=True, ocr_confidence=confidence).as_contract()
            results = field_results(document, parsed)
            right += sum(ok for name, ok in results.items() if name in HEADER_FIELDS)
            total += sum(1 for name in results if name in HEADER_FIELDS)
            header, page = truths[png.stem]
            lines = [line for line in text.splitlines() if line.strip()]
            for line in header:
                chars += max((matched(line, read) for read in lines), default=0)
                chars_total += len(line)
            words += matched(page.split(), text.split())
            words_total += len(page.split())
        rows.append(
            f"| {label} | {right}/{total} ({100 * right / total:.1f}%) | "
            f"{100 * chars / chars_total:.1f}% | {100 * words / words_total:.1f}% | "
            f"{statistics.median(seconds):.2f} | {max(seconds):.2f} | {os.getloadavg()[0]:.1f} |"
        )
        print(rows[-1], flush=True)
    lines = [
        "## OCR preprocessing (campaigns/ocr.py), chosen on the seen scans",
        "",
        f"`python -m bench.ocr_preprocess`: each variant on the {len(scans)} seen scan images "
        "of the corpus (150 dpi, degraded as a photocopy; the held-out scans are not read "
        "here), read as campaigns/ocr.py reads a page and parsed as a scan. Header fields: "
        "bench/corpus.py's scorer. Header characters: the characters of the header lines "
        "drawn on the page found in the reading (the OCR alone, before the parser's "
        "repairs). Page words: the page's words found in order. Seconds: preprocessing and "
        "OCR of one page, one thread, on a 2-core machine shared with other work.",
        "",
        "| variant | header fields | header characters | page words | median s | slowest s "
        "| load |",
        "|---|---|---|---|---|---|---|",
        *rows,
    ]
    write_section("ocr", lines)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
