"""A scanned document's trích yếu, mended where tesseract's slips are plain (decision 0039).

The reader (campaigns/importer.py) cuts the trích yếu from the page as read; on a scan
three kinds of slip are left in it that a clerk sees at once and a rule can see too:

* the document's own type title left at its start ("CHÍ THỊ : VỀ VIỆC …", "THÔNG TƯ LIÊN
  TỊCH QUY ĐỊNH …"): a Decree 30 title stands on its own line above the trích yếu;
* a document portal's text run on after it ("Từ khóa: Số hiệu, Tiêu đề …", "You are on
  page 1 of 9", "Thứ Ba, 29 tháng 7, 2014"): a page printed from a portal, its chrome
  under the header (`PORTAL_TEXT`, the one list of such words);
* words that are no Vietnamese syllable ("đồng ch", "lưu v.khi", "Quy « hể", "FRÁCH"):
  each is compared, without diacritics, with the syllables of tesseract's own Vietnamese
  word list (campaigns/data/syllables.txt, bench/syllables.py) and mended only when
  exactly one syllable (or pair of syllables) is one typical OCR slip away: a thin
  stroke for another (t, l, i, f, r), y for v, a speck or doubled letter too many, a
  space lost, a final i lost, a "c" read as a bracket. A semicolon is its comma.

Only scans are mended; a text document's trích yếu is as its author wrote it. Names and
acronyms are left alone: a word with a digit, with no vowel ("ĐVHC", "PCGD"), a known
body's abbreviation, a capitalised word inside a sentence-case trích yếu. Returns
whether anything was changed and whether the result is doubtful (changed, or still
holding a word that is no syllable), for the review page's "Cần kiểm tra".
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from units.text import fold

from .places import BODY_ACRONYMS, one_apart
from .reference_data import DOCUMENT_KINDS

LEXICON = Path(__file__).resolve().parent / "data" / "syllables.txt"


@functools.cache
def _syllables() -> frozenset[str]:
    lines = LEXICON.read_text(encoding="utf-8").split("\n")
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _key(word: str) -> str:
    return fold(word).lower().replace("đ", "d")


def is_syllable(word: str) -> bool:
    """The word, compared without diacritics, is a Vietnamese syllable."""
    return _key(word) in _syllables()


# A document portal's words and a web page's, which no trích yếu holds: the search box
# ("Từ khóa: Số hiệu, Tiêu đề …", its first letter often misread), the document's card
# ("Số hiệu:", "Loại văn bản:", "Ngày ban hành:", "Lượt xem"), a viewer's page count
# ("You are on page 1 of 9", "Trang 1/9"), a news page's weekday date ("Thứ Ba, 29 tháng
# 7, 2014"). Not "Tải về", "Đăng nhập", "Đăng ký mới": a trích yếu may speak of them
# ("V/v hướng dẫn đăng nhập …"). Matched on folded text (no marks, lower case).
PORTAL_TEXT = re.compile(
    r"(?:^|\s)(?:"
    r"\S{0,3}\s?khoa\s*:\s*\S{0,3}\s?\S{0,5}|"  # "Từ khóa: Số hiệu", "Lư khoa: Số thêu"
    r"so hi\S{0,3}\s*:|loai v\S{1,2}n b\S{1,2}n\s*:|ngay ban hanh\s*:|noi ban hanh\s*:|"
    r"tinh trang\s*:|ngay hieu luc\s*:|luot xem\b|"
    r"you are on page\b|page \S{1,3} of \d|trang \d{1,3}\s*/\s*\d{1,3}\b|"
    r"yomedia\b|adsense\b|"  # a document site's advertising blocks (decision 0056)
    r"tai ban day du\b|ban dang xem ban rut gon\b|"  # its download box (decision 0056)
    r"thu (?:hai|ba|tu|nam|sau|bay),\s*\d{1,2}\s+th\S{2,4}\s+\d{1,2},?\s+\d{4}|"
    r"chu nhat,\s*\d{1,2}\s+th\S{2,4}\s+\d{1,2},?\s+\d{4}"
    r")"
)

# What a trích yếu opens with, after a title left before it ("QUY ĐỊNH …", "VỀ VIỆC …").
_OPENERS = re.compile(
    r"(?:ve|v/v|quy dinh|ban hanh|huong dan|phe duyet|sua doi|thuc hien|trien khai|"
    r"to chuc|phat dong|cong nhan|khen thuong|tang)\b"
)

# Letters tesseract takes for one another on a degraded page: thin upright strokes, the
# round ones, v and y; and a letter group read for one letter.
_LIKE = {
    "t": "lifr", "l": "tif", "i": "tl", "f": "tlr", "r": "tf", "j": "i",
    "v": "y", "y": "v", "c": "eo", "e": "c", "o": "c",
}  # fmt: skip
# "pr": no syllable opens so, a T whose stem took a speck ("PRONG", "PRỰC", decision 0056)
_GROUPS = {"rn": "m", "cl": "d", "ii": "u", "-i": "t", "-l": "t", "pr": "tr"}
# Specks inside a word: dropped, or a space lost under them ("QUÁ:GIẢI").
_SPECKS = set(".:'’`^ˆ¨~-[]|,;")
# A "c" read as a bracket or a guillemet, standing alone before the rest of its word.
_C_LIKE = set("«‹({[¢©")


def _words_ok(text: str) -> bool:
    return all(is_syllable(w) for w in text.split())


def _candidates(word: str) -> set[str]:
    """The word (with its marks) after one OCR slip undone, where every word it makes is
    a syllable: a letter for a like one, a letter group for one letter, a speck or a
    doubled letter dropped or read as a lost space, a final i put back."""
    out: set[str] = set()
    key = _key(word)

    def keep(text: str) -> None:
        text = text.strip()
        if text and _words_ok(text):
            out.add(text)

    for i, ch in enumerate(word):
        k = key[i]
        for like in _LIKE.get(k, ""):
            keep(word[:i] + (like.upper() if ch.isupper() else like) + word[i + 1 :])
        for group, letter in _GROUPS.items():
            if key.startswith(group, i):
                upper = word[i : i + len(group)].isupper()
                keep(word[:i] + (letter.upper() if upper else letter) + word[i + len(group) :])
        if ch in _SPECKS:
            keep(word[:i] + word[i + 1 :])
            keep(word[:i] + " " + word[i + 1 :])
        if i and k.isalpha() and k == key[i - 1]:
            keep(word[:i] + word[i + 1 :])  # "ĐỜỚN", "KHOẢÁNG"
            keep(word[:i] + " " + word[i + 1 :])  # "dụccvà"
        if k == "u" and i and key[i - 1] == "u":
            keep(word[:i] + ("Ơ" if ch.isupper() else "ơ") + word[i + 1 :])  # ươ read as ưư
    if len(word) > 1:  # "đồng ch": the í's stroke lost
        keep(word + ("I" if word.isupper() else "i"))
    return out


def _mend(word: str) -> str | None:
    """The one mending of a word that is no syllable, or None. A speck between two words
    ("lưu v.khi") parts them first, each then a syllable or mended."""
    found = _candidates(word)
    if len({_key(f) for f in found}) == 1:
        return sorted(found)[0]
    if found:
        return None
    halves = word.split("-")
    if len(halves) == 2 and all(halves) and sum(not is_syllable(h) for h in halves) == 1:
        # "BẰĂNG-RÔN": the part that is no syllable mended on its own (decision 0056)
        mended = [h if is_syllable(h) else _candidates(h) for h in halves]
        one = [m for m in mended if isinstance(m, set)][0]
        if len({_key(f) for f in one}) == 1:
            return "-".join(m if isinstance(m, str) else sorted(m)[0] for m in mended)
        return None
    parts = re.split(r"(?<=\w)[.:](?=\w)", word)
    if len(parts) < 2:
        return None
    out = []
    for part in parts:
        if is_syllable(part):
            out.append(part)
            continue
        one = _candidates(part)
        if len({_key(f) for f in one}) != 1:
            return None
        out.append(sorted(one)[0])
    return " ".join(out)


def _checked(word: str, subject_caps: bool, first: bool) -> bool:
    """A word the syllable check applies to: not a number, acronym or name."""
    key = _key(word)
    if not key or any(ch.isdigit() for ch in word) or not re.search(r"[a-z]", key):
        return False
    if len(key) == 1 and key != "v":
        return False  # a letter alone ("điểm b"), but "v" for "ý"
    if not re.search(r"[aeiouy]", key) and len(key) > 1 and (subject_caps or word.isupper()):
        return False  # "ĐVHC", "PCGD", "TTHC": an abbreviation
    parts = re.split(r"[-/]", key)
    if any(p in BODY_ACRONYMS for p in parts):
        return False
    if not subject_caps and not first:
        letters = [ch for ch in word if ch.isalpha()]
        if len(letters) > 1 and all(ch.isupper() for ch in letters):
            return False  # an acronym in a sentence-case trích yếu
        if word[:1].isupper() and not is_syllable(word):
            return False  # a name ("Mekong", "Festival")
    if "-" in word.strip("-") and all(is_syllable(p) for p in word.split("-") if p):
        return False  # "TẾ-XÃ", "PHÂN-CẤP": a hyphen between syllables
    return True


_EDGE = re.compile(r"^([\"“”'‘’(«»]*)(.*?)([\"“”'‘’)»,;:.!?]*)$", re.S)

# The words after which a trích yếu names a place or a person, with their marks (folded,
# "quan" would be "cơ quan", "ban" "ban hành"): a level of local government and the places
# under it, a person's title. What follows them is a name, which may be no Vietnamese
# syllable ("HUYỆN EA KAR", "XÃ ĐẮK MIL", "ÔNG Y SƠN ÊBAN", decision 0044): in capitals a
# clean page's name cannot be told from a misreading, so it is left as read (and marked).
_NAME_BEFORE = frozenset(
    {"tỉnh", "huyện", "quận", "xã", "phường", "trấn", "phố", "thôn", "buôn", "làng", "ấp"}
    | {"sóc", "xóm", "ông", "bà"}
)
_NAME_WORDS = 3  # a place's or person's name: at most this many words after its title


def _mend_words(subject: str) -> tuple[str, bool, bool]:
    letters = [ch for ch in subject if ch.isalpha()]
    caps = bool(letters) and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)
    tokens = subject.split(" ")
    out: list[str] = []
    changed, doubtful = _mend_phrases(tokens)
    name_left = 0  # words of a name still to come after "HUYỆN", "XÃ", "ÔNG" …
    i = 0
    while i < len(tokens):
        token = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if token and all(ch in _C_LIKE for ch in token) and nxt[:1].isalpha():
            # "Quy « hể", "đạt ‹ huấn": the c of "chế", "chuẩn" read as a bracket
            c = "C" if nxt[:1].isupper() else "c"
            if is_syllable(c + _EDGE.match(nxt).group(2)):
                out.append(c + nxt)
                changed = True
                i += 2
                continue
        lead, core, tail = _EDGE.match(token).groups()
        if core and not is_syllable(core) and _checked(core, caps, not out):
            # a name may be no syllable, but none opens with "Pr" (decision 0056)
            named = name_left and caps and not _key(core).startswith("pr")
            mended = None if named else _mend(core)
            if mended is None:
                doubtful = True
            else:
                core, changed = mended, True
        out.append(lead + core + tail)
        if unicodedata.normalize("NFC", core.lower()) in _NAME_BEFORE and not tail:
            name_left = _NAME_WORDS
        elif name_left:
            name_left = 0 if tail or lead else name_left - 1
        i += 1
    return " ".join(out), changed, doubtful or changed


@functools.cache
def _phrases() -> tuple[tuple[tuple[str, str], ...], ...]:
    """Names a trích yếu often holds, each a run of syllables (key, as spelled): the
    document types, the awards of the Law on emulation (awards/reference_data.py), the
    ministries' and departments' fields and the header's body words (importer.py), and
    each province as "tỉnh X" / "thành phố X". Longest first, then in the order of their
    keys: the same in every process."""
    from awards.reference_data import AWARD_TYPES

    from .importer import _BODY_WORDS, _FIELDS
    from .places import PROVINCES

    names = [kind.name for kind in DOCUMENT_KINDS]
    names += [re.sub(r"\s*\(.*?\)", "", row[1]) for row in AWARD_TYPES]
    names += [*_FIELDS, *_BODY_WORDS]
    names += [f"{head} {name}" for name in PROVINCES for head in ("tỉnh", "thành phố")]
    out = set()
    for name in names:
        words = [w for w in re.split(r"[\s,\-–]+", name) if w]
        if len(words) >= 2 and all(is_syllable(w) for w in words):
            out.add(tuple((_key(w), w) for w in words))
    return tuple(sorted(out, key=lambda phrase: (-len(phrase), phrase)))


def _stroke_slip(read: str, known: str) -> bool:
    """One letter read for a like one (a thin stroke for another, v for y …)."""
    if len(read) != len(known):
        return False
    diffs = [(a, b) for a, b in zip(read, known, strict=True) if a != b]
    return len(diffs) == 1 and diffs[0][1] in _LIKE.get(diffs[0][0], "")


def _as_read(word: str, read: str) -> str:
    if read.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if read[:1].isupper() else word.lower()


def _mend_phrases(tokens: list[str]) -> tuple[bool, bool]:
    """A word one slip from the word a known name has there, its other words as read: a
    word that is no syllable, where the name's word is one of its mendings (2 words or
    more); a syllable a thin stroke off (3 words or more) or, past the name's first word,
    any letter off (4 or more). Longer names first; where names as long want two words
    for one slip ("tỉnh Hav Giang": Hà Giang, Hậu Giang), it is left as read. Returns
    (whether a word was mended, whether such a word was left)."""
    parts = [_EDGE.match(t).groups() for t in tokens]
    keys = [_key(core) for _, core, _ in parts]
    changed = left = False
    for _, group in itertools.groupby(_phrases(), key=len):
        wanted: dict[int, set[tuple[str, str]]] = {}
        for phrase in group:
            n = len(phrase)
            for i in range(len(tokens) - n + 1):
                diffs = [j for j in range(n) if keys[i + j] != phrase[j][0]]
                if len(diffs) != 1:
                    continue
                j = diffs[0]
                read, (want, spelled) = parts[i + j][1], phrase[j]
                if read and _slip_of(read, keys[i + j], want, n, j):
                    wanted.setdefault(i + j, set()).add((want, spelled))
        for index, choices in sorted(wanted.items()):
            if len({want for want, _ in choices}) != 1:
                left = True  # two names as near: not the reader's to choose
                continue
            want, spelled = min(choices)
            lead, read, tail = parts[index]
            tokens[index] = lead + _as_read(spelled, read) + tail
            parts[index] = (lead, _as_read(spelled, read), tail)
            keys[index] = want
            changed = True
    return changed, left


def _slip_of(read: str, key: str, want: str, n: int, j: int) -> bool:
    """`read` (folded `key`), word `j` of a known name of `n` words, is one slip from the
    name's word `want`."""
    if not is_syllable(read):
        return want in {_key(c) for c in _candidates(read)} or (n >= 3 and one_apart(key, want))
    # a syllable: a name's first word only by a stroke ("Chủ tịch Hồ Chí Minh" stays)
    return (n >= 3 and _stroke_slip(key, want)) or (n >= 4 and j > 0 and one_apart(key, want))


def _drop_title(subject: str, doc_type: str | None, *, colon_only: bool = False) -> str:
    """The document's type title left at the start of its trích yếu, also as tesseract
    misread it (one letter off in a word): dropped where a colon follows it or the rest
    opens as a trích yếu does ("QUY ĐỊNH …", "VỀ VIỆC …"). With the type not known yet
    (its heading was the line read with the colon), any type's title with a colon."""
    if not doc_type:
        for kind in DOCUMENT_KINDS:
            rest = _drop_title(subject, kind.name, colon_only=True)
            if rest != subject:
                return rest
        return subject
    title = _key(doc_type).split()
    words = subject.split()
    if len(words) <= len(title):
        return subject
    read = [_key(w).strip(":.;,") for w in words[: len(title)]]
    for want, got in zip(title, read, strict=True):
        if want != got and not (len(want) >= 3 and one_apart(want, got)):
            return subject
    rest = " ".join(words[len(title) :])
    colon = words[len(title) - 1].endswith((":", ".")) or rest[:1] in ":."
    rest = rest.lstrip(" :.-–")
    if len(rest) > 10 and (colon or (not colon_only and _OPENERS.match(_key(rest)))):
        return rest
    return subject


def _semicolons(text: str, readings: Sequence[str] = ()) -> str:
    """A semicolon in a scanned trích yếu is its comma with a speck above, unless it
    parts two lists of commas ("HUYỆN, THỊ XÃ; UBND XÃ, PHƯỜNG"), as a semicolon does,
    or the header band's further readings (`readings`) read it too: two of them have a
    semicolon before the word after it and none a comma (one alone may read the same
    speck again, decision 0056)."""
    parts = re.split(r"\s*;\s+", text)
    out = parts[0]
    for before, after in zip(parts, parts[1:], strict=False):
        kept = "," in before and "," in after or _read_again(after, readings)
        out += ("; " if kept else ", ") + after
    return out


def _read_again(after: str, readings: Sequence[str]) -> bool:
    """Two further readings read a semicolon, and none a comma, before `after`'s first
    word."""
    word = re.match(r"[^\W\d_]{2,}", fold(after).lower())
    if not word:
        return False
    marks = [
        set(re.findall(rf"([;,])\s*{word[0]}(?!\w)", fold(reading).lower())) for reading in readings
    ]
    return sum(m == {";"} for m in marks) >= 2 and not any("," in m for m in marks)


# A hyphen glued after a linking word that ends no compound ("CỦA-CHÍNH PHỦ", "NĂM-2030"):
# a speck where the space was (decision 0056); "năm" only before its year
_GLUED_HYPHEN = re.compile(r"(?<!\w)(của|và|cho|với|tại|trên|năm(?=-\d))-(?=\w)", re.I)


def _glued_hyphens(text: str) -> str:
    return _GLUED_HYPHEN.sub(lambda m: f"{m.group(1)} ", unicodedata.normalize("NFC", text))


# A symbol cited in the trích yếu ("NGHỊ QUYẾT SỐ 237/2008/NQ-HĐND"): its number, year,
# type code and body
_CITED = re.compile(r"(?<=\d/)([A-ZĐ][A-ZĐ0-9)]{0,3})(-(?: ?-)*)(?=([A-ZĐ][A-Za-zĐđ]{1,9})\b)")


# "… NGHỊ QUYẾT SỐ 237/2008/": the kind a cited symbol is of (folded)
_KIND_BEFORE = re.compile(r"(\w+(?: \w+)?)\s+so\s+\d{1,5}/(?:\d{4}/)?$")


@functools.cache
def _type_codes() -> dict[str, str]:
    codes = {fold(k.abbreviation): k.abbreviation for k in DOCUMENT_KINDS if k.abbreviation}
    return {**codes, "tt": "TT", "nd": "NĐ"}


def _cited_symbols(text: str) -> str:
    """A symbol cited in a scanned trích yếu with its type code one letter off a known
    one ("NG-HĐND", "Q0-TTg": the Đ as a digit) before a known body, or a dash doubled
    ("NQ--HĐND", "NQ- -HĐND"): put right (decision 0056)."""

    def mend(match: re.Match) -> str:
        code, body = match.group(1), fold(match.group(3))
        if fold(body) not in BODY_ACRONYMS:
            return match.group(0)
        codes = _type_codes()
        if fold(code) not in codes:
            # the kind the trích yếu names before "số" ("NGHỊ QUYẾT SỐ 237/…"), else the
            # one code the read one is a letter off
            named = _KIND_BEFORE.search(fold(match.string[: match.start()]))
            kind = named and next(
                (k.abbreviation for k in DOCUMENT_KINDS if fold(k.name) == named.group(1)),
                None,
            )
            near = [
                spelled
                for key, spelled in codes.items()
                if len(key) == len(code) >= 2
                and one_apart(key, fold(code))
                and (not kind or spelled == kind)
            ]
            if len(near) == 1:
                code = near[0]
        return f"{code}-"

    return _CITED.sub(mend, text)


def _braces(text: str) -> str:
    """A brace is tesseract's parenthesis: dropped beside one ("(OCOP})"), else the
    parenthesis an open one wants ("(OCOP} NĂM")."""
    if "}" not in text:
        return text
    text = re.sub(r"\}(?=\))|(?<=\))\}", "", text)
    out = []
    for ch in text:
        if ch == "}" and "".join(out).count("(") > "".join(out).count(")"):
            ch = ")"
        out.append(ch)
    return "".join(out)


def cut_portal(subject: str) -> str:
    """The trích yếu up to a portal's text run on after it."""
    match = PORTAL_TEXT.search(fold(subject).lower())
    if not match or match.start() < 8:
        return subject
    return subject[: match.start()].rstrip(" .,;:-–")


def repair_scan_subject(
    subject: str | None,
    doc_type: str | None,
    *,
    low_resolution: bool = True,
    readings: Sequence[str] = (),
) -> tuple[str | None, bool, bool]:
    """A scan's trích yếu mended: (subject, changed, doubtful). A semicolon is taken for a
    comma on a low resolution page only (a photocopy's speck above it): a page scanned at
    200 dpi or more reads semicolons as printed (decision 0044), and so does a low
    resolution page where its header band's further readings (`readings`) read it too
    (decision 0056)."""
    if not subject:
        return subject, False, False
    text = cut_portal(subject)
    text = _drop_title(text, doc_type)
    text = _cited_symbols(_braces(_glued_hyphens(text)))
    if low_resolution:
        text = _semicolons(text, readings)
    text, _, doubtful = _mend_words(text)
    changed = text != subject
    return text, changed, doubtful or changed
