"""One completed awards cycle for the demo: Phường Tân Phong nominates, the city's
standing office appraises, three council members vote, the chairman decides.

A demo loader, exempt from "writes go through awards/services.py"; it uses the
services anyway, so the demo's history reads as a real cycle would."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from units.models import Person, Unit

from . import money, services
from .models import AwardType, Decision, Nomination

SUBJECT = "Về việc khen thưởng các tập thể, cá nhân có thành tích xuất sắc năm 2025 (dữ liệu mẫu)"


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
                year=2025,
                achievement_summary="Hoàn thành xuất sắc nhiệm vụ được giao năm 2025; "
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
                year=2025,
                achievement_summary="Tập thể đoàn kết, hoàn thành tốt các chỉ tiêu kinh tế - xã hội năm 2025.",
            ),
        )
    )
    for nomination in nominations:  # the dossier's files the award type asks for
        for kind in nomination.award_type.required_file_kinds:
            services.nomination_add_file(
                actor=users["donvi"],
                nomination=nomination,
                upload=SimpleUploadedFile(f"bao-cao-thanh-tich-{nomination.pk}.pdf", DEMO_PDF),
                kind=kind,
            )
    services.nomination_submit_many(actor=users["donvi"], nominations=nominations)
    for nomination in nominations:
        services.nomination_appraise(
            actor=users["vanphong.tp"], nomination=nomination, result="eligible"
        )
    members = [users["hoidong"], users["hoidong2"], users["hoidong3"]]
    session = services.session_create(
        actor=users["vanphong.tp"],
        issuer=city,
        title="Phiên họp xét khen thưởng năm 2025 (dữ liệu mẫu)",
        held_on=datetime.date(2025, 12, 22),
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
        actor=users["vanphong.tp"], decision=decision, issued_on=datetime.date(2025, 12, 26)
    )


def load_demo_fund(office, city: Unit) -> None:
    """The city's fund for 2025: its budget and a sponsor's gift, so the decision's
    amounts are paid from something (the base salaries come with the migrations)."""
    for kind, amount, on, text in (
        ("budget", 30_000_000, datetime.date(2025, 1, 2), "Dự toán kinh phí khen thưởng năm 2025"),
        ("income", 5_000_000, datetime.date(2025, 6, 15), "Doanh nghiệp ủng hộ Quỹ (dữ liệu mẫu)"),
    ):
        money.fund_entry_add(
            actor=office, issuer=city, year=2025, kind=kind, amount=amount, on=on, description=text
        )
