"""The demo's waiting work walked by each role (decision 0057): the ward's and the
province's office, council and leader, from the dashboard to the public decision. What
stopped or misled them there, each fixed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from awards import services
from awards.models import CouncilSession, Nomination
from tests.awards_stage import build_stage
from units.models import Membership

pytestmark = pytest.mark.django_db


@pytest.fixture
def stage(cycle, make_member):
    """build_stage (one nomination at every step: an open session of three members with
    one dossier on it) and a leader of the district."""
    data = build_stage(cycle)
    data["leader"] = make_member("ld.tamduong", cycle["district"], Membership.Role.LEADER)
    for i, member in enumerate(data["council"]):
        member.first_name = ["Lường Văn Thắng", "Hoàng Thị Lan", "Vũ Đình Khánh"][i]
        member.save()
    return data


def test_a_session_is_not_closed_by_one_click_while_members_present_have_not_voted(client, stage):
    """The leader's dashboard lists the demo's open session under "Phiên họp cần kết
    thúc"; opened before the council voted, the page offered "Kết thúc phiên họp" with the
    plain "tính kết quả?" question, and one click made every dossier "Không thông qua"
    (no vote is no agreement), for good. The page now names who has not voted and the
    close needs a second, explicit choice."""
    session, item, council = stage["session"], stage["item"], stage["council"]
    services.vote_cast(actor=council[0], item=item, choice="agree")
    client.force_login(stage["leader"])
    url = reverse("awards:session_detail", args=[session.pk])
    html = client.get(url).content.decode()
    assert "Còn 2 thành viên có mặt chưa bỏ phiếu: Hoàng Thị Lan, Vũ Đình Khánh." in html
    assert "Vẫn kết thúc khi còn thành viên chưa bỏ phiếu" in html

    response = client.post(reverse("awards:session_close", args=[session.pk]), follow=True)
    html = response.content.decode()
    assert "Chưa kết thúc phiên họp: còn 2 thành viên có mặt chưa bỏ phiếu" in html
    session.refresh_from_db()
    assert session.status == CouncilSession.Status.OPEN
    stage["on_agenda"].refresh_from_db()
    assert stage["on_agenda"].status == Nomination.Status.APPRAISED

    # the members who left without voting: closed on purpose, said so
    response = client.post(
        reverse("awards:session_close", args=[session.pk]), {"unvoted_ok": "1"}, follow=True
    )
    assert "Đã kết thúc phiên họp" in response.content.decode()
    session.refresh_from_db()
    assert session.status == CouncilSession.Status.CLOSED


def test_a_session_everyone_present_voted_on_closes_as_before(client, stage):
    session, item, council = stage["session"], stage["item"], stage["council"]
    services.session_set_attendance(
        actor=stage["office"], session=session, present_user_ids={council[0].pk, council[1].pk}
    )
    for member in council[:2]:
        services.vote_cast(actor=member, item=item, choice="agree")
    client.force_login(stage["office"])
    html = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "chưa bỏ phiếu:" not in html
    assert "Vẫn kết thúc" not in html
    response = client.post(reverse("awards:session_close", args=[session.pk]), follow=True)
    assert "Đã kết thúc phiên họp" in response.content.decode()
    session.refresh_from_db()
    assert session.status == CouncilSession.Status.CLOSED


def test_the_session_form_offers_no_dossier_already_on_an_open_session(client, stage):
    """The demo's ward office, after appraising its waiting dossier, pressed "lập phiên
    họp": the form offered it beside the two dossiers already on the open session, and
    choosing them (the dashboard had said only 1 waits) came back, after the whole form
    was filled, with "Hồ sơ Lò Thị Mai … đã có trong một phiên họp đang mở.". The form
    and its typed search offer only what may go on a new session."""
    client.force_login(stage["office"])
    html = client.get(reverse("awards:session_create")).content.decode()
    assert "Lò Văn Chờ Họp" in html
    assert "Lò Văn Bình Xét" not in html  # on the open session
    found = client.get(
        reverse("awards:session_choices"), {"field": "nominations", "q": "Lò Văn"}
    ).json()["results"]
    names = " ".join(row["text"] for row in found)
    assert "Lò Văn Chờ Họp" in names and "Lò Văn Bình Xét" not in names
    # once its session is cancelled, the dossier may go on another one
    services.session_cancel(
        actor=stage["office"], session=stage["session"], cancel_reason="Đổi thành phần"
    )
    assert "Lò Văn Bình Xét" in client.get(reverse("awards:session_create")).content.decode()


def test_the_leader_reading_a_draft_is_told_how_it_gets_signed_and_issued(client, stage):
    """The demo's leader read "Dự thảo quyết định chờ ký, ban hành (1)" on the dashboard,
    opened it and found the PDF and the list, no button and no word of what to do (the
    office issues it, decision 0025). The draft says who does what next."""
    url = reverse("awards:decision_detail", args=[stage["decision"].pk])
    client.force_login(stage["leader"])
    html = client.get(url).content.decode()
    assert (
        "Dự thảo chờ ký. Đọc dự thảo (PDF) rồi ký bản giấy; Phòng Nội vụ (cơ quan thường "
        "trực) ghi số, ngày ký theo sổ văn bản đi và ban hành trên hệ thống."
    ) in html
    assert "Cần sửa dự thảo thì báo Phòng Nội vụ." in html
    client.force_login(stage["office"])
    assert "Dự thảo chờ ký." not in client.get(url).content.decode()


def test_the_dashboards_dossiers_to_appraise_open_on_those_dossiers_only(client, stage):
    """ "Hồ sơ chờ thẩm định: 1" on the ward office's dashboard opened the whole inbox: three
    rows, two of them already appraised and on the open session, under the heading "cần
    thẩm định". The link opens the dossiers waiting for an appraisal (sent, or sent again
    after a return), the filter saying so and keeping it."""
    client.force_login(stage["office"])
    dashboard = client.get(reverse("staff:dashboard")).content.decode()
    link = reverse("awards:inbox") + "?status=waiting"
    assert f'<a href="{link}">Hồ sơ chờ thẩm định: <strong>1</strong></a>' in dashboard
    html = client.get(link).content.decode()
    assert "Lò Văn Đã Gửi" in html
    for elsewhere in ("Lò Văn Chờ Họp", "Lò Văn Bình Xét", "Lò Văn Thông Qua"):
        assert elsewhere not in html
    assert '<option value="waiting" selected>Chờ thẩm định (đã gửi, gửi lại)</option>' in html
    # sent again after a return: waiting too
    returned = stage["submitted"]
    services.nomination_appraise(
        actor=stage["office"], nomination=returned, result="returned", note="Thiếu bản sao"
    )
    returned.refresh_from_db()
    assert "Lò Văn Đã Gửi" not in client.get(link).content.decode()
    services.nomination_submit(actor=stage["staff"], nomination=returned)
    assert "Lò Văn Đã Gửi" in client.get(link).content.decode()
    # the whole inbox is still there, as before
    assert "Lò Văn Chờ Họp" in client.get(reverse("awards:inbox")).content.decode()


def test_a_campaigns_long_subject_is_not_cut_inside_a_word(client, demo, cycle):
    """The province's waiting dossier read "Năm / phong trào: 09/CT-UBND — Về việc phát
    động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kin": the campaign's
    name cut at 80 characters, inside "kinh", with nothing to say it goes on. It ends at
    the end of a word, with "…"."""
    from campaigns.models import Campaign

    campaign = Campaign.objects.get(pk=demo["004"].pk)
    subject = (
        "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh "
        "tế - xã hội, đảm bảo quốc phòng - an ninh năm 2025"
    )
    Campaign.objects.filter(pk=campaign.pk).update(subject=subject)
    campaign.refresh_from_db()
    assert str(campaign).endswith("nhiệm vụ phát triển kinh…")
    assert subject[:80] in str(campaign)  # the links and labels found by it still are
    Campaign.objects.filter(pk=campaign.pk).update(subject="Thi đua lập thành tích")
    campaign.refresh_from_db()
    assert str(campaign).endswith("— Thi đua lập thành tích")


def test_the_office_is_told_what_the_attendance_boxes_mean_and_not_offered_them_after_a_vote(
    client, stage
):
    """The office's session page listed the members with a bare tick box each and "Lưu
    điểm danh": nothing said a tick is "có mặt", and the boxes stayed after the first vote,
    when saving them is refused ("Đã có phiếu bầu: không sửa điểm danh nữa.")."""
    session = stage["session"]
    url = reverse("awards:session_detail", args=[session.pk])
    client.force_login(stage["office"])
    html = client.get(url).content.decode()
    assert "Đánh dấu thành viên có mặt, bỏ dấu người vắng, rồi bấm “Lưu điểm danh”" in html
    services.vote_cast(actor=stage["council"][0], item=stage["item"], choice="agree")
    html = client.get(url).content.decode()
    assert "Lưu điểm danh" not in html
    assert "Lường Văn Thắng — có mặt" in html
    assert "Đã có phiếu bầu: điểm danh không sửa được nữa." in html
