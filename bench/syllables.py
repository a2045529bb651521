"""Make campaigns/data/syllables.txt: the Vietnamese syllables, folded (lower case, no
diacritics, đ → d), that the scan subject repair (campaigns/scan_subject.py) checks words
against (decision 0039).

Source: the word list inside tesseract's own Vietnamese model (Debian's
`tesseract-ocr-vie`, Apache-2.0, the model the reader already reads scans with), taken
out with tesseract's tools, folded, and kept where it spells a Vietnamese syllable
(onset, rhyme, final: `campaigns.importer._SYLLABLE`), which drops the model's English
words and brand names. Nothing in it comes from the reader's corpus.

    .venv/bin/python -m bench.syllables   (needs combine_tessdata and dawg2wordlist)
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from campaigns.importer import _SYLLABLE
from units.text import fold

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "campaigns" / "data" / "syllables.txt"
MODEL = next(Path("/usr/share/tesseract-ocr").glob("*/tessdata/vie.traineddata"), None)
# One-letter syllables (à, ê, ý, ư …) and "oa": real words the model's list lacks
# folded; the vowels alone are every such word there is.
EXTRA = {"a", "e", "i", "o", "u", "y", "oa"}


def words(model: Path) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = f"{tmp}/vie."
        subprocess.run(
            ["combine_tessdata", "-u", str(model), prefix], check=True, capture_output=True
        )
        out = f"{tmp}/words.txt"
        subprocess.run(
            ["dawg2wordlist", f"{prefix}lstm-unicharset", f"{prefix}lstm-word-dawg", out],
            check=True,
            capture_output=True,
        )
        return Path(out).read_text(encoding="utf-8").split()


def syllables(listed: list[str]) -> list[str]:
    kept = set(EXTRA)
    for word in listed:
        folded = fold(word).lower().replace("đ", "d")
        if folded.isalpha() and folded.isascii() and _SYLLABLE.fullmatch(folded):
            kept.add(folded)
    return sorted(kept)


def main() -> None:
    if MODEL is None:
        raise SystemExit("tesseract's vie.traineddata is not installed")
    found = syllables(words(MODEL))
    TARGET.write_text(
        "# Vietnamese syllables, folded: from tesseract's vie model word list (Apache-2.0),\n"
        "# by bench/syllables.py; see docs/decisions/0039-reader-scan-subject.md\n"
        + "\n".join(found)
        + "\n",
        encoding="utf-8",
    )
    print(f"{len(found)} syllables written to {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
