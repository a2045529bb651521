"""The reader's labelled corpus read once per test process (decision 0058).

Several tests score the same readings (the seen split, then "all", then its 200 dpi pages,
its 150 dpi photocopies, its texts, its scans' marks, the scans' trích yếu): each reading
was parsed five or six times a run, a third of the suite's reader time. `parse_once`
reads a document once and hands each caller its own copy of the result; the key is the
whole input of `bench.corpus.parse` (text, scanned, header readings, digit choices), so a
reading that differs in anything is parsed anew. Only for tests that change nothing in the
reader: a test that patches a rule must call `bench.corpus.parse` itself.
"""

from __future__ import annotations

import copy
import json

from bench.corpus import Document, parse, score

_PARSED: dict[tuple, dict] = {}


def parse_once(document: Document) -> dict:
    key = (
        document.text,
        document.scanned,
        document.header_readings,
        json.dumps(document.digit_choices, sort_keys=True),
    )
    if key not in _PARSED:
        _PARSED[key] = parse(document)
    return copy.deepcopy(_PARSED[key])


def score_once(documents: list[Document]) -> dict:
    return score(documents, read=parse_once)
