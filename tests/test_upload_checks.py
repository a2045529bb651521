"""Issue 15, uploads: a file is judged by what is inside it, not only by how it starts.

Accepted before: an executable that starts with `%PDF-`, a PDF whose /OpenAction runs
JavaScript, a 1 MB xlsx that unzips to 1 GiB, a .docx of 150 KB that unzips to 50 MB.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from campaigns.importer import UnreadableDocument, read_document
from units.files import DOCX, PDF, XLSX, check_archive, validate_upload

MB = 1024 * 1024


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refused(name: str, data: bytes, **kwargs) -> str:
    with pytest.raises(ValidationError) as error:
        validate_upload(upload(name, data), **kwargs)
    return " ".join(error.value.messages)


def pdf(*objects: bytes, trailer: bytes = b"<< /Root 1 0 R >>") -> bytes:
    """A small well-formed PDF with these objects (numbered from 1)."""
    body = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    for number, content in enumerate(objects, 1):
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    return body + b"trailer\n" + trailer + b"\nstartxref\n0\n%%EOF\n"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PAGES = b"<< /Type /Pages /Kids [] /Count 0 >>"


def stream(data: bytes, extra: bytes = b"") -> bytes:
    compressed = zlib.compress(data)
    return (
        b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(compressed), extra)
        + compressed
        + b"\nendstream"
    )


def word(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def excel(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_member(data: bytes, name: str, content: bytes, method=zipfile.ZIP_DEFLATED) -> bytes:
    """The Office file `data` with one more part."""
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a", compression=method) as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


# Polyglots --------------------------------------------------------------------


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00"
PE = b"MZ\x90\x00" + b"\x00" * 56 + struct.pack("<I", 0x80) + b"\x00" * 64 + b"PE\x00\x00\x64\x86"


@pytest.mark.parametrize(
    "payload,what",
    [(ELF, "chương trình Linux"), (PE, "chương trình Windows")],
)
def test_an_executable_that_starts_with_the_pdf_header_is_refused(payload, what):
    assert what in refused("hoa-don.pdf", b"%PDF-1.4\n" + payload + b"\x00" * 2000)
    # also with a PDF around it
    assert what in refused("hoa-don.pdf", pdf(CATALOG, PAGES, stream(b"x") + payload))


def test_a_pdf_that_is_also_a_zip_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("run.js", "WScript.Echo(1)")
    message = refused("bao-cao.pdf", pdf(CATALOG, PAGES) + archive.getvalue())
    assert "tệp nén ZIP" in message and "hai định dạng" in message


def test_a_zip_with_a_pdf_header_is_refused():
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("[Content_Types].xml", "x")
        z.writestr("word/document.xml", "x")
    assert "tệp nén ZIP" in refused("bao-cao.pdf", b"%PDF-1.5\n" + archive.getvalue())
    # a Word file whose first part holds a PDF header (a PDF reader would open it)
    stored = with_member(b"", "a.pdf", b"%PDF-1.4\n" + b"x" * 100, zipfile.ZIP_STORED)
    stored = with_member(stored, "[Content_Types].xml", b"x")
    stored = with_member(stored, "word/document.xml", b"x")
    assert "một tệp PDF" in refused("bao-cao.docx", stored)


def test_a_picture_carrying_a_zip_or_a_pdf_is_refused():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "x")
    assert "tệp nén ZIP" in refused("anh.png", png + archive.getvalue())
    assert "một tệp PDF" in refused("anh.png", png + b"\x00" * 4000 + pdf(CATALOG, PAGES))


def test_something_after_the_end_of_a_pdf_is_refused():
    page = b"<html><body><script>" + b"document.write(1);" * 20 + b"</script></body></html>\n"
    assert "sau phần kết thúc" in refused("bao-cao.pdf", pdf(CATALOG, PAGES) + page)
    # a few stray bytes, as some programs leave, are not a second document
    assert validate_upload(upload("bao-cao.pdf", pdf(CATALOG, PAGES) + b"v2\r\n")) is PDF
    assert "không có phần kết thúc" in refused("bao-cao.pdf", b"%PDF-1.4\n" + b"echo pwned\n" * 200)


def test_a_word_file_carrying_a_program_is_refused():
    data = with_member(word(["Báo cáo"]), "word/embeddings/setup.exe", b"x" * 100)
    assert "setup.exe" in refused("bao-cao.docx", data)


# Active PDF content ----------------------------------------------------------


@pytest.mark.parametrize(
    "objects,what",
    [
        (
            [
                b"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
                PAGES,
                b"<< /S /JavaScript /JS (app.alert\\('x'\\)) >>",
            ],
            "JavaScript",
        ),
        (  # the name written with #xx escapes
            [
                b"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
                PAGES,
                b"<< /S /J#61va#53cript /J#53 (app.alert\\(1\\)) >>",
            ],
            "JavaScript",
        ),
        (
            [
                b"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
                PAGES,
                b"<< /S /Launch /F (cmd.exe) >>",
            ],
            "Launch",
        ),
        (
            [
                b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 3 0 R >> >>",
                PAGES,
                b"<< /Names [(a.exe) 4 0 R] >>",
                b"<< /Type /Filespec /F (a.exe) /EF << /F 5 0 R >> >>",
                stream(b"MZ", b"/Type /EmbeddedFile"),
            ],
            "tệp đính kèm",
        ),
    ],
)
def test_a_pdf_with_active_content_is_refused(objects, what):
    message = refused("ke-hoach.pdf", pdf(*objects))
    assert what in message and "tự chạy" in message


def test_javascript_hidden_in_a_compressed_object_stream_is_refused():
    objects = b"3 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>"
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction 3 0 R >>",
        PAGES,
        stream(objects, b"/Type /ObjStm /N 1 /First 4"),
    )
    assert b"JavaScript" not in data
    assert "JavaScript" in refused("ke-hoach.pdf", data)


def test_an_encrypted_pdf_whose_object_streams_cannot_be_checked_is_refused():
    data = pdf(
        CATALOG,
        PAGES,
        stream(b"garbage", b"/Type /ObjStm /N 1 /First 4"),
        trailer=b"<< /Root 1 0 R /Encrypt 9 0 R >>",
    )
    assert "mã hoá" in refused("ke-hoach.pdf", data)


def test_ordinary_pdfs_are_accepted():
    # an /OpenAction that only opens the first page, and chance bytes "/JS" in a stream
    data = pdf(
        b"<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /FitH null] >>",
        PAGES,
        b"<< /Length 12 >>\nstream\n\x01/JS \x02/XFA\x03\nendstream",
    )
    assert validate_upload(upload("ke-hoach.pdf", data)) is PDF
    from units.pdf import html_to_pdf

    ours = html_to_pdf("<h1>Kế hoạch thi đua</h1><p>Nội dung</p>")
    assert validate_upload(upload("ke-hoach.pdf", ours)) is PDF


# Archives that unzip too big ---------------------------------------------------


def bomb(unzipped: int, *, kind=XLSX) -> bytes:
    """A real Office file whose main part is `unzipped` bytes of one repeated row."""
    base = excel([["a"]]) if kind is XLSX else word(["a"])
    part = "xl/worksheets/sheet2.xml" if kind is XLSX else "word/document2.xml"
    buffer = io.BytesIO(base)
    row = b'<row><c t="inlineStr"><is><t>thi dua</t></is></c></row>'
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open(part, "w", force_zip64=True) as member:
            block = row * (MB // len(row))
            for _ in range(unzipped // len(block)):
                member.write(block)
    return buffer.getvalue()


def test_an_xlsx_that_unzips_far_too_big_is_refused_by_the_public_helper(settings):
    settings.UPLOAD_MAX_UNZIPPED_BYTES = 40 * MB  # a 1 GiB bomb, scaled down for speed
    data = bomb(60 * MB)
    assert len(data) < MB
    message = refused("danh-sach.xlsx", data, allowed=(XLSX,))
    assert "Tệp Excel" in message and "giải nén quá lớn" in message
    assert "có thể là tệp độc hại" in message


def test_the_default_limit_refuses_a_gigabyte(settings):
    """The directory is read, nothing is unzipped: a member that says it holds 1 GiB."""
    data = bytearray(excel([["a"]]))
    directory = data.rfind(b"PK\x01\x02")
    data[directory + 24 : directory + 28] = struct.pack("<I", 1024 * MB)  # its size
    assert "giải nén quá lớn (1024 MB" in refused("danh-sach.xlsx", bytes(data))


def test_a_docx_many_times_its_size_is_refused_and_not_read():
    data = bomb(50 * MB, kind=DOCX)
    assert len(data) < 400 * 1024  # the was 150 KB
    assert "giải nén quá lớn" in refused("ke-hoach.docx", data)
    with pytest.raises(UnreadableDocument, match="giải nén quá lớn"):
        read_document(data, "ke-hoach.docx")


def test_too_many_parts_are_refused(settings):
    settings.UPLOAD_MAX_ZIP_MEMBERS = 50
    data = excel([["a"]])
    for number in range(60):
        data = with_member(data, f"xl/media/a{number}.xml", b"x")
    assert "quá nhiều phần" in refused("danh-sach.xlsx", data)


def test_a_directory_that_lies_about_a_size_cannot_make_the_reader_read_more():
    """check_archive trusts the ZIP's directory; zipfile (python-docx, openpyxl) reads no
    more than the directory says, and a part that holds more fails its CRC."""
    data = bytearray(bomb(30 * MB, kind=DOCX))
    directory = data.rfind(b"PK\x01\x02")  # the last part: the 30 MB one
    data[directory + 24 : directory + 28] = struct.pack("<I", 1000)
    check_archive(io.BytesIO(bytes(data)), name="a.docx", kind=DOCX)  # it says 1000 bytes
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        with pytest.raises(zipfile.BadZipFile, match="CRC"):
            archive.read("word/document2.xml")


def test_ordinary_office_files_are_accepted():
    rows = [[f"Đơn vị {i}", i, "Lai Châu"] for i in range(20_000)]
    assert validate_upload(upload("don-vi.xlsx", excel(rows)), allowed=(XLSX,)) is XLSX
    assert validate_upload(upload("ke-hoach.docx", word(["Kế hoạch"] * 2000))) is DOCX
