"""Does Debian's second Vietnamese model, `script/Vietnamese`, help the reader on scans?

    .venv/bin/python -m bench.ocr_script

Debian's `tesseract-ocr-script-viet` installs `Vietnamese.traineddata` beside `vie` (called
`-l Vietnamese`): an LSTM model trained on the Vietnamese script over many fonts, four times
the size of `vie`'s network, with the same dictionaries. Measured on the corpus's SEEN 150 dpi
scan pages only (tests/fixtures/reader_corpus/scans/, `split: seen` in their `-scan.json`; the
held-out sets are never read here), each read as campaigns/ocr.py reads a page (one thread,
lines rebuilt from image_to_data) and parsed as a scan, scored by bench/corpus.py:

(a) today's reading: the page by `vie`, alone and with its header band's two further
    readings (1.5×, 2×) and digit alternatives, as `parse_scan` parses it;
(b) the page by `Vietnamese` alone; (c) by `vie+Vietnamese`;
(d) today's reading with the header band read again by `Vietnamese` (at 1×, 1.5×, 2×) as a
    further reading for the vote (`importer._vote_header`): how often its value agrees with
    the page's when the page is wrong (a correlated reader cannot vote), and the fields won;
(e) `Vietnamese` 1× in place of one of today's two band readings (today's cost).

Also the characters of the header lines make_scans.py drew found in each reading (the OCR
alone, before the parser's repairs) and the seconds per reading. Printed only (decision 0045).
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from PIL import Image

from bench.corpus import CORPUS, HEADER_FIELDS, Document, field_results, normalise
from bench.ocr_preprocess import drawn_lines, matched, seen_scans
from campaigns import ocr
from campaigns.confidence import uncertain
from campaigns.importer import VOTED, _Parser, _vote_key, parse_text

SCRIPT = "Vietnamese"


def read(image, language: str, *, choices: bool = False, top: int | None = None):
    ocr.LANGUAGE = language  # read at call time by ocr._tesseract
    try:
        return ocr._read_page(image, choices=choices, top=top)
    finally:
        ocr.LANGUAGE = "vie"


def band(image, scale: float, language: str):
    width, height = image.size
    part = image.crop((0, 0, width, int(height * ocr.HEADER_BAND)))
    if scale == 1:
        return read(part, language, choices=True)[::2]
    size = (int(width * scale), int(part.size[1] * scale))
    if scale >= 2:
        part = part.resize(size, Image.LANCZOS).point(lambda v: 0 if v < 128 else 255)
    else:
        part = part.resize(size, Image.BICUBIC)
    return read(part, language, choices=True)[::2]


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    out = function(*args, **kwargs)
    return out, time.perf_counter() - start


def pipeline_seconds(image, extra: list[tuple[float, str]]) -> float:
    """Wall seconds of page 1 as `_read_first_page` reads it, with `extra` band readings
    submitted beside the two of today (two workers: the machine has two cores)."""
    start = time.perf_counter()
    jobs = [(scale, "vie") for scale in ocr.HEADER_SCALES] + extra
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        further = [pool.submit(band, image, scale, lang) for scale, lang in jobs]
        read(image, "vie", choices=True, top=int(image.size[1] * ocr.HEADER_BAND))
        [f.result() for f in further]
    return time.perf_counter() - start


MARKS: Counter = Counter()


def score(document: Document, text: str, readings=(), choices=None, label: str = ""):
    parsed = parse_text(text, scanned=True, header_readings=readings, digit_choices=choices)
    contract = parsed.as_contract()
    results = field_results(document, contract)
    results = {name: ok for name, ok in results.items() if name in HEADER_FIELDS}
    if label:  # wrong and unmarked, right and marked ("Cần kiểm tra")
        flagged = uncertain(contract["confidence"], HEADER_FIELDS)
        for name, ok in results.items():
            got = contract.get(name)
            if not ok and got and normalise(document.expected.get(name)):
                MARKS[(label, "wrong unmarked")] += name not in flagged
            MARKS[(label, "right marked")] += ok and name in flagged
    return results


def main() -> None:
    import subprocess

    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    if SCRIPT not in langs.stdout.split():
        raise SystemExit("needs Debian's tesseract-ocr-script-viet (apt-get install it)")
    scans = seen_scans()
    rows: dict[str, Counter] = {}
    fields: dict[str, Counter] = {}
    chars: Counter = Counter()
    seconds: dict[str, list[float]] = {}
    agree: dict[str, Counter] = {}
    chars_total = 0
    same_as_committed: Counter = Counter()

    def add(label: str, results: dict[str, bool]) -> None:
        rows.setdefault(label, Counter())
        fields.setdefault(label, Counter())
        rows[label]["right"] += sum(results.values())
        rows[label]["total"] += len(results)
        for name, ok in results.items():
            fields[label][name] += ok

    for png, meta in scans:
        image = Image.open(png).convert("L")
        document = Document(png.stem, "", "seen", "scan", "", "", meta["expected"])
        top = int(image.size[1] * ocr.HEADER_BAND)
        (page, _, page_choices), t = timed(read, image, "vie", choices=True, top=top)
        seconds.setdefault("page vie", []).append(t)
        vie_bands = []
        for scale in ocr.HEADER_SCALES:
            (text, lines), t = timed(band, image, scale, "vie")
            seconds.setdefault(f"band vie {scale}×", []).append(t)
            vie_bands.append((text, lines))
        (script_page, _), t = timed(read, image, SCRIPT)
        seconds.setdefault("page Vietnamese", []).append(t)
        (both_page, _), t = timed(read, image, f"vie+{SCRIPT}")
        seconds.setdefault("page vie+Vietnamese", []).append(t)
        script_bands, script_lines = {}, {}
        committed = (CORPUS / f"{png.stem}-scan.txt").read_text(encoding="utf-8")
        same_as_committed[page + "\n" == committed] += 1
        for scale in (1.0, 1.5, 2.0):
            (text, lines), t = timed(band, image, scale, SCRIPT)
            seconds.setdefault(f"band Vietnamese {scale}×", []).append(t)
            script_bands[scale] = text
            script_lines[scale] = lines
        readings = [text for text, _ in vie_bands]
        choices = {"page": page_choices, "bands": [lines for _, lines in vie_bands]}
        if ocr.is_low_resolution(image):
            seconds.setdefault("page 1 today (wall)", []).append(pipeline_seconds(image, []))
            seconds.setdefault("page 1 + Vietnamese 1× band (wall)", []).append(
                pipeline_seconds(image, [(1.0, SCRIPT)])
            )
        else:
            readings, choices = [], {}
        add("(a) vie page alone", score(document, page))
        today = "(a) vie page + vote + digits (today)"
        add(today, score(document, page, readings, choices, today))
        add("(b) Vietnamese page alone", score(document, script_page))
        add("(b') Vietnamese page + vie vote + digits", score(document, script_page, readings))
        add("(c) vie+Vietnamese page alone", score(document, both_page))
        for scale, text in script_bands.items():
            label = f"(d) today + Vietnamese band {scale}× in the vote"
            add(label, score(document, page, [*readings, text], choices))
        add(
            "(d) today + Vietnamese bands 1× and 1.5× in the vote",
            score(document, page, [*readings, script_bands[1.0], script_bands[1.5]], choices),
        )
        for kept in (0, 1):  # Vietnamese 1× in place of one of today's two: same cost
            scale = ocr.HEADER_SCALES[kept]
            label = f"(e) vie {scale}× + Vietnamese 1× band (in place of the other)"
            swapped = [readings[kept], script_bands[1.0]] if readings else []
            swapped_choices = (
                {"page": page_choices, "bands": [vie_bands[kept][1], script_lines[1.0]]}
                if readings
                else {}
            )
            add(label, score(document, page, swapped, swapped_choices, label))
        # agreement with the page's own value, field by field, before any vote
        mine = _Parser(page, scanned=True).run()
        right = score(document, page)
        others = {
            f"vie band {s}×": text
            for s, (text, _) in zip(ocr.HEADER_SCALES, vie_bands, strict=True)
        }
        others |= {f"Vietnamese band {s}×": t for s, t in script_bands.items()}
        others["Vietnamese page"] = script_page
        for label, text in others.items():
            other = _Parser(text, scanned=True).run()
            other_right = score(document, text)
            counter = agree.setdefault(label, Counter())
            for name in VOTED:
                if name not in right:
                    continue
                same = _vote_key(mine, name) and _vote_key(mine, name) == _vote_key(other, name)
                if right[name]:
                    counter["page right"] += 1
                    counter["agrees when right"] += bool(same)
                else:
                    counter["page wrong"] += 1
                    counter["agrees when wrong"] += bool(same)
                    counter["right when page wrong"] += other_right.get(name, False)
        header, _ = drawn_lines(png.stem)
        for label, text in (
            ("vie page", page),
            ("Vietnamese page", script_page),
            ("vie+Vietnamese page", both_page),
            ("Vietnamese band 1×", script_bands[1.0]),
        ):
            lines = [line for line in text.splitlines() if line.strip()]
            for line in header:
                chars[label] += max((matched(line, r) for r in lines), default=0)
        chars_total += sum(len(line) for line in header)
        print(png.stem, file=sys.stderr, flush=True)

    print(f"{len(scans)} seen 150 dpi scan pages; vie page as committed: {same_as_committed}\n")
    print("| variant | header fields | " + " | ".join(HEADER_FIELDS) + " |")
    print("|---|---|" + "---|" * len(HEADER_FIELDS))
    for label, counter in rows.items():
        right, total = counter["right"], counter["total"]
        per = " | ".join(str(fields[label][name]) for name in HEADER_FIELDS)
        print(f"| {label} | {right}/{total} ({100 * right / total:.1f}%) | {per} |")
    print("\n| header characters found | % |\n|---|---|")
    for label, count in chars.items():
        print(f"| {label} | {100 * count / chars_total:.1f}% ({count}/{chars_total}) |")
    print("\n| further reading (voted fields: number, symbol, date, type) | page wrong | "
          "agrees with the page when it is wrong | right where the page is wrong | "
          "agrees when the page is right |\n|---|---|---|---|---|")  # fmt: skip
    for label, c in agree.items():
        print(
            f"| {label} | {c['page wrong']} | {c['agrees when wrong']} | "
            f"{c['right when page wrong']} | {c['agrees when right']}/{c['page right']} |"
        )
    print("\n| variant | wrong and unmarked | right and marked |\n|---|---|---|")
    for label in dict.fromkeys(label for label, _ in MARKS):
        print(
            f"| {label} | {MARKS[(label, 'wrong unmarked')]} | {MARKS[(label, 'right marked')]} |"
        )
    print("\n| reading | median s | slowest s |\n|---|---|---|")
    for label, values in seconds.items():
        print(f"| {label} | {statistics.median(values):.2f} | {max(values):.2f} |")


if __name__ == "__main__":
    main()
