"""The scan repairs of decisions 0037 (known bodies: `check_scan_header`) and 0039 (the trích
yếu: `repair_scan_subject`) measured on the SEEN part of the corpus only, by kind (text, 150
dpi, 200 dpi), with the reader as it is and with each repair switched off (decision 0044).
The held-out sets ("heldout", "heldout11" to "heldout15") are never loaded here:
nothing of them is printed.

    .venv/bin/python -m bench.scan_repairs [--misses] [--without names|subject]

`--without` switches a repair off in this process only (a measurement, not a reader option);
`--misses` prints the seen 200 dpi readings' misses and, for each repair, the fields it turns
from right to wrong or from wrong to right there.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from unittest import mock

from bench.corpus import HEADER_FIELDS, kind_of, load_corpus, parse, score

SEEN = "seen"


@contextmanager
def without(repair: str | None):
    """The reader with one scan repair switched off (None: as it is)."""
    if repair is None:
        yield
    elif repair == "names":
        with mock.patch("campaigns.importer.check_scan_header", lambda *a, **k: None):
            yield
    elif repair == "subject":
        with mock.patch(
            "campaigns.importer.repair_scan_subject",
            lambda subject, kind, **_: (subject, False, False),
        ):
            yield
    else:
        raise SystemExit(f"unknown repair {repair!r}: names or subject")


def seen_documents() -> list:
    return [d for d in load_corpus() if d.split == SEEN]


def totals(documents: list, repair: str | None = None) -> dict[str, dict]:
    out = {}
    with without(repair):
        for kind in ("text", "scan150", "scan200"):
            part = [d for d in documents if kind_of(d) == kind]
            result = score(part)
            out[kind] = {
                "readings": len(part),
                "header": (result["header"].right, result["header"].total),
                "all": (result["all"].right, result["all"].total),
                "fields": {n: (s.right, s.total) for n, s in result["fields"].items() if s.total},
                "misses": result["misses"],
            }
    return out


def readings(documents: list, repair: str | None) -> dict[tuple[str, str], tuple[bool, object]]:
    """(document, header field) → (right, value read), seen 200 dpi only."""
    out = {}
    with without(repair):
        for document in documents:
            parsed = parse(document)
            for name in HEADER_FIELDS:
                if name in document.expected:
                    out[document.id, name] = (
                        _same(parsed.get(name), document.expected[name]),
                        parsed.get(name),
                    )
    return out


def _same(a, b) -> bool:
    from bench.corpus import normalise

    return normalise(a) == normalise(b)


def main() -> None:
    args = sys.argv[1:]
    repair = args[args.index("--without") + 1] if "--without" in args else None
    documents = seen_documents()
    assert all(d.split == SEEN for d in documents)
    result = totals(documents, repair)
    print(f"reader: {'as it is' if repair is None else 'without ' + repair}")
    for kind, part in result.items():
        h, a = part["header"], part["all"]
        print(
            f"seen {kind:8} {part['readings']:3} readings  header {h[0]}/{h[1]} "
            f"({h[0] / h[1]:.1%})  all {a[0]}/{a[1]} ({a[0] / a[1]:.1%})"
        )
        print("   ", "  ".join(f"{n} {r}/{t}" for n, (r, t) in part["fields"].items()))
    if "--misses" in args:
        print("\nseen 200 dpi misses:")
        for doc, name, expected, read in result["scan200"]["misses"]:
            print(f"  {doc} {name}: {expected!r} read {read!r}")
        scans = [d for d in documents if kind_of(d) == "scan200"]
        base = readings(scans, None)
        for off in ("names", "subject"):
            other = readings(scans, off)
            print(f"\nwithout {off}, seen 200 dpi fields that change:")
            for key, (ok, value) in sorted(base.items()):
                if other[key][0] != ok:
                    gain = "repair breaks" if other[key][0] else "repair mends"
                    print(f"  {gain}: {key[0]} {key[1]}: with {value!r} without {other[key][1]!r}")


if __name__ == "__main__":
    main()
