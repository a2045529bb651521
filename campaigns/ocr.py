"""Reading scans: a PDF without a text layer, a JPG or a PNG, through tesseract with its
Vietnamese data (Debian's tesseract-ocr and tesseract-ocr-vie, called by pytesseract).
A PDF's pages are rasterised by pdftoppm (poppler-utils) one at a time, at 300 dpi.

It runs in a worker (campaigns/tasks.py: read_scanned_document), page by page, telling
its progress; what it cannot read is an `UnreadableDocument` with a Vietnamese message.
The checks that need no OCR (an image that does not open, a PDF with a password or of
too many pages) run before the task is queued: `check_scan`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .importer import ParsedDocument, UnreadableDocument, parse_text, plausibility

# tesseract's OpenMP threads fight for this machine's two cores: under load a page took
# 24 to 35 s with two threads and 3.3 s with one (docs/decisions/0012-reader.md).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

# A scan of more pages than this is refused: a launch document is a few pages, and a
# page takes 2 to 4 s to read on this hardware.
MAX_SCAN_PAGES = 30
# Pixels of one page (a 300 dpi A3 page is 17.5 million); Pillow's bomb check is above.
MAX_PIXELS = 40_000_000
DPI = 300
LANGUAGE = "vie"
PAGE_SECONDS = 60  # tesseract on one page, at most
# Fewer confident words than this, or words that are mostly not Vietnamese: no document.
MIN_WORDS = 12
MIN_PLAUSIBLE = 0.55
# A page narrower than this (an A4 page scanned under about 200 dpi: 1654 points across)
# is low resolution: its header is read twice more, enlarged (`_header_reading`), and the
# review page advises scanning at 300 dpi.
LOW_RESOLUTION_WIDTH = 1654
# The header band: the top of page 1, where a Decree 30 page has its issuer, number,
# place and date, type and trích yếu.
HEADER_BAND = 0.3
# The enlargements the header band is read at again: tesseract reads a small page's
# digits and a symbol's letters differently at each, and where two readings agree they
# were right on every seen scan (docs/decisions/0032-reader-header-votes.md).
HEADER_SCALES = (1.5, 2.0)


@dataclass
class OcrResult:
    text: str
    confidence: float  # tesseract's mean word confidence, 0 to 1
    pages: int
    # The header band of page 1 read again, enlarged (low resolution pages only): what
    # `parse_text(header_readings=…)` compares field by field with the page's reading.
    header_readings: list[str] = field(default_factory=list)
    # The first page's width and height in points, and whether it is low resolution.
    size: tuple[int, int] | None = None
    low_resolution: bool = False
    # tesseract's alternatives for each character of the header band's words with a digit
    # (low resolution pages only), from the page's reading ("page") and the further
    # readings' ("bands"): what `parse_text(digit_choices=…)` reads a digit of no shape
    # with (campaigns/ocr_digits.py, decision 0038).
    digit_choices: dict = field(default_factory=dict)


def available() -> bool:
    """tesseract and its Vietnamese data are installed (deploy/system-packages.sh)."""
    if not shutil.which("tesseract"):
        return False
    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return LANGUAGE in out.stdout.split()


def is_image(filename: str) -> bool:
    return Path(filename).suffix.lower() in (".png", ".jpg", ".jpeg")


def check_scan(data: bytes, filename: str) -> int:
    """What can be refused at once, before the worker reads it; returns its page count."""
    if is_image(filename):
        _open_image(data, filename)
        return 1
    return _pdf_pages(data, filename)


def _open_image(data: bytes, filename: str):
    from PIL import Image

    try:
        image = Image.open(io.BytesIO(data))
        image.verify()
        image = Image.open(io.BytesIO(data))
        width, height = image.size
    except Image.DecompressionBombError as exc:
        raise UnreadableDocument(f"Ảnh “{filename}” quá lớn để nhận dạng.") from exc
    except Exception as exc:
        raise UnreadableDocument(
            f"Tệp “{filename}” không phải ảnh JPG/PNG đọc được (tệp hỏng hoặc không đầy đủ)."
        ) from exc
    if width * height > MAX_PIXELS:
        raise UnreadableDocument(
            f"Ảnh “{filename}” quá lớn ({width}×{height} điểm ảnh). Hãy quét ở 300 dpi."
        )
    if min(width, height) < 300:
        raise UnreadableDocument(
            f"Ảnh “{filename}” quá nhỏ ({width}×{height} điểm ảnh) để đọc được chữ. "
            "Hãy chụp hoặc quét lại trang văn bản (300 dpi)."
        )
    return image


def _pdf_pages(data: bytes, filename: str) -> int:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument(
                f"Tệp PDF “{filename}” có mật khẩu. Hãy mở khóa (bỏ mật khẩu) rồi tải lên lại."
            )
        count = len(reader.pages)
    except UnreadableDocument:
        raise
    except Exception as exc:
        raise UnreadableDocument(f"Tệp “{filename}” không phải tệp PDF đọc được.") from exc
    if count > MAX_SCAN_PAGES:
        raise UnreadableDocument(
            f"Tệp PDF “{filename}” là bản quét {count} trang: chỉ nhận dạng được tối đa "
            f"{MAX_SCAN_PAGES} trang. Hãy tải lên các trang của văn bản phát động."
        )
    if count == 0:
        raise UnreadableDocument(f"Tệp PDF “{filename}” không có trang nào.")
    return count


def _page_images(data: bytes, filename: str, pages: int):
    """Each page as an image, one at a time. A scanned PDF's page is usually one image:
    that image is taken as it is (its own resolution, in a tenth of a second); any other
    page is rasterised by pdftoppm at 300 dpi (as TIFF: its PNG encoder took 8 s a page)."""
    if is_image(filename):
        image = _open_image(data, filename)
        yield image.convert("L")
        return
    from PIL import Image
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        reader.decrypt("")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in.pdf"
        source.write_bytes(data)
        for number in range(1, pages + 1):
            embedded = _single_image(reader, number - 1)
            if embedded is not None:
                yield embedded
                continue
            target = Path(folder) / f"page-{number}"
            try:
                subprocess.run(
                    ["pdftoppm", "-r", str(DPI), "-gray", "-tiff", "-f", str(number),
                     "-l", str(number), "-singlefile", str(source), str(target)],
                    check=True, capture_output=True, timeout=PAGE_SECONDS,
                )  # fmt: skip
                with Image.open(f"{target}.tif") as image:
                    yield image.convert("L")
            except (subprocess.SubprocessError, OSError) as exc:
                raise UnreadableDocument(
                    f"Không chuyển được trang {number} của tệp PDF “{filename}” thành ảnh."
                ) from exc


def _single_image(reader, index: int):
    """The page's one embedded image, if the page is that (a scanner's PDF), else None."""
    try:
        images = reader.pages[index].images
        if len(images) != 1:
            return None
        image = images[0].image
        if max(image.size) < 1000 or image.size[0] * image.size[1] > MAX_PIXELS:
            return None
        return image.convert("L")
    except Exception:
        return None


def is_low_resolution(image) -> bool:
    """A page scanned under about 200 dpi (its width in points, portrait or landscape)."""
    return min(image.size) < LOW_RESOLUTION_WIDTH


def low_resolution_warning(size: tuple[int, int]) -> str:
    """What the review page says of a low resolution scan, in Vietnamese: its resolution
    as an A4 page (21 cm, 8.27 inches, across its narrower side) and the advice."""
    dpi = round(min(size) / 8.27 / 10) * 10
    return (
        f"Bản quét có độ phân giải thấp (khoảng {dpi} dpi, ảnh {size[0]}×{size[1]} điểm "
        "ảnh): chữ nhỏ dễ bị đọc sai, nhất là chữ số, số ký hiệu và ngày tháng. Hãy kiểm tra "
        "kỹ các trường được đánh dấu; lần sau nên quét lại ở 300 dpi."
    )


def parse_scan(result: OcrResult) -> ParsedDocument:
    """A scan's reading parsed as a document: its header band's readings voted on, and a
    low resolution page said so (the upload's worker and `parse_file` alike)."""
    doc = parse_text(
        result.text,
        scanned=True,
        ocr_confidence=result.confidence,
        header_readings=result.header_readings,
        digit_choices=result.digit_choices,
        low_resolution=result.low_resolution,
    )
    if result.low_resolution and result.size:
        doc.warnings.append(low_resolution_warning(result.size))
    return doc


def _header_reading(image, scale: float) -> tuple[str, list]:
    """The header band of a low resolution page read again, enlarged: smoothly at 1.5×
    (bicubic); at 2× enlarged then made black and white again (Lanczos, threshold 128).
    Each alone reads fewer fields right than the page does (its two columns run
    together), but its digits and letters are independent guesses."""
    from PIL import Image

    width, height = image.size
    band = image.crop((0, 0, width, int(height * HEADER_BAND)))
    size = (int(width * scale), int(band.size[1] * scale))
    if scale >= 2:
        larger = band.resize(size, Image.LANCZOS).point(lambda v: 0 if v < 128 else 255)
    else:
        larger = band.resize(size, Image.BICUBIC)
    text, _, choices = _read_page(larger, choices=True)
    return text, choices


def _read_first_page(image) -> tuple[str, list[float], list[str], dict]:
    """Page 1's text and confidences, and on a low resolution page its header band's
    further readings (`HEADER_SCALES`), read by tesseract processes side by side: on two
    idle cores the three take little longer than the page alone. A low resolution page's
    readings also give each header digit's alternatives (`digit_choices`)."""
    if not is_low_resolution(image):
        return (*_read_page(image), [], {})
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(HEADER_SCALES)) as pool:
        further = [pool.submit(_header_reading, image, scale) for scale in HEADER_SCALES]
        text, confidences, choices = _read_page(
            image, choices=True, top=int(image.size[1] * HEADER_BAND)
        )
        readings = [reading.result() for reading in further]
    return (
        text,
        confidences,
        [reading for reading, _ in readings],
        {"page": choices, "bands": [lines for _, lines in readings]},
    )


def _tesseract(image, choices: bool) -> tuple[dict, bytes | None]:
    """tesseract's words (`image_to_data`'s dictionary) and, with `choices`, the same
    reading as hOCR with each character's alternatives (`lstm_choice_mode=2`: one run,
    two outputs; the words are the same as without it)."""
    import pytesseract
    from pytesseract import pytesseract as tess

    if not choices:
        data = pytesseract.image_to_data(
            image, lang=LANGUAGE, output_type=pytesseract.Output.DICT, timeout=PAGE_SECONDS
        )
        return data, None
    config = "-c tessedit_create_tsv=1 -c tessedit_create_hocr=1 -c lstm_choice_mode=2"
    with tess.save(image) as (base, filename):
        tess.run_tesseract(filename, base, "tsv hocr", LANGUAGE, config, 0, PAGE_SECONDS)
        tsv = tess._read_output(f"{base}.tsv")
        hocr = tess._read_output(f"{base}.hocr", True)
    return tess.file_to_dict(tsv, "\t", -1), hocr


def _read_page(image, *, choices: bool = False, top: int | None = None):
    """One page's text, line by line as tesseract laid it out, and its words'
    confidences; with `choices`, also its lines (above `top`) that have a digit, each
    word with its characters' alternatives (`ocr_digits.hocr_choices`)."""
    try:
        data, hocr = _tesseract(image, choices)
    except RuntimeError as exc:  # pytesseract's time-out
        raise UnreadableDocument(
            "Trang quá phức tạp để nhận dạng trong thời gian cho phép."
        ) from exc
    lines: dict[tuple, list[str]] = {}
    blocks: list[tuple] = []
    confidences: list[float] = []
    for index, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word:
            continue
        key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
        if key not in lines:
            lines[key] = []
            blocks.append(key)
        lines[key].append(word)
        confidence = float(data["conf"][index])
        if confidence >= 0:
            confidences.append(confidence)
    out, previous = [], None
    for key in blocks:
        if previous is not None and key[:2] != previous[:2]:
            out.append("")  # a new paragraph or block
        out.append(" ".join(lines[key]))
        previous = key
    if not choices:
        return "\n".join(out), confidences
    from .ocr_digits import hocr_choices

    return "\n".join(out), confidences, hocr_choices(hocr, top)


def ocr_document(
    data: bytes, filename: str, *, progress: Callable[[int, int], None] | None = None
) -> OcrResult:
    """The text of a scan, page by page; `progress(done, total)` after each page."""
    if not available():
        raise UnreadableDocument(
            "Máy chủ chưa cài bộ nhận dạng chữ (tesseract, tiếng Việt): chưa đọc được bản "
            "quét. Hãy dán nội dung hoặc dùng tệp Word, hoặc báo quản trị hệ thống."
        )
    pages = check_scan(data, filename)
    texts, confidences = [], []
    header_readings: list[str] = []
    digit_choices: dict = {}
    size, low = None, False
    for number, image in enumerate(_page_images(data, filename, pages), start=1):
        if number == 1:
            text, page_confidences, header_readings, digit_choices = _read_first_page(image)
            size, low = image.size, is_low_resolution(image)
        else:
            text, page_confidences = _read_page(image)
        texts.append(text)
        confidences += page_confidences
        if progress:
            progress(number, pages)
    text = "\n\n".join(texts).strip()
    confident = [c for c in confidences if c >= 50]
    words = re.findall(r"[^\W\d_]{2,}", text)
    if len(confident) < MIN_WORDS or plausibility(" ".join(words)) < MIN_PLAUSIBLE:
        raise UnreadableDocument(
            f"Không nhận dạng được chữ trong “{filename}”: ảnh có thể mờ, nghiêng, quá tối "
            "hoặc không phải trang văn bản. Hãy quét lại rõ nét (300 dpi, để thẳng trang) "
            "hoặc dán nội dung văn bản."
        )
    mean = sum(confidences) / len(confidences) / 100 if confidences else 0.0
    return OcrResult(
        text=text,
        confidence=round(mean, 2),
        pages=pages,
        header_readings=header_readings,
        digit_choices=digit_choices,
        size=size,
        low_resolution=low,
    )
