"""Issue 15: a 500 MB request body was read in full before the 20 MB check. Now a body
over REQUEST_MAX_BYTES is answered 413 from its Content-Length, before a byte is read.

The requests go through Django's WSGI handler, as gunicorn calls it, with a body that is
made as it is read (and counted), never held in memory.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler

MB = 1024 * 1024
BOUNDARY = "thidua-boundary"
TOKEN = "a" * 32


class Body:
    """A multipart body with one file of `size` bytes, made as it is read."""

    def __init__(self, size: int):
        head = (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="video.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n'
        ).encode()
        self.parts = [head, size, f"\r\n--{BOUNDARY}--\r\n".encode()]
        self.length = len(head) + size + len(self.parts[2])
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        out = b""
        while self.parts and (size < 0 or len(out) < size):
            part = self.parts[0]
            want = (size - len(out)) if size >= 0 else 1 << 20
            if isinstance(part, int):
                chunk = b"0" * min(want, part)
                self.parts[0] = part - len(chunk)
                if not self.parts[0]:
                    self.parts.pop(0)
            else:
                chunk, rest = part[:want], part[want:]
                self.parts[0:1] = [rest] if rest else []
            out += chunk
        self.read_bytes += len(out)
        return out

    def readline(self, size: int = -1) -> bytes:  # not used by Django's parser
        return self.read(size)


def post(path: str, body: Body) -> tuple[str, bytes]:
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        # a CSRF cookie and its token, as a browser sends: the form is then read
        "HTTP_COOKIE": f"csrftoken={TOKEN}",
        "HTTP_X_CSRFTOKEN": TOKEN,
        "CONTENT_TYPE": f"multipart/form-data; boundary={BOUNDARY}",
        "CONTENT_LENGTH": str(body.length),
        "wsgi.input": body,
        "wsgi.url_scheme": "http",
        "wsgi.errors": None,
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    status = []
    response = WSGIHandler()(environ, lambda s, headers, exc_info=None: status.append(s))
    content = b"".join(response)
    response.close()
    return status[0], content


@pytest.mark.django_db
def test_a_500_mb_body_is_refused_before_it_is_read():
    body = Body(500 * MB)
    status, page = post("/quan-ly/nhap-van-ban/", body)
    assert status.startswith("413")
    assert body.read_bytes == 0
    assert "Tệp gửi lên quá lớn" in page.decode() and "20,0 MB" in page.decode()


@pytest.mark.django_db
def test_a_body_just_over_the_limit_is_refused_and_one_under_it_goes_through():
    over = Body(settings.REQUEST_MAX_BYTES)
    assert post("/quan-ly/nhap-van-ban/", over)[0].startswith("413")
    assert over.read_bytes == 0
    under = Body(3 * MB)  # read, then the view sends the anonymous visitor to log in
    status, _ = post("/quan-ly/nhap-van-ban/", under)
    assert status.startswith("302") and under.read_bytes == under.length


def test_the_limit_follows_the_upload_limit():
    assert settings.REQUEST_MAX_BYTES == settings.UPLOAD_MAX_BYTES + MB
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 5 * MB
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
