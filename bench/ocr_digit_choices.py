"""Measurement: would tesseract's own per-character alternatives (`lstm_choice_mode=2`) put
right the digits of a scan's number, symbol year and date that the reader gets wrong?

For every scan of the corpus that may be designed on (split "seen", and the ninth held-out
set, whose misses were printed in docs/benchmarks.md), the committed page `scans/<id>.png`
is read again as the worker reads page 1 (tesseract, `vie`, one thread) but asking hOCR
output with each character's alternatives, and, with `--bands`, its two header band
readings too (`campaigns.ocr.HEADER_SCALES`). The header line "Số: N/SYMBOL" and the date
line "ngày D tháng M năm YYYY" are rebuilt from the labels and aligned character by
character (difflib) with the reading's line that matches each best. For every digit of the
labels aligned with one read character:

- wrong: the read character is not the label's digit; "among alternatives": the label's
  digit is one of tesseract's other choices for that character (and with x_confs ≥ 50);
- right: the read digit is the label's; "a digit alternative": another digit is among its
  choices (and with x_confs ≥ 50): what a choice would wrongly change if it were taken.

    .venv/bin/python -m bench.ocr_digit_choices [--bands] [--verbose] [--cache FOLDER]

Decision 0038. Reads the pages only; writes nothing into the corpus. Never run on a
held-out set still unseen.
"""

from __future__ import annotations

import difflib
import json
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

from bench.corpus import CORPUS, load_corpus
from units.text import fold

XHTML = "{http://www.w3.org/1999/xhtml}"


def hocr_lines(image) -> list[list[tuple[str, list[tuple[str, float]]]]]:
    """The page's lines as tesseract laid them out; each a list of (read character, its
    choices best first as (character, x_confs)), words separated by a space."""
    import pytesseract

    raw = pytesseract.image_to_pdf_or_hocr(
        image, lang="vie", extension="hocr", config="-c lstm_choice_mode=2"
    )
    root = ElementTree.fromstring(raw)
    lines = []
    for line in root.iter(f"{XHTML}span"):
        if line.get("class") not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            continue
        chars: list[tuple[str, list[tuple[str, float]]]] = []
        for word in line.iter(f"{XHTML}span"):
            if word.get("class") != "ocrx_word":
                continue
            chosen = (word.text or "").strip()
            choices = []
            for group in word.iter(f"{XHTML}span"):
                if not (group.get("id") or "").startswith("lstm_choices"):
                    continue
                alternatives = [(c.text or "", float(c.get("title").split()[1])) for c in group]
                if alternatives and alternatives[0][0] != " ":
                    choices.append(alternatives)
            if "".join(a[0][0] for a in choices) != chosen:
                choices = [[(c, 100.0)] for c in chosen]  # not aligned: no alternatives
            if chars:
                chars.append((" ", [(" ", 100.0)]))
            chars += [(a[0][0], a) for a in choices]
        if chars:
            lines.append(chars)
    return lines


def cached(image, key: str):
    """`hocr_lines`, kept in `--cache FOLDER` when given (to count again without OCR)."""
    if "--cache" not in sys.argv:
        return hocr_lines(image)
    path = Path(sys.argv[sys.argv.index("--cache") + 1]) / f"{key}.json"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(hocr_lines(image), ensure_ascii=False), encoding="utf-8")
    return json.loads(path.read_text(encoding="utf-8"))


def targets(expected: dict) -> list[str]:
    out = [f"Số: {expected.get('number') or ''}/{expected.get('symbol') or ''}"]
    if expected.get("date"):
        year, month, day = expected["date"].split("-")
        out.append(f"ngày {int(day)} tháng {int(month)} năm {year}")
    return out


def _folded(chars) -> str:
    return "".join((fold(c)[:1] or "?") if c.strip() else " " for c, _ in chars)


def measure(
    lines,
    expected: dict,
    counts: Counter,
    details: list,
    name: str,
    votes: dict | None = None,
    reading: str = "page",
) -> None:
    for number, target in enumerate(targets(expected)):
        wanted = fold(target)

        def overlap(chars, wanted=wanted):
            matcher = difflib.SequenceMatcher(None, _folded(chars), wanted, autojunk=False)
            return sum(block.size for block in matcher.get_matching_blocks())

        if not lines:
            continue
        chars = max(lines, key=overlap)
        got = _folded(chars)
        matcher = difflib.SequenceMatcher(None, got, wanted, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            aligned = tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1)
            for k in range(j2 - j1):
                digit = wanted[j1 + k]
                if not digit.isdigit():
                    continue
                if not aligned:
                    counts["wrong, not aligned"] += 1
                    details.append((name, target, digit, got[i1:i2]))
                    continue
                read, choices = chars[i1 + k]
                if votes is not None:
                    votes.setdefault((name, number, j1 + k, digit), []).append((reading, choices))
                others = [(c, conf) for c, conf in choices[1:]]
                if read == digit:
                    counts["right"] += 1
                    rivals = [conf for c, conf in others if c.isdigit() and c != digit]
                    counts["right, a digit alternative"] += bool(rivals)
                    counts["right, a digit alternative ≥ 50"] += any(c >= 50 for c in rivals)
                else:
                    counts["wrong"] += 1
                    hits = [conf for c, conf in others if c == digit]
                    counts["wrong, right digit among alternatives"] += bool(hits)
                    counts["wrong, right digit among alternatives ≥ 50"] += any(
                        c >= 50 for c in hits
                    )
                    details.append((name, target, digit, read, [(c, round(v)) for c, v in choices]))


def vote_counts(votes: dict) -> dict:
    """A per-character vote: at each label digit, the digit whose x_confs summed over the
    readings that aligned a character there (the page's first) is highest, against the
    page's own character: digits it would put right, and right digits it would change."""
    counts: Counter = Counter()
    changed = []
    for (name, target, _position, digit), readings in votes.items():
        if readings[0][0] != "page":
            continue  # the page did not align a character there
        page = readings[0][1][0][0]
        total: Counter = Counter()
        for _reading, choices in readings:
            for character, confidence in choices:
                if character.isdigit():
                    total[character] += confidence
        winner = max(total, key=lambda c: (total[c], c == page)) if total else page
        kind = "a digit" if page.isdigit() else "a letter"
        if page == digit:
            counts["right on the page"] += 1
            counts["right on the page, the vote changes it (a break)"] += winner != digit
        else:
            counts[f"wrong on the page, read as {kind}"] += 1
            counts[f"wrong on the page, read as {kind}: the vote puts it right"] += winner == digit
        if winner != page and (page.isdigit() or winner == digit):
            changed.append((name, target, digit, page, winner, dict(total)))
    return {"counts": counts, "changed": changed}


def main() -> None:
    from PIL import Image

    from campaigns import ocr

    bands = "--bands" in sys.argv
    verbose = "--verbose" in sys.argv
    readings = {"page": Counter()} | (
        {f"{s}×": Counter() for s in ocr.HEADER_SCALES} if bands else {}
    )
    details: dict[str, list] = {key: [] for key in readings}
    votes: dict = {}
    for document in load_corpus():
        if document.kind != "scan" or document.split not in ("seen", "heldout"):
            continue
        name = document.id.removesuffix("-scan")
        image = Image.open(CORPUS / "scans" / f"{name}.png").convert("L")
        width, height = image.size
        measure(
            cached(image, f"{name}-page"),
            document.expected,
            readings["page"],
            details["page"],
            name,
            votes,
        )
        if bands:
            for scale in ocr.HEADER_SCALES:
                band = image.crop((0, 0, width, int(height * ocr.HEADER_BAND)))
                size = (int(width * scale), int(band.size[1] * scale))
                if scale >= 2:
                    band = band.resize(size, Image.LANCZOS).point(lambda v: 0 if v < 128 else 255)
                else:
                    band = band.resize(size, Image.BICUBIC)
                key = f"{scale}×"
                measure(
                    cached(band, f"{name}-{scale}"),
                    document.expected,
                    readings[key],
                    details[key],
                    name,
                    votes,
                    key,
                )
    print(json.dumps(readings, ensure_ascii=False, indent=1))
    voted = vote_counts(votes)
    print(json.dumps(voted["counts"], ensure_ascii=False, indent=1))
    for row in voted["changed"]:
        print("changed:", row)
    if verbose:
        for key, rows in details.items():
            print(f"== {key}")
            for row in rows:
                print(row)


if __name__ == "__main__":
    main()
