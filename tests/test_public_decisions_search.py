"""The public decisions page's text search (decision 0054): number and symbol, trích
yếu, issuing body, an honouree's name; with or without diacritics, the decisions written
with the query's diacritics first; with the year and body filters and the pages."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from awards import services
from awards.models import Decision
from tests.factories import passed_nominations

pytestmark = pytest.mark.django_db


def issue(cycle, names: list[str], subject: str | None = None) -> Decision:
    nominations = passed_nominations(cycle, len(names))
    for nomination, name in zip(nominations, names, strict=True):
        nomination.nominee_person.full_name = name
        nomination.nominee_person.save()
    decision = services.decision_draft(
        actor=cycle["office"],
        issuer=cycle["district"],
        subject=subject or "Về việc tặng danh hiệu Lao động tiên tiến",
        nominations=nominations,
    )
    return services.decision_issue(actor=cycle["office"], decision=decision)


def listed(client, **params) -> list[int]:
    cache.clear()
    response = client.get(reverse("awards_public:decision_list"), params)
    assert response.status_code == 200
    return [d.pk for d in response.context["page"].object_list]


@pytest.fixture
def three(cycle):
    """Newest first on the page: hoa (plain), then Hoà, then Hòa."""
    hoa_exact = issue(cycle, ["Lò Thị Hòa"])
    hoa_other = issue(
        cycle, ["Lò Thị Hoà", "Tòng Văn Bình"], "Về việc khen thưởng phòng chống thiên tai"
    )
    hoa_plain = issue(cycle, ["Lò Thị Hoa"])
    return hoa_exact, hoa_other, hoa_plain


def test_the_page_has_a_search_box_kept_in_the_title(client, three):
    cache.clear()
    page = client.get(reverse("awards_public:decision_list"), {"q": "thiên tai"}).content.decode()
    assert 'name="q"' in page and 'value="thiên tai"' in page
    assert "<title>Quyết định khen thưởng: tìm “thiên tai”" in page


def test_a_decision_is_found_by_its_subject_number_body_and_honouree(client, three):
    hoa_exact, hoa_other, hoa_plain = three
    assert listed(client, q="thien tai") == [hoa_other.pk]  # trích yếu, without marks
    assert listed(client, q="Tòng Văn Bình") == [hoa_other.pk]  # an honouree's name
    assert listed(client, q=hoa_exact.number_symbol) == [hoa_exact.pk]  # "01/QĐ-UBND"
    assert listed(client, q=f"{hoa_exact.number}/{hoa_exact.symbol}") == [hoa_exact.pk]
    assert listed(client, q="tam duong") == [hoa_plain.pk, hoa_other.pk, hoa_exact.pk]
    assert listed(client, q="Tân Uyên") == []
    cache.clear()
    page = client.get(reverse("awards_public:decision_list"), {"q": "Tân Uyên"}).content.decode()
    assert "Không tìm thấy quyết định nào có “Tân Uyên”" in page


def test_the_decisions_written_with_the_querys_diacritics_come_first(client, three):
    hoa_exact, hoa_other, hoa_plain = three
    assert listed(client, q="Hòa") == [hoa_exact.pk, hoa_plain.pk, hoa_other.pk]
    assert listed(client, q="Hoà") == [hoa_other.pk, hoa_plain.pk, hoa_exact.pk]
    assert listed(client, q="hoa") == [hoa_plain.pk, hoa_other.pk, hoa_exact.pk]  # as before


def test_the_search_keeps_the_year_body_and_pages(client, cycle, monkeypatch):
    from awards import views_public

    old = [issue(cycle, [f"Lò Văn Hòa {i}"]) for i in range(3)]
    Decision.objects.filter(pk__in=[d.pk for d in old]).update(year=2024)
    issue(cycle, ["Lò Văn Hòa mới"])
    monkeypatch.setattr(views_public, "DECISIONS_PER_PAGE", 2)
    district = cycle["district"].pk
    first = listed(client, q="hoa", nam="2024", co_quan=district)
    assert len(first) == 2 and set(first) <= {d.pk for d in old}
    cache.clear()
    page = client.get(
        reverse("awards_public:decision_list"), {"q": "Hòa", "nam": "2024", "co_quan": district}
    ).content.decode()
    assert f'href="?q=H%C3%B2a&amp;nam=2024&amp;co_quan={district}&amp;trang=2"' in page
    second = listed(client, q="Hòa", nam="2024", co_quan=district, trang=2)
    assert len(second) == 1 and set(first) | set(second) == {d.pk for d in old}


def test_the_search_reads_a_fixed_number_of_queries(client, cycle, django_assert_max_num_queries):
    url = reverse("awards_public:decision_list")
    issue(cycle, ["Nguyễn Văn Hòa"])
    cache.clear()
    with CaptureQueriesContext(connection) as few:
        client.get(url, {"q": "Nguyễn Văn Hòa"})
    for i in range(6):
        issue(cycle, [f"Nguyễn Văn Hòa {i}", f"Nguyễn Văn Hoa {i}"])
    issue(cycle, ["Lò Thị Mai"])  # not found
    cache.clear()
    with django_assert_max_num_queries(len(few)):
        response = client.get(url, {"q": "Nguyễn Văn Hòa"})
    assert len(response.context["page"].object_list) == 7


def test_the_migration_fills_the_search_text_a_save_writes(three):
    import importlib

    from django.apps import apps

    columns = ("pk", "search_text", "search_marked")
    saved = list(Decision.objects.order_by("pk").values_list(*columns))
    assert all(text and marked for _, text, marked in saved)
    Decision.objects.update(search_text="", search_marked="")
    importlib.import_module("awards.migrations.0029_decision_search").fill(apps, None)
    assert list(Decision.objects.order_by("pk").values_list(*columns)) == saved
