"""Malformed and out-of-range input on every awards staff form and URL: never a 500,
always a Vietnamese message (beside the field, or on the page for list actions), and
nothing written.

Each case logs in as the role that may use the page, so the value reaches the form and
not a 403. The test client re-raises any exception a view lets escape (a 500).
"""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from awards import services
from awards.models import (
    AgendaItem,
    AwardGrant,
    BallotReceipt,
    CouncilSession,
    Decision,
    Nomination,
    NominationEvent,
    NominationFile,
    SessionMember,
    Vote,
)
from tests.awards_stage import build_stage
from tests.conftest import build_cycle
from tests.module_data import data_once
from units.demo import load_units

pytestmark = pytest.mark.django_db

BAD_IDS = [
    "abc",
    "²",  # passes str.isdigit(), fails int()
    "١٢",  # Arabic-Indic digits: isdigit() too
    "-1",
    "0",
    "1.5",
    "99999999999999999999",  # beyond a 64-bit integer
    "1e999999",
    "1\x00",
    " ",
]
BAD_YEARS = ["abc", "-1", "0", "99999", "9999", "²", "2025²", "1e999999", "1\x00", "20.25"]
BAD_DATES = [
    "01/01/0001",
    "31/02/2025",
    "00/00/0000",
    "01/13/2025",
    "01/01/99999",
    "1e999999",
    "²²/01/2025",
    "abc",
    "2025-02-30",
]
VIETNAMESE = re.compile(
    "[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I
)


def _built() -> dict:
    units = load_units()
    cycle = build_cycle(units)
    return {"demo_units": units, "cycle": cycle, "stage": build_stage(cycle)}


# build_stage once for the module's 64 tests, each in its own savepoint with its own copy
# of the objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, cycle, stage = data_once(
    _built, "demo_units", "cycle", "stage"
)


def snapshot() -> dict:
    """Everything the awards pages can write."""
    return {
        "nominations": sorted(
            Nomination.objects.values_list(
                "pk",
                "status",
                "year",
                "award_type_id",
                "nominating_unit_id",
                "simplified",
                "decision_id",
                "updated_at",
            )
        ),
        "events": NominationEvent.objects.count(),
        "files": NominationFile.objects.count(),
        "sessions": sorted(CouncilSession.objects.values_list("pk", "status", "held_on")),
        "seats": sorted(SessionMember.objects.values_list("pk", "present")),
        "items": sorted(
            AgendaItem.objects.values_list("pk", "agree", "disagree", "abstain", "passed")
        ),
        "votes": Vote.objects.count() + BallotReceipt.objects.count(),
        "decisions": sorted(Decision.objects.values_list("pk", "status", "number")),
        "grants": AwardGrant.objects.count(),
    }


def vietnamese(messages) -> bool:
    messages = [str(m) for m in messages]
    return bool(messages) and all(VIETNAMESE.search(m) for m in messages)


def field_errors(response, field: str) -> list[str]:
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors.get(field, [])


def page_errors(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "error"]


# -- the forms of the unit: a nomination ---------------------------------------------------


def nomination_data(stage, **changes) -> dict:
    data = {
        "nominating_unit": stage["commune"].pk,
        "nominee_kind": "person",
        "nominee_person": stage["people"][0].pk,
        "award_type": stage["ldtt"].pk,
        "commendation_kind": "annual",
        "year": "2025",
        "achievement_summary": "Hoàn thành xuất sắc nhiệm vụ.",
    }
    data.update(changes)
    return data


NOMINATION_FIELDS = [
    ("nominating_unit", BAD_IDS),
    ("nominee_person", BAD_IDS),
    ("award_type", BAD_IDS),
    ("campaign", [v for v in BAD_IDS if v.strip()]),  # blank is allowed: no campaign
    ("year", BAD_YEARS),
    ("commendation_kind", ["khac", "1\x00", "²"]),
    ("nominee_kind", ["x", "1\x00"]),
]


@pytest.mark.parametrize("view", ["create", "edit"])
@pytest.mark.parametrize("field,values", NOMINATION_FIELDS, ids=[f for f, _ in NOMINATION_FIELDS])
def test_nomination_form(client, stage, view, field, values):
    client.force_login(stage["staff"])
    url = (
        reverse("awards:nomination_create")
        if view == "create"
        else reverse("awards:nomination_edit", args=[stage["draft"].pk])
    )
    before = snapshot()
    for value in values:
        response = client.post(url, nomination_data(stage, **{field: value}))
        assert vietnamese(field_errors(response, field)), (field, value)
        assert snapshot() == before, (field, value)


def test_nomination_year_in_range_is_accepted(client, stage):
    """The range check refuses nonsense, not the years people nominate for."""
    client.force_login(stage["staff"])
    response = client.post(reverse("awards:nomination_create"), nomination_data(stage))
    assert response.status_code == 302
    assert Nomination.objects.filter(nominee_person=stage["people"][0], year=2025).exists()


@pytest.mark.parametrize("view", ["create", "edit"])
def test_nomination_with_neither_campaign_nor_year(client, stage, view):
    """Said beside the year, in Vietnamese, once; never Django's "Constraint … is violated"."""
    client.force_login(stage["staff"])
    url = (
        reverse("awards:nomination_create")
        if view == "create"
        else reverse("awards:nomination_edit", args=[stage["draft"].pk])
    )
    before = snapshot()
    response = client.post(url, nomination_data(stage, year="", campaign=""))
    assert field_errors(response, "year") == [
        "Chọn phong trào thi đua hoặc ghi năm xét khen thưởng."
    ]
    html = response.content.decode()
    assert "Constraint" not in html and "violated" not in html
    assert html.count("Chọn phong trào thi đua hoặc ghi năm xét khen thưởng.") == 1
    assert snapshot() == before


def test_every_constraint_speaks_vietnamese():
    """A constraint's own message reaches forms (the admin's, ours): none is Django's
    English default."""
    from django.apps import apps

    checked = 0
    for model in apps.get_models():
        if model._meta.app_label not in ("units", "campaigns", "awards"):
            continue
        for constraint in model._meta.constraints:
            message = str(constraint.violation_error_message)
            assert "Constraint" not in message and VIETNAMESE.search(message), (
                model.__name__,
                constraint.name,
            )
            checked += 1
    assert checked >= 25


# -- list actions and buttons: a message on the page -------------------------------------


def test_submit_many_with_bad_ids(client, stage):
    client.force_login(stage["staff"])
    before = snapshot()
    for value in BAD_IDS:
        response = client.post(
            reverse("awards:nomination_submit_many"), {"ids": [stage["draft"].pk, value]}
        )
        assert response.status_code == 302, value
        assert vietnamese(page_errors(response)), value
        assert snapshot() == before, value


def test_submit_many_with_nothing_chosen(client, stage):
    client.force_login(stage["staff"])
    before = snapshot()
    response = client.post(reverse("awards:nomination_submit_many"), {})
    assert page_errors(response) == ["Hãy chọn ít nhất một hồ sơ."]
    assert snapshot() == before


@pytest.mark.parametrize(
    "url,who,target,data",
    [
        ("awards:nomination_withdraw", "staff", "draft", {"reason": ""}),
        ("awards:nomination_withdraw", "staff", "draft", {"reason": "x\x00"}),
        ("awards:nomination_withdraw", "staff", "draft", {}),
        ("awards:nomination_appraise", "office", "submitted", {"result": "passed"}),
        ("awards:nomination_appraise", "office", "submitted", {"result": "²"}),
        ("awards:nomination_appraise", "office", "submitted", {"result": "returned"}),
        ("awards:nomination_appraise", "office", "submitted", {}),
        (
            "awards:nomination_file",
            "staff",
            "draft",
            {"kind": "khac", "file": SimpleUploadedFile("a.pdf", b"%PDF-1.4\n")},
        ),
        ("awards:nomination_file", "staff", "draft", {"kind": "other"}),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_nomination_buttons(client, stage, url, who, target, data):
    client.force_login(stage[who])
    before = snapshot()
    response = client.post(reverse(url, args=[stage[target].pk]), data)
    if url == "awards:nomination_appraise":
        # the appraisal page again, the choice kept and the error beside its field
        assert response.status_code == 200
        errors = [e for es in response.context["appraise_form"].errors.values() for e in es]
        assert errors and vietnamese(errors), errors
    else:
        assert response.status_code == 302
        assert vietnamese(page_errors(response)), page_errors(response)
    assert snapshot() == before


# -- the council ---------------------------------------------------------------------------


def session_data(stage, **changes) -> dict:
    data = {
        "issuer": stage["district"].pk,
        "title": "Họp xét khen thưởng",
        "held_on": "20/12/2025",
        "members": [m.pk for m in stage["council"]],
        "nominations": [stage["appraised"].pk],
    }
    data.update(changes)
    return data


SESSION_FIELDS = [
    ("issuer", BAD_IDS),
    ("held_on", BAD_DATES),
    ("members", [[v] for v in BAD_IDS]),
    ("nominations", [[v] for v in BAD_IDS]),
    ("title", ["", "x" * 300, "Họp\x00"]),
]


@pytest.mark.parametrize("field,values", SESSION_FIELDS, ids=[f for f, _ in SESSION_FIELDS])
def test_session_form(client, stage, field, values):
    client.force_login(stage["office"])
    before = snapshot()
    for value in values:
        response = client.post(
            reverse("awards:session_create"), session_data(stage, **{field: value})
        )
        assert vietnamese(field_errors(response, field)), (field, value)
        assert snapshot() == before, (field, value)


@pytest.mark.parametrize(
    "value,said",
    [
        ("31/02/2026", "Ngày 31/02/2026 không có: tháng 2 năm 2026 có 28 ngày."),
        ("29/02/2027", "Ngày 29/02/2027 không có: tháng 2 năm 2027 có 28 ngày."),
        ("31/04/2026", "Ngày 31/04/2026 không có: tháng 4 năm 2026 có 30 ngày."),
        ("15/13/2026", "Tháng 13 không có: tháng ghi từ 1 đến 12."),
    ],
)
def test_a_day_that_does_not_exist_is_named_as_such(client, stage, value, said):
    """31/02/2026 is written day/month/year, yet the session form answered "Ghi ngày
    họp theo dạng ngày/tháng/năm": the user, who did, could not see what was wrong."""
    client.force_login(stage["office"])
    response = client.post(reverse("awards:session_create"), session_data(stage, held_on=value))
    assert field_errors(response, "held_on") == [said]
    assert response.context["form"]["held_on"].value() == value  # kept to correct


def test_attendance_with_bad_ids(client, stage):
    client.force_login(stage["office"])
    before = snapshot()
    for value in BAD_IDS:
        response = client.post(
            reverse("awards:session_attendance", args=[stage["session"].pk]),
            {"present": [stage["council"][0].pk, value]},
        )
        assert response.status_code == 302, value
        assert vietnamese(page_errors(response)), value
        assert snapshot() == before, value


def test_attendance_of_someone_not_invited(client, stage, make_member, demo_units):
    """An id of a real user who has no seat in this session is refused, not ignored."""
    stranger = make_member("hd.khac", stage["district"], "council_member")
    client.force_login(stage["office"])
    before = snapshot()
    response = client.post(
        reverse("awards:session_attendance", args=[stage["session"].pk]),
        {"present": [stranger.pk]},
    )
    assert vietnamese(page_errors(response))
    assert snapshot() == before


def test_vote_with_a_bad_choice(client, stage):
    client.force_login(stage["council"][0])
    before = snapshot()
    for value in ["", "yes", "agree\x00", "²"]:
        response = client.post(
            reverse("awards:vote", args=[stage["session"].pk, stage["item"].pk]),
            {"choice": value},
        )
        assert response.status_code == 302, value
        assert vietnamese(page_errors(response)), value
        assert snapshot() == before, value


# -- decisions and the tờ trình ------------------------------------------------------------


def decision_data(stage, **changes) -> dict:
    data = {
        "issuer": stage["district"].pk,
        "subject": "Về việc khen thưởng",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Sùng Lữ Páo",
        "nominations": [stage["passed"].pk],
    }
    data.update(changes)
    return data


DECISION_FIELDS = [
    ("issuer", BAD_IDS),
    ("nominations", [[v] for v in BAD_IDS]),
    ("subject", ["", "Về việc\x00"]),
    ("symbol", ["x" * 61]),
    ("signer_name", ["", "x" * 101]),
]


@pytest.mark.parametrize("field,values", DECISION_FIELDS, ids=[f for f, _ in DECISION_FIELDS])
def test_decision_form(client, stage, field, values):
    client.force_login(stage["office"])
    before = snapshot()
    for value in values:
        response = client.post(
            reverse("awards:decision_create"), decision_data(stage, **{field: value})
        )
        assert vietnamese(field_errors(response, field)), (field, value)
        assert snapshot() == before, (field, value)


def test_submission_with_a_bad_body(client, stage):
    client.force_login(stage["office"])
    for value in BAD_IDS:
        response = client.get(reverse("awards:submission_pdf"), {"co_quan": value})
        assert response.status_code == 302, value
        assert response["Location"] == reverse("awards:decision_list")
        assert vietnamese(page_errors(response)), value
    services.nomination_forward(actor=stage["office"], nomination=stage["beyond"])
    response = client.get(reverse("awards:submission_pdf"), {"co_quan": stage["district"].pk})
    assert response["Content-Type"] == "application/pdf"


# -- lists: filters and page numbers -------------------------------------------------------

INBOX_FIELDS = [
    ("award_type", BAD_IDS),
    ("status", ["khac", "²", "1\x00"]),
    ("unit", ["x" * 101, "Bình\x00Lư"]),
]


@pytest.mark.parametrize("field,values", INBOX_FIELDS, ids=[f for f, _ in INBOX_FIELDS])
def test_inbox_filters(client, stage, field, values):
    client.force_login(stage["office"])
    for value in values:
        response = client.get(reverse("awards:inbox"), {field: value})
        errors = field_errors(response, field)
        assert vietnamese(errors), (field, value)
        assert any(e in response.content.decode() for e in errors), (field, value)


@pytest.mark.parametrize(
    "url,who", [("awards:inbox", "office"), ("awards:nomination_list", "staff")]
)
def test_page_numbers(client, stage, url, who):
    client.force_login(stage[who])
    for value in ["abc", "²", "-1", "0", "99999999999999999999", "1e999999", "1\x00"]:
        response = client.get(reverse(url), {"trang": value})
        assert response.status_code == 200, value
        assert response.context["page"].number == 1, value  # every list here fits on one page


def test_ids_beyond_the_database_in_urls_are_404(client, stage):
    huge = 99999999999999999999
    client.force_login(stage["office"])
    for name in ("awards:nomination_detail", "awards:session_detail", "awards:decision_detail"):
        assert client.get(reverse(name, args=[huge])).status_code == 404, name
    for name in ("awards:nomination_appraise", "awards:session_close", "awards:decision_issue"):
        assert client.post(reverse(name, args=[huge])).status_code == 404, name
    client.force_login(stage["staff"])
    before = snapshot()
    for name in ("awards:nomination_submit", "awards:nomination_withdraw"):
        assert client.post(reverse(name, args=[huge]), {"reason": "x"}).status_code == 404
    assert snapshot() == before


# -- the public honour roll (the same parsing, on a page anyone can call) -------------------


def test_honour_roll_filters(client, stage):
    for field in ("nam", "danh_hieu"):
        for value in [v for v in BAD_IDS if v.strip()] + ["99999"]:
            response = client.get(reverse("awards_public:honour_roll"), {field: value})
            assert response.status_code == 200, (field, value)
            assert vietnamese(response.context["form"].errors.get(field, [])), (field, value)


def test_a_new_person_is_added_from_the_nomination_form_once(client, stage):
    """Not yet in the system: typed in, created with the nomination in one transaction;
    typed again (same name in other case and spacing, same birth year and unit), the
    existing person is nominated, not a copy."""
    from units.models import Person

    client.force_login(stage["staff"])
    url = reverse("awards:nomination_create")
    new = {
        "nominee_person": "",
        "new_person_name": "Lò Văn  Mới",
        "new_person_gender": "male",
        "new_person_birth_year": "1988",
        "new_person_position": "Công chức văn hóa",
        "new_person_unit": stage["commune"].pk,
    }
    response = client.post(url, nomination_data(stage, **new))
    assert response.status_code == 302, response.context["form"].errors
    person = Person.objects.get(full_name="Lò Văn Mới")
    assert (person.birth_year, person.position, person.unit) == (
        1988,
        "Công chức văn hóa",
        stage["commune"],
    )
    first = Nomination.objects.get(nominee_person=person)
    assert first.events.get().note.startswith("Thêm cá nhân mới: Lò Văn Mới")
    again = nomination_data(stage, **{**new, "new_person_name": "lò văn mới"}, year="2024")
    assert client.post(url, again).status_code == 302
    assert Person.objects.filter(full_name__iexact="Lò Văn Mới").count() == 1
    assert Nomination.objects.filter(nominee_person=person).count() == 2


def test_a_new_person_with_bad_details_writes_nothing(client, stage, demo_units):
    from units.models import Person

    client.force_login(stage["staff"])
    before, people = snapshot(), Person.objects.count()
    url = reverse("awards:nomination_create")
    base = {"nominee_person": "", "new_person_name": "Lò Văn Mới", "new_person_gender": "male"}
    for changes, field in (
        (
            {"new_person_unit": stage["commune"].pk, "new_person_birth_year": "2090"},
            "new_person_birth_year",
        ),
        (
            {"new_person_unit": stage["commune"].pk, "new_person_birth_year": "năm 1990"},
            "new_person_birth_year",
        ),
        ({"new_person_unit": demo_units["ubnd-x-son-binh"].pk}, "new_person_unit"),
        ({}, "new_person_unit"),
        ({"new_person_unit": stage["commune"].pk, "new_person_gender": ""}, "new_person_gender"),
    ):
        response = client.post(url, nomination_data(stage, **{**base, **changes}))
        assert vietnamese(field_errors(response, field)), changes
    assert snapshot() == before and Person.objects.count() == people


def test_a_nomination_for_next_year_is_refused(client, stage):
    """Checked from an earlier session: a year still to come (2027 in 2026) never reaches
    the honour roll."""
    from django.utils import timezone

    client.force_login(stage["staff"])
    before = snapshot()
    next_year = str(timezone.localdate().year + 1)
    response = client.post(
        reverse("awards:nomination_create"), nomination_data(stage, year=next_year)
    )
    assert vietnamese(field_errors(response, "year"))
    assert snapshot() == before


# -- a refused form says so at its top, each error once (decision 0033, fix5) ------------

UNSAVED = "Chưa lưu: xem lỗi ở từng ô bên dưới."


@pytest.mark.parametrize(
    "url,who,data",
    [
        ("awards:decision_create", "office", lambda s: decision_data(s, signer_name="")),
        ("awards:session_create", "office", lambda s: session_data(s, title="")),
        ("awards:nomination_create", "staff", lambda s: nomination_data(s, year="abc")),
    ],
    ids=["decision", "session", "nomination"],
)
def test_a_refused_form_says_so_at_its_top(client, stage, url, who, data):
    """The decision refused for want of a signer showed the error beside the field and
    nothing at the top, as the nomination form does: a clerk who scrolled past it read
    the page as saved."""
    client.force_login(stage[who])
    before = snapshot()
    response = client.post(reverse(url), data(stage))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count(UNSAVED) == 1
    assert html.index(UNSAVED) < html.index('class="field')  # above the fields
    assert snapshot() == before


def test_an_empty_nomination_says_the_nominee_is_missing_once(client, stage):
    """It said "Chọn đúng một đối tượng…" at the top and "Chọn hoặc ghi đối tượng…"
    beside the nominee: twice the same thing. Once, beside the field to fill."""
    client.force_login(stage["staff"])
    before = snapshot()
    response = client.post(
        reverse("awards:nomination_create"),
        {"nominating_unit": stage["commune"].pk, "nominee_kind": "person"},
    )
    form = response.context["form"]
    assert form.errors["nominee_person"] == [
        "Chọn cá nhân được đề nghị, hoặc thêm người mới (ghi họ và tên)."
    ]
    assert not form.non_field_errors()
    html = response.content.decode()
    assert "Chọn đúng một đối tượng" not in html
    assert html.count("Chọn cá nhân được đề nghị, hoặc thêm người mới (ghi họ và tên).") == 1
    assert html.count(UNSAVED) == 1
    assert snapshot() == before


def test_a_yearly_nomination_for_a_year_before_2000_is_refused(client, stage):
    """Decision 0033 found 1999 accepted on a yearly nomination (the range started at
    1945, the first year any award can count for). The law in force names no number of
    years back for a yearly title, so a yearly one takes the years the rest of the app
    takes (blocs, campaign dates: 2000 to 2100); a lifelong or merit award may still
    count for an older year."""
    from django.utils import timezone

    client.force_login(stage["staff"])
    before = snapshot()
    this_year = timezone.localdate().year
    said = f"Năm xét khen thưởng hằng năm phải từ 2000 đến {this_year}, ví dụ {this_year - 1}."
    for year in ("1999", "1945"):
        response = client.post(
            reverse("awards:nomination_create"), nomination_data(stage, year=year)
        )
        assert field_errors(response, "year") == [said], year
        assert response.content.decode().count(said) == 1
    assert snapshot() == before
    response = client.post(reverse("awards:nomination_create"), nomination_data(stage, year="2000"))
    assert response.status_code == 302
    response = client.post(
        reverse("awards:nomination_create"),
        nomination_data(
            stage,
            year="1999",
            commendation_kind="lifelong",
            nominee_person=stage["people"][1].pk,
        ),
    )
    assert "year" not in response.context["form"].errors if response.status_code == 200 else True


@pytest.mark.parametrize(
    "url,data,said",
    [
        (
            "awards:decision_issue",
            {"number": "abc", "issued_on": "31/02/2026"},
            "Chưa ban hành: xem lỗi ở mục “Ban hành” bên dưới.",
        ),
        (
            "awards:decision_withdraw",
            {"reason": ""},
            "Chưa rút dự thảo: xem lỗi ở mục “Rút dự thảo” bên dưới.",
        ),
    ],
    ids=["issue", "withdraw"],
)
def test_a_refused_form_low_on_the_decision_page_says_so_at_its_top(client, stage, url, data, said):
    """The issue and withdraw forms sit below the decision's list: refused, the page
    came back at its top with nothing said there (as the appraisal page now says)."""
    client.force_login(stage["office"])
    before = snapshot()
    response = client.post(reverse(url, args=[stage["decision"].pk]), data)
    assert response.status_code == 200
    assert page_errors(response) == [said]
    assert snapshot() == before
