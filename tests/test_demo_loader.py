"""The demo loader reads the five seed documents into campaigns with their real fields."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from awards.models import (
    AgendaItem,
    AwardGrant,
    AwardType,
    CouncilSession,
    Decision,
    Nomination,
    NominationEvent,
    NominationFile,
    Vote,
)
from campaigns.models import (
    Anniversary,
    Campaign,
    ContentItem,
    DistributionEntry,
    DocumentReference,
    Recipient,
)
from units.models import Membership, Person, Unit

D = datetime.date
pytestmark = pytest.mark.django_db


def top_items(campaign):
    return list(campaign.items.filter(parent=None).order_by("order"))


def test_seed_002_city_campaign(demo):
    c = demo["002"]
    assert c.issuer.name == "UBND thành phố Lai Châu"
    assert c.document_type.name == "Phát động thi đua"
    assert (c.number, c.symbol, c.number_symbol) == ("5834", "PĐTĐ-UBND", "5834/PĐTĐ-UBND")
    assert c.issued_on == D(2024, 12, 31)
    assert c.place == "Thành phố Lai Châu"
    assert c.date_line == "Thành phố Lai Châu, ngày 31 tháng 12 năm 2024"
    assert c.kind == Campaign.Kind.REGULAR and not c.is_special
    assert c.theme.startswith("Quyết tâm thi đua hoàn thành thắng lợi các mục tiêu")
    assert (c.signing_authority, c.signer_title, c.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Nghiệp",
    )
    items = top_items(c)
    assert [i.label for i in items] == ["1.", "2.", "3.", "4.", "5."]
    assert items[0].text.startswith("Các cơ quan, đơn vị tiếp tục triển khai")
    # Item 3 splits into the four domains, in order.
    domains = list(items[2].children.order_by("order"))
    assert [d.heading for d in domains] == [
        "Về lĩnh vực kinh tế:",
        "Về lĩnh vực văn hóa, xã hội:",
        "Về lĩnh vực quốc phòng - an ninh, thanh tra, tư pháp và công tác đối ngoại:",
        "Về lĩnh vực xây dựng hệ thống chính trị:",
    ]
    assert len(domains[1].text.splitlines()) == 4  # culture, urban life, health, jobs
    assert "khối thi đua" in items[3].text
    assert c.end_date == D(2025, 12, 31)
    assert [d.text for d in c.distribution.all()][0] == "Sở Nội vụ;"
    assert [d.text for d in c.distribution.all()][-1] == "Lưu: VT."


def test_seed_004_is_the_province_parent_of_002(demo):
    parent = demo["004"]
    assert parent.issuer.code == "ubnd-tinh-lai-chau"
    assert parent.document_type.name == "Chỉ thị"
    assert parent.number_symbol == "09/CT-UBND"
    assert parent.issued_on == D(2024, 12, 31)
    assert parent.theme.startswith("Đoàn kết, kỷ cương, trách nhiệm, sáng tạo, phát triển")
    assert len(top_items(parent)) == 7
    assert demo["002"].parent == parent
    link = demo["002"].references.get(relation=DocumentReference.Relation.IMPLEMENTS)
    assert link.linked_campaign == parent
    assert list(parent.children.all()) == [demo["002"]]


def test_seed_000_blank_number_partial_date_and_close(demo):
    c = demo["000"]
    assert c.issuer.name == "UBND huyện Tam Đường"
    assert c.document_type.is_letter
    assert (c.number, c.symbol, c.number_symbol) == ("", "UBND-NV", "/UBND-NV")
    assert c.issued_on is None and (c.issued_month, c.issued_year) == (7, 2024)
    assert c.date_line.startswith("Tam Đường, ngày ") and c.date_line.endswith("tháng 7 năm 2024")
    assert c.subject.startswith("phát động phong trào thi đua lập thành tích chào mừng")
    assert c.end_date == D(2025, 6, 30)
    assert c.time_frame == "Từ nay đến ngày 30/6/2025"
    assert [i.label for i in top_items(c)] == ["1.", "2.", "3.", "4.", "5."]
    assert [r.text for r in c.recipients.all()] == [
        "Các cơ quan, ban, ngành, đoàn thể huyện;",
        "UBND các xã, thị trấn;",
        "Các Doanh nghiệp, HTX trên địa bàn huyện.",
    ]
    anniversaries = list(c.anniversaries.all())
    assert len(anniversaries) == 5
    assert (anniversaries[0].start_date, anniversaries[0].end_date) == (
        D(1930, 2, 3),
        D(2025, 2, 3),
    )
    assert (anniversaries[-1].start_date, anniversaries[-1].end_date) == (
        D(1948, 6, 1),
        D(2025, 6, 1),
    )
    marked = [(d.text, d.mark) for d in c.distribution.all() if d.mark]
    assert marked == [
        ("TT. Hội đồng TĐKT tỉnh;", "B/c"),
        ("TT. Huyện ủy;", "B/c"),
        ("TT. HĐND huyện;", "B/c"),
    ]
    ref = c.references.get(relation=DocumentReference.Relation.IMPLEMENTS)
    assert (ref.doc_type, ref.number, ref.symbol, ref.issued_on) == (
        "Công văn",
        "2563",
        "UBND-TH",
        D(2024, 7, 4),
    )
    assert ref.issuer_name == "UBND tỉnh Lai Châu"
    assert (c.signing_authority, c.signer_title, c.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Sùng Lữ Páo",
    )


def test_seed_003_plan_with_sections(demo):
    c = demo["003"]
    assert c.document_type.name == "Kế hoạch"
    assert c.number_symbol == "/KH-UBND"
    assert (c.issued_month, c.issued_year) == (6, 2023)
    assert c.is_special and c.kind == Campaign.Kind.THEMATIC
    assert c.end_date == D(2023, 10, 30)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in c.preamble.splitlines()
    assert "III. TỔ CHỨC THỰC HIỆN" in c.closing.splitlines()
    assert any(line.startswith("2. Giao Phòng Nội vụ huyện") for line in c.closing.splitlines())
    items = top_items(c)
    assert len(items) == 5 and all(i.label == "-" for i in items)
    sub = list(items[1].children.order_by("order"))
    assert len(sub) == 9 and all(s.label == "+" for s in sub)
    assert sub[0].text.endswith("gắn với thực hiện Chương trình mỗi xã một sản phẩm (OCOP)...")
    ref = c.references.get(relation=DocumentReference.Relation.LEGAL_BASIS)
    assert (ref.number, ref.symbol, ref.issued_on) == ("1954", "UBND-TH", D(2023, 5, 30))
    assert [d.mark for d in c.distribution.all()][:4] == ["b/c"] * 4
    assert c.signer_name == "Sùng Lữ Páo"


def test_seed_001_special_campaign_without_header(demo):
    c = demo["001"]
    assert c.issuer.name == "UBND huyện Tân Uyên"
    assert c.is_special
    assert c.number_symbol == "" and c.issued_on is None and c.issued_year is None
    assert [i.label for i in top_items(c)] == ["Một là,", "Hai là,", "Ba là,"]
    assert top_items(c)[1].text.count("\n") == 2  # three paragraphs
    assert c.end_date == D(2024, 12, 31)
    first = c.anniversaries.first()
    assert (first.name, first.start_date, first.end_date) == (
        "115 năm ngày thành lập tỉnh Lai Châu",
        D(1909, 6, 28),
        D(2024, 6, 28),
    )
    assert ("Cổng Thông tin điện tử huyện;", "đăng tải") in [
        (d.text, d.mark) for d in c.distribution.all()
    ]
    assert c.signer_name == "Nguyễn Thanh Văn"
    # Hard line breaks of the PDF text are gone.
    assert "Tân Uyên phát triển nhanh và bền vững" in c.theme


def test_no_markdown_or_table_marks_leak_into_text(demo):
    texts = [
        *Campaign.objects.values_list("subject", "theme", "preamble", "closing"),
        *ContentItem.objects.values_list("heading", "text"),
    ]
    for row in texts:
        for value in row:
            assert "**" not in value and "|" not in value and "#" not in value


def test_tree_of_units(demo_units):
    province = demo_units["ubnd-tinh-lai-chau"]
    assert province.level == Unit.Level.PROVINCE and province.is_issuing_body
    assert demo_units["so-noi-vu-lai-chau"].parent == province
    for district in ("ubnd-tp-lai-chau", "ubnd-tam-duong", "ubnd-tan-uyen"):
        names = set(demo_units[district].children.values_list("name", flat=True))
        assert any(n.startswith("Phòng Nội vụ") for n in names)
        assert any(n.startswith("Phòng Văn hóa và Thông tin") for n in names)
        assert any(n.startswith("Phòng Tài chính - Kế hoạch") for n in names)
        assert demo_units[district].children.filter(level=Unit.Level.COMMUNE).count() >= 2
    kinds = set(Unit.objects.values_list("kind", flat=True))
    assert {Unit.Kind.ENTERPRISE, Unit.Kind.COOPERATIVE, Unit.Kind.MASS_ORGANISATION} <= kinds
    assert province.descendant_ids() == set(Unit.objects.values_list("id", flat=True))


def counts():
    models = [
        Unit,
        Person,
        Campaign,
        ContentItem,
        Recipient,
        DistributionEntry,
        Anniversary,
        DocumentReference,
        Membership,
        AwardType,
        AwardGrant,
        Decision,
        Nomination,
        NominationEvent,
        NominationFile,
        CouncilSession,
        AgendaItem,
        get_user_model(),
        Campaign.history.model,
    ]
    return {m.__name__: m.objects.count() for m in models}


def test_command_twice_changes_nothing_and_keeps_user_edits(settings):
    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = counts()
    assert first["Campaign"] == 5 and first["Membership"] == 10
    assert first["AwardGrant"] == 3 and first["Decision"] == 1
    # the finished cycle (3 nominations, a closed session) and the work left waiting
    # (decision 0053): two sent nominations, three on two open sessions
    assert first["Nomination"] == 8 and first["CouncilSession"] == 3
    c = Campaign.objects.get(source="seed:002")
    c.theme = "Chủ đề đã được người dùng sửa"
    c.save()
    first = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert counts() == first
    assert Campaign.objects.get(source="seed:002").theme == "Chủ đề đã được người dùng sửa"


def test_demo_logins_only_in_demo_mode(settings, capsys):
    settings.THIDUA_DEMO = False
    call_command("load_demo")
    assert get_user_model().objects.count() == 0
    settings.THIDUA_DEMO = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "thidua@2025" in out
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == set(Membership.Role.values)
    assert get_user_model().objects.get(username="admin").is_superuser


def ward_nomination(clerk, ward):
    """The demo ward's clerk writes a Lao động tiên tiến for one of the ward's people (one
    the demo has not proposed for it this year: a title is held once a year)."""
    from django.utils import timezone

    from awards import services

    award = AwardType.objects.get(code="lao-dong-tien-tien")
    year = timezone.localdate().year
    return services.nomination_create(
        actor=clerk,
        nomination=Nomination(
            award_type=award,
            nominee_person=Person.objects.filter(unit=ward)
            .exclude(nominations__award_type=award, nominations__year=year)
            .first(),
            nominating_unit=ward,
            year=year,
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
        ),
    )


def test_a_wards_lao_dong_tien_tien_has_someone_to_decide_it_in_the_demo(settings):
    """Since the 2025 reform a ward decides its staff's Lao động tiên tiến: the demo's
    unit staff (donvi, phường Tân Phong) nominate, and the ward's own office
    (vanphong.xa) has it to appraise and its council member (hoidong.xa) sits on the
    ward's council. Without them a new user following the guide hit a dead end."""

    from awards import services
    from awards.selectors import nominations_to_appraise
    from tests.factories import attach_files

    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    users = {u.username: u for u in get_user_model().objects.all()}
    ward = Unit.objects.get(code="ubnd-p-tan-phong").successors()[-1]  # the ward today
    nomination = ward_nomination(users["donvi"], ward)
    assert nomination.issuer == ward
    attach_files(nomination, users["donvi"])
    services.nomination_submit(actor=users["donvi"], nomination=nomination)
    assert nomination in nominations_to_appraise(users["vanphong.xa"])
    assert nomination not in nominations_to_appraise(users["vanphong.tp"])
    assert Membership.objects.filter(
        user=users["hoidong.xa"], unit=ward, role=Membership.Role.COUNCIL_MEMBER
    ).exists()


def test_seed_campaigns_were_published_when_they_were_issued(demo):
    """The demo's 2024 and 2025 documents read "Phát động 05:34 07/12/2026" (the time the
    demo was loaded) on their staff page: they are dated by their own issue date."""
    from django.utils import timezone

    for campaign in demo.values():
        if campaign.issued_on:
            assert timezone.localtime(campaign.published_at).date() == campaign.issued_on
        else:
            assert timezone.localtime(campaign.published_at).year <= campaign.year


def test_the_ward_has_a_leader_login_in_the_demo(settings, capsys):
    """After the 2025 reform the ward decides its staff's Lao động tiên tiến and Giấy
    khen, but the demo had no leader of a ward (decision 0027): the leader's reading of
    the ward's dossiers and decisions could not be tried. `lanhdao.xa` leads phường Tân
    Phong today, and the loader prints it with the other logins."""
    from django.test import Client
    from django.urls import reverse

    from awards import services
    from awards.selectors import leads_issuer
    from tests.factories import attach_files
    from units.access import leader_bodies

    settings.THIDUA_DEMO = True
    call_command("load_demo")
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.split()[:1] == ["lanhdao.xa"])
    assert "Lãnh đạo" in line and "phường Tân Phong" in line
    users = {u.username: u for u in get_user_model().objects.all()}
    ward = Unit.objects.get(code="ubnd-p-tan-phong").successors()[-1]
    assert list(leader_bodies(users["lanhdao.xa"])) == [ward]
    assert not users["lanhdao.xa"].is_staff  # the admin is the administrator's only
    nomination = ward_nomination(users["donvi"], ward)
    attach_files(nomination, users["donvi"])
    services.nomination_submit(actor=users["donvi"], nomination=nomination)
    nomination.refresh_from_db()
    assert leads_issuer(users["lanhdao.xa"], nomination)
    assert not leads_issuer(users["lanhdao"], nomination)
    client = Client()
    client.force_login(users["lanhdao.xa"])
    assert client.get(reverse("staff:dashboard")).status_code == 200
    page = client.get(reverse("awards:nomination_detail", args=[nomination.pk]))
    assert page.status_code == 200
    assert nomination.nominee_person.full_name in page.content.decode()
    # a second run adds no second leader
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert (
        Membership.objects.filter(user=users["lanhdao.xa"], role=Membership.Role.LEADER).count()
        == 1
    )


def test_the_demo_says_where_to_log_in_and_where_each_login_starts(settings, capsys):
    """A new user following the README had the logins and a password, but not where to
    log in (the portal's "Đăng nhập" took them back to the public list) nor what each
    role does first: the command now says both, one line per login."""
    settings.THIDUA_DEMO = True
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "Đăng nhập tại /dang-nhap/" in out
    lines = out.splitlines()
    for username, first_step in [
        ("donvi", "Đăng ký, báo cáo"),
        ("vanphong.xa", "thẩm định"),
        ("hoidong.xa", "bỏ phiếu"),
        ("lanhdao", "Khen thưởng"),
        ("lanhdao.xa", "dự thảo quyết định"),
        ("admin", "/admin/"),
    ]:
        at = next(i for i, line in enumerate(lines) if line.split()[:1] == [username])
        assert "bắt đầu:" in lines[at + 1] and first_step in lines[at + 1], lines[at : at + 2]


def dashboard(client, user) -> str:
    from django.urls import reverse

    client.force_login(user)
    response = client.get(reverse("staff:dashboard"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_leaves_a_sent_nomination_waiting_for_each_office(settings, client):
    """The demo's cycle was finished: a new user logged in as the standing office found
    "Hồ sơ chờ thẩm định: 0" (decision 0048). The demo now leaves, beside it, nominations
    the ward's clerk sent through the services as the pages do: a Lao động tiên tiến for
    the ward's office (vanphong.xa) and a province Bằng khen under the province's campaign
    for the province's office (vanphong, vanphong.tp), each with its achievement report
    and its history (decision 0053)."""
    from django.urls import reverse

    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    users = {u.username: u for u in get_user_model().objects.all()}
    ward = Unit.objects.get(code="ubnd-p-tan-phong").successors()[-1]
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    for office, issuer, nominee in [
        ("vanphong.xa", ward, "Đặng Văn Hùng"),
        ("vanphong", province, "UBND phường Tân Phong"),
        ("vanphong.tp", province, "UBND phường Tân Phong"),
    ]:
        html = dashboard(client, users[office])
        assert "Hồ sơ chờ thẩm định: <strong>1</strong>" in html, office
        assert reverse("awards:inbox") in html
        inbox = client.get(reverse("awards:inbox")).content.decode()
        assert nominee in inbox, office
        waiting = Nomination.objects.get(issuer=issuer, status=Nomination.Status.SUBMITTED)
        assert waiting.nominee_name == nominee
        # as the pages leave it: written and sent by the unit's clerk, its report attached
        assert waiting.files.filter(kind="achievement_report", archived=False).exists()
        events = list(waiting.events.order_by("pk").values_list("by__username", "to_status"))
        assert events[0] == ("donvi", "draft") and events[-1] == ("donvi", "submitted")
        page = client.get(reverse("awards:nomination_review", args=[waiting.pk]))
        assert page.status_code == 200 and "Thẩm định" in page.content.decode()


def test_the_demo_leaves_an_open_session_with_ballots_waiting(settings, client):
    """hoidong.xa found no ballot ("Không có phiên họp nào đang mở…"): the demo now leaves
    the ward's council an open session dated the day it is loaded, its two nominations
    appraised by the ward's office and not voted on, and the province's council one with
    one nomination. The member votes through the page, as a user would."""
    from django.urls import reverse

    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    users = {u.username: u for u in get_user_model().objects.all()}
    ward = Unit.objects.get(code="ubnd-p-tan-phong").successors()[-1]
    session = CouncilSession.objects.get(issuer=ward, status=CouncilSession.Status.OPEN)
    assert session.agenda.count() == 2
    assert not Vote.objects.filter(item__session__status=CouncilSession.Status.OPEN).exists()
    html = dashboard(client, users["hoidong.xa"])
    assert "Bạn còn <strong>2</strong> hồ sơ chưa bỏ phiếu trong 1 phiên họp đang mở" in html
    assert session.title in html
    assert reverse("awards:session_detail", args=[session.pk]) in html
    for member in ("hoidong", "hoidong2", "hoidong3"):
        html = dashboard(client, users[member])
        assert "Bạn còn <strong>1</strong> hồ sơ chưa bỏ phiếu trong 1 phiên họp đang mở" in html
    # the ward's leader and office see the session to follow and close
    assert session.title in dashboard(client, users["lanhdao.xa"])
    assert session.title in dashboard(client, users["vanphong.xa"])

    client.force_login(users["hoidong.xa"])
    detail = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    item = session.agenda.order_by("pk").first()
    vote_url = reverse("awards:vote", args=[session.pk, item.pk])
    assert vote_url in detail  # the ballot is open today
    response = client.post(vote_url, {"choice": "agree"}, follow=True)
    assert "Đã ghi phiếu của bạn." in response.content.decode()
    assert Vote.objects.filter(item=item, member=users["hoidong.xa"], choice="agree").exists()
    html = dashboard(client, users["hoidong.xa"])
    assert "Bạn còn <strong>1</strong> hồ sơ chưa bỏ phiếu" in html


def test_the_printed_guide_says_what_waits_for_whom(settings, capsys):
    """The guide at the end of load_demo said nothing waited for the office or the council;
    it now says what does, read from the data as the dashboards read it, so it stays true
    on a second run after the user has done the work."""
    from awards import services

    settings.THIDUA_DEMO = True
    call_command("load_demo")
    guide = capsys.readouterr().out.split("Việc đang chờ")[1]
    lines = guide.splitlines()

    def line_of(username):
        return next(line for line in lines if line.strip().startswith(f"- {username}"))

    assert "1 hồ sơ chờ thẩm định" in line_of("vanphong.xa")
    assert "1 hồ sơ chờ thẩm định" in line_of("vanphong, vanphong.tp")
    assert "2 hồ sơ chờ bỏ phiếu" in line_of("hoidong.xa")
    assert "1 hồ sơ chờ bỏ phiếu" in line_of("hoidong, hoidong2, hoidong3")
    assert "Thử một vòng" in guide

    users = {u.username: u for u in get_user_model().objects.all()}
    waiting = Nomination.objects.get(
        status=Nomination.Status.SUBMITTED, nominee_person__full_name="Đặng Văn Hùng"
    )
    services.nomination_appraise(actor=users["vanphong.xa"], nomination=waiting, result="eligible")
    call_command("load_demo")
    lines = capsys.readouterr().out.split("Việc đang chờ")[1].splitlines()
    assert "chờ thẩm định" not in line_of("vanphong.xa")
    assert "1 hồ sơ đủ điều kiện chờ đưa ra Hội đồng" in line_of("vanphong.xa")


def test_no_demo_record_of_a_dissolved_body_is_dated_after_its_last_day(settings):
    """UBND thành phố Lai Châu ended on 30/06/2025 (the reform took effect on 01/07/2025);
    the demo had it meet on 22/12/2025 and sign Quyết định 01/QĐ-UBND on 26/12/2025, when
    it no longer existed (decision 0070). Nothing of an archived body is dated after its
    last day: decisions, council sessions, fund lines, campaigns."""
    from awards.money_models import FundEntry

    settings.THIDUA_DEMO = True
    call_command("load_demo", stdout=open("/dev/null", "w"))
    ended = {u.pk: u for u in Unit.objects.filter(archived=True, ended_on__isnull=False)}
    assert Unit.objects.get(code="ubnd-tp-lai-chau").pk in ended
    late = [
        f"{label} {when:%d/%m/%Y} ({ended[body].name}, đến {ended[body].ended_on:%d/%m/%Y})"
        for label, rows in (
            ("Quyết định", Decision.objects.values_list("issuer", "issued_on")),
            ("Phiên họp", CouncilSession.objects.values_list("issuer", "held_on")),
            ("Quỹ", FundEntry.objects.values_list("fund__issuer", "on")),
            ("Phong trào", Campaign.objects.values_list("issuer", "issued_on")),
        )
        for body, when in rows
        if body in ended and when and when > ended[body].ended_on
    ]
    assert late == [], "\n".join(late)
    decision = Decision.objects.get(issuer__code="ubnd-tp-lai-chau")
    assert decision.issued_on <= D(2025, 6, 30) and decision.year == decision.issued_on.year
