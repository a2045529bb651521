"""Leftovers of amending decisions (decision 0085): a revoked honouree is not struck off
again, nor revoked under an open amending draft; a chain of amendments is shown whole,
in a fixed number of queries; an amending decision prints only the certificates it
changed."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from awards import services
from awards.models import AwardGrant, Decision, Nomination
from awards.money_models import FundEntry, GrantRevocation
from tests.factories import issued_decision, nominate, passed_nominations
from tests.test_decision_amend import _amend, _queries, issued, line_of  # noqa: F401 (fixture)
from tests.test_issued_documents import body, pdf_text
from tests.test_review_forward_amend import _edit, _rename, _revoke, _revoke_unseen, _strike
from units.models import Membership

pytestmark = pytest.mark.django_db


def _line_post(line: AwardGrant, **changes) -> dict:
    return {
        "printed_name": line.awardee_name,
        "printed_position": line.awardee_position,
        "awardee_unit": line.awardee_unit_id,
        "award_type": line.award_type_id,
        "reward_amount": "",
        **changes,
    }


# 1. Striking a revoked honouree; revoking what a draft restates ----------------------


def test_striking_a_line_whose_grant_was_revoked_is_refused_beside_the_line(
    client,
    cycle,
    issued,  # noqa: F811
):
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    line = line_of(draft, "Lò Văn 02")
    _revoke_unseen(office, draft, line.replaces)
    client.force_login(office)

    # the draft's page says it beside the line
    page = client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode()
    assert (
        "data-line-problem>Khen thưởng của Lò Văn 02 đã bị thu hồi theo Quyết định số 15/QĐ-UBND"
        in page
    )
    assert page.count("data-line-problem") == 1  # Lò Văn 01's line says nothing

    response = client.post(
        reverse("awards:amendment_line", args=[draft.pk, line.pk]), _line_post(line, struck="on")
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "Khen thưởng của Lò Văn 02 đã bị thu hồi" in form.errors["struck"][0]
    assert "rút dự thảo và lập lại" in form.errors["struck"][0]
    assert 'field--error"' in response.content.decode()
    line.refresh_from_db()
    assert line.struck is False  # nothing written
    with pytest.raises(ValidationError, match="đã bị thu hồi"):
        _strike(office, line)
    assert not AwardGrant.objects.filter(decision=draft, struck=True).exists()


def test_revoking_a_grant_an_open_amending_draft_restates_or_strikes_is_refused(
    client,
    cycle,
    issued,  # noqa: F811
):
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    restated = line_of(draft, "Lò Văn 01").replaces
    struck = _strike(office, line_of(draft, "Lò Văn 02"))
    entries = FundEntry.objects.count()

    with pytest.raises(ValidationError, match=f"đang được chép lại trong dự thảo .*#{draft.pk}"):
        _revoke(office, restated)
    with pytest.raises(ValidationError, match="đang được bãi bỏ trong dự thảo"):
        _revoke(office, struck.replaces)
    client.force_login(office)
    # the decision's page says it beside each line, in place of the revoke form
    page = client.get(reverse("awards:decision_detail", args=[issued.pk])).content.decode()
    assert page.count("data-revoke-waits") == 2
    assert f"dự thảo sửa đổi, bổ sung #{draft.pk}</a>: rút dự thảo đó rồi thu hồi" in page
    assert reverse("awards:grant_revoke", args=[issued.pk, restated.pk]) not in page
    response = client.post(
        reverse("awards:grant_revoke", args=[issued.pk, restated.pk]),
        {"reason": "Kỷ luật", "document_number": "15/QĐ-UBND", "document_date": "01/01/2026"},
        follow=True,
    )
    assert "rút dự thảo đó rồi thu hồi" in response.content.decode()
    assert not GrantRevocation.objects.exists() and FundEntry.objects.count() == entries

    # once the draft is withdrawn, the grant is revoked on the decision in force
    services.decision_withdraw(actor=office, decision=draft, reason="Thu hồi trước")
    _revoke(office, restated)
    assert GrantRevocation.objects.get().grant == restated


# 2. A chain of amendments, shown whole ------------------------------------------------


def _chain_pages(cycle, first: Decision, last: Decision) -> list[str]:
    """The staff and public pages of the first and the last link, and the dossier's."""
    dossier = AwardGrant.objects.get(decision=first, person__full_name="Lò Văn 02").nomination
    dossier = dossier or Nomination.objects.get(
        decision=first, nominee_person__full_name="Lò Văn 02"
    )
    return [
        reverse("awards:decision_detail", args=[first.pk]),
        reverse("awards:decision_detail", args=[last.pk]),
        reverse("awards_public:decision_detail", args=[first.pk]),
        reverse("awards_public:decision_detail", args=[last.pk]),
        reverse("awards:nomination_detail", args=[dossier.pk]),
    ]


def _text(html: str) -> str:
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r" ([:.;,])", r"\1", text)


def test_a_chain_of_amendments_is_shown_whole_on_every_page(client, cycle, issued):  # noqa: F811
    second = _amend(cycle, issued, "Lò Văn Một")
    third = _amend(cycle, second, "Lò Văn Mốt")
    day = timezone.localdate().strftime("%d/%m/%Y")
    links = [f"Quyết định số {d.number_symbol} ngày {day}" for d in (issued, second, third)]
    client.force_login(cycle["office"])
    for url in _chain_pages(cycle, issued, third):
        page = _text(client.get(url).content.decode())
        # every link in order, each saying which it amends; the list in force is the last's
        listed = (
            f"{links[0]}: ban hành lần đầu",
            f"{links[1]}: sửa đổi, bổ sung Quyết định số {issued.number_symbol}",
            f"{links[2]}: sửa đổi, bổ sung Quyết định số {second.number_symbol} — danh sách khen thưởng hiện hành",
        )
        at = [page.find(item) for item in listed]
        assert -1 not in at and at == sorted(at), (url, at)
        if f"/{third.pk}/" not in url:  # the first decision and the dossier name both later
            assert (
                f"Đã được sửa đổi, bổ sung bởi {links[1]}; {links[2]}: danh sách khen thưởng "
                f"hiện hành theo Quyết định số {third.number_symbol}"
            ) in page, url
        else:
            assert f"Sửa đổi, bổ sung Quyết định số {second.number_symbol} ngày {day}" in page
            assert "Đã được sửa đổi, bổ sung bởi" not in page
    # amending again starts from the last link, the one in force
    staff = _text(client.get(reverse("awards:decision_detail", args=[issued.pk])).content.decode())
    assert f"lập quyết định sửa đổi từ Quyết định số {third.number_symbol}, lần sau cùng" in staff
    # the middle one is amended by the last, and amends the first
    page = _text(
        client.get(reverse("awards_public:decision_detail", args=[second.pk])).content.decode()
    )
    assert f"Đã được sửa đổi, bổ sung bởi {links[2]}:" in page
    assert f"Sửa đổi, bổ sung Quyết định số {issued.number_symbol} ngày {day}" in page
    # a draft amending the last is shown after it, to staff only; the list in force stays
    draft = services.decision_amend(actor=cycle["office"], decision=third)
    page = _text(client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode())
    assert (
        f"{links[2]}: sửa đổi, bổ sung Quyết định số {second.number_symbol} — danh sách khen "
        f"thưởng hiện hành Dự thảo quyết định #{draft.pk}: sửa đổi, bổ sung Quyết định số "
        f"{third.number_symbol} (quyết định này)"
    ) in page
    public = client.get(reverse("awards_public:decision_detail", args=[issued.pk]))
    assert "Dự thảo quyết định" not in public.content.decode()
    # the lines in force are the last link's
    assert sorted((g.decision_id, g.awardee_name) for g in AwardGrant.objects.in_force()) == [
        (third.pk, "Lò Văn 02"),
        (third.pk, "Lò Văn Mốt"),
    ]


def test_the_chains_pages_do_not_grow_with_its_length(
    client,
    cycle,
    issued,  # noqa: F811
    django_assert_max_num_queries,
):
    from django.core.cache import cache

    client.force_login(cycle["office"])
    one = _amend(cycle, issued, "Lò Văn Một")
    cache.clear()
    counts = [_queries(client, url) for url in _chain_pages(cycle, issued, one)]
    last = one
    for i in range(2):
        last = _amend(cycle, last, f"Lò Văn Một {i}")
    cache.clear()
    for url, count in zip(_chain_pages(cycle, issued, last), counts, strict=True):
        with django_assert_max_num_queries(count):
            page = client.get(url).content.decode()
        assert page.count("data-chain-link") == 4, url


# 3. An amending decision prints the certificates it changed --------------------------


def test_an_amending_decision_prints_only_the_certificates_it_changed_or_added(
    client, cycle, django_capture_on_commit_callbacks, demo_units, make_member
):
    office = cycle["office"]
    with django_capture_on_commit_callbacks(execute=True):
        first = issued_decision(cycle, passed_nominations(cycle, 3))
    draft = services.decision_amend(actor=office, decision=first)
    _rename(office, line_of(draft, "Lò Văn 01"), "Lò Văn Một")  # corrected
    _strike(office, line_of(draft, "Lò Văn 02"))  # struck off: nothing printed
    added = nominate(cycle, person=cycle["people"][0])  # added
    Nomination.objects.filter(pk=added.pk).update(
        status=Nomination.Status.PASSED, issuer=cycle["district"]
    )
    services.decision_update(actor=office, decision=draft, nominations=[added])
    with django_capture_on_commit_callbacks(execute=True):
        services.decision_issue(actor=office, decision=draft)  # Lò Văn 03 restated as is

    client.force_login(office)
    page = _text(client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode())
    assert "In lại 2 giấy chứng nhận danh hiệu có thay đổi (PDF)" in page
    assert "Người được chép lại không thay đổi giữ bằng khen, giấy khen đã nhận" in page
    data = body(client.get(reverse("awards:certificates_pdf", args=[draft.pk])))
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    text = pdf_text(data)
    assert "Lò Văn Một" in text and "Lò Thị A" in text  # the corrected name, as printed
    assert "Lò Văn 01" not in text and "Lò Văn 02" not in text and "Lò Văn 03" not in text
    grants = {g.awardee_name: g for g in draft.grants.all()}
    assert f"Số vào sổ: {grants['Lò Văn Một'].register_text}" in text
    # another district's office reads neither the certificates nor the chain's pages
    other = make_member("nv.tanuyen", demo_units["ubnd-tan-uyen"], Membership.Role.OFFICE_STAFF)
    client.force_login(other)
    assert client.get(reverse("awards:certificates_pdf", args=[draft.pk])).status_code == 404
    assert client.get(reverse("awards:decision_detail", args=[first.pk])).status_code == 404
    client.force_login(office)
    # the first decision still prints all three, as issued
    first_pdf = pdf_text(body(client.get(reverse("awards:certificates_pdf", args=[first.pk]))))
    assert all(f"Lò Văn 0{i}" in first_pdf for i in (1, 2, 3))
    Path("/tmp/amend2-certificates.pdf").write_bytes(data)


def test_an_amending_decision_that_changes_no_certificate_prints_none(
    client,
    cycle,
    issued,  # noqa: F811
):
    office = cycle["office"]
    draft = services.decision_amend(actor=office, decision=issued)
    line = line_of(draft, "Lò Văn 01")
    _edit(office, line, reward_amount=(line.reward_amount or 0) + 100_000)  # the money only
    services.decision_issue(actor=office, decision=draft)
    client.force_login(office)
    page = _text(client.get(reverse("awards:decision_detail", args=[draft.pk])).content.decode())
    assert "Không có bằng khen, giấy khen nào cần in lại." in page
    assert reverse("awards:certificates_pdf", args=[draft.pk]) not in page
    assert client.get(reverse("awards:certificates_pdf", args=[draft.pk])).status_code == 404
