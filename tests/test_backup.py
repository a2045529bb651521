"""manage.py backup / restore: a restore into a fresh database gives the same rows and files.

Runs on SQLite by default and on PostgreSQL when DATABASE_URL says so; there the
restore target is a brand-new database, dropped afterwards. The tests are
transactional: pg_dump cannot see rows inside pytest-django's test transaction.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import subprocess
from pathlib import Path
from urllib.parse import quote

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from campaigns import services
from campaigns.models import Attachment
from units.backup import open_database
from units.models import Membership

pytestmark = pytest.mark.django_db(transaction=True)
POSTGRES = connection.vendor == "postgresql"
PDF = b"%PDF-1.7\n% ke hoach thi dua\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


@pytest.fixture(autouse=True)
def _reference_data(reference_data):
    """The migrations' reference data, put back after the previous flush (conftest)."""


@pytest.fixture
def uploaded(demo, make_member):
    """The demo data plus two private files uploaded the way clerks upload them."""
    campaign = demo["000"]
    office = make_member("nv.saoluu", campaign.issuer, Membership.Role.OFFICE_STAFF)
    first = services.attachment_add(
        actor=office, campaign=campaign, upload=SimpleUploadedFile("ke-hoach.pdf", PDF)
    )
    second = services.attachment_add(
        actor=office,
        campaign=campaign,
        upload=SimpleUploadedFile("bao-cao-tong-ket.pdf", PDF + b"v2"),
        kind=Attachment.Kind.SUMMARY_REPORT,
    )
    return [first, second]


@pytest.fixture
def fresh_database(tmp_path):
    """A URL for an empty database: a new PostgreSQL database, or a new SQLite file."""
    if not POSTGRES:
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    cfg = connection.settings_dict
    name = f"thidua_backup_restore_{secrets.token_hex(4)}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'"
        )
    password = f":{quote(cfg['PASSWORD'], safe='')}" if cfg["PASSWORD"] else ""
    host = cfg["HOST"] or "127.0.0.1"
    try:
        yield f"postgres://{quote(cfg['USER'] or 'postgres')}{password}@{host}:{cfg['PORT'] or 5432}/{name}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def target_cfg(url: str) -> dict:
    import environ

    return environ.Env.db_url_config(url)


def run_backup(output: Path, *args) -> tuple[Path, dict, str]:
    out = _Capture()
    call_command("backup", "--output", str(output), *args, stdout=out, stderr=out)
    made = sorted(p for p in output.iterdir() if p.name.startswith("thidua-backup-"))
    manifest = json.loads((made[-1] / "manifest.json").read_text())
    return made[-1], manifest, out.text


def run_restore(backup: Path, *args) -> str:
    out = _Capture()
    try:
        call_command("restore", str(backup), *args, stdout=out, stderr=out)
    except CommandError as exc:
        raise CommandError(f"{exc}\n{out.text}") from None
    return out.text


class _Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def flush(self):
        pass

    @property
    def text(self):
        return "".join(self.parts)


def live_counts() -> dict[str, int]:
    """Row counts through the ORM, independently of the backup code."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return counts


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def restored(uploaded, fresh_database, tmp_path):
    backup, manifest, _ = run_backup(tmp_path / "backups")
    media = tmp_path / "restored_media"
    report = run_restore(backup, "--database-url", fresh_database, "--media-root", str(media))
    return backup, manifest, fresh_database, media, report


def test_restore_into_a_fresh_database_gives_the_same_rows_and_files(restored, uploaded):
    backup, manifest, url, media, report = restored
    assert "Kiểm tra ĐẠT" in report
    assert {p.name for p in backup.iterdir()} == {
        "manifest.json",
        "SHA256SUMS",
        "media.tar",
        "database.dump" if POSTGRES else "database.sqlite3",
    }
    # The manifest counts every model table, auth, contenttypes and history included.
    counts = live_counts()
    assert {t: manifest["tables"][t] for t in counts} == counts
    for table in ("auth_user", "django_content_type", "campaigns_historicalcampaign"):
        assert manifest["tables"][table] > 0
    assert manifest["tables"]["campaigns_attachment"] == 2
    from django.db.migrations.loader import MigrationLoader

    leaves = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("units")
    assert manifest["migrations"]["units"] == leaves[0][1]
    # The restored database holds the same rows, counted by the ORM's own tables.
    with open_database(target_cfg(url)) as target, target.cursor() as cursor:
        for table, count in counts.items():
            cursor.execute(f"SELECT COUNT(*) FROM {target.ops.quote_name(table)}")
            assert cursor.fetchone()[0] == count, table
        cursor.execute("SELECT file, sha256 FROM campaigns_attachment ORDER BY id")
        rows = cursor.fetchall()
    # Every uploaded file comes back byte for byte, with the hash stored at upload.
    assert [(a.file.name, a.sha256) for a in uploaded] == rows
    for attachment in uploaded:
        copy = media / attachment.file.name
        assert copy.read_bytes() == Path(attachment.file.path).read_bytes()
        assert manifest["media"]["files"][attachment.file.name] == {
            "sha256": attachment.sha256,
            "size": attachment.size,
        }
        assert sha256(copy) == attachment.sha256


def test_a_tampered_file_fails_verification(restored, uploaded):
    backup, _, url, media, _ = restored
    victim = media / uploaded[0].file.name
    victim.write_bytes(victim.read_bytes().replace(b"ke hoach", b"ke hoac!"))
    with pytest.raises(CommandError, match="KHÔNG ĐẠT") as failure:
        run_restore(backup, "--verify-only", "--database-url", url, "--media-root", str(media))
    assert f"Tệp {uploaded[0].file.name}: SHA-256 khác" in str(failure.value)


def test_a_missing_file_fails_verification(restored, uploaded):
    backup, _, url, media, _ = restored
    (media / uploaded[1].file.name).unlink()
    with pytest.raises(CommandError, match=f"Tệp {uploaded[1].file.name}: không có"):
        run_restore(backup, "--verify-only", "--database-url", url, "--media-root", str(media))


def test_a_deleted_row_fails_verification(restored):
    backup, manifest, url, media, _ = restored
    with open_database(target_cfg(url)) as target, target.cursor() as cursor:
        cursor.execute("DELETE FROM campaigns_attachment WHERE kind = 'summary_report'")
    with pytest.raises(CommandError, match="KHÔNG ĐẠT") as failure:
        run_restore(backup, "--verify-only", "--database-url", url, "--media-root", str(media))
    assert "Bảng campaigns_attachment: bản sao lưu 2 dòng, hiện có 1" in str(failure.value)


def test_force_restores_over_an_earlier_restore(restored):
    backup, _, url, media, _ = restored
    with open_database(target_cfg(url)) as target, target.cursor() as cursor:
        cursor.execute("DELETE FROM campaigns_attachment")
    with pytest.raises(CommandError, match="đã có .* bảng"):
        run_restore(backup, "--database-url", url, "--media-root", str(media))
    report = run_restore(backup, "--database-url", url, "--media-root", str(media), "--force")
    assert "Kiểm tra ĐẠT" in report


def test_verify_only_against_the_live_data(uploaded, tmp_path):
    backup, _, _ = run_backup(tmp_path / "backups")
    assert "Kiểm tra ĐẠT" in run_restore(backup, "--verify-only")
    uploaded[0].delete()
    with pytest.raises(CommandError, match="campaigns_attachment: bản sao lưu 2 dòng, hiện có 1"):
        run_restore(backup, "--verify-only")


def test_restore_refuses_a_database_that_has_tables(uploaded, tmp_path, fresh_database):
    backup, _, _ = run_backup(tmp_path / "backups")
    before = live_counts()
    # The live database (the default target) is never overwritten by accident.
    with pytest.raises(CommandError, match="đã có .* bảng"):
        run_restore(backup, "--media-root", str(tmp_path / "elsewhere"))
    # Nor a media folder that already holds files.
    with pytest.raises(CommandError, match="không trống"):
        run_restore(backup, "--database-url", fresh_database)
    assert live_counts() == before
    with open_database(target_cfg(fresh_database)) as target, target.cursor() as cursor:
        assert target.introspection.table_names(cursor) == []
    assert not (tmp_path / "elsewhere").exists()


def test_a_damaged_backup_is_refused_before_anything_is_written(uploaded, tmp_path, fresh_database):
    backup, _, _ = run_backup(tmp_path / "backups")
    tar = backup / "media.tar"
    data = bytearray(tar.read_bytes())
    data[700] ^= 0xFF
    tar.write_bytes(bytes(data))
    media = tmp_path / "restored_media"
    with pytest.raises(CommandError, match="media.tar của bản sao lưu bị hỏng"):
        run_restore(backup, "--database-url", fresh_database, "--media-root", str(media))
    with open_database(target_cfg(fresh_database)) as target, target.cursor() as cursor:
        assert target.introspection.table_names(cursor) == []
    assert not media.exists()
    # SHA256SUMS lets a copy be checked where Django is not installed.
    check = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=backup, capture_output=True)
    assert check.returncode != 0 and b"media.tar: FAILED" in check.stdout


def test_keep_deletes_only_older_backups_made_by_the_command(db, tmp_path):
    output = tmp_path / "backups"
    output.mkdir()
    (output / "notes").mkdir()
    (output / "thidua-backup-20000101T000000Z").mkdir()  # the name, but no manifest
    (output / "thidua-backup-20000101T000001Z.tar").write_text("not ours")
    made = [run_backup(output, "--keep", "2")[0] for _ in range(3)]
    left = sorted(p.name for p in output.iterdir())
    assert left == sorted(
        [
            "notes",
            "thidua-backup-20000101T000000Z",
            "thidua-backup-20000101T000001Z.tar",
            made[1].name,
            made[2].name,
        ]
    )


def test_a_write_error_fails_clearly_and_leaves_nothing(db, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with pytest.raises(CommandError, match="Sao lưu thất bại: Không tạo được thư mục sao lưu"):
        run_backup(blocker / "backups")


@pytest.mark.skipif(not POSTGRES, reason="pg_dump is only used on PostgreSQL")
def test_pg_dump_missing_fails_clearly(db, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(CommandError, match="Không tìm thấy chương trình pg_dump"):
        run_backup(tmp_path / "backups")
    assert list((tmp_path / "backups").iterdir()) == []


@pytest.mark.skipif(not POSTGRES, reason="only PostgreSQL has a password")
def test_the_password_goes_only_to_pgpassword(uploaded, tmp_path, monkeypatch):
    password = "mat-khau-bi-mat-9f3"
    monkeypatch.setitem(connection.settings_dict, "PASSWORD", password)
    calls = []
    real_run = subprocess.run

    def spy(args, **kwargs):
        calls.append((args, kwargs["env"]))
        return real_run(args, **kwargs)

    monkeypatch.setattr("units.backup.subprocess.run", spy)
    backup, manifest, output = run_backup(tmp_path / "backups")
    (args, env), *_ = calls
    assert args[0] == "pg_dump" and "--format=custom" in args
    assert any(a.startswith("--snapshot=") for a in args)
    assert env["PGPASSWORD"] == password
    assert password not in " ".join(args)
    assert password not in output
    for path in backup.iterdir():
        assert password.encode() not in path.read_bytes()


def test_backup_defaults_to_backup_root(db, tmp_path, settings):
    settings.BACKUP_ROOT = tmp_path / "root"
    out = _Capture()
    call_command("backup", stdout=out, stderr=out)
    assert str(settings.BACKUP_ROOT) in out.text
    assert len(list(settings.BACKUP_ROOT.iterdir())) == 1


@pytest.mark.skipif(not POSTGRES, reason="database owners and privileges are PostgreSQL's")
def test_a_database_the_restoring_user_does_not_own_is_refused_with_the_command_to_fix_it(
    uploaded, tmp_path, fresh_database
):
    """docs/backup.md's restore test: `createdb` run as postgres makes a database the
    application's user may not create tables (nor pg_trgm) in. pg_restore failed in
    English on `CREATE EXTENSION pg_trgm`; the restore now says why before it starts, and
    which createdb to run. Then, owned by that user (not a superuser), it restores."""
    backup, _, _ = run_backup(tmp_path / "backups")
    cfg = target_cfg(fresh_database)
    role, password = f"thidua_restore_{secrets.token_hex(4)}", secrets.token_hex(12)
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    url = f"postgres://{role}:{password}@{cfg['HOST'] or '127.0.0.1'}:{cfg['PORT'] or 5432}/{cfg['NAME']}"
    media = tmp_path / "restored_media"
    try:
        with pytest.raises(CommandError) as refused:
            run_restore(backup, "--database-url", url, "--media-root", str(media))
        message = str(refused.value)
        assert f"Người dùng “{role}” không có quyền tạo bảng" in message
        assert f"createdb --owner={role}" in message and password not in message
        assert existing_tables_of(url) == [] and not media.exists()

        with connection.cursor() as cursor:
            cursor.execute(f'ALTER DATABASE "{cfg["NAME"]}" OWNER TO {role}')
        assert "Kiểm tra ĐẠT" in run_restore(
            backup, "--database-url", url, "--media-root", str(media)
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{cfg["NAME"]}" WITH (FORCE)')
            cursor.execute(f"DROP ROLE IF EXISTS {role}")


def existing_tables_of(url: str) -> list[str]:
    with open_database(target_cfg(url)) as target, target.cursor() as cursor:
        return target.introspection.table_names(cursor)
