"""Uploaded files: checked by content, size-limited, stored privately.

Only PDF, DOCX, XLSX, JPG and PNG are accepted. The name's extension must
match what the bytes are; a renamed executable is refused. So are a file that is
two formats at once (a PDF carrying a program or a ZIP, a picture carrying a PDF),
a PDF with content that runs by itself (JavaScript, Launch, attached files), and a
Word or Excel file that unzips to far more than it weighs (docs/decisions/0010).

A file written inside a transaction that rolls back is deleted when the request
or task ends (`discard_uncommitted_files`); `manage.py cleanup_orphan_files`
finds what a killed process left.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import logging
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.utils.deconstruct import deconstructible

logger = logging.getLogger(__name__)
MB = 1024 * 1024


@deconstructible(path="units.files.PrivateFileStorage")
class PrivateFileStorage(FileSystemStorage):
    """Files under MEDIA_ROOT, which no URL serves: only views that check access do.

    The location follows settings.MEDIA_ROOT (also when tests change it). A file saved
    inside a transaction is remembered until the transaction ends: if it rolls back,
    `discard_uncommitted_files` deletes the file (no row can refer to it).
    """

    def _save(self, name, content):
        discard_uncommitted_files()  # what earlier, ended transactions left
        name = super()._save(name, content)
        _remember_until_commit(self, name)
        return name


private_storage = PrivateFileStorage()


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: tuple[str, ...]
    content_type: str


PDF = FileKind("PDF", (".pdf",), "application/pdf")
PNG = FileKind("PNG", (".png",), "image/png")
JPEG = FileKind("JPG", (".jpg", ".jpeg"), "image/jpeg")
DOCX = FileKind(
    "DOCX",
    (".docx",),
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)
XLSX = FileKind(
    "XLSX", (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)
TEXT = FileKind("TXT", (".txt",), "text/plain; charset=utf-8")
# A comma-separated sheet: plain UTF-8 text by content (the admin's import takes it).
CSV = FileKind("CSV", (".csv",), "text/csv; charset=utf-8")
ALLOWED = (PDF, DOCX, XLSX, JPEG, PNG)
# What the document importer reads (a JPG, a PNG or a PDF scan through OCR); the
# uploaded file is kept with the draft.
DOCUMENTS = (PDF, DOCX, TEXT, JPEG, PNG)
ALLOWED_TEXT = "PDF, DOCX, XLSX, JPG, PNG"


def sniff(head: bytes, file) -> FileKind | None:
    """What the bytes are, whatever the name says."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _office_kind(file)
    return _text_kind(file)


def _text_kind(file) -> FileKind | None:
    """Plain UTF-8 text with no control bytes."""
    file.seek(0)
    data = file.read(1_048_576)
    file.seek(0)
    if b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - 4:  # a character cut at the read limit is fine
            return None
    return TEXT


def _office_kind(file) -> FileKind | None:
    """A Word or Excel file (Office Open XML), never one carrying macros."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return None
    finally:
        file.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return None  # macro-enabled Office file renamed to .docx/.xlsx
    if "word/document.xml" in names:
        return DOCX
    if "xl/workbook.xml" in names:
        return XLSX
    return None


def validate_upload(upload: UploadedFile, *, allowed: tuple[FileKind, ...] = ALLOWED) -> FileKind:
    """Return the file's kind, or raise a ValidationError in Vietnamese.

    Besides the type by content and the size: a file that is also another format
    (polyglot), a PDF with active content, a Word or Excel file that unzips too big
    (`check_archive`). The Excel import calls `validate_upload(upload, allowed=(XLSX,))`.
    """
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            f"Tệp “{upload.name}” quá lớn ({upload.size / 1_048_576:.1f} MB). "
            f"Dung lượng tối đa là {limit / 1_048_576:.0f} MB."
        )
    if upload.size == 0:
        raise ValidationError(f"Tệp “{upload.name}” rỗng.")
    upload.seek(0)
    head = upload.read(16)
    kind = sniff(head, upload)
    if kind is TEXT and CSV in allowed and Path(upload.name).suffix.lower() == ".csv":
        kind = CSV
    upload.seek(0)
    extension = Path(upload.name).suffix.lower()
    if kind is None or kind not in allowed:
        accepted = ", ".join(k.label for k in allowed)
        raise ValidationError(
            _what_to_save_it_as(upload, head, kind, allowed)
            or f"Tệp “{upload.name}” không đúng định dạng cho phép ({accepted})."
        )
    if extension not in kind.extensions:
        raise ValidationError(
            f"Tệp “{upload.name}” có nội dung là {kind.label} nhưng phần mở rộng là "
            f"“{extension or 'không có'}”. Hãy đổi tên tệp cho đúng."
        )
    if kind not in (TEXT, CSV):
        upload.seek(0)
        data = upload.read()
        upload.seek(0)
        check_content(data, kind, name=upload.name)
    return kind


# Office 97–2003 files (OLE2 compound documents): Excel's .xls, Word's .doc.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLD_OFFICE = (
    # streams named in the file's directory (UTF-16), its extension, what it is, the app,
    # the kind we read instead and what to save it as
    (
        ("Workbook", "Book"),
        ".xls",
        "Excel 97-2003 (.xls)",
        "Excel",
        XLSX,
        "Excel Workbook (*.xlsx)",
    ),
    (("WordDocument",), ".doc", "Word 97-2003 (.doc)", "Word", DOCX, "Word Document (*.docx)"),
)


def _what_to_save_it_as(
    upload: UploadedFile, head: bytes, kind: FileKind | None, allowed: tuple[FileKind, ...]
) -> str | None:
    """For the files clerks most often send in place of a .xlsx or .docx (an Office
    97–2003 file, a CSV), what the file is and how to save it as what we read; None for
    anything else."""
    name = upload.name
    how = "Mở tệp bằng {app}, chọn Tệp › Lưu thành (File › Save As), kiểu “{new}”, rồi tải tệp mới lên."
    if head.startswith(OLE2):
        upload.seek(0)
        data = upload.read(1_048_576)
        upload.seek(0)
        extension = Path(name).suffix.lower()
        for streams, old_extension, what, app, newer, new in _OLD_OFFICE:
            named = any(stream.encode("utf-16-le") in data for stream in streams)
            if newer in allowed and (named or extension in (old_extension, *newer.extensions)):
                return (
                    f"Tệp “{name}” là tệp {what}, kiểu cũ mà hệ thống không đọc được "
                    f"(chỉ đọc {newer.label}). " + how.format(app=app, new=new)
                )
        return None
    extension = Path(name).suffix.lower()
    if kind is None:
        # A .docx or .xlsx that does not open (a download cut short, a damaged copy),
        # a .txt or .csv not in UTF-8 (Notepad's "Unicode", an old TCVN3/VNI text):
        # named for what it is, not "not an accepted format" (decision 0061).
        for office, app, new in (
            (DOCX, "Word", "Word Document (*.docx)"),
            (XLSX, "Excel", "Excel Workbook (*.xlsx)"),
        ):
            if (
                office in allowed
                and extension in office.extensions
                and head.startswith(b"PK")
                and _broken_office(upload)
            ):
                return (
                    f"Tệp {app} “{name}” bị hỏng, không mở được (có thể tải về hoặc sao chép "
                    f"chưa trọn vẹn). Hãy mở tệp gốc bằng {app}; nếu mở được, chọn Tệp › Lưu "
                    f"thành (File › Save As), kiểu “{new}”, rồi tải tệp mới lên."
                )
        for text in (TEXT, CSV):
            if text in allowed and extension in text.extensions and _legacy_text(upload):
                return (
                    f"Tệp “{name}” không phải văn bản mã UTF-8 (có thể lưu bằng mã Unicode "
                    "UTF-16 hoặc mã cũ TCVN3, VNI), nên không đọc được. Mở tệp bằng Notepad, "
                    "chọn Tệp › Lưu thành (File › Save As), ở ô Mã hóa (Encoding) chọn UTF-8, "
                    "rồi tải tệp mới lên."
                )
    if kind is TEXT and XLSX in allowed:
        upload.seek(0)
        first = upload.read(4096).split(b"\n", 1)[0]
        upload.seek(0)
        if any(mark in first for mark in (b",", b";", b"\t")):
            return (
                f"Tệp “{name}” là văn bản CSV (các cột cách nhau bằng dấu phẩy), không phải "
                "tệp Excel (XLSX). " + how.format(app="Excel", new="Excel Workbook (*.xlsx)")
            )
    return None


def _legacy_text(upload: UploadedFile) -> bool:
    """Text, but not UTF-8: UTF-16 with its byte-order mark, or an 8-bit code page (no
    NUL, no control bytes but tab and line ends). A program renamed .txt is not."""
    upload.seek(0)
    data = upload.read(65536)
    upload.seek(0)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return not any(byte < 32 and byte not in (9, 10, 12, 13) for byte in data)


def _broken_office(upload: UploadedFile) -> bool:
    """A .docx/.xlsx archive that does not open (cut short), or an Office archive without
    its main part: damaged. A whole archive that is no Office file at all (a .zip renamed)
    or refused for another reason (macros) is not called broken."""
    try:
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return True
    finally:
        upload.seek(0)
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return False
    return "[Content_Types].xml" in names and not (
        "word/document.xml" in names or "xl/workbook.xml" in names
    )


# --------------------------------------------------------------------------
# What is inside: polyglots, active PDF content, archives that unzip too big

_NAMES = {DOCX: "Word", XLSX: "Excel"}
# A Windows program's header ("PE\0\0" and a known machine) or a Linux one's (ELF).
_PROGRAMS = (
    (
        re.compile(rb"PE\x00\x00(?:\x4c\x01|\x64\x86|\x64\xaa|\xc4\x01)"),
        "một chương trình Windows (.exe)",
    ),
    (re.compile(rb"\x7fELF[\x01\x02][\x01\x02]\x01"), "một chương trình Linux (ELF)"),
)
# Members of a Word or Excel file that only a program would be.
_PROGRAM_MEMBERS = (
    ".exe",
    ".dll",
    ".scr",
    ".com",
    ".bat",
    ".cmd",
    ".msi",
    ".ps1",
    ".vbs",
    ".js",
    ".jar",
    ".hta",
    ".lnk",
)


def check_content(data: bytes, kind: FileKind, *, name: str) -> None:
    """Refuse a file of `kind` that is also another format, a PDF with active content,
    or an Office file that unzips too big. ValidationError in Vietnamese."""
    other = _second_format(data, kind)
    if other:
        raise ValidationError(
            f"Tệp “{name}” là tệp {kind.label} nhưng bên trong còn có {other} (tệp mang hai "
            "định dạng, có thể là tệp độc hại), nên không được nhận."
        )
    if kind is PDF:
        check_pdf(data, name=name)
    elif kind in (DOCX, XLSX):
        check_archive(io.BytesIO(data), name=name, kind=kind, size=len(data))


PDF_TRAILING_BYTES = 256


def _second_format(data: bytes, kind: FileKind) -> str | None:
    for pattern, what in _PROGRAMS:
        if pattern.search(data):
            return what
    if kind in (PDF, PNG, JPEG) and zipfile.is_zipfile(io.BytesIO(data)):
        return "một tệp nén ZIP"
    if kind is not PDF and b"%PDF-" in data[:1024]:  # PDF readers look this far
        return "một tệp PDF"
    if kind in (PNG, JPEG) and b"%PDF-" in data:
        return "một tệp PDF"
    if kind is PDF:
        end = data.rfind(b"%%EOF")
        # A reader ignores what follows %%EOF; some programs leave a few stray bytes there,
        # a second document (a page, a script) takes more.
        if end >= 0 and len(data[end + 5 :].strip(b" \t\r\n\x00\x0c")) > PDF_TRAILING_BYTES:
            return "dữ liệu lạ sau phần kết thúc của tệp PDF"
        if end < 0 and len(data) > 1024:
            return "dữ liệu không phải PDF (tệp không có phần kết thúc %%EOF)"
    return None


# PDF names that run something or carry files. A name may be written with #xx escapes.
_ACTIVE_PDF = {
    b"JavaScript": "mã JavaScript",
    b"JS": "mã JavaScript",
    b"Launch": "lệnh mở chương trình (Launch)",
    b"EmbeddedFile": "tệp đính kèm bên trong",
    b"EmbeddedFiles": "tệp đính kèm bên trong",
    b"RichMedia": "nội dung đa phương tiện tự chạy (RichMedia)",
    b"XFA": "biểu mẫu XFA (có thể chứa mã lệnh)",
}
_REGULAR = rb"[^\x00\t\n\x0c\r ()<>\[\]{}/%]"
_ACTIVE_NAME = re.compile(
    rb"/(" + b"|".join(sorted(_ACTIVE_PDF, key=len, reverse=True)) + rb")(?!" + _REGULAR + rb")"
)
_ESCAPED_NAME = re.compile(rb"/(" + _REGULAR + rb"*#[0-9A-Fa-f]{2}" + _REGULAR + rb"*)")
_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n)")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")


def _unescape(name: bytes) -> bytes:
    return _HEX.sub(lambda m: bytes([int(m.group(1), 16)]), name)


def _active_name(data: bytes, streams: list[tuple[int, int]] | None) -> str | None:
    """The first active name in `data`. A name of 3 letters or fewer (/JS, /XFA) inside
    a stream (`streams`: its spans) can be chance bytes of compressed data: not counted."""
    starts = [span[0] for span in streams] if streams else []

    def in_stream(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < streams[k][1]

    for match in _ACTIVE_NAME.finditer(data):
        name = match.group(1)
        if len(name) > 3 or not in_stream(match.start()):
            return _ACTIVE_PDF[name]
    for match in _ESCAPED_NAME.finditer(data):
        name = _unescape(match.group(1))
        if name in _ACTIVE_PDF and (len(name) > 3 or not in_stream(match.start())):
            return _ACTIVE_PDF[name]
    return None


def _stream_spans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each stream's bytes, and where its dictionary began."""
    spans = []
    for match in _STREAM.finditer(data):
        if spans and match.start() < spans[-1][1]:
            continue  # the word inside an earlier stream's bytes
        end = data.find(b"endstream", match.end())
        spans.append((match.end(), len(data) if end < 0 else end))
    return spans


def check_pdf(data: bytes, *, name: str) -> None:
    """Refuse a PDF with content that runs by itself or carries files: JavaScript (also
    as an /OpenAction or /AA), /Launch, attached files, RichMedia, XFA forms. Names are
    read with their #xx escapes undone, also inside compressed object streams; a PDF
    whose object streams cannot be read (encrypted, another filter) is refused too."""
    streams = _stream_spans(data)
    found = _active_name(data, streams)
    if found is None:
        found = _active_in_object_streams(data, streams, name=name)
    if found:
        raise ValidationError(
            f"Tệp PDF “{name}” có {found}: không nhận tệp PDF có nội dung tự chạy. Hãy xuất "
            "lại tệp (Lưu thành PDF hoặc In ra PDF) rồi gửi lại."
        )


_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm(?!" + _REGULAR + rb")")
_FILTER = re.compile(rb"/Filter\s*(?:/(\w+)|\[([^\]]*)\])")
_PREDICTOR = re.compile(rb"/Predictor\s*\+?0*(\d+)")


def _active_in_object_streams(data: bytes, streams, *, name: str) -> str | None:
    """Object streams hold objects compressed: unzip each (up to the unzipped-size
    limit in all) and look for active names in it, 1 MB at a time."""
    budget = settings.UPLOAD_MAX_UNZIPPED_BYTES
    for start, end in streams:
        head = data[max(0, start - 2048) : start]
        head = head[max(head.rfind(b"endobj"), head.rfind(b"endstream"), 0) :]
        if b"#" in head:
            head = _unescape(head)
        if not _OBJECT_STREAM.search(head):
            continue
        match = _FILTER.search(head)
        filters: list[bytes] = []
        if match:
            filters = [match.group(1)] if match.group(1) else re.findall(rb"/(\w+)", match.group(2))
        indirect = b"/Filter" in head and not match  # "/Filter 5 0 R": not followed
        predictor = _PREDICTOR.search(head)
        if (
            b"/Encrypt" in data
            or indirect
            or any(f not in (b"FlateDecode", b"Fl") for f in filters)
            or (predictor and int(predictor.group(1)) > 1)
        ):
            raise ValidationError(
                f"Tệp PDF “{name}” được mã hoá hoặc nén theo cách không kiểm tra được nội dung. "
                "Hãy lưu lại tệp không đặt mật khẩu (In ra PDF) rồi gửi lại."
            )
        if not filters:
            found = _active_name(data[start:end], None)
            if found:
                return found
            continue
        decompressor = zlib.decompressobj()
        pending, overlap = data[start:end], b""
        while pending:
            try:
                chunk = decompressor.decompress(pending, MB)
            except zlib.error:
                break  # a damaged stream: what could be read was checked
            pending = b"" if decompressor.eof else decompressor.unconsumed_tail
            if not pending:
                chunk += decompressor.flush()
            budget -= len(chunk)
            if budget < 0:
                raise ValidationError(f"Tệp PDF “{name}” giải nén quá lớn, có thể là tệp độc hại.")
            found = _active_name(overlap + chunk, None)
            if found:
                return found
            overlap = chunk[-256:]
    return None


def check_archive(
    file,
    *,
    name: str,
    kind: FileKind | None = None,
    size: int | None = None,
) -> None:
    """Refuse a Word or Excel file (a ZIP) that unzips too big, too many times its own
    size, or into too many parts, or that carries a program. Reads the ZIP's directory
    only: nothing is unzipped. (What zipfile later reads is bounded by the same
    directory: a member that holds more than it declares fails its CRC check.)"""
    what = _NAMES.get(kind, "nén")
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ValidationError(f"Tệp “{name}” không phải tệp {what} đọc được.") from exc
    finally:
        file.seek(0)
    if size is None:
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(0)
    if len(members) > settings.UPLOAD_MAX_ZIP_MEMBERS:
        raise ValidationError(
            f"Tệp {what} “{name}” gồm quá nhiều phần ({len(members)}), có thể là tệp độc hại."
        )
    unzipped = sum(member.file_size for member in members)
    limit = settings.UPLOAD_MAX_UNZIPPED_BYTES
    ratio = unzipped / max(size, 1)
    if unzipped > limit or (unzipped > 10 * MB and ratio > settings.UPLOAD_MAX_ZIP_RATIO):
        raise ValidationError(
            f"Tệp {what} “{name}” giải nén quá lớn ({unzipped / MB:.0f} MB, gấp {ratio:.0f} "
            f"lần tệp gửi lên; tối đa {limit / MB:.0f} MB), có thể là tệp độc hại."
        )
    for member in members:
        if member.filename.lower().endswith(_PROGRAM_MEMBERS):
            raise ValidationError(
                f"Tệp {what} “{name}” chứa chương trình “{member.filename}”, có thể là tệp độc hại."
            )


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def store_upload(
    obj, upload: UploadedFile, *, by, allowed: tuple[FileKind, ...] = ALLOWED
) -> FileKind:
    """Check an upload and fill a StoredFileModel instance with it (not yet saved)."""
    kind = validate_upload(upload, allowed=allowed)
    obj.original_name = upload.name[:255]
    obj.content_type = kind.content_type
    obj.size = upload.size
    obj.sha256 = sha256_of(upload)
    obj.uploaded_by = by
    obj.file.save(upload.name, upload, save=False)
    return kind


# --------------------------------------------------------------------------
# Files of transactions that rolled back


class _Written:
    """A file saved inside a transaction; called (on_commit) when that transaction commits."""

    def __init__(self, storage, name: str):
        self.storage, self.name, self.committed = storage, name, False

    def __call__(self) -> None:
        self.committed = True


_PENDING = "_thidua_files_in_transaction"


def _remember_until_commit(storage, name: str, using: str = DEFAULT_DB_ALIAS) -> None:
    connection = connections[using]
    if not connection.in_atomic_block:
        return  # autocommit: no transaction to roll back
    written = _Written(storage, name)
    connection.__dict__.setdefault(_PENDING, []).append(written)
    transaction.on_commit(written, using=using)


def discard_uncommitted_files(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """Delete the files this thread saved in a transaction (or savepoint) that rolled
    back, and return their names. Run when a request or a task ends (config/apps.py)
    and before each save; safe to run at any time.

    A file is deleted only when its transaction has ended without committing (its
    on_commit callback was dropped, not run) and no row refers to it.
    """
    connection = connections[using]
    pending = connection.__dict__.get(_PENDING)
    if not pending:
        return []
    waiting = [func for _, func, _ in connection.run_on_commit]
    keep, removed = [], []
    for written in pending:
        if written.committed:
            continue
        if any(func is written for func in waiting):
            keep.append(written)  # its transaction is still open
            continue
        try:
            if is_referenced(written.name, using=using):
                continue
            written.storage.delete(written.name)
            removed.append(written.name)
        except Exception:  # e.g. a broken transaction: try again at the next sweep
            logger.warning("Could not check or delete %s", written.name, exc_info=True)
            keep.append(written)
    pending[:] = keep
    return removed


def file_fields() -> list[tuple[type, str]]:
    """(model, field name) of every FileField: where rows name their files."""
    from django.apps import apps
    from django.db import models

    return [
        (model, field.name)
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def is_referenced(name: str, *, using: str = DEFAULT_DB_ALIAS) -> bool:
    return any(
        model._base_manager.using(using).filter(**{field: name}).exists()
        for model, field in file_fields()
    )


def referenced_names(*, using: str = DEFAULT_DB_ALIAS) -> set[str]:
    """Every file name a row refers to."""
    names: set[str] = set()
    for model, field in file_fields():
        names.update(
            model._base_manager.using(using)
            .exclude(**{field: ""})
            .exclude(**{f"{field}__isnull": True})
            .values_list(field, flat=True)
        )
    return names
