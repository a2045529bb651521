"""The repository works on its own: nothing reads a path outside it."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("config", "units", "campaigns", "awards", "tests", "bench", "templates", ".ci")
# The ways a path climbs out of the repository to the shared reading folder next to it.
OUTSIDE = re.compile(r"\.\./shared|\"shared\"\s*/|parent\s*/\s*\"shared\"")


def test_no_code_opens_a_path_outside_the_repository():
    offenders = []
    for folder in FOLDERS:
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in {".py", ".html", ".sh", ""} and path.is_file():
                text = path.read_text(encoding="utf-8", errors="ignore")
                if OUTSIDE.search(text) and path != Path(__file__):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_the_reader_fixtures_are_in_the_repository():
    documents = sorted((ROOT / "tests" / "fixtures" / "documents").glob("*.txt"))
    assert [p.name[:3] for p in documents] == ["000", "001", "002", "003", "004"]
    assert all(p.stat().st_size > 1000 for p in documents)
