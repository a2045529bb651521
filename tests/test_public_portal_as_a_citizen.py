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
