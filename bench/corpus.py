"""The reader's labelled corpus (tests/fixtures/reader_corpus) and how it is scored.

Each document is a text file and a JSON file of the same name: where it was found
(`source`), its province, `split` ("seen": the reader's rules were written on it; a set
listed in `TOTALS_ONLY` is held out under its own split, of which only totals are ever
printed, and which the "seen" and "all" figures leave out; the first round's "unseen"
documents and the second to twelfth rounds' held-out sets (the tenth set's text readings in
round 10, decision 0042, its scans in round 11, decision 0046; the eleventh and twelfth
sets, totals only in rounds 11 and 12, decisions 0041 and 0047, opened in round 13,
decision 0050; the thirteenth and fourteenth, totals only in rounds 13 and 14, decisions 0049
and 0055, opened in round 14, decision 0051) were looked at and are "seen" now, each saying so in `history`), `kind` ("text", "pdf": as a
PDF's text layer comes out, "portal": copied from a web page with its menus, "news": an
article about a document, "scan": tesseract's output on a rendered page; a scan's `dpi`,
150 unless its JSON says otherwise, decision 0036) and the `expected` fields. A field set
to null is expected to be left empty. Used by tests/test_reader_corpus.py and
bench/parser.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from campaigns.importer import parse_text
from units.text import fold

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "reader_corpus"
# The held-out set as the reader read it before the tenth round (written once by
# `python -m bench.parser --record-before`, then only read).
BEFORE = Path(__file__).resolve().parent / "reader_heldout10_before.json"


@dataclass(frozen=True)
class TotalsOnlySet:
    """A held-out set measured by its totals only (decisions 0041, 0047, 0049, 0055, 0052): its split, its
    'before' (written once by `python -m bench.parser --record-before-N`: totals only,
    overall and per kind, never its fields nor its misses, so that nobody reads them from the
    file either) and what the benchmark says of it."""

    number: int  # its round: `--record-before-N`
    name: str  # "eleventh"
    decision: str  # "0041"
    description: str  # what it is, for the benchmark and its 'before'
    reader: str  # whose reader its 'before' measured (`campaigns/` untouched on its branch)
    # once its misses are looked at (`OPENED`): the round and decision that opened it
    opened_round: int | None = None
    opened_decision: str | None = None

    @property
    def split(self) -> str:
        return f"heldout{self.number}"

    @property
    def before(self) -> Path:
        return Path(__file__).resolve().parent / f"reader_heldout{self.number}_before.json"


# The held-out sets measured by their totals only: the fifteenth (decision 0052). The
# thirteenth and fourteenth (decisions 0049, 0055) were opened in round 14 (decision 0051), as
# the eleventh and twelfth were in round 13 (decision 0050)
TOTALS_ONLY: tuple[TotalsOnlySet, ...] = (
    TotalsOnlySet(
        15,
        "fifteenth",
        "0052",
        "fourteen more documents found for it in round fifteen, each read as text, as a 150 "
        "dpi photocopy scan and as a 200 dpi scan",
        "main's reader at e7d6880",
    ),
)
TOTALS_ONLY_SPLITS = frozenset(s.split for s in TOTALS_ONLY)
(HELDOUT15,) = (s.split for s in TOTALS_ONLY)
# The totals-only sets of earlier rounds, seen now: their 'before' (and the 'after' written
# when they were opened) kept for the history bench/parser.py prints.
OPENED = (
    TotalsOnlySet(
        11,
        "eleventh",
        "0041",
        "fourteen more documents found for it, each read as text, as a 150 dpi photocopy scan "
        "and as a 200 dpi scan, while the tenth set's misses were being read",
        "main's reader at 4ebe4f1",
        opened_round=13,
        opened_decision="0050",
    ),
    TotalsOnlySet(
        12,
        "twelfth",
        "0047",
        "thirteen more documents found for it in round twelve, each read as text, as a 150 dpi "
        "photocopy scan and as a 200 dpi scan",
        "main's reader at 1e92e92",
        opened_round=13,
        opened_decision="0050",
    ),
    TotalsOnlySet(
        13,
        "thirteenth",
        "0049",
        "fourteen more documents found for it in round thirteen, each read as text, as a 150 "
        "dpi photocopy scan and as a 200 dpi scan",
        "main's reader at 59b841b",
        opened_round=14,
        opened_decision="0051",
    ),
    TotalsOnlySet(
        14,
        "fourteenth",
        "0055",
        "fourteen more documents found for it in round fourteen, each read as text, as a 150 "
        "dpi photocopy scan and as a 200 dpi scan",
        "main's reader at 4b94317",
        opened_round=14,
        opened_decision="0051",
    ),
)
# The earlier rounds' held-out sets, before and after their round (kept for the history;
# those documents are "seen" now).
HISTORY = (
    Path(__file__).resolve().parent / "reader_heldout2_before.json",
    Path(__file__).resolve().parent / "reader_heldout3_before.json",
    Path(__file__).resolve().parent / "reader_heldout4_before.json",
    Path(__file__).resolve().parent / "reader_heldout5_before.json",
    Path(__file__).resolve().parent / "reader_heldout6_before.json",
    Path(__file__).resolve().parent / "reader_heldout7_before.json",
    Path(__file__).resolve().parent / "reader_heldout8_before.json",
    Path(__file__).resolve().parent / "reader_heldout9_before.json",
)

# The header of a Decree 30 document, as the issue counts it.
HEADER_FIELDS = ("issuer", "doc_type", "number", "symbol", "place", "date", "subject")
# Every field the corpus labels (the signature block only where the document has one).
ALL_FIELDS = (*HEADER_FIELDS, "issuer_parent", "signing_authority", "signer_title", "signer_name")


@dataclass
class Document:
    id: str
    text: str
    split: str
    kind: str
    province: str
    source: str
    expected: dict
    # a low resolution scan's header band read again (`<id>-scan-header.txt`, decision 0032)
    header_readings: tuple[str, ...] = ()
    # a scan's resolution: the corpus's photocopies are 150 dpi; the tenth to fifteenth
    # held-out sets are also scanned at 200 dpi (`<id>-scan200`, decisions 0036, 0041, 0047,
    # 0049, 0055, 0052). None for text.
    dpi: int | None = None
    # its header digits' alternatives (`<id>-scan-choices.txt`, decision 0038)
    digit_choices: dict | None = None

    @property
    def scanned(self) -> bool:
        return self.kind == "scan"

    @property
    def original(self) -> str:
        """The document a reading is of: a scan's id without its '-scan' or '-scan200'."""
        return re.sub(r"-scan(200)?$", "", self.id)


def load_corpus(directory: Path = CORPUS) -> list[Document]:
    documents = []
    for meta_path in sorted(directory.glob("*.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        text_path = directory / meta.get("text_file", meta_path.with_suffix(".txt").name)
        readings_path = directory / f"{meta_path.stem}-header.txt"
        readings = ()
        if meta["kind"] == "scan" and readings_path.exists():
            readings = tuple(readings_path.read_text(encoding="utf-8").split("\n\f\n"))
        choices_path = directory / f"{meta_path.stem}-choices.txt"
        choices = None
        if meta["kind"] == "scan" and choices_path.exists():
            choices = json.loads(choices_path.read_text(encoding="utf-8"))
        documents.append(
            Document(
                id=meta_path.stem,
                text=text_path.read_text(encoding="utf-8"),
                split=meta["split"],
                kind=meta["kind"],
                province=meta["province"],
                source=meta["source"],
                expected=meta["expected"],
                header_readings=readings,
                dpi=meta.get("dpi", 150) if meta["kind"] == "scan" else None,
                digit_choices=choices,
            )
        )
    return documents


def normalise(value) -> str:
    """What two values must share to count as the same: case, diacritics (an OCR'd "UY
    BAN" is the body the clerk picks), quotes, dashes and spacing aside."""
    if value is None:
        return ""
    text = fold(str(value))
    text = re.sub(r"[“”\"'‘’«»]", "", text)
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" .,;:")


def field_results(document: Document, parsed: dict) -> dict[str, bool]:
    """For each labelled field, whether the reader got it."""
    return {
        name: normalise(parsed.get(name)) == normalise(expected)
        for name, expected in document.expected.items()
        if name in ALL_FIELDS
    }


def parse(document: Document) -> dict:
    return parse_text(
        document.text,
        scanned=document.scanned,
        header_readings=document.header_readings,
        digit_choices=document.digit_choices,
    ).as_contract()


@dataclass
class Score:
    right: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1


def score(documents: list[Document], read: Callable[[Document], dict] = parse) -> dict:
    """Header and all-field accuracy, per field and overall, with what was missed. `read`
    is how a document is read (the tests pass one that reads each reading once a run)."""
    header, every = Score(), Score()
    per_field: dict[str, Score] = {name: Score() for name in ALL_FIELDS}
    misses: list[tuple[str, str, object, object]] = []
    for document in documents:
        parsed = read(document)
        for name, ok in field_results(document, parsed).items():
            per_field[name].add(ok)
            every.add(ok)
            if name in HEADER_FIELDS:
                header.add(ok)
            if not ok:
                misses.append((document.id, name, document.expected[name], parsed.get(name)))
    return {"header": header, "all": every, "fields": per_field, "misses": misses}


def per_field_counts(result: dict) -> dict[str, list[int]]:
    return {name: [s.right, s.total] for name, s in result["fields"].items() if s.total}


def kind_of(document: Document) -> str:
    """'text' (text, pdf, portal, news), or a scan with its resolution: 'scan150', 'scan200'."""
    return f"scan{document.dpi}" if document.scanned else "text"


def totals_by_kind(documents: list[Document]) -> dict:
    """Header and all fields right per kind of reading (text, scan150, scan200): totals only."""
    by_kind = {}
    for kind in sorted({kind_of(d) for d in documents}):
        part = score([d for d in documents if kind_of(d) == kind])
        by_kind[kind] = {
            "readings": sum(kind_of(d) == kind for d in documents),
            "header": [part["header"].right, part["header"].total],
            "all": [part["all"].right, part["all"].total],
        }
    return by_kind


def totals_only(split: str) -> dict:
    """A totals-only held-out set read by the reader as it is now: totals only (readings,
    header and all fields right, overall and per kind). Its fields and misses are never
    returned (decisions 0041, 0047)."""
    documents = [d for d in load_corpus() if d.split == split]
    result = score(documents)
    return {
        "readings": len(documents),
        "header": [result["header"].right, result["header"].total],
        "all": [result["all"].right, result["all"].total],
        "by_kind": totals_by_kind(documents),
    }


def record_totals_before(held: TotalsOnlySet, commit: str) -> dict:
    """A totals-only set's totals with the reader as it is now, kept as its 'before' in
    `held.before`. Written once, and totals only: no field, no miss (decisions 0041, 0047)."""
    if held.before.exists():
        raise FileExistsError(f"{held.before.name} exists: the 'before' is recorded once")
    record = {
        "set": f"{held.name} held-out set (issue 12, round {held.number}: {held.description}; "
        f"totals only, decision {held.decision})",
        "commit": commit,
        **totals_only(held.split),
    }
    held.before.write_text(
        json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return record


def record_before(commit: str) -> dict:
    """The held-out set's figures with the reader as it is now, kept as the 'before'.
    Written once: an existing record is never overwritten (the 'before' of a set is what
    the reader read before any rule of its round)."""
    if BEFORE.exists():
        raise FileExistsError(f"{BEFORE.name} exists: the 'before' is recorded once")
    documents = [d for d in load_corpus() if d.split == "heldout"]
    result = score(documents)
    by_kind = totals_by_kind(documents)
    record = {
        "set": "tenth held-out set (issue 12, round ten: twelve documents found for it, each "
        "read as text, as a 150 dpi photocopy scan and as a 200 dpi scan)",
        "commit": commit,
        "readings": len(documents),
        "header": [result["header"].right, result["header"].total],
        "all": [result["all"].right, result["all"].total],
        "by_kind": by_kind,
        "fields": per_field_counts(result),
        "misses": [[doc, field] for doc, field, _, _ in result["misses"]],
    }
    BEFORE.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return record
