"""A new user's walk through the demo (decision 0048): what a unit's clerk, the office
and a council member met on their first day, each fixed where it stopped or misled them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, ReportPeriod
from campaigns.results import services as results

pytestmark = pytest.mark.django_db


def page(client, user, name: str = "staff:dashboard") -> str:
    client.force_login(user)
    response = client.get(reverse(name))
    assert response.status_code == 200
    return response.content.decode()


def open_campaign(demo) -> Campaign:
    campaign = demo["000"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED,
        end_date=timezone.localdate() + datetime.timedelta(days=90),
        registration_deadline=None,
    )
    campaign.refresh_from_db()
    return campaign


def test_a_unit_with_no_open_campaign_is_not_told_it_registered_everything(client, cycle):
    """The demo's campaigns have all ended: the clerk read "Đơn vị đã đăng ký và báo cáo
    đủ các phong trào đang mở" though it had registered for none."""
    Campaign.objects.filter(status=Campaign.Status.PUBLISHED).update(
        end_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    html = page(client, cycle["staff"])
    assert "đã đăng ký và báo cáo đủ" not in html
    assert "Chưa có phong trào nào đang nhận đăng ký" in html


def test_a_registered_unit_is_told_no_report_period_is_open_yet(client, cycle, demo):
    """Registered for a campaign whose office set no report period: the dashboard said
    "báo cáo đủ" and the list showed a bare "—" under "Báo cáo"."""
    campaign = open_campaign(demo)
    ReportPeriod.objects.filter(campaign=campaign).delete()
    results.registration_submit(
        actor=cycle["staff"], campaign=campaign, unit=cycle["commune"], targets={}
    )
    html = page(client, cycle["staff"])
    assert "đã đăng ký và báo cáo đủ" not in html
    assert "chưa có kỳ báo cáo nào" in html
    listing = page(client, cycle["staff"], "tracking:unit_campaigns")
    assert "Chưa có kỳ báo cáo" in listing


def test_make_run_prints_no_english_broker_warning():
    """`make run` has no broker: load_demo's first task printed kombu's "No hostname was
    supplied. Reverting to default 'localhost'" among the Vietnamese lines. Checked in a
    process with no CELERY_BROKER_URL, as `make run` has, whatever this run's own broker
    (CI sets RabbitMQ's)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import logging, django; logging.basicConfig(level=logging.WARNING); django.setup()\n"
        "from config.celery import app\n"
        "with app.connection_for_write() as connection:\n"
        "    print(connection.info()['transport'])\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "CELERY_BROKER_URL"}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", DEBUG="1")
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(__file__).resolve().parent.parent,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "hostname" not in done.stderr
    assert done.stdout.strip() == "memory"


def test_make_run_does_not_list_ninety_english_migrations():
    """A first `make run` printed about 90 lines of "Applying units.0001_initial... OK"
    before the demo's Vietnamese lines and logins."""
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    commands = subprocess.run(
        ["make", "-n", "-W", "requirements.txt", "run"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    migrate = next(line for line in commands.splitlines() if "manage.py migrate" in line)
    assert "--verbosity 0" in migrate
    assert "Chuẩn bị cơ sở dữ liệu" in commands


def test_a_council_member_who_voted_everything_is_not_told_0_remain(client, cycle):
    """After voting, hoidong.xa read "Bạn còn 0 hồ sơ chưa bỏ phiếu trong 1 phiên họp
    đang mở"."""
    from awards import services
    from tests.awards_stage import build_stage

    stage = build_stage(cycle)
    member = stage["council"][0]
    services.vote_cast(actor=member, item=stage["item"], choice="agree")
    html = page(client, member)
    assert "Bạn còn <strong>0</strong>" not in html
    assert "Hôm nay bạn không còn hồ sơ nào phải bỏ phiếu trong 1 phiên họp đang mở" in html


def test_make_run_says_in_which_order_to_try_the_roles(settings):
    """Logged in as vanphong.xa and hoidong.xa, a new user found nothing to appraise and
    nothing to vote on: the demo's one cycle is finished. The printed logins now say which
    login starts a round and who comes next."""
    import io

    from django.core.management import call_command

    settings.THIDUA_DEMO = True
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    text = out.getvalue()
    assert "Thử một vòng" in text
    order = ["donvi", "vanphong.xa", "hoidong.xa", "lanhdao.xa"]
    guide = text[text.index("Thử một vòng") :]
    assert [guide.index(name) for name in order] == sorted(guide.index(name) for name in order)


def test_the_office_is_told_units_cannot_report_until_it_adds_a_report_period(client, cycle, demo):
    """vanphong published a campaign and nothing said that its units could register but
    never report: the report periods are on another page ("Tiêu chí, kỳ báo cáo")."""
    campaign = open_campaign(demo)
    ReportPeriod.objects.filter(campaign=campaign).delete()
    client.force_login(cycle["office"])
    url = reverse("staff:campaign_detail", args=[campaign.pk])
    html = client.get(url).content.decode()
    assert "Chưa có kỳ báo cáo" in html
    assert reverse("tracking:criteria", args=[campaign.pk]) in html
    ReportPeriod.objects.create(
        campaign=campaign, kind="interim", due_on=timezone.localdate() + datetime.timedelta(days=20)
    )
    assert "Chưa có kỳ báo cáo" not in client.get(url).content.decode()


def test_a_sent_nomination_no_longer_asks_for_files_before_sending(client, cycle):
    """After "Gửi", donvi still read "Hồ sơ cần có trước khi gửi: Báo cáo thành tích." on
    the nomination it had just sent, as if something were missing."""
    from awards import services
    from tests.factories import nominate

    nomination = nominate(cycle, person=cycle["people"][0])
    client.force_login(cycle["staff"])
    url = reverse("awards:nomination_detail", args=[nomination.pk])
    assert "Hồ sơ cần có trước khi gửi" in client.get(url).content.decode()
    services.nomination_submit(actor=cycle["staff"], nomination=nomination)
    html = client.get(url).content.decode()
    assert "Hồ sơ cần có trước khi gửi" not in html
    assert "Hồ sơ gồm: Báo cáo thành tích" in html
