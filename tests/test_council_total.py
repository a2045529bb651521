"""A rule counted on all the council's members (Tập thể lao động xuất sắc, Chiến sĩ thi
đua: "từ 70% trở lên tổng số thành viên Hội đồng") read as a contradiction: two members
invited, both agreeing, and the session page and the signed minutes said "Đồng ý 2,
không đồng ý 0 — Không thông qua", without the council's total anywhere (decision 0071)."""

import datetime
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from awards import pdf, services
from awards.models import AwardType, CouncilSession
from tests.conftest import new_member
from tests.factories import nominate
from units.models import Membership

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)


def minutes_text(session) -> str:
    reader = PdfReader(io.BytesIO(pdf.minutes_pdf(session)))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


@pytest.fixture
def seventy(cycle, monkeypatch):
    """Lao động tiên tiến voted as the higher titles are: secret, 70% of all members;
    the district's council has four members (the cycle's three and one more)."""
    import zoneinfo

    from django.utils import timezone

    hanoi = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2026, 12, 7, 9, 0, tzinfo=hanoi))
    AwardType.objects.filter(code="lao-dong-tien-tien").update(
        secret_ballot=True,
        vote_threshold_percent=70,
        vote_threshold_base="members",
        vote_threshold_inclusive=True,
    )
    fourth = new_member("hd-thu-tu", cycle["district"], Membership.Role.COUNCIL_MEMBER)
    n = nominate(cycle, person=cycle["people"][0])
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    return {**cycle, "nomination": n, "fourth": fourth}


def new_session(world, members):
    return services.session_create(
        actor=world["office"],
        issuer=world["district"],
        title="Phiên họp xét khen thưởng năm 2026",
        held_on=TODAY,
        members=members,
        nominations=[world["nomination"]],
    )


def test_a_session_whose_members_could_never_pass_a_dossier_is_refused(seventy):
    """70% of 4 members is 3 agreeing votes: a session of two can only fail it."""
    with pytest.raises(ValidationError) as refused:
        new_session(seventy, seventy["council"][:2])
    message = " ".join(refused.value.messages)
    assert "4 thành viên" in message and "ít nhất 3 phiếu đồng ý" in message
    assert "chỉ triệu tập 2 thành viên" in message
    assert not CouncilSession.objects.exists()  # nothing half made
    assert new_session(seventy, seventy["council"]).agenda.count() == 1  # three: it can


def test_the_page_and_the_minutes_give_the_council_total_and_the_votes_needed(client, seventy):
    session = new_session(seventy, seventy["council"])
    absent = seventy["council"][2]
    services.session_set_attendance(
        actor=seventy["office"],
        session=session,
        present_user_ids={u.pk for u in seventy["council"][:2]},
    )
    client.force_login(seventy["office"])
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "Hội đồng có 4 thành viên" in page
    assert "cần ít nhất 3 phiếu đồng ý" in page
    # two present cannot make three: the office sees it before anyone votes
    assert "chỉ 2 thành viên có mặt: hồ sơ không thể được thông qua" in page
    assert absent.pk  # absent, as marked

    item = session.agenda.get()
    for member in seventy["council"][:2]:
        services.vote_cast(actor=member, item=item, choice="agree")
    services.session_close(actor=seventy["office"], session=session)
    item.refresh_from_db()
    assert (item.agree, item.passed) == (2, False)

    # a member joins the council afterwards: the record keeps the figure it was counted on
    new_member("hd-thu-nam", seventy["district"], Membership.Role.COUNCIL_MEMBER)
    body = minutes_text(CouncilSession.objects.get(pk=session.pk))
    assert "Tổng số thành viên Hội đồng: 4; được triệu tập: 3; có mặt: 2." in body
    assert (
        "Lao động tiên tiến: thông qua khi phiếu đồng ý từ 70% trở lên tổng số thành viên "
        "Hội đồng (4 thành viên: ít nhất 3 phiếu)" in body
    )
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    # the page, closed, gives the rule as kept at the close, as the minutes do
    assert "tổng số thành viên Hội đồng (4 thành viên: ít nhất 3 phiếu)" in page


def test_a_closed_sessions_page_keeps_the_rule_it_was_counted_on(client, seventy):
    """Review (decision 0075): the minutes print the rule kept at the close, but the page
    recomputed it from the award type as it is now: raised to 80% afterwards, the page
    read "từ 80% … cần ít nhất 4 phiếu" beside a result counted on 70% and 3."""
    session = new_session(seventy, seventy["council"])
    services.session_set_attendance(
        actor=seventy["office"],
        session=session,
        present_user_ids={u.pk for u in seventy["council"]},
    )
    item = session.agenda.get()
    for member in seventy["council"]:
        services.vote_cast(actor=member, item=item, choice="agree")
    services.session_close(actor=seventy["office"], session=session)
    AwardType.objects.filter(code="lao-dong-tien-tien").update(
        vote_threshold_percent=80, secret_ballot=False
    )
    client.force_login(seventy["office"])
    page = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "Thông qua" in page
    assert "từ 70% trở lên tổng số thành viên Hội đồng (4 thành viên: ít nhất 3 phiếu)" in page
    assert "80%" not in page and "ít nhất 4" not in page
    assert "Bỏ phiếu kín" in page  # as it was voted


@pytest.mark.parametrize(
    ("percent", "base", "inclusive", "members", "present", "agree", "disagree", "passed"),
    [
        # "từ 70% trở lên tổng số thành viên": 7 of 10 members pass, 6 do not.
        (70, "members", True, 10, 8, 7, 1, True),
        (70, "members", True, 10, 8, 6, 2, False),
        # the rule counts all members, not those present: 5 of 6 present is not 70% of 10.
        (70, "members", True, 10, 6, 5, 1, False),
        # "trên 50% số có mặt": 2 of 4 present is not more than half; 3 is.
        (50, "present", False, 9, 4, 2, 0, False),
        (50, "present", False, 9, 4, 3, 1, True),
        # a 1–1 tie never passes, whatever the threshold.
        (0, "present", True, 5, 2, 1, 1, False),
        # "từ 2/3 trở lên": 66.67% of 3 needs 3 votes (2 is 66.66%), of 6 needs 5.
        ("66.67", "present", True, 9, 3, 2, 0, False),
        ("66.67", "present", True, 9, 3, 3, 0, True),
        ("66.67", "present", True, 9, 6, 4, 0, False),
        ("66.67", "present", True, 9, 6, 5, 0, True),
        # nobody counted: nothing passes.
        (50, "present", False, 9, 0, 0, 0, False),
    ],
)
def test_the_minutes_votes_needed_and_the_count_are_one_rule(
    percent, base, inclusive, members, present, agree, disagree, passed
):
    """What the minutes print ("ít nhất N phiếu") is what the count applies: a dossier
    passes exactly when its agreeing votes reach that N and outnumber the disagreeing."""
    from decimal import Decimal

    from awards.models import AgendaItem, Nomination

    award = AwardType(
        vote_threshold_percent=Decimal(str(percent)),
        vote_threshold_base=base,
        vote_threshold_inclusive=inclusive,
    )
    item = AgendaItem(nomination=Nomination(award_type=award), agree=agree, disagree=disagree)
    assert services.vote_result(item, members=members, present=present) is passed
    counted = members if base == "members" else present
    needed = award.votes_needed(counted)
    if needed is not None:
        assert f"ít nhất {needed} phiếu" in award.vote_rule_on(counted)
        assert (agree >= needed and agree > disagree) is passed
