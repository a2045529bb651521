"""A search typed with its diacritics puts the names written exactly so first
(decision 0043, "Sau vòng khám phá"); typed without them, every folded match in the
page's own order, as before."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards.models import AwardGrant
from campaigns.models import Campaign
from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db

# In the roll's own order (the grant's pk, same year and award): the near names first.
NAMES = ["Nguyễn Vân Anh", "Trần Văn Nguyên", "Nguyễn Văn A", "Lò Thị Mai"]


def honour(cycle, names: list[str]) -> None:
    nominations = passed_nominations(cycle, len(names))
    for nomination, name in zip(nominations, names, strict=True):
        nomination.nominee_person.full_name = name
        nomination.nominee_person.save()
    issued_decision(cycle, nominations)


@pytest.fixture
def honoured(cycle):
    honour(cycle, NAMES)
    assert AwardGrant.objects.count() == len(NAMES)
    return NAMES


def roll(client, **params) -> list[str]:
    cache.clear()
    response = client.get(reverse("awards_public:honour_roll"), params)
    assert response.status_code == 200
    return [grant.awardee_name for grant in response.context["page"].object_list]


def test_a_search_with_diacritics_puts_the_exact_names_first(client, honoured):
    assert roll(client, q="Nguyễn Văn") == ["Nguyễn Văn A", "Nguyễn Vân Anh", "Trần Văn Nguyên"]
    # case-blind, and marks typed apart from their letter (decomposed) read the same
    assert roll(client, q="NGUYỄN VĂN")[0] == "Nguyễn Văn A"
    assert roll(client, q="Nguye\u0302\u0303n Va\u0306n")[0] == "Nguyễn Văn A"
    # one word with its marks is enough to rank on it
    assert roll(client, q="nguyen Vân") == ["Nguyễn Vân Anh", "Trần Văn Nguyên", "Nguyễn Văn A"]


def test_a_search_without_diacritics_keeps_every_match_in_the_rolls_order(client, honoured):
    assert roll(client, q="nguyen van") == ["Nguyễn Vân Anh", "Trần Văn Nguyên", "Nguyễn Văn A"]
    assert roll(client, q="  NGUYEN  van ") == ["Nguyễn Vân Anh", "Trần Văn Nguyên", "Nguyễn Văn A"]


def test_the_ranked_roll_is_cached_per_query(client, honoured):
    """The public cache keys a page by its full URL: the ranked and the folded searches
    are two entries, neither served for the other."""
    cache.clear()
    url = reverse("awards_public:honour_roll")
    marked = client.get(url, {"q": "Nguyễn Văn"}).content.decode()
    plain = client.get(url, {"q": "nguyen van"}).content.decode()
    assert marked.index("Nguyễn Văn A") < marked.index("Nguyễn Vân Anh")
    assert plain.index("Nguyễn Vân Anh") < plain.index("Nguyễn Văn A")
    again = client.get(url, {"q": "Nguyễn Văn"}).content.decode()
    assert again.index("Nguyễn Văn A") < again.index("Nguyễn Vân Anh")


def test_the_ranked_roll_reads_a_fixed_number_of_queries(
    client, cycle, django_assert_max_num_queries
):
    url = reverse("awards_public:honour_roll")
    honour(cycle, NAMES)
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"q": "Nguyễn Văn"})
    honour(cycle, [f"Nguyễn Văn {i}" for i in range(8)] + [f"Nguyễn Vân {i}" for i in range(8)])
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        names = roll(client, q="Nguyễn Văn")
    assert names[:9] == ["Nguyễn Văn A"] + [f"Nguyễn Văn {i}" for i in range(8)]


def test_the_rolls_excel_download_ranks_the_same_way(client, honoured):
    import io

    from openpyxl import load_workbook

    cache.clear()
    response = client.get(reverse("awards_public:honour_roll"), {"q": "Nguyễn Văn", "xuat": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    first = next(i for i, v in enumerate(cells) if v == "Nguyễn Văn A")
    assert first < next(i for i, v in enumerate(cells) if v == "Nguyễn Vân Anh")


def listed(client, **params) -> list[str]:
    cache.clear()
    response = client.get(reverse("public:home"), params)
    assert response.status_code == 200
    return [c.source for c in response.context["page"].object_list]


def test_the_campaigns_list_ranks_a_search_with_diacritics_the_same_way(client, demo):
    base = Campaign.objects.get(pk=demo["003"].pk)
    for source, subject in [
        ("moi:1", "Thi đua xây dựng bản Mới"),  # newer: listed first by date
        ("moi:2", "Thi đua xây dựng bản Mồi"),
    ]:
        copy = Campaign.objects.get(pk=base.pk)
        copy.pk = None
        copy.source = source
        copy.subject = subject
        copy.save()
    Campaign.objects.filter(source="moi:1").update(sort_date="2030-01-01")
    assert listed(client, q="ban moi") == ["moi:1", "moi:2"]
    assert listed(client, q="bản Mồi") == ["moi:2", "moi:1"]
    assert listed(client, q="bản Mới") == ["moi:1", "moi:2"]


def test_rows_written_before_the_column_get_it_as_the_models_build_it(honoured, demo):
    """The migration fills `search_marked` of the roll and the campaigns already there,
    the same text a save writes."""
    import importlib

    from django.apps import apps

    for model, migration in [
        (AwardGrant, "awards.migrations.0028_search_marked"),
        (Campaign, "campaigns.migrations.0016_search_marked"),
    ]:
        saved = dict(model.objects.values_list("pk", "search_marked"))
        assert all(saved.values())
        model.objects.update(search_marked="")
        importlib.import_module(migration).fill(apps, None)
        assert dict(model.objects.values_list("pk", "search_marked")) == saved
