"""Issue 15: a file is written before its transaction commits, so rollbacks and killed
workers left files no row refers to (25 of 29 in one run).

A file saved in a transaction that rolls back is now deleted when the request or task
ends; what a killed process leaves is found by `manage.py cleanup_orphan_files`.
"""

from __future__ import annotations

import io
import os
import time
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from campaigns.models import ImportedDocument
from units.files import discard_uncommitted_files
from units.models import FileJob, Membership


def media_files() -> list[str]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def empty_word_file() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_refused_import_leaves_no_file(client, make_member, demo):
    """The service saves the file, then finds no text in it and raises: the transaction
    rolls back, and the file with it when the request ends."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(make_member("nv.tp", demo["002"].issuer, Membership.Role.OFFICE_STAFF))
    response = client.post(
        reverse("staff:import_start"),
        {"file": SimpleUploadedFile("trong.docx", empty_word_file())},
    )
    assert response.status_code == 200 and not ImportedDocument.objects.exists()
    assert media_files() == []


def new_job(user, name: str = "nguon.xlsx") -> FileJob:
    job = FileJob(kind="test", title="Thử", filename="kq.txt", requested_by=user)
    job.source.save(name, ContentFile(b"du lieu"), save=False)
    job.save()
    return job


@pytest.mark.django_db
def test_a_rolled_back_savepoint_takes_its_file_and_keeps_the_others(admin_user):
    kept = new_job(admin_user, "giu.xlsx")
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            new_job(admin_user, "bo.xlsx")
            raise RuntimeError("refused after the file was written")
    assert len(media_files()) == 2  # until the request or task ends
    assert discard_uncommitted_files() == ["jobs/input/bo.xlsx"]
    assert media_files() == [kept.source.name]


@pytest.mark.django_db(transaction=True)
def test_commit_keeps_the_file_and_rollback_removes_it(admin_user):
    with transaction.atomic():
        committed = new_job(admin_user, "a.xlsx")
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            new_job(admin_user, "b.xlsx")
            raise RuntimeError
    assert discard_uncommitted_files() == ["jobs/input/b.xlsx"]
    assert media_files() == [committed.source.name]


@pytest.mark.django_db(transaction=True)
def test_a_committed_file_is_kept_even_when_an_earlier_commit_hook_fails(admin_user):
    """A failing on_commit callback stops the ones after it, ours included: the row that
    names the file decides, and it is there."""

    def fails():
        raise RuntimeError("mail queue down")

    with pytest.raises(RuntimeError):
        with transaction.atomic():
            transaction.on_commit(fails)
            job = new_job(admin_user)
    assert FileJob.objects.filter(pk=job.pk).exists()
    assert discard_uncommitted_files() == []
    assert media_files() == [job.source.name]


# cleanup_orphan_files ------------------------------------------------------------


def write(name: str, *, age_minutes: int) -> Path:
    path = Path(settings.MEDIA_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * 10)
    then = time.time() - age_minutes * 60
    os.utime(path, (then, then))
    return path


@pytest.mark.django_db
def test_cleanup_lists_then_deletes_what_no_row_refers_to(admin_user, capsys):
    job = new_job(admin_user)
    os.utime(job.source.path, (time.time() - 7200,) * 2)
    old = write("attachments/2024/mo-coi.pdf", age_minutes=120)
    young = write("jobs/input/dang-ghi.xlsx", age_minutes=5)  # its transaction may be open
    FileJob.objects.create(
        kind="test", title="Mất tệp", filename="x", requested_by=admin_user, file="jobs/mat.txt"
    )

    call_command("cleanup_orphan_files")
    out, err = capsys.readouterr()
    assert "attachments/2024/mo-coi.pdf" in out and "Chạy lại với --delete" in out
    assert "dang-ghi" not in out and job.source.name not in out
    assert "1 tệp được dữ liệu tham chiếu nhưng không có" in err and "jobs/mat.txt" in err
    assert old.exists()  # a dry run by default

    call_command("cleanup_orphan_files", "--delete")
    out, _ = capsys.readouterr()
    assert "Đã xóa 1 tệp" in out
    assert not old.exists() and not old.parent.exists()
    assert young.exists() and Path(job.source.path).exists()

    call_command("cleanup_orphan_files", "--delete", "--min-age", "0")
    assert not young.exists() and Path(job.source.path).exists()


@pytest.mark.django_db
def test_cleanup_leaves_backups_kept_under_media_root(settings, capsys):
    settings.BACKUP_ROOT = str(Path(settings.MEDIA_ROOT) / "backups")
    backup = write("backups/thidua-backup-1/media.tar", age_minutes=600)
    call_command("cleanup_orphan_files", "--delete")
    assert backup.exists() and "Đã xóa 0 tệp" in capsys.readouterr().out
