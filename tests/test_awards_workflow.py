"""One table says what each nomination status allows (awards/workflow.py): the services
check it and the pages read it, so a button is shown exactly when pressing it works."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from awards import services
from awards.models import Decision, Nomination
from tests.factories import nominate

pytestmark = pytest.mark.django_db
Status = Nomination.Status


class _Undo(Exception):
    pass


def accepts(call, *args) -> bool:
    """Whether the service takes the action now (what it wrote is rolled back)."""
    try:
        with transaction.atomic():
            call(*args)
            raise _Undo
    except _Undo:
        return True
    except ValidationError:
        return False


# (action, who may press it, the URL its button posts to or links to, the service call)
ACTIONS = [
    ("edit", "staff", "awards:nomination_edit", lambda c, n: services.nomination_update(
        actor=c["staff"], nomination=n)),
    ("submit", "staff", "awards:nomination_submit", lambda c, n: services.nomination_submit(
        actor=c["staff"], nomination=n)),
    ("withdraw", "staff", "awards:nomination_withdraw", lambda c, n: services.nomination_withdraw(
        actor=c["staff"], nomination=n, reason="Chuyển công tác")),
    ("add_file", "staff", "awards:nomination_file", lambda c, n: services.nomination_add_file(
        actor=c["staff"], nomination=n, upload=SimpleUploadedFile("a.pdf", b"%PDF-1.4\n"),
        kind="other")),
    ("appraise", "office", "awards:nomination_appraise", lambda c, n: services.nomination_appraise(
        actor=c["office"], nomination=n, result="returned", note="Bổ sung")),
    ("forward", "office", "awards:nomination_forward", lambda c, n: services.nomination_forward(
        actor=c["office"], nomination=n)),
]  # fmt: skip

CASES = [(status, False) for status in Status.values] + [(Status.PASSED, True)]


@pytest.mark.parametrize(
    "status,in_decision", CASES, ids=[f"{s}{'-in-decision' if d else ''}" for s, d in CASES]
)
def test_buttons_show_exactly_what_the_services_accept(client, cycle, status, in_decision):
    n = nominate(cycle, person=cycle["people"][0])
    decision = (
        Decision.objects.create(issuer=cycle["district"], year=2025, subject="Dự thảo")
        if in_decision or status == Status.DECIDED
        else None
    )
    Nomination.objects.filter(pk=n.pk).update(status=status, decision=decision)
    n.refresh_from_db()
    pages = {}
    for who in ("staff", "office"):
        client.force_login(cycle[who])
        response = client.get(reverse("awards:nomination_detail", args=[n.pk]))
        pages[who] = response.content.decode() if response.status_code == 200 else ""
    for action, who, url_name, call in ACTIONS:
        shown = f'"{reverse(url_name, args=[n.pk])}"' in pages[who]
        assert shown == accepts(call, cycle, n), (action, status, in_decision)
    # the unit's list offers “submit many” for exactly the same nominations
    client.force_login(cycle["staff"])
    listed = client.get(reverse("awards:nomination_list")).content.decode()
    box = f'name="ids" value="{n.pk}"' in listed
    assert box == accepts(ACTIONS[1][3], cycle, n)


def test_the_withdraw_button_is_offered_after_the_vote_until_a_decision():
    """What disagreed before the table: the service let a unit withdraw a passed (or
    failed) nomination not yet in a decision, but the page showed no button."""
    from awards.workflow import allows

    n = Nomination(status=Status.PASSED)
    assert allows(n, "withdraw")
    n.decision_id = 1
    assert not allows(n, "withdraw")
