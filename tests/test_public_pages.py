"""The public portal: published campaigns, newest first, each as its full document."""

import re

import pytest
from django.urls import reverse

from campaigns.models import Campaign
from tests.module_data import built_demo, data_once

pytestmark = pytest.mark.django_db

# the units and seed campaigns built once for the module, each test in its own savepoint
# with its own copy of the objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo = data_once(built_demo, "demo_units", "demo")


def text_of(response) -> str:
    """The page as a reader sees it: tags removed, spaces folded."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", html)
    text = text.replace("&nbsp;", " ").replace("&emsp;", " ").replace("&ensp;", " ")
    return re.sub(r"\s+", " ", text)


def test_home_lists_published_campaigns_newest_first(client, demo):
    draft = Campaign.objects.get(pk=demo["002"].pk)
    draft.pk = None
    draft.subject = "Dự thảo chưa phát động"
    draft.status = Campaign.Status.DRAFT
    draft.source = ""
    draft.save()

    response = client.get(reverse("public:home"))
    assert response.status_code == 200
    page = text_of(response)
    assert "Dự thảo chưa phát động" not in page
    order = [
        demo["004"].subject,  # 31/12/2024, province (issued the same day; higher id last)
        demo["002"].subject,  # 31/12/2024
        demo["000"].subject,  # 7/2024
        demo["003"].subject,  # 6/2023
        demo["001"].subject,  # undated
    ]
    positions = [page.index(subject[:60]) for subject in order]
    assert positions == sorted(positions)
    assert "Số 5834/PĐTĐ-UBND" in page or "số 5834/PĐTĐ-UBND" in page
    assert "ngày 31/12/2024" in page


def test_campaign_page_shows_the_whole_document_002(client, demo):
    c = demo["002"]
    response = client.get(reverse("public:campaign_detail", args=[c.pk]))
    assert response.status_code == 200
    page = text_of(response)
    assert "ỦY BAN NHÂN DÂN THÀNH PHỐ LAI CHÂU" in page
    assert "Số: 5834/PĐTĐ-UBND" in page
    assert "Thành phố Lai Châu, ngày 31 tháng 12 năm 2024" in page
    assert "PHÁT ĐỘNG THI ĐUA" in page
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "Độc lập - Tự do - Hạnh phúc" in page
    assert c.theme[:80] in page
    # every content item, in order, with the domains of item 3
    openings = [item.text[:50] for item in c.items.filter(parent=None).order_by("order")]
    positions = [page.index(opening) for opening in openings]
    assert positions == sorted(positions)
    assert "Về lĩnh vực kinh tế:" in page and "Về lĩnh vực xây dựng hệ thống chính trị:" in page
    assert "01/01/2025" in page and "31/12/2025" in page
    assert "Nơi nhận:" in page and "Trang thông tin điện tử thành phố;" in page
    signer = page.index("TM. ỦY BAN NHÂN DÂN")
    assert signer < page.index("CHỦ TỊCH", signer) < page.index("Nguyễn Văn Nghiệp", signer)
    assert "Chỉ thị số 09/CT-UBND của UBND tỉnh Lai Châu" in page  # parent campaign link
    assert reverse("public:campaign_detail", args=[demo["004"].pk]) in response.content.decode()


def test_campaign_page_000_blank_number_recipients_anniversaries_marks(client, demo):
    c = demo["000"]
    page = text_of(client.get(reverse("public:campaign_detail", args=[c.pk])))
    assert re.search(r"Số: +\(chưa ghi số\) +/UBND-NV", page)  # said to a screen reader (0080)
    html = client.get(reverse("public:campaign_detail", args=[c.pk])).content.decode()
    assert re.search(
        r'Số: <span class="blank"[^>]*>[^<]*<span class="visually-hidden">[^<]*</span></span>/UBND-NV',
        html,
    )
    assert re.search(r"Tam Đường, ngày +tháng 7 năm 2024", page)
    assert "V/v phát động phong trào thi đua lập thành tích chào mừng" in page
    assert "Kính gửi:" in page and "UBND các xã, thị trấn;" in page
    assert "95 năm ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)" in page
    assert "30/06/2025" in page
    assert "(B/c)" in page
    assert "Công văn số 2563/UBND-TH ngày 04/07/2024 của UBND tỉnh Lai Châu" in page
    assert "Sùng Lữ Páo" in page


def test_campaign_page_001_keeps_its_mark_for_the_portal(client, demo):
    page = text_of(client.get(reverse("public:campaign_detail", args=[demo["001"].pk])))
    assert "Một là," in page and "Hai là," in page and "Ba là," in page
    assert "(đăng tải)" in page
    assert "Nguyễn Thanh Văn" in page


def test_province_page_lists_the_campaigns_that_answer_it(client, demo):
    page = text_of(client.get(reverse("public:campaign_detail", args=[demo["004"].pk])))
    assert "Các cấp, ngành phát động hưởng ứng" in page
    assert "UBND thành phố Lai Châu" in page


@pytest.mark.parametrize(
    "status", [Campaign.Status.DRAFT, Campaign.Status.WITHDRAWN], ids=["draft", "withdrawn"]
)
def test_unpublished_campaign_is_404(client, demo, status):
    c = demo["003"]
    c.status = status
    c.save()
    response = client.get(reverse("public:campaign_detail", args=[c.pk]))
    assert response.status_code == 404
    assert c.subject[:40] not in response.content.decode()


def test_user_text_is_escaped(client, demo):
    c = demo["002"]
    c.subject = "<script>alert('x')</script> Thi đua"
    c.save()
    item = c.items.first()
    item.text = '<img src=x onerror="alert(1)">'
    item.save()
    html = client.get(reverse("public:campaign_detail", args=[c.pk])).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html


def test_ui_is_vietnamese_and_mobile_ready(client, demo):
    html = client.get(reverse("public:home")).content.decode()
    assert '<html lang="vi">' in html
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in html
    assert "Phong trào thi đua đã phát động" in html
    assert "cdn" not in html.lower() and "https://" not in html


def test_overdue_campaign_is_shown_as_ended(client, demo):
    page = text_of(client.get(reverse("public:campaign_detail", args=[demo["003"].pk])))
    assert "Đã kết thúc" in page  # ended 30/10/2023


def test_home_query_count_does_not_grow_with_campaigns(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(reverse("public:home"))
    for i in range(30):
        extra = Campaign.objects.get(pk=demo["002"].pk)
        extra.pk = None
        extra.source = ""
        extra.number = str(6000 + i)
        extra.save()
    with django_assert_max_num_queries(4):
        response = client.get(reverse("public:home"))
    assert "6029/PĐTĐ-UBND" in response.content.decode()  # newest ones on page 1


def test_detail_query_count_is_fixed(client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(11):  # 10, and the issued document's facts
        response = client.get(reverse("public:campaign_detail", args=[demo["002"].pk]))
    # the whole document within those queries (a 404 would need fewer)
    page = text_of(response)
    assert response.status_code == 200 and "Số: 5834/PĐTĐ-UBND" in page
    assert "Về lĩnh vực kinh tế:" in page and "Nguyễn Văn Nghiệp" in page


def test_the_public_menu_leads_to_the_issued_decisions(client, demo):
    from django.urls import reverse

    html = client.get("/").content.decode()
    assert f'href="{reverse("awards_public:decision_list")}">Quyết định</a>' in html


def test_the_downloads_and_the_feed_say_a_document_has_no_number(client, demo):
    """The lists said "chưa có số", but the Excel, CSV and JSON downloads and the news
    feed still wrote "/UBND-NV" for a document not yet numbered."""
    import io

    from django.urls import reverse
    from openpyxl import load_workbook

    campaign = demo["000"]
    sheet = load_workbook(io.BytesIO(client.get(reverse("public:export_xlsx")).content)).active
    header = [c.value for c in sheet[1]]
    column = header.index("Số, ký hiệu")
    cells = {row[0]: row[column] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert cells[campaign.pk] == f"chưa có số ({campaign.symbol})"
    assert cells[demo["002"].pk] == "5834/PĐTĐ-UBND"
    feed = client.get(reverse("public:feed")).content.decode()
    assert f"{campaign.document_type.name} (chưa có số) — " in feed
    assert f" /{campaign.symbol} — " not in feed


def test_a_document_without_a_number_says_so(client, demo):
    """Seed 000 has no number yet ("Số: /UBND-NV" on paper): lists and links name it
    "Công văn (chưa có số)", never "Công văn số /UBND-NV"."""
    from django.urls import reverse

    campaign = demo["000"]
    assert not campaign.number and campaign.symbol
    html = client.get(reverse("public:campaign_detail", args=[campaign.pk])).content.decode()
    assert f"{campaign.document_type.name} (chưa có số)" in html
    assert f"số /{campaign.symbol}" not in client.get("/").content.decode()
    numbered = demo["002"]
    html = client.get(reverse("public:campaign_detail", args=[numbered.pk])).content.decode()
    assert f"{numbered.document_type.name} số 5834/PĐTĐ-UBND" in html
