"""Uploaded files: checked by content, size-limited, stored privately.

Only PDF, DOCX, XLSX, JPG and PNG are accepted. The name's extension must
match what the bytes are; a renamed executable is refused.
"""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.utils.deconstruct import deconstructible


@deconstructible(path="units.files.PrivateFileStorage")
class PrivateFileStorage(FileSystemStorage):
    """Files under MEDIA_ROOT, which no URL serves: only views that check access do.

    The location follows settings.MEDIA_ROOT (also when tests change it).
    """


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
ALLOWED = (PDF, DOCX, XLSX, JPEG, PNG)
# What the document importer reads; the uploaded file is kept with the draft.
DOCUMENTS = (PDF, DOCX, TEXT)
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
    """Return the file's kind, or raise a ValidationError in Vietnamese."""
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
    upload.seek(0)
    extension = Path(upload.name).suffix.lower()
    if kind is None or kind not in allowed:
        accepted = ", ".join(k.label for k in allowed)
        raise ValidationError(f"Tệp “{upload.name}” không đúng định dạng cho phép ({accepted}).")
    if extension not in kind.extensions:
        raise ValidationError(
            f"Tệp “{upload.name}” có nội dung là {kind.label} nhưng phần mở rộng là "
            f"“{extension or 'không có'}”. Hãy đổi tên tệp cho đúng."
        )
    return kind


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
