"""One completed awards cycle for the demo: Phường Tân Phong nominates, the city's
standing office appraises, three council members vote, the chairman decides. It is the
year-end cycle of 2024: the city ceased to exist on 01/07/2025 (its last day, 30/06/2025,
is `Unit.ended_on`), so it decided nothing for 2025 (decision 0070).

A demo loader, exempt from "writes go through awards/services.py"; it uses the
services anyway, so the demo's history reads as a real cycle would."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from campaigns.models import Campaign
from units.demo import DEMO_LOGINS
from units.models import Person, Unit

from . import money, services
from .models import AwardType, CouncilSession, Decision, Nomination

YEAR = 2024
SUBJECT = (
    f"Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc năm {YEAR} (dữ liệu mẫu)"
)


# The demo's dossier file: an empty one-page PDF standing for the signed report.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


@transaction.atomic
def load_demo_cycle() -> Decision | None:
    """Run the cycle once, through the real services; None if the demo logins are missing."""
    existing = Decision.objects.filter(subject=SUBJECT).first()
    if existing:
        return existing
    users = {
        u.username: u
        for u in get_user_model().objects.filter(
            username__in=["donvi", "vanphong.tp", "hoidong", "hoidong2", "hoidong3"]
        )
    }
    if len(users) < 5:
        return None
    ward = Unit.objects.get(code="ubnd-p-tan-phong")
    city = Unit.objects.get(code="ubnd-tp-lai-chau")
    people = [
        Person.objects.get(full_name=name, unit=ward) for name in ("Lò Thị Mai", "Đặng Văn Hùng")
    ]
    ldtt = AwardType.objects.get(code="lao-dong-tien-tien")
    collective = AwardType.objects.get(code="tap-the-ldtt")
    nominations = [
        services.nomination_create(
            actor=users["donvi"],
            nomination=Nomination(
                award_type=ldtt,
                nominee_person=person,
                nominating_unit=ward,
                year=YEAR,
                achievement_summary=f"Hoàn thành xuất sắc nhiệm vụ được giao năm {YEAR}; "
                "tích cực tham gia phong trào thi đua của thành phố.",
            ),
        )
        for person in people
    ]
    nominations.append(
        services.nomination_create(
            actor=users["donvi"],
            nomination=Nomination(
                award_type=collective,
                nominee_unit=ward,
                nominating_unit=ward,
                year=YEAR,
                achievement_summary="Tập thể đoàn kết, hoàn thành tốt các chỉ tiêu kinh tế - xã hội "
                f"năm {YEAR}.",
            ),
        )
    )
    for nomination in nominations:
        attach_dossier(users["donvi"], nomination)
    services.nomination_submit_many(actor=users["donvi"], nominations=nominations)
    for nomination in nominations:
        services.nomination_appraise(
            actor=users["vanphong.tp"], nomination=nomination, result="eligible"
        )
    members = [users["hoidong"], users["hoidong2"], users["hoidong3"]]
    session = services.session_create(
        actor=users["vanphong.tp"],
        issuer=city,
        title=f"Phiên họp xét khen thưởng năm {YEAR} (dữ liệu mẫu)",
        held_on=datetime.date(YEAR, 12, 22),
        starts_at=datetime.time(8, 0),
        venue="Phòng họp số 1, trụ sở UBND thành phố Lai Châu",
        members=members,
        nominations=nominations,
        chair_name="Nguyễn Văn Nghiệp",
        secretary_name="Hoàng Thị Lan",
    )
    for member in members:
        for item in session.agenda.all():
            services.vote_cast(actor=member, item=item, choice="agree")
    services.session_close(actor=users["vanphong.tp"], session=session)
    decision = services.decision_draft(
        actor=users["vanphong.tp"],
        issuer=city,
        subject=SUBJECT,
        place="Thành phố Lai Châu",
        signing_authority="",
        signer_title="CHỦ TỊCH",
        signer_name="Nguyễn Văn Nghiệp",
    )
    load_demo_fund(users["vanphong.tp"], city)
    return services.decision_issue(
        actor=users["vanphong.tp"], decision=decision, issued_on=datetime.date(YEAR, 12, 26)
    )


def attach_dossier(clerk, nomination: Nomination) -> None:
    """The dossier's files the award type asks for (the achievement report), as the unit's
    clerk uploads them on the nomination's page."""
    for kind in nomination.award_type.required_file_kinds:
        services.nomination_add_file(
            actor=clerk,
            nomination=nomination,
            upload=SimpleUploadedFile(f"bao-cao-thanh-tich-{nomination.pk}.pdf", DEMO_PDF),
            kind=kind,
        )


def load_demo_fund(office, city: Unit) -> None:
    """The city's fund for the cycle's year: its budget and a sponsor's gift, so the
    decision's amounts are paid from something (the base salaries come with the migrations)."""
    for kind, amount, on, text in (
        (
            "budget",
            30_000_000,
            datetime.date(YEAR, 1, 2),
            f"Dự toán kinh phí khen thưởng năm {YEAR}",
        ),
        ("income", 5_000_000, datetime.date(YEAR, 6, 15), "Doanh nghiệp ủng hộ Quỹ (dữ liệu mẫu)"),
    ):
        money.fund_entry_add(
            actor=office, issuer=city, year=YEAR, kind=kind, amount=amount, on=on, description=text
        )


# ---------------------------------------------------------------------------
# Work left waiting (decision 0053): beside the finished cycle, each role of the demo
# finds something to do on its dashboard: the offices a sent nomination to appraise, the
# councils an open session to vote on. Made after the 2025 reform, addressed to the bodies
# of today: the ward (phường Tân Phong) decides its staff's Lao động tiên tiến and Giấy
# khen, the province its Bằng khen.

WARD_SESSION = "Phiên họp Hội đồng TĐKT phường Tân Phong xét khen thưởng (dữ liệu mẫu)"
PROVINCE_SESSION = "Phiên họp Hội đồng TĐKT tỉnh xét Bằng khen (dữ liệu mẫu)"
WAITING_USERS = ["donvi", "vanphong.xa", "hoidong.xa", "lanhdao.xa", "vanphong.tp", "lanhdao"]
WAITING_USERS += ["hoidong", "hoidong2", "hoidong3"]


@transaction.atomic
def load_demo_waiting() -> bool:
    """Once (the ward's session is the mark, kept even when cancelled): the ward's clerk
    writes, files and sends four nominations through the services, as the pages do; the
    ward's and the province's offices appraise three of them and put them on an open
    session of their council dated today, where nobody has voted; the fourth of each body
    waits for its office's appraisal. False if already done or the demo logins are missing."""
    if CouncilSession.objects.filter(title=WARD_SESSION).exists():
        return False
    users = {u.username: u for u in get_user_model().objects.filter(username__in=WAITING_USERS)}
    if len(users) < len(WAITING_USERS):
        return False
    ward = Unit.objects.get(code="ubnd-p-tan-phong").successors()[-1]  # the ward today
    province = Unit.objects.get(code="ubnd-tinh-lai-chau")
    # The province's directive for 2025 (seed 004): a ward proposes its Bằng khen under it.
    directive = Campaign.objects.get(source="seed:004")
    year = timezone.localdate().year
    clerk = users["donvi"]

    def person(name: str) -> Person:
        return Person.objects.get(full_name=name, unit__in=ward.descendant_ids())

    def nominate(code: str, summary: str, **nominee) -> Nomination:
        campaign = nominee.pop("campaign", None)
        nomination = services.nomination_create(
            actor=clerk,
            nomination=Nomination(
                award_type=AwardType.objects.get(code=code),
                nominating_unit=ward,
                campaign=campaign,
                year=None if campaign else year,
                achievement_summary=summary,
                **nominee,
            ),
        )
        attach_dossier(clerk, nomination)
        return nomination

    on_agenda_ward = [
        nominate(
            "lao-dong-tien-tien",
            f"Hoàn thành tốt nhiệm vụ năm {year}; không vi phạm kỷ luật (dữ liệu mẫu).",
            nominee_person=person("Lò Thị Mai"),
        ),
        nominate(
            "giay-khen-xa-ca-nhan",
            "Tổ trưởng tổ hợp tác trồng chè, giúp 12 hộ thoát nghèo (dữ liệu mẫu).",
            nominee_person=person("Tẩn Thị Chiêm"),
        ),
    ]
    on_agenda_province = [
        nominate(
            "bang-khen-tinh-ca-nhan",
            "Chỉ huy thi công đúng hạn công trình trường học của phường (dữ liệu mẫu).",
            nominee_person=person("Trần Minh Đức"),
            campaign=directive,
        )
    ]
    to_appraise = [
        nominate(
            "lao-dong-tien-tien",
            f"Hoàn thành tốt nhiệm vụ năm {year}; tham gia đầy đủ các phong trào (dữ liệu mẫu).",
            nominee_person=person("Đặng Văn Hùng"),
        ),
        nominate(
            "bang-khen-tinh-tap-the",
            "Tập thể dẫn đầu khối thi đua các xã, phường năm 2025 (dữ liệu mẫu).",
            nominee_unit=ward,
            campaign=directive,
        ),
    ]
    services.nomination_submit_many(
        actor=clerk, nominations=on_agenda_ward + on_agenda_province + to_appraise
    )
    for office, issuer, nominations, title, members, leader in (
        (users["vanphong.xa"], ward, on_agenda_ward, WARD_SESSION, ["hoidong.xa"], "lanhdao.xa"),
        (
            users["vanphong.tp"],
            province,
            on_agenda_province,
            PROVINCE_SESSION,
            ["hoidong", "hoidong2", "hoidong3"],
            "lanhdao",
        ),
    ):
        for nomination in nominations:
            services.nomination_appraise(actor=office, nomination=nomination, result="eligible")
        services.session_create(
            actor=office,
            issuer=issuer,
            title=title,
            held_on=timezone.localdate(),  # the ballot opens at once
            members=[users[name] for name in members],
            nominations=nominations,
            chair_name=users[leader].get_full_name(),
            secretary_name=office.get_full_name(),
            venue=f"Phòng họp trụ sở {issuer.name}",
        )
    return True


def waiting_work() -> list[tuple[str, str]]:
    """What waits for each demo login now, read as its dashboard reads it: (who, what), the
    logins of the same bodies whose work reads the same on one line, with those bodies'
    names; none for a login with nothing waiting."""
    from units.access import user_memberships

    from .selectors import council_pending, leader_pending, office_pending
    from .templatetags.awards_roles import roles_of

    said: dict[tuple[str, str], list[str]] = {}
    order = [login.username for login in DEMO_LOGINS if login.role]
    for user in sorted(
        get_user_model().objects.filter(username__in=order),
        key=lambda u: order.index(u.username),
    ):
        roles = roles_of(user)
        counts: list[tuple[int, str]] = []
        if roles["office"]:
            office = office_pending(user)
            counts += [
                (office["to_appraise"], "hồ sơ chờ thẩm định"),
                (office["to_agenda"], "hồ sơ đủ điều kiện chờ đưa ra Hội đồng"),
                (office["to_decide"], "hồ sơ đã thông qua chờ lập quyết định"),
                (office["draft_decisions_count"], "dự thảo quyết định chờ ban hành"),
                (office["open_sessions_count"], "phiên họp đang mở, kết thúc sau khi bỏ phiếu"),
            ]
        elif roles["leader"]:
            leader = leader_pending(user)
            counts += [
                (leader["draft_decisions_count"], "dự thảo quyết định chờ ký"),
                (leader["open_sessions_count"], "phiên họp đang mở, kết thúc sau khi bỏ phiếu"),
            ]
        if roles["council"]:
            council = council_pending(user)
            counts.append((council["to_vote_count"], "hồ sơ chờ bỏ phiếu"))
        text = "; ".join(f"{count} {what}" for count, what in counts if count)
        if text:
            bodies = ", ".join(
                sorted(
                    set(
                        user_memberships(user)
                        .filter(unit__archived=False)
                        .values_list("unit__name", flat=True)
                    )
                )
            )
            said.setdefault((bodies, text), []).append(user.username)
    return [(f"{', '.join(names)} ({bodies})", text) for (bodies, text), names in said.items()]
