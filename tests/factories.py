"""Objects the tests build again and again, made through the services as users would."""

from awards import services
from awards.models import AwardType, Nomination


def attach_files(nomination, actor=None) -> None:
    """Attach the files the award type requires before sending (a one-page PDF each)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    actor = actor or nomination.events.first().by
    for kind in nomination.award_type.required_file_kinds:
        services.nomination_add_file(
            actor=actor,
            nomination=nomination,
            upload=SimpleUploadedFile(f"{kind}.pdf", b"%PDF-1.4\n%%EOF\n"),
            kind=kind,
        )


def village(commune):
    """Bản Nà Đông, a village under `commune`: a collective a commune nominates."""
    from units.models import Unit

    return Unit.objects.create(
        code="ban-na-dong",
        name="Bản Nà Đông",
        kind=Unit.Kind.VILLAGE,
        level=Unit.Level.OTHER,
        parent=commune,
    )


def nominate(cycle, person=None, unit=None, code="lao-dong-tien-tien", year=2025, **extra):
    """A draft nomination by the commune's staff, with the files its award type requires."""
    nomination = services.nomination_create(
        actor=cycle["staff"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code=code),
            nominee_person=person,
            nominee_unit=unit,
            nominating_unit=cycle["commune"],
            year=year,
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
            **extra,
        ),
    )
    attach_files(nomination, cycle["staff"])
    return nomination


def passed_nominations(cycle, count: int) -> list[Nomination]:
    """`count` nominations of new people of the commune, already passed by the council
    (set directly: these tests are about what comes after the vote)."""
    from units.models import Person

    nominations = []
    for i in range(count):
        person = Person.objects.create(
            full_name=f"Lò Văn {i + 1:02d}", unit=cycle["commune"], gender="male"
        )
        nomination = nominate(cycle, person=person)
        Nomination.objects.filter(pk=nomination.pk).update(
            status=Nomination.Status.PASSED, issuer=cycle["district"]
        )
        nomination.refresh_from_db()
        nominations.append(nomination)
    return nominations


def issued_decision(cycle, nominations, **fields):
    """A decision of the district gathering `nominations`, issued by its office."""
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=nominations,
        **fields,
    )
    return services.decision_issue(actor=cycle["office"], decision=decision)


def issued_and_draft(cycle):
    """The district's Quyết định 07/QĐ-UBND of 20/06/2025 (issued, one passed nomination)
    and a draft beside it (another): a body's decisions just before the 2025 reform."""
    import datetime

    first, second = passed_nominations(cycle, 2)
    issued = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng danh hiệu Lao động tiên tiến",
        signer_name="Sùng Lữ Páo",
        nominations=[first],
    )
    services.decision_issue(
        actor=cycle["office"], decision=issued, issued_on=datetime.date(2025, 6, 20), number=7
    )
    draft = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject="Về việc tặng Giấy khen",
        signer_name="Sùng Lữ Páo",
        nominations=[second],
    )
    return issued, draft


def province_directive_across_the_reform(demo, demo_units, make_member):
    """The province's 2025 directive (demo "004") still running after 1 July 2025, with
    the new communes loaded (load_divisions), its office and one numeric criterion:
    what a registration carried over a merger is made on. Returns (campaign, office,
    criterion)."""
    import datetime
    import io

    from django.core.management import call_command

    from campaigns.models import Campaign
    from campaigns.results import services as results
    from units.models import Membership

    call_command("load_divisions", "--province", "Lai Châu", stdout=io.StringIO())
    campaign = demo["004"]
    Campaign.objects.filter(pk=campaign.pk).update(
        status=Campaign.Status.PUBLISHED, end_date=datetime.date(2099, 12, 31)
    )
    campaign.refresh_from_db()
    office = make_member("vp.tinh", demo_units["ubnd-tinh-lai-chau"], Membership.Role.OFFICE_STAFF)
    criterion = results.criterion_add(
        actor=office, campaign=campaign, name="Số hộ thoát nghèo", kind="numeric", measure="hộ"
    )
    return campaign, office, criterion


def still_running(*campaigns, keep_year: bool = True) -> None:
    """The seed campaigns ended in 2025; a unit registers only for one still running.

    keep_year: the campaign is left with no end date and an issue date in its own year,
    so its năm thi đua (blocs, awards) stays; otherwise it ends in 30 days."""
    import datetime

    from django.utils import timezone

    from campaigns.models import Campaign

    for campaign in campaigns:
        if keep_year:
            campaign.issued_on = datetime.date(campaign.year, 1, 15)
            campaign.start_date = None
            campaign.end_date = None
        else:
            campaign.end_date = timezone.localdate() + datetime.timedelta(days=30)
        Campaign.objects.filter(pk=campaign.pk).update(
            issued_on=campaign.issued_on, start_date=campaign.start_date, end_date=campaign.end_date
        )
