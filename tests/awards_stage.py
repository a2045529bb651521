"""One nomination at every step of the awards cycle, made through the services, for the
tests that walk every staff page (tests/test_awards_bad_input.py, test_awards_views.py).

Built on the `cycle` fixture of tests/conftest.py: the commune Bình Lư nominates, the
district Tam Đường's office appraises, its council of three votes.
"""

from __future__ import annotations

import datetime

from awards import services
from awards.models import AwardType, Nomination
from tests.factories import nominate
from units.models import Person


def person(cycle, name: str) -> Person:
    return Person.objects.create(full_name=name, unit=cycle["commune"], gender="male")


def simplified(cycle, name: str, code: str) -> Nomination:
    """A nomination passed under the simplified procedure (no council vote)."""
    n = nominate(
        cycle,
        person=person(cycle, name),
        code=code,
        simplified=True,
        commendation_kind=Nomination.CommendationKind.UNSCHEDULED,
    )
    services.nomination_submit(actor=cycle["staff"], nomination=n)
    services.nomination_appraise(actor=cycle["office"], nomination=n, result="eligible")
    n.refresh_from_db()
    return n


def build_stage(cycle) -> dict:
    office, staff = cycle["office"], cycle["staff"]
    draft = nominate(cycle, person=person(cycle, "Lò Văn Dự Thảo"))
    submitted = nominate(cycle, person=person(cycle, "Lò Văn Đã Gửi"))
    services.nomination_submit(actor=staff, nomination=submitted)
    appraised = nominate(cycle, person=person(cycle, "Lò Văn Chờ Họp"))
    on_agenda = nominate(cycle, person=person(cycle, "Lò Văn Bình Xét"))
    for n in (appraised, on_agenda):
        services.nomination_submit(actor=staff, nomination=n)
        services.nomination_appraise(actor=office, nomination=n, result="eligible")
    session = services.session_create(
        actor=office,
        issuer=cycle["district"],
        title="Phiên họp đang mở",
        held_on=datetime.date(2025, 12, 1),
        members=cycle["council"],
        nominations=[on_agenda],
    )
    closed = services.session_create(
        actor=office,
        issuer=cycle["district"],
        title="Phiên họp đã kết thúc",
        held_on=datetime.date(2025, 11, 1),
        members=cycle["council"],
        nominations=[],
    )
    services.session_close(actor=office, session=closed)
    passed = simplified(cycle, "Lò Văn Thông Qua", "giay-khen-huyen-ca-nhan")
    beyond = simplified(cycle, "Lò Văn Trình Tỉnh", "bang-khen-tinh-ca-nhan")
    in_decision = simplified(cycle, "Lò Văn Quyết Định", "giay-khen-huyen-ca-nhan")
    decision = services.decision_draft(
        actor=office,
        issuer=cycle["district"],
        subject="Về việc tặng Giấy khen",
        signer_name="Sùng Lữ Páo",
        nominations=[in_decision],
    )
    for n in (draft, submitted, appraised, on_agenda):
        n.refresh_from_db()
    return {
        **cycle,
        "draft": draft,
        "submitted": submitted,
        "appraised": appraised,
        "on_agenda": on_agenda,
        "session": session,
        "item": session.agenda.get(),
        "closed_session": closed,
        "passed": passed,
        "beyond": beyond,
        "in_decision": in_decision,
        "decision": decision,
        "ldtt": AwardType.objects.get(code="lao-dong-tien-tien"),
    }


def admin_form_data(response) -> dict:
    """What the admin's change form would post back unchanged (inlines left out)."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data
