"""Backups: the database and the private media files, with a manifest to check them by.

One backup is one folder, `thidua-backup-YYYYMMDDTHHMMSSZ/` (UTC), holding:

    database.dump     pg_dump --format=custom (PostgreSQL), or
    database.sqlite3  a copy made with SQLite's online backup API
    media.tar         every file under MEDIA_ROOT, paths relative to it
    manifest.json     when; the migration state; the row count of every model table;
                      the SHA-256 and size of every media file and of the two files above
    SHA256SUMS        the same artefact hashes, for `sha256sum -c` where Django is absent

Consistency. On PostgreSQL one REPEATABLE READ transaction exports its snapshot,
counts the rows in it, and pg_dump dumps that same snapshot (`--snapshot`): the
counts are exactly what the dump holds. On SQLite the counts are read from the copy
itself. Media files are tarred after the database snapshot is taken; uploads write
the file before the row is committed, so every file a backed-up row refers to is
already on disk. A file uploaded during the backup may be in the tar without a row
(harmless). See docs/backup.md.

Messages are in Vietnamese and never contain the database password.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import django
from django.apps import apps
from django.db import DatabaseError, connections, models
from django.db.utils import ConnectionHandler

FORMAT = "thidua-backup"
VERSION = 1
PREFIX = "thidua-backup-"
NAME_RE = re.compile(r"^thidua-backup-(\d{8}T\d{6}Z)(?:-(\d+))?$")
MANIFEST = "manifest.json"
MEDIA_TAR = "media.tar"
PG_DUMP_FILE = "database.dump"
SQLITE_FILE = "database.sqlite3"
POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
# libpq's environment variables for the OPTIONS Django passes through to psycopg.
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A failure, in Vietnamese, safe to print: it never holds the password."""


# --- what is counted ---------------------------------------------------------------


def model_tables() -> list[str]:
    """Every table of an installed model (auth, contenttypes, history, M2M included)."""
    tables = {"django_migrations"}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and not meta.swapped:
            tables.add(meta.db_table)
    return sorted(tables)


def file_columns() -> list[tuple[str, str]]:
    """(table, column) of every FileField: the names of the files the rows refer to."""
    found = set()
    for model in apps.get_models():
        meta = model._meta
        if not meta.managed or meta.proxy:
            continue
        for f in meta.concrete_fields:
            if isinstance(f, models.FileField):
                found.add((meta.db_table, f.column))
    return sorted(found)


@dataclass
class DatabaseState:
    tables: dict[str, int]
    migrations: dict[str, str]
    missing_tables: list[str]
    referenced_files: set[str]


def read_state(wrapper) -> DatabaseState:
    """Row counts, last migration per app and referenced file names, on one connection."""
    quote = wrapper.ops.quote_name
    with wrapper.cursor() as cursor:
        present = set(wrapper.introspection.table_names(cursor))
        tables, missing = {}, []
        for table in model_tables():
            if table not in present:
                missing.append(table)
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
            tables[table] = cursor.fetchone()[0]
        migrations = {}
        if "django_migrations" in present:
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
            for app, name in cursor.fetchall():
                migrations[app] = name
        referenced = set()
        for table, column in file_columns():
            if table in present:
                cursor.execute(
                    f"SELECT {quote(column)} FROM {quote(table)} "
                    f"WHERE {quote(column)} IS NOT NULL AND {quote(column)} <> ''"
                )
                referenced.update(row[0] for row in cursor.fetchall())
    return DatabaseState(tables, dict(sorted(migrations.items())), missing, referenced)


# --- connections and tools ---------------------------------------------------------


def engine_of(cfg: dict) -> str:
    engine = cfg.get("ENGINE", "")
    if engine == POSTGRESQL or engine.endswith("postgresql_psycopg2"):
        return "postgresql"
    if engine == SQLITE:
        return "sqlite"
    raise BackupError(f"Chỉ hỗ trợ sao lưu PostgreSQL và SQLite (cấu hình đang dùng: {engine}).")


@contextmanager
def open_database(cfg: dict | None = None) -> Iterator:
    """A Django connection: the default one (cfg None), or a private one closed afterwards."""
    if cfg is None:
        yield connections["default"]
        return
    handler = ConnectionHandler({"default": copy.deepcopy(cfg)})
    wrapper = handler["default"]
    try:
        try:
            wrapper.ensure_connection()
        except Exception as exc:
            raise BackupError(
                f"Không kết nối được cơ sở dữ liệu “{cfg.get('NAME')}”: {first_line(exc, cfg)}"
            ) from None
        yield wrapper
    finally:
        handler.close_all()


def first_line(error, cfg: dict) -> str:
    text = scrub(str(error), cfg).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def scrub(text: str, cfg: dict) -> str:
    password = str(cfg.get("PASSWORD") or "")
    return text.replace(password, "***") if password else text


def pg_environment(cfg: dict) -> dict[str, str]:
    """libpq settings for pg_dump/pg_restore: the password only ever in PGPASSWORD."""
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if cfg.get(key):
            env[var] = str(cfg[key])
    if cfg.get("PASSWORD"):
        env["PGPASSWORD"] = str(cfg["PASSWORD"])
    for option, var in PG_OPTION_ENV.items():
        if option in cfg.get("OPTIONS", {}):
            env[var] = str(cfg["OPTIONS"][option])
    return env


def run_tool(args: list[str], cfg: dict) -> str:
    """Run pg_dump / pg_restore; a clear error, without secrets, when it fails."""
    tool = args[0]
    try:
        done = subprocess.run(
            args, env=pg_environment(cfg), capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        raise BackupError(
            f"Không tìm thấy chương trình {tool}. Cài gói postgresql-client "
            f"(cùng phiên bản với máy chủ PostgreSQL, ví dụ: apt-get install postgresql-client-15)."
        ) from None
    if done.returncode != 0:
        detail = scrub(done.stderr, cfg).strip().splitlines()[-5:]
        raise BackupError(f"{tool} báo lỗi (mã {done.returncode}): " + " | ".join(detail))
    return done.stdout


def sha256_file(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


class _HashingReader:
    """Hash exactly the bytes tarfile copies into the archive."""

    def __init__(self, handle):
        self.handle, self.digest, self.size = handle, hashlib.sha256(), 0

    def read(self, n=-1):
        data = self.handle.read(n)
        self.digest.update(data)
        self.size += len(data)
        return data


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} byte"
    if n < 1024 * 1024:
        return f"{n / 1024:.1f} KB".replace(".", ",")
    return f"{n / 1_048_576:.1f} MB".replace(".", ",")


# --- backup ------------------------------------------------------------------------


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    removed: list[Path] = field(default_factory=list)


def _dump_postgresql(cfg: dict, target: Path) -> tuple[DatabaseState, str]:
    """Count in an exported REPEATABLE READ snapshot and pg_dump that same snapshot."""
    with open_database(cfg) as wrapper, wrapper.cursor() as cursor:
        cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, server_version = cursor.fetchone()
            state = read_state(wrapper)
            run_tool(
                [
                    "pg_dump",
                    "--format=custom",
                    f"--snapshot={snapshot}",
                    f"--file={target}",
                    f"--dbname={cfg['NAME']}",
                ],
                cfg,
            )
        finally:
            cursor.execute("ROLLBACK")
    return state, f"PostgreSQL {server_version}"


def _dump_sqlite(target: Path) -> tuple[DatabaseState, str]:
    """SQLite's online backup API, then the counts read from the copy itself."""
    source = connections["default"]
    source.ensure_connection()
    copy_db = sqlite3.connect(target)
    try:
        source.connection.backup(copy_db)
    finally:
        copy_db.close()
    with open_database({"ENGINE": SQLITE, "NAME": str(target)}) as wrapper:
        state = read_state(wrapper)
    return state, f"SQLite {sqlite3.sqlite_version}"


def _write_media(media_root: Path, tar_path: Path, skip: Path) -> tuple[dict, list[str]]:
    files, warnings = {}, []
    with tarfile.open(tar_path, "w", format=tarfile.PAX_FORMAT) as tar:
        if not media_root.is_dir():
            return files, warnings
        for folder, dirs, names in os.walk(media_root):
            folder_path = Path(folder)
            dirs[:] = sorted(d for d in dirs if (folder_path / d).resolve() != skip)
            for name in sorted(names):
                path = folder_path / name
                rel = path.relative_to(media_root).as_posix()
                if path.is_symlink() or not path.is_file():
                    warnings.append(f"Bỏ qua {rel}: không phải tệp thường.")
                    continue
                info = tar.gettarinfo(path, arcname=rel)
                with open(path, "rb") as handle:
                    reader = _HashingReader(handle)
                    tar.addfile(info, reader)
                files[rel] = {"sha256": reader.digest.hexdigest(), "size": reader.size}
    return files, warnings


def _new_name(output: Path, now: datetime) -> str:
    base = PREFIX + now.strftime("%Y%m%dT%H%M%SZ")
    name, n = base, 1
    while (output / name).exists() or (output / f".{name}.partial").exists():
        n += 1
        name = f"{base}-{n}"
    return name


def create_backup(output: Path, media_root: Path, *, keep: int | None = None) -> BackupResult:
    cfg = connections["default"].settings_dict
    engine = engine_of(cfg)
    output = Path(output)
    media_root = Path(media_root)
    if output.resolve().is_relative_to(media_root.resolve()):
        raise BackupError("Thư mục sao lưu không được nằm trong MEDIA_ROOT.")
    try:
        output.mkdir(parents=True, exist_ok=True)
        now = datetime.now(UTC)
        name = _new_name(output, now)
        partial = output / f".{name}.partial"
        partial.mkdir(mode=0o700)
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu {output}: {exc.strerror}.") from None
    try:
        db_file = partial / (PG_DUMP_FILE if engine == "postgresql" else SQLITE_FILE)
        if engine == "postgresql":
            state, server = _dump_postgresql(cfg, db_file)
        else:
            state, server = _dump_sqlite(db_file)
        media, warnings = _write_media(media_root, partial / MEDIA_TAR, output.resolve())
        missing_files = sorted(state.referenced_files - media.keys())
        if missing_files:
            warnings.append(
                f"{len(missing_files)} tệp được cơ sở dữ liệu tham chiếu nhưng không có trong "
                f"MEDIA_ROOT (ví dụ: {missing_files[0]})."
            )
        if state.missing_tables:
            warnings.append(
                "Các bảng chưa được tạo (chưa chạy migrate?): " + ", ".join(state.missing_tables)
            )
        artifacts = {}
        for path in (db_file, partial / MEDIA_TAR):
            os.chmod(path, 0o600)
            digest, size = sha256_file(path)
            artifacts[path.name] = {"sha256": digest, "size": size}
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "name": name,
            "created_at": now.isoformat(timespec="seconds"),
            "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "django_version": django.get_version(),
            "python_version": platform.python_version(),
            "database": {
                "engine": engine,
                "server": server,
                "file": db_file.name,
                "consistency": (
                    "pg_dump --snapshot: the counts were taken in the dumped snapshot"
                    if engine == "postgresql"
                    else "sqlite3 online backup: the counts were read from the copy"
                ),
            },
            "migrations": state.migrations,
            "tables": state.tables,
            "missing_tables": state.missing_tables,
            "referenced_files_missing": missing_files,
            "media": {
                "file": MEDIA_TAR,
                "count": len(media),
                "bytes": sum(f["size"] for f in media.values()),
                "files": media,
            },
            "artifacts": artifacts,
            "warnings": warnings,
        }
        manifest_path = partial / MANIFEST
        manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        sums = "".join(f"{a['sha256']}  {n}\n" for n, a in sorted(artifacts.items()))
        (partial / "SHA256SUMS").write_text(sums)
        for path in (manifest_path, partial / "SHA256SUMS"):
            os.chmod(path, 0o600)
        final = output / name
        partial.rename(final)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        where = f" ({exc.filename})" if exc.filename else ""
        raise BackupError(f"Lỗi ghi bản sao lưu{where}: {exc.strerror or exc}.") from None
    except (DatabaseError, sqlite3.Error) as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(f"Lỗi cơ sở dữ liệu khi sao lưu: {first_line(exc, cfg)}") from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    result = BackupResult(final, manifest)
    if keep:
        result.removed = prune(output, keep)
    return result


def _sort_key(path: Path) -> tuple[str, int]:
    match = NAME_RE.match(path.name)
    return match.group(1), int(match.group(2) or 1)


def is_backup(path: Path) -> bool:
    """A folder this command made: its name and its manifest say so."""
    if not path.is_dir() or path.is_symlink() or not NAME_RE.match(path.name):
        return False
    try:
        manifest = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError):
        return False
    return isinstance(manifest, dict) and manifest.get("format") == FORMAT


def prune(output: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups in `output`; nothing else is touched."""
    backups = sorted((p for p in output.iterdir() if is_backup(p)), key=_sort_key)
    old = backups[:-keep] if keep > 0 else []
    for path in old:
        shutil.rmtree(path)
    return old


# --- restore and verify ------------------------------------------------------------


def load_manifest(backup: Path) -> tuple[Path, dict]:
    backup = Path(backup)
    if backup.name == MANIFEST:
        backup = backup.parent
    try:
        manifest = json.loads((backup / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(
            f"Không thấy {MANIFEST} trong {backup}: đây không phải bản sao lưu."
        ) from None
    except (OSError, ValueError) as exc:
        raise BackupError(f"Không đọc được {backup / MANIFEST}: {exc}.") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{backup / MANIFEST} không phải bản kê của bản sao lưu thidua.")
    if manifest.get("version") != VERSION:
        raise BackupError(f"Phiên bản bản sao lưu {manifest.get('version')} không được hỗ trợ.")
    return backup, manifest


def check_artifacts(backup: Path, manifest: dict) -> list[str]:
    """The backup's own files against the manifest: a damaged copy is caught first."""
    problems = []
    for name, expected in manifest["artifacts"].items():
        path = backup / name
        if not path.is_file():
            problems.append(f"Thiếu tệp {name} trong bản sao lưu.")
            continue
        digest, size = sha256_file(path)
        if (digest, size) != (expected["sha256"], expected["size"]):
            problems.append(f"Tệp {name} của bản sao lưu bị hỏng (SHA-256 khác bản kê).")
    return problems


def existing_tables(cfg: dict | None) -> list[str]:
    if cfg and engine_of(cfg) == "sqlite" and not Path(cfg["NAME"]).exists():
        return []  # a new file: do not create it just to look
    with open_database(cfg) as wrapper, wrapper.cursor() as cursor:
        return sorted(wrapper.introspection.table_names(cursor))


def restore_refusal(cfg: dict | None) -> str | None:
    """Why the restoring user cannot restore into this PostgreSQL database, if it cannot:
    pg_restore creates tables in `public` and the pg_trgm extension, which a database
    created by another user (`sudo -u postgres createdb` without --owner) does not allow."""
    if engine_of(cfg or connections["default"].settings_dict) != "postgresql":
        return None
    with open_database(cfg) as wrapper:
        with wrapper.cursor() as cursor:
            cursor.execute(
                "SELECT current_user, current_database(), "
                "has_database_privilege(current_database(), 'CREATE'), "
                "has_schema_privilege('public', 'CREATE')"
            )
            user, name, on_database, on_schema = cursor.fetchone()
    if on_database and on_schema:
        return None
    return (
        f"Người dùng “{user}” không có quyền tạo bảng trong cơ sở dữ liệu “{name}” (cơ sở "
        "dữ liệu này thuộc người dùng khác): chưa khôi phục gì. Hãy xóa nó và tạo lại "
        f"thuộc người dùng “{user}”: sudo -u postgres createdb --owner={user} "
        f"--encoding=UTF8 --locale=C.UTF-8 --template=template0 {name} (xem docs/backup.md)."
    )


def media_entries(media_root: Path) -> list[str]:
    return sorted(p.name for p in media_root.iterdir()) if media_root.is_dir() else []


def restore_database(backup: Path, manifest: dict, cfg: dict, *, force: bool) -> None:
    dump = backup / manifest["database"]["file"]
    if engine_of(cfg) == "postgresql":
        toc = run_tool(["pg_restore", "--list", str(dump)], cfg)
        # COMMENT ON EXTENSION needs the extension's owner: a non-superuser restore fails on it.
        keep = [line for line in toc.splitlines() if "COMMENT - EXTENSION" not in line]
        with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as listing:
            listing.write("\n".join(keep) + "\n")
        try:
            args = [
                "pg_restore",
                f"--dbname={cfg['NAME']}",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                f"--use-list={listing.name}",
            ]
            if force:
                args += ["--clean", "--if-exists"]
            run_tool([*args, str(dump)], cfg)
        finally:
            os.unlink(listing.name)
        return
    target = Path(cfg["NAME"])
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        source, destination = sqlite3.connect(dump), sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            source.close()
            destination.close()
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"Không khôi phục được vào tệp SQLite {target}: {exc}.") from None


def restore_media(backup: Path, manifest: dict, media_root: Path) -> None:
    try:
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(backup / manifest["media"]["file"]) as tar:
            tar.extractall(media_root, filter="data")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Không giải nén được tệp vào {media_root}: {exc}.") from None


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(manifest: dict, cfg: dict | None, media_root: Path) -> Report:
    """Compare a database and a media folder with a backup's manifest."""
    report = Report()
    with open_database(cfg) as wrapper:
        if engine_of(wrapper.settings_dict) != manifest["database"]["engine"]:
            report.notes.append("Cơ sở dữ liệu đích khác loại với bản sao lưu.")
        state = read_state(wrapper)
    expected = manifest["tables"]
    matched = 0
    for table, count in expected.items():
        actual = state.tables.get(table)
        if actual is None:
            report.problems.append(f"Bảng {table}: không có trong cơ sở dữ liệu.")
        elif actual != count:
            report.problems.append(f"Bảng {table}: bản sao lưu {count} dòng, hiện có {actual}.")
        else:
            matched += 1
    report.lines.append(
        f"Cơ sở dữ liệu: {matched}/{len(expected)} bảng khớp số dòng "
        f"({sum(expected.values())} dòng trong bản sao lưu)."
    )
    for app, name in manifest["migrations"].items():
        if state.migrations.get(app) != name:
            report.problems.append(
                f"Migration của {app}: bản sao lưu {name}, hiện có {state.migrations.get(app)}."
            )

    files = manifest["media"]["files"]
    good = 0
    for rel, facts in files.items():
        path = media_root / rel
        if not path.is_file():
            report.problems.append(f"Tệp {rel}: không có.")
            continue
        digest, size = sha256_file(path)
        if size != facts["size"]:
            report.problems.append(f"Tệp {rel}: dung lượng {size} byte, bản kê {facts['size']}.")
        elif digest != facts["sha256"]:
            report.problems.append(f"Tệp {rel}: SHA-256 khác bản kê.")
        else:
            good += 1
    report.lines.append(
        f"Tệp: {good}/{len(files)} tệp khớp SHA-256 ({human_size(manifest['media']['bytes'])})."
    )
    on_disk = set()
    if media_root.is_dir():
        on_disk = {
            p.relative_to(media_root).as_posix() for p in media_root.rglob("*") if p.is_file()
        }
    extra = on_disk - files.keys()
    if extra:
        report.notes.append(f"{len(extra)} tệp có trong thư mục nhưng không có trong bản kê.")
    known_missing = set(manifest.get("referenced_files_missing", []))
    lost = sorted(state.referenced_files - on_disk - known_missing)
    for rel in lost:
        report.problems.append(f"Tệp {rel}: cơ sở dữ liệu tham chiếu nhưng không có trên đĩa.")
    return report
