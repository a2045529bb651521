"""The admin's "Căn cứ ban hành" (decision 0074, item 4). A basis in force from 01/01/1800
was saved (a typo for a year, cited by every decision after it); and "luat thi dua"
found no basis: the search read the text as typed. A date before 02/09/1945 is refused
beside its field, as is one years ahead; the list is searched with or without
diacritics, as the other lists are (`NormalizedSearchAdminMixin`)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from awards.models import LegalBasis

pytestmark = pytest.mark.django_db
ADD = reverse("admin:awards_legalbasis_add")
TEXT = "Nghị quyết số 12/2026/NQ-HĐND của Hội đồng nhân dân tỉnh Lai Châu"


def post(admin_client, **dates):
    data = {"document": "award_decision", "text": TEXT, "order": "5"}
    data.update({name: value for name, value in dates.items()})
    return admin_client.post(ADD, data)


def error_beside(html: str, field: str) -> str:
    """The error list Django draws in the field's own row."""
    row = re.search(
        rf'<div class="form-row[^"]*field-{field}[^"]*">(.*?)</div>\s*</div>', html, re.S
    )
    assert row, field
    errors = re.search(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', row.group(1), re.S)
    return re.sub(r"<[^>]+>", "", errors.group(1)) if errors else ""


@pytest.mark.parametrize("field", ["effective_from", "effective_to"])
def test_a_day_before_the_republic_is_refused_beside_its_field(admin_client, field):
    html = post(admin_client, **{field: "01/01/1800"}).content.decode()
    assert not LegalBasis.objects.filter(text=TEXT).exists()
    said = error_beside(html, field)
    assert "02/09/1945" in said and "01/01/1800" in said, html


def test_a_day_years_ahead_is_refused_and_next_years_is_kept(admin_client):
    year = timezone.localdate().year
    html = post(admin_client, effective_from=f"01/01/{year + 180}").content.decode()
    assert not LegalBasis.objects.filter(text=TEXT).exists()
    assert f"01/01/{year + 180}" in error_beside(html, "effective_from")
    # a law passed now and in force next year is entered ahead of its day
    response = post(admin_client, effective_from=f"01/07/{year + 1}", effective_to="")
    assert response.status_code == 302, error_beside(response.content.decode(), "effective_from")
    basis = LegalBasis.objects.get(text=TEXT)
    assert basis.effective_from.year == year + 1
    # the 2nd of September 1945 itself is kept
    basis.effective_from = None
    basis.save()
    response = admin_client.post(
        reverse("admin:awards_legalbasis_change", args=[basis.pk]),
        {"document": "award_decision", "text": TEXT, "order": "5", "effective_from": "02/09/1945"},
    )
    assert response.status_code == 302


def listed(html: str) -> list[str]:
    return re.findall(r'<th class="field-text"><a href="[^"]*">([^<]*)</a>', html)


def test_the_list_is_searched_with_or_without_diacritics(admin_client):
    url = reverse("admin:awards_legalbasis_changelist")
    for typed in ("luat thi dua khen thuong", "LUẬT THI ĐUA", "luat thi đua"):
        found = listed(admin_client.get(url, {"q": typed}).content.decode())
        assert any(name.startswith("Luật Thi đua, khen thưởng số 06/2022") for name in found)
        assert all("Luật Thi đua, khen thưởng" in name for name in found), typed
    found = listed(admin_client.get(url, {"q": "nghi dinh 152"}).content.decode())
    assert len(found) == 1 and found[0].startswith("Nghị định số 152/2025/NĐ-CP"), found
    # a basis added here is found at once, by its words folded
    LegalBasis.objects.create(text=TEXT, order=5)
    found = listed(admin_client.get(url, {"q": "hoi dong nhan dan lai chau"}).content.decode())
    assert found == [TEXT]
