"""Do tesseract's larger Vietnamese models read the photocopies better than Debian's?

    .venv/bin/python -m bench.ocr_models NAME=TESSDATA_DIR [NAME=TESSDATA_DIR …]

Debian's `tesseract-ocr-vie` is the small "fast" model (a 531 KB `vie.traineddata`). The
larger models, never measured before decision 0069 because they were thought not to be
downloadable here, come in the npm package `@tesseract.js-data/vie` (Apache-2.0 data,
npm registry): `4.0.0_best_int/vie.traineddata.gz` (tessdata_best turned to integers, a
network four times wider) and `4.0.0/vie.traineddata.gz` (the tessdata repository's
model: the same LSTM and the legacy engine). To measure them:

    npm pack @tesseract.js-data/vie && tar xzf tesseract.js-data-vie-1.0.0.tgz
    mkdir best && gunzip -c package/4.0.0_best_int/vie.traineddata.gz > best/vie.traineddata
    ln -s /usr/share/tesseract-ocr/5/tessdata/configs best/configs   # tsv and hocr outputs
    .venv/bin/python -m bench.ocr_models best=best

Each model reads the corpus's SEEN 150 dpi scan pages only (`bench.ocr_preprocess.
seen_scans`; the held-out sets are never read) as campaigns/ocr.py reads them: the page,
and on a low resolution page the header band's two further readings and the digit
alternatives, through `TESSDATA_PREFIX`. Measured per model: the characters of the header
lines make_scans.py drew that are found in the reading (the OCR alone, before the
parser's repairs), the header fields right from the page alone and as the reader parses
it today (bench/corpus.py's scorer), and the seconds per page reading. Debian's model is
always measured as `debian`. Printed only (decision 0069).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections import Counter

from PIL import Image

from bench.corpus import HEADER_FIELDS, Document
from bench.ocr_preprocess import drawn_lines, matched, seen_scans
from bench.ocr_script import band, read, score
from campaigns import ocr

DEBIAN = "/usr/share/tesseract-ocr/5/tessdata"


def measure(models: dict[str, str]) -> list[str]:
    chars: Counter = Counter()
    chars_total = 0
    fields: dict[str, Counter] = {}
    seconds: dict[str, list[float]] = {name: [] for name in models}
    scans = seen_scans()
    for png, meta in scans:
        image = Image.open(png).convert("L")
        document = Document(png.stem, "", "seen", "scan", "", "", meta["expected"])
        top = int(image.size[1] * ocr.HEADER_BAND)
        header, _ = drawn_lines(png.stem)
        chars_total += sum(len(line) for line in header)
        for name, tessdata in models.items():
            os.environ["TESSDATA_PREFIX"] = tessdata
            start = time.perf_counter()
            page, _, page_choices = read(image, "vie", choices=True, top=top)
            seconds[name].append(time.perf_counter() - start)
            lines = [line for line in page.splitlines() if line.strip()]
            chars[name] += sum(max((matched(h, r) for r in lines), default=0) for h in header)
            readings, choices = [], {}
            if ocr.is_low_resolution(image):
                bands = [band(image, scale, "vie") for scale in ocr.HEADER_SCALES]
                readings = [text for text, _ in bands]
                choices = {"page": page_choices, "bands": [lines for _, lines in bands]}
            for how, results in (
                ("page alone", score(document, page)),
                ("as parsed today", score(document, page, readings, choices)),
            ):
                counter = fields.setdefault(f"{name}, {how}", Counter())
                counter["right"] += sum(results.values())
                counter["total"] += len(results)
                for field, ok in results.items():
                    counter[field] += ok
    os.environ.pop("TESSDATA_PREFIX", None)
    out = [
        f"{len(scans)} seen 150 dpi scan pages; header characters drawn: {chars_total}",
        "",
        "| model | header characters | median s | slowest s |",
        "|---|---|---|---|",
    ]
    for name in models:
        out.append(
            f"| {name} | {100 * chars[name] / chars_total:.1f}% | "
            f"{statistics.median(seconds[name]):.2f} | {max(seconds[name]):.2f} |"
        )
    out += [
        "",
        "| model, reading | header fields | " + " | ".join(HEADER_FIELDS) + " |",
        "|---|---|" + "---|" * len(HEADER_FIELDS),
    ]
    for label, counter in fields.items():
        right, total = counter["right"], counter["total"]
        out.append(
            f"| {label} | {right}/{total} ({100 * right / total:.1f}%) | "
            + " | ".join(str(counter[field]) for field in HEADER_FIELDS)
            + " |"
        )
    return out


def main(argv: list[str]) -> None:
    models = {"debian": DEBIAN}
    for argument in argv:
        name, _, tessdata = argument.partition("=")
        if not tessdata or not os.path.exists(os.path.join(tessdata, "vie.traineddata")):
            raise SystemExit(f"{argument}: expected NAME=DIR with DIR/vie.traineddata")
        models[name] = os.path.abspath(tessdata)
    print("\n".join(measure(models)))


if __name__ == "__main__":
    main(sys.argv[1:])
