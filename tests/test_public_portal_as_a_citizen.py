"""Issue 14, seventh exploration round (decision 0043): the public honour roll as a
citizen searches it — with and without diacritics, and when nothing is found."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.urls import reverse

from awards.models import AwardGrant
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db


@pytest.fixture
def honoured(cycle):
    nominations = passed_nominations(cycle, 2)
    names = ["Nguyễn Văn An", "Lò Thị Mai"]
    for nomination, name in zip(nominations, names, strict=True):
        nomination.nominee_person.full_name = name
        nomination.nominee_person.save()
    issued_decision(cycle, nominations)
    assert AwardGrant.objects.count() == 2
    return names


def roll(client, **params) -> str:
    cache.clear()
    response = client.get(reverse("awards_public:honour_roll"), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("query", ["nguyen van", "Nguyễn Văn", "NGUYEN VAN AN", "van an"])
def test_a_name_is_found_with_or_without_its_diacritics(client, honoured, query):
    page = roll(client, q=query)
    assert "Nguyễn Văn An" in page and "Lò Thị Mai" not in page


def test_a_search_that_finds_nobody_says_what_was_searched_and_what_to_try(client, honoured):
    """The honour roll answered a search for a name not on it with "Không tìm thấy.": a
    citizen could not tell whether the roll was empty or their spelling wrong. The list
    of campaigns already said what to try."""
    page = roll(client, q="Nguyễn Văn Bê", nam="2025")
    assert "Không tìm thấy tập thể, cá nhân nào" in page
    assert "“Nguyễn Văn Bê”" in page and "năm 2025" in page
    assert "bỏ bớt điều kiện" in page


def test_the_title_of_a_search_says_what_was_searched(client, honoured):
    """Browser tabs and history all read "Vinh danh — thidua", whatever was searched."""
    page = roll(client, q="nguyen van")
    assert "<title>Vinh danh: tìm “nguyen van” — thidua</title>" in page
    assert "<title>Vinh danh — thidua</title>" in roll(client)


def decisions(client, **params) -> str:
    cache.clear()
    response = client.get(reverse("awards_public:decision_list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_citizen_finds_a_decision_by_year_and_issuing_body(client, cycle, demo_units):
    """The decisions were a list of 20 a page with no way to look for one: a citizen who
    knows "Tam Đường, 2024" paged through every body's years."""
    from awards.models import Decision

    older, newer = (issued_decision(cycle, passed_nominations(cycle, 1)) for _ in range(2))
    Decision.objects.filter(pk=older.pk).update(year=2024)
    older.refresh_from_db()
    page = decisions(client, nam="2024")
    assert f"Quyết định số {older.number_symbol}" in page
    assert f"Quyết định số {newer.number_symbol}" not in page
    district = cycle["district"]
    page = decisions(client, co_quan=str(district.pk))
    assert f'<option value="{district.pk}" selected>{district.name}</option>' in page
    assert f"Quyết định số {newer.number_symbol}" in page
    page = decisions(client, nam="2019")
    assert "Không tìm thấy quyết định nào ban hành năm 2019" in page
    assert "Năm là một số" in decisions(client, nam="abc")


def test_the_decisions_pages_keep_the_search(client, cycle, monkeypatch):
    from awards import views_public
    from awards.models import Decision

    for _ in range(3):
        issued_decision(cycle, passed_nominations(cycle, 1))
    Decision.objects.update(year=2024)
    monkeypatch.setattr(views_public, "DECISIONS_PER_PAGE", 2)
    page = decisions(client, nam="2024")
    assert 'href="?nam=2024&amp;trang=2"' in page
