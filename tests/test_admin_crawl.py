"""Every page of the Django admin, crawled as the superuser, in Vietnamese and Vietnam's
time (issue 14): the lists, add forms, one change form and its history per model, the
import and export screens, django-axes' logs and the login and logout pages.

What is checked is what a reader sees: the text of the page and the attributes a
screen reader or the browser shows (title, placeholder, aria-label, alt, a button's
value), not scripts, class names or URLs. No common English word of the admin's frame,
no date written yyyy-mm-dd, and a known instant written in Vietnam's time as the staff
pages write it (dd/mm/yyyy HH:MM)."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

pytestmark = pytest.mark.django_db

# Words of Django's, the libraries' and our admin frame that a Vietnamese reader would
# meet in English. Matched as whole words, case-sensitive: the admin writes its labels
# capitalised, and lowercase "path", "access", "login" are in URLs and data.
ENGLISH = [
    "Add",
    "Save",
    "Delete",
    "History",
    "Filter",
    "Search",
    "Action",
    "Actions",
    "Select",
    "Change",
    "Import",
    "Export",
    "Submit",
    "Confirm",
    "Yes, I’m sure",
    "Yes, I'm sure",
    "Go",
    "Attempt",
    "Access",
    "failures",
    "IP address",
    "IP Address",
    "User agent",
    "User Agent",
    "Path",
    "Login",
    "Log in",
    "Logout",
    "Log out",
    "Username",
    "Password",
    "Date/time",
    "Status",
    "Changes",
    "Failed",
    "Attempted",
    "Log",
    "user",
    "Time",
    "Expires",
    "Locked",
    "Not set",
    "Remaining",
    "View",
    "Close",
    "Today",
    "Now",
    "Yes",
    "No",
    "All",
    "None",
    "Home",
    "Object",
    "Comment",
    "Changed",
    "Added",
    "Deleted",
    "Created",
    "Updated",
    "Reason",
    "Revert",
    "Preview",
    "Format",
    "Resource",
    "Fields",
    "Required",
    "Show",
    "Hide",
    "Clear",
    "Enabled",
    "Disabled",
    "Password-based",
    "Reset password",
    "for",
    "by",
    "the",
    "of",
    "and",
]
ENGLISH_RE = re.compile(r"(?<![\w/.-])(" + "|".join(map(re.escape, ENGLISH)) + r")(?![\w/-])")
ISO_DATE_RE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
SHOWN_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt"}

# A known instant in UTC and how a Vietnamese reader expects to see it (UTC+7).
KNOWN = datetime.datetime(2026, 3, 5, 20, 30, tzinfo=datetime.UTC)
KNOWN_VN = "06/03/2026 03:30"
KNOWN_UTC_FRAGMENTS = ("20:30", "05/03/2026", "2026-03-05")


class VisibleText(HTMLParser):
    """The text a reader meets: text nodes outside script/style/template, and the
    attributes a browser or screen reader shows."""

    HIDDEN = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        attrs = dict(attrs)
        for name in SHOWN_ATTRIBUTES:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in {"submit", "button", "reset"}:
            self.parts.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def problems(url: str, html: str) -> list[str]:
    text = visible_text(html)
    found = []
    for line in text.splitlines():
        for word in ENGLISH_RE.findall(line):
            found.append(f"{url}: English “{word}” in “{line[:120]}”")
        for day in ISO_DATE_RE.findall(line):
            found.append(f"{url}: ISO date {day} in “{line[:120]}”")
    return found


def _login(client, username, password):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR="10.0.0.7",
        HTTP_USER_AGENT="Trình duyệt thử",
    )


@pytest.fixture
def admin_site_with_rows(settings, client):
    """The demo with its logins and completed cycle (a row in most tables), a wrong
    password and a logout (django-axes' three logs), and a known instant on each log."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    login_page = client.get(reverse("admin:login")).content.decode()
    assert _login(client, "admin", "sai-mat-khau").status_code == 200
    response = _login(client, "admin", "thidua@2025")
    assert response.status_code == 302, response.content.decode()[:500]
    AccessAttempt.objects.create(
        username="khach",
        ip_address="10.0.0.8",
        user_agent="Trình duyệt thử",
        path_info="/quan-tri/login/",
        http_accept="*/*",
        get_data="",
        post_data="username=khach",
        failures_since_start=2,
    )
    AccessFailureLog.objects.create(  # off in the settings: an installation may turn it on
        username="khach",
        ip_address="10.0.0.8",
        user_agent="Trình duyệt thử",
        path_info="/quan-tri/login/",
        http_accept="*/*",
        locked_out=False,
    )
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.update(attempt_time=KNOWN)
    _rows_the_demo_does_not_make(get_user_model().objects.get(username="admin"))
    group = Group.objects.create(name="Văn thư")
    group.permissions.set(Permission.objects.filter(codename__in=["view_unit", "add_person"]))
    get_user_model().objects.filter(username="admin").update(last_login=KNOWN)
    return {"login_page": login_page, "user": get_user_model().objects.get(username="admin")}


def _rows_the_demo_does_not_make(user) -> None:
    """One row in each table the demo leaves empty, so that its change form is read."""
    from django.core.files.base import ContentFile

    from awards.models import AwardGrant, GrantRevocation, Submission
    from campaigns.models import (
        Attachment,
        Campaign,
        CampaignRevision,
        ReportFile,
        ReportPeriod,
        ResultReport,
    )
    from units.models import FileJob, OutgoingEmail

    OutgoingEmail.objects.create(subject="Nhắc hạn", body="Nội dung", recipients=["a@b.vn"])
    FileJob.objects.create(
        kind="export", title="Xuất danh sách", filename="ds.xlsx", requested_by=user
    )
    campaign = Campaign.objects.order_by("pk").first()
    attachment = Attachment(
        campaign=campaign, original_name="ke-hoach.pdf", content_type="application/pdf"
    )
    attachment.size, attachment.sha256 = 8, "0" * 64
    attachment.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4"), save=False)
    attachment.save()
    CampaignRevision.objects.create(
        campaign=campaign, number=1, created_by=user, reason="Sửa lỗi chính tả", snapshot={}
    )
    grant = AwardGrant.objects.order_by("pk").first()
    GrantRevocation.objects.create(
        grant=grant, reason="Khai man thành tích", on=datetime.date(2026, 3, 6), by=user
    )
    period = ReportPeriod.objects.create(
        campaign=campaign, kind="final", due_on=datetime.date(2026, 12, 15)
    )
    report = ResultReport.objects.create(period=period, unit=grant.decision.issuer)
    evidence = ReportFile(
        report=report, original_name="bien-ban.pdf", content_type="application/pdf"
    )
    evidence.size, evidence.sha256, evidence.uploaded_by = 8, "0" * 64, user
    evidence.file.save("bien-ban.pdf", ContentFile(b"%PDF-1.4"), save=False)
    evidence.save()
    district = grant.decision.issuer  # a tờ trình (its PDF is not frozen here: a 404)
    Submission.objects.create(
        issuer=district,
        addressee=district.parent or district,
        year=2026,
        number=3,
        symbol="TTr-UBND",
        dated=datetime.date(2026, 3, 6),
        created_by=user,
    )


def url_names(model_admin) -> list:
    return [p for p in model_admin.get_urls() if getattr(p, "name", None)]


def admin_pages(client, request) -> list[tuple[str, int, str]]:
    """(url, status, html) for every GET-able page of every registered admin."""
    pages = []

    def fetch(url):
        response = client.get(url)
        pages.append((url, response.status_code, response.content.decode()))
        return response

    fetch(reverse("admin:index"))
    for app_label in sorted({m._meta.app_label for m in admin.site._registry}):
        fetch(reverse("admin:app_list", args=[app_label]))
    for model, model_admin in admin.site._registry.items():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        obj = model_admin.get_queryset(request).order_by("pk").first()
        history = None
        if obj is not None and hasattr(model, "history"):
            history = obj.history.order_by("history_id").first()
        for pattern in url_names(model_admin):
            name = f"admin:{pattern.name}"
            if pattern.name.endswith(("_autocomplete", "_delete")) and obj is None:
                continue
            for args in ([], [obj.pk] if obj else None, [obj.pk, history.pk] if history else None):
                if args is None:
                    continue
                try:
                    url = reverse(name, args=args)
                except NoReverseMatch:
                    continue
                fetch(url)
                break
        # the list's filters and the date hierarchy opened once
        fetch(reverse(f"{info}_changelist") + "?q=a")
    # a password change form of a user
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="admin")
    fetch(reverse("admin:auth_user_password_change", args=[user.pk]))
    # the question before a list action deletes django-axes' records ("Yes, I'm sure")
    from axes.models import AccessLog

    url = reverse("admin:axes_accesslog_changelist")
    response = client.post(
        url,
        {
            "action": "delete_selected",
            "_selected_action": list(AccessLog.objects.values_list("pk", flat=True)),
        },
    )
    pages.append((url + " (xóa các mục đã chọn)", response.status_code, response.content.decode()))
    assert response.status_code == 200 and "Có, tôi chắc chắn" in response.content.decode()
    # the import preview with a refused row and the export's columns
    csv = (
        "Mã đơn vị,Tên đơn vị,Tên viết tắt,Loại hình,Cấp,Đơn vị cấp trên,Cơ quan ban hành,Địa danh\n"
        "ubnd-x-ta-leng,UBND xã Tả Lèng,,Ủy ban nhân dân,Cấp xã,ubnd-tinh-lai-chau,Không,Tả Lèng\n"
        "ubnd-x-sai,UBND xã Sai,,Quân đội,Cấp xã,khong-co-ma-nay,Không,\n"
    )
    for body in (csv, csv.rsplit("\n", 2)[0] + "\n"):
        upload = SimpleUploadedFile("don-vi.csv", body.encode(), content_type="text/csv")
        url = reverse("admin:units_unit_import")
        response = client.post(url, {"import_file": upload, "format": "1"})
        pages.append((url + " (xem trước)", response.status_code, response.content.decode()))
    return pages


def test_every_admin_page_is_in_vietnamese_with_vietnam_time(client, admin_site_with_rows, rf):
    request = rf.get("/")
    request.user = admin_site_with_rows["user"]
    pages = admin_pages(client, request)
    found = problems("login", admin_site_with_rows["login_page"])
    errors = [(url, status) for url, status, _ in pages if status >= 500]
    assert not errors, errors
    for url, status, html in pages:
        if status == 200:
            found += problems(url, html)
    # every model's list and one change form were read
    read = {url for url, status, _ in pages if status == 200}
    unread = []
    for model, model_admin in admin.site._registry.items():
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        obj = model_admin.get_queryset(request).order_by("pk").first()
        if reverse(f"{info}_changelist") not in read:
            unread.append(f"{model._meta.label}: list")
        if obj is None:
            unread.append(f"{model._meta.label}: no row")
        elif reverse(f"{info}_change", args=[obj.pk]) not in read:
            unread.append(f"{model._meta.label}: change form")
    assert not unread, unread
    logout = client.post(reverse("admin:logout"))
    found += problems("logout", logout.content.decode())
    assert not found, "\n".join(sorted(set(found)))


@pytest.mark.parametrize("model_name", ["accessattempt", "accessfailurelog", "accesslog"])
def test_axes_logs_show_vietnam_time_day_first(client, admin_site_with_rows, model_name):
    """The lists, the change form's title and read-only times of django-axes' logs read
    the instant in Vietnam's time, dd/mm/yyyy HH:MM; not UTC, not ISO."""
    from django.apps import apps

    model = apps.get_model("axes", model_name)
    obj = model.objects.order_by("pk").first()
    for url in (
        reverse(f"admin:axes_{model_name}_changelist"),
        reverse(f"admin:axes_{model_name}_change", args=[obj.pk]),
    ):
        text = visible_text(client.get(url).content.decode())
        assert KNOWN_VN in text, (url, text[:2000])
        for fragment in KNOWN_UTC_FRAGMENTS:
            assert fragment not in text, (url, fragment)


def test_a_users_last_login_reads_in_vietnam_time_day_first(client, admin_site_with_rows):
    user = admin_site_with_rows["user"]
    html = client.get(reverse("admin:auth_user_change", args=[user.pk])).content.decode()
    assert 'value="06/03/2026"' in html and 'value="03:30"' in html


def test_date_times_read_day_first_in_vietnam_time(settings):
    """One way to write a date-time, as the exports and the staff forms already did:
    dd/mm/yyyy HH:MM in Vietnam's time (config/formats/vi; decision 0027 had left the
    pages' default time-first, "07:19 07/12/2026"), and no template writes it otherwise."""
    from pathlib import Path

    from django.template import Context, Template

    rendered = Template(
        "{{ at }}|{{ at|date:'DATETIME_FORMAT' }}|{{ at|date:'SHORT_DATETIME_FORMAT' }}"
    )
    assert rendered.render(Context({"at": KNOWN})) == "|".join([KNOWN_VN] * 3)
    time_first = [
        str(path)
        for path in Path(settings.BASE_DIR).glob("*/templates/**/*.html")
        if "H:i d/m/Y" in path.read_text(encoding="utf-8")
    ] + [
        str(path)
        for path in (Path(settings.BASE_DIR) / "templates").glob("**/*.html")
        if "H:i d/m/Y" in path.read_text(encoding="utf-8")
    ]
    assert not time_first, time_first
