"""An appraised dossier joins the council session already open, before its first vote;
the decision form names the likely signer (decision 0059, from decision 0057's walk)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import services
from awards.models import CouncilSession, Decision, Nomination, NominationEvent
from tests.awards_stage import build_stage, person
from tests.conftest import build_cycle
from tests.factories import nominate
from tests.module_data import data_once
from units.demo import load_units
from units.models import Membership

pytestmark = pytest.mark.django_db


def _built() -> dict:
    """build_stage: an open session of three members with "Lò Văn Bình Xét" on it, and
    "Lò Văn Chờ Họp" appraised, on no session."""
    units = load_units()
    cycle = build_cycle(units)
    return {"demo_units": units, "cycle": cycle, "stage": build_stage(cycle)}


# built once for the module, each test in its own savepoint with its own copy of the
# objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, cycle, stage = data_once(
    _built, "demo_units", "cycle", "stage"
)


def _add(client, session, *nominations):
    return client.post(
        reverse("awards:session_add", args=[session.pk]),
        {"nominations": [n.pk for n in nominations]},
        follow=True,
    )


def test_the_office_adds_an_appraised_dossier_to_the_open_session(client, stage):
    """After appraising the demo's waiting dossier, the ward office had to make a second
    session the same day for it. The open session's page offers it (and not the dossier
    already on the session), says the rule, and adds it with a line in its history."""
    session, office = stage["session"], stage["office"]
    client.force_login(office)
    url = reverse("awards:session_detail", args=[session.pk])
    html = client.get(url).content.decode()
    assert "Bổ sung hồ sơ vào phiên họp" in html
    assert "Chỉ bổ sung được khi chưa thành viên nào bỏ phiếu" in html
    form = html.split("Bổ sung hồ sơ vào phiên họp", 1)[1].split("</form>", 1)[0]
    assert "Lò Văn Chờ Họp" in form
    assert "Lò Văn Bình Xét" not in form  # already on this session

    html = _add(client, session, stage["appraised"]).content.decode()
    assert "Đã bổ sung 1 hồ sơ vào phiên họp." in html
    assert set(session.agenda.values_list("nomination__nominee_person__full_name", flat=True)) == {
        "Lò Văn Bình Xét",
        "Lò Văn Chờ Họp",
    }
    note = NominationEvent.objects.filter(nomination=stage["appraised"]).latest("pk").note
    assert note == (
        "Bổ sung vào phiên họp “Phiên họp đang mở” ngày 01/12/2025 (trước khi bỏ phiếu)."
    )
    stage["appraised"].refresh_from_db()
    assert stage["appraised"].status == Nomination.Status.APPRAISED
    # nothing is left to offer: the form says so and the add button is gone
    html = client.get(url).content.decode()
    assert "Không còn hồ sơ đã thẩm định nào chờ đưa ra Hội đồng." in html
    # the same form sent again (Back, then the button) adds nothing twice
    html = _add(client, session, stage["appraised"]).content.decode()
    assert session.agenda.count() == 2
    assert "Chưa bổ sung hồ sơ" in html


def test_once_a_member_voted_nothing_is_added_and_the_page_says_why(client, stage):
    """The members present vote on a fixed agenda: after the first ballot the session
    takes no more dossiers, said on the page and by the service."""
    session, office = stage["session"], stage["office"]
    services.vote_cast(actor=stage["council"][0], item=stage["item"], choice="agree")
    client.force_login(office)
    html = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
    assert "Đã có phiếu bầu: không bổ sung hồ sơ vào phiên họp này được nữa" in html
    assert 'action="' + reverse("awards:session_add", args=[session.pk]) not in html

    html = _add(client, session, stage["appraised"]).content.decode()
    assert "Đã có phiếu bầu: không bổ sung hồ sơ vào phiên họp này được nữa" in html
    assert session.agenda.count() == 1
    assert not NominationEvent.objects.filter(
        nomination=stage["appraised"], note__startswith="Bổ sung vào phiên họp"
    ).exists()


def test_a_closed_or_cancelled_session_takes_no_dossier(client, stage):
    client.force_login(stage["office"])
    closed = stage["closed_session"]
    html = client.get(reverse("awards:session_detail", args=[closed.pk])).content.decode()
    assert "Bổ sung hồ sơ vào phiên họp" not in html
    _add(client, closed, stage["appraised"])
    assert not closed.agenda.exists()
    services.session_cancel(actor=stage["office"], session=stage["session"], cancel_reason="Hoãn")
    html = _add(client, stage["session"], stage["appraised"]).content.decode()
    assert "Chưa bổ sung hồ sơ" in html
    assert stage["session"].agenda.count() == 1


def test_only_the_office_of_the_sessions_body_adds(client, stage, demo_units, make_member):
    """Another body's office does not find the session (404); the body's leader and its
    council members read it but may not change its agenda (403)."""
    session = stage["session"]
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert _add(client, session, stage["appraised"]).status_code == 404
    leader = make_member("ld.tamduong", stage["district"], Membership.Role.LEADER)
    for user in (leader, stage["council"][0]):
        client.force_login(user)
        html = client.get(reverse("awards:session_detail", args=[session.pk])).content.decode()
        assert "Bổ sung hồ sơ vào phiên họp" not in html
        assert _add(client, session, stage["appraised"]).status_code == 403
    assert session.agenda.count() == 1


def test_another_bodys_dossier_is_refused(client, stage, demo_units):
    """A dossier appraised by another body (its id posted by hand) is not a choice."""
    foreign = nominate(stage, person=person(stage, "Lò Văn Nơi Khác"))
    Nomination.objects.filter(pk=foreign.pk).update(
        issuer=demo_units["ubnd-tan-uyen"], status=Nomination.Status.APPRAISED
    )
    client.force_login(stage["office"])
    html = _add(client, stage["session"], foreign).content.decode()
    assert "Chưa bổ sung hồ sơ" in html
    assert stage["session"].agenda.count() == 1
    with pytest.raises(ValidationError, match="chưa được thẩm định đủ điều kiện"):
        services.session_add_nominations(
            actor=stage["office"], session=stage["session"], nominations=[foreign]
        )


def test_the_service_refuses_a_dossier_on_another_open_session(stage):
    """The same rule as a new session's: one open session at a time holds a dossier."""
    other = services.session_create(
        actor=stage["office"],
        issuer=stage["district"],
        title="Phiên họp thứ hai",
        held_on=stage["session"].held_on,
        members=stage["council"],
        nominations=[stage["appraised"]],
    )
    assert other.status == CouncilSession.Status.OPEN
    with pytest.raises(ValidationError, match="đã có trong một phiên họp đang mở"):
        services.session_add_nominations(
            actor=stage["office"], session=stage["session"], nominations=[stage["appraised"]]
        )


def test_the_add_forms_typed_search_offers_the_sessions_candidates(client, stage, demo_units):
    """With many dossiers the add form is a typed search: it asks the session's own
    candidates, and another body's office does not find the session."""
    session = stage["session"]
    url = reverse("awards:session_choices")
    query = {"field": "nominations", "phien": session.pk, "q": "Lò Văn"}
    client.force_login(stage["office"])
    names = " ".join(row["text"] for row in client.get(url, query).json()["results"])
    assert "Lò Văn Chờ Họp" in names and "Lò Văn Bình Xét" not in names
    other = get_user_model().objects.create_user("nv.tanuyen")
    Membership.objects.create(
        user=other, unit=demo_units["ubnd-tan-uyen"], role=Membership.Role.OFFICE_STAFF
    )
    client.force_login(other)
    assert client.get(url, query).status_code == 404


# "Người ký" on a new draft decision ----------------------------------------------


def _signer_fields(client) -> dict:
    form = client.get(reverse("awards:decision_create")).context["form"]
    return {
        name: form[name].value() for name in ("signing_authority", "signer_title", "signer_name")
    }


def _leader(make_member, unit, username, name):
    user = make_member(username, unit, Membership.Role.LEADER)
    user.first_name = name
    user.save()
    return user


def test_a_new_decision_names_the_bodys_leader_as_signer(client, stage, make_member):
    """ "Người ký" was empty on every new draft, though the body's leader login has the
    name: the one leader of the body is offered, still editable."""
    _leader(make_member, stage["district"], "ld.tamduong", "Sùng Lữ Páo")
    client.force_login(stage["office"])
    assert _signer_fields(client) == {
        "signing_authority": None,
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Sùng Lữ Páo",
    }
    html = client.get(reverse("awards:decision_create")).content.decode()
    assert "Điền sẵn: lãnh đạo của UBND huyện Tam Đường trên hệ thống" in html
    # two leaders (Chủ tịch, Phó Chủ tịch): the system cannot tell who signs, no guess
    _leader(make_member, stage["district"], "ld2.tamduong", "Lò Văn Phó")
    assert _signer_fields(client)["signer_name"] is None


def test_a_new_decision_takes_the_signer_of_the_bodys_last_issued_decision(
    client, stage, make_member
):
    """The signer of the body's most recent issued decision comes first (with the
    authority and title they signed under): a Phó Chủ tịch signing "KT. CHỦ TỊCH" is
    not turned into a Chủ tịch. A draft's signer counts for nothing; an edited draft
    keeps its own."""
    _leader(make_member, stage["district"], "ld.tamduong", "Sùng Lữ Páo")
    older, newer = (
        services.decision_draft(
            actor=stage["office"],
            issuer=stage["district"],
            subject="Về việc tặng Giấy khen",
            signing_authority=authority,
            signer_title=title,
            signer_name=name,
            nominations=[],
        )
        for authority, title, name in (
            ("", "CHỦ TỊCH", "Người Ký Cũ"),
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vàng A Giàng"),
        )
    )
    for number, decision in enumerate((older, newer), start=1):
        Decision.objects.filter(pk=decision.pk).update(
            status=Decision.Status.ISSUED, number=number, issued_on=f"2025-12-0{number}"
        )
    client.force_login(stage["office"])
    assert _signer_fields(client) == {
        "signing_authority": "KT. CHỦ TỊCH",
        "signer_title": "PHÓ CHỦ TỊCH",
        "signer_name": "Vàng A Giàng",
    }
    html = client.get(reverse("awards:decision_create")).content.decode()
    assert "Điền sẵn theo quyết định ban hành gần nhất của UBND huyện Tam Đường" in html
    # the draft of build_stage (signed "Sùng Lữ Páo") keeps its name when edited
    form = client.get(reverse("awards:decision_edit", args=[stage["decision"].pk])).context["form"]
    assert form["signer_name"].value() == "Sùng Lữ Páo"
    # still editable: another signer is saved as typed
    response = client.post(
        reverse("awards:decision_create"),
        {
            "issuer": stage["district"].pk,
            "subject": "Về việc khen thưởng",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Người Khác Ký",
            "nominations": [stage["passed"].pk],
        },
    )
    assert response.status_code == 302
    assert Decision.objects.latest("pk").signer_name == "Người Khác Ký"
