"""The production pieces of docs/deployment.md that no other test starts: the systemd units
in deploy/systemd (valid for systemd, writing only where they may, started after what they
need) and beat's schedule (docs/user-guide.md §4: mail every minute, closing at 00:05,
reminders at 07:00, Vietnam's time)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
UNITS = ROOT / "deploy" / "systemd"
SERVER = "/srv/thidua"  # where the units and .env.example put the code


def unit(name: str) -> dict[str, list[str]]:
    """A unit file's settings, each key with all its values (systemd allows repeats)."""
    found: dict[str, list[str]] = {}
    for line in (UNITS / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", ";", "[")):
            key, value = line.split("=", 1)
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def env_example() -> dict[str, str]:
    pairs = (
        line.split("=", 1)
        for line in (ROOT / ".env.example").read_text().splitlines()
        if re.match(r"^[A-Z_]+=", line)
    )
    return dict(pairs)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze không có")
def test_systemd_accepts_every_unit(tmp_path):
    """What `systemctl daemon-reload` would warn about (an unknown key, a typo in a
    section, a program that does not exist), with the paths of this checkout."""
    bin_dir = Path(sys.executable).parent
    for source in UNITS.iterdir():
        text = source.read_text().replace(f"{SERVER}/.venv/bin", str(bin_dir))
        (tmp_path / source.name).write_text(text.replace(SERVER, str(ROOT)))
    names = sorted(p.name for p in tmp_path.iterdir())
    assert {"thidua.target", "thidua-web.service", "thidua-backup.timer"} <= set(names)
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", *names],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr


def under(path: str, folders: list[str]) -> bool:
    return any(Path(path).is_relative_to(folder) for line in folders for folder in line.split())


def test_each_unit_writes_only_where_systemd_lets_it():
    """ProtectSystem=strict makes everything read-only but ReadWritePaths: uploads, the
    issued PDFs, beat's schedule and the backups must be written there, or they fail
    under systemd only ("Read-only file system")."""
    env = env_example()
    for name in ("thidua-web.service", "thidua-worker.service"):
        settings_of = unit(name)
        assert settings_of["ProtectSystem"] == ["strict"]
        assert under(env["MEDIA_ROOT"], settings_of["ReadWritePaths"]), name
        assert settings_of["EnvironmentFile"] == [f"{SERVER}/.env"]
        assert settings_of["WorkingDirectory"] == [SERVER]
    beat = unit("thidua-beat.service")
    [schedule] = re.findall(r"--schedule=(\S+)", beat["ExecStart"][0])
    assert under(schedule, beat["ReadWritePaths"])
    backup = unit("thidua-backup.service")
    assert under(env["BACKUP_ROOT"], backup["ReadWritePaths"])
    assert not under(env["BACKUP_ROOT"], [env["MEDIA_ROOT"]])  # not in the uploads' folder
    assert env["STATIC_ROOT"].startswith(SERVER)  # collectstatic runs as thidua, not systemd


def test_each_unit_starts_after_what_it_needs():
    """At boot: PostgreSQL before what reads the database, RabbitMQ (the recommended
    broker) before what takes or sends tasks, Redis before what reads the cache."""
    needs = {
        "thidua-web.service": {"postgresql.service", "rabbitmq-server.service", "redis-server.service"},
        "thidua-worker.service": {"postgresql.service", "rabbitmq-server.service", "redis-server.service"},
        "thidua-beat.service": {"rabbitmq-server.service"},
        "thidua-backup.service": {"postgresql.service"},
    }  # fmt: skip
    for name, wanted in needs.items():
        after = {word for line in unit(name).get("After", []) for word in line.split()}
        assert wanted <= after, f"{name}: After= lacks {wanted - after}"


def test_the_units_run_what_the_procfile_runs():
    """`make serve` (the Procfile) and systemd start the same programs with the same app
    and options, so what an operator tries with one holds for the other."""
    procfile = dict(
        line.split(": ", 1) for line in (ROOT / "Procfile").read_text().splitlines()
        if line and not line.startswith("#")
    )  # fmt: skip
    for process, name in (("web", "web"), ("worker", "worker"), ("beat", "beat")):
        [command] = unit(f"thidua-{name}.service")["ExecStart"]
        ours = command.replace(f"{SERVER}/.venv/bin/", "").split()
        theirs = procfile[process].split()
        assert [w.split("=")[0] for w in ours] == [w.split("=")[0] for w in theirs], process


@pytest.mark.django_db
def test_beat_sends_tasks_that_exist_at_the_times_the_guide_gives():
    from config.celery import app

    app.loader.import_default_modules()  # as a worker does when it starts (autodiscovery)
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert {entry["task"] for entry in schedule.values()} <= set(app.tasks)
    assert schedule["retry-due-emails"]["schedule"] == 60.0
    closing = schedule["close-overdue-campaigns"]["schedule"]
    reminders = schedule["send-reminders"]["schedule"]
    assert (closing.hour, closing.minute) == ({0}, {5})
    assert (reminders.hour, reminders.minute) == ({7}, {0})
    assert settings.CELERY_TIMEZONE == "Asia/Ho_Chi_Minh"
    for entry in schedule.values():  # each runs (nothing to do on an empty database)
        app.tasks[entry["task"]].apply().get()
