"""The official PDF: Decree 30 layout, checked through its extracted text."""

import io
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.urls import reverse
from pypdf import PdfReader
from weasyprint import HTML

from campaigns.models import Campaign
from campaigns.pdf import StaticOnlyFetcher, campaign_pdf
from tests.module_data import built_demo, data_once

pytestmark = pytest.mark.django_db

# the units and seed campaigns built once for the module, each test in its own savepoint
# with its own copy of the objects (tests/module_data.py, decision 0062)
_module_data, _module_copy, demo_units, demo = data_once(built_demo, "demo_units", "demo")
# The user guide's page images: `make screenshots` sets THIDUA_SCREENSHOTS=docs/screenshots;
# an ordinary run writes them to a temporary folder and never rewrites tracked files.
SCREENSHOTS = os.environ.get("THIDUA_SCREENSHOTS", "")


def pdf_text(data: bytes) -> tuple[str, list[str]]:
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    return re.sub(r"\s+", " ", " ".join(pages)), pages


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_pdf_text_of_every_demo_campaign(demo, key):
    campaign = demo[key]
    fetcher = StaticOnlyFetcher()
    data = campaign_pdf(campaign, fetcher=fetcher)
    assert data.startswith(b"%PDF-")
    assert fetcher.refused == []  # the stylesheet came from our static files
    text, pages = pdf_text(data)
    if campaign.number_symbol:
        assert re.search(
            r"Số: *" + re.escape(campaign.number or "") + r" */" + re.escape(campaign.symbol), text
        )
    if campaign.issued_on:
        assert campaign.date_line in text
    elif campaign.issued_year:
        assert re.search(
            re.escape(f"{campaign.place}, ngày")
            + r" +"
            + re.escape(f"tháng {campaign.issued_month} năm {campaign.issued_year}"),
            text,
        )
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    position = 0
    for item in campaign.items.order_by("order", "pk").filter(parent=None):
        opening = " ".join(item.text.split()[:6])
        found = text.find(opening, position)
        assert found > position, f"item {item.label} {opening!r} missing or out of order"
        position = found
    for sub in campaign.items.exclude(parent=None):
        opening = " ".join(sub.text.split()[:6])
        assert opening in text, f"sub-item {sub.label} {opening!r} missing"
    if campaign.signer_name:
        assert campaign.signer_name in text[position:]
    if campaign.signing_authority:
        assert campaign.signing_authority in text[position:]
    # Page numbers from page 2, never on page 1.
    lines = [[line.strip() for line in page.splitlines()] for page in pages]
    assert "1" not in lines[0]
    for number, page_lines in enumerate(lines[1:], start=2):
        assert str(number) in page_lines


def test_letter_shows_vv_and_plan_shows_its_type(demo):
    text, _ = pdf_text(campaign_pdf(demo["000"]))
    assert "V/v phát động phong trào thi đua lập thành tích chào mừng" in text
    assert "Kính gửi:" in text and "Nơi nhận:" in text and "(B/c)" in text
    text, _ = pdf_text(campaign_pdf(demo["003"]))
    assert "KẾ HOẠCH Phát động phong trào thi đua đặc biệt" in text


def test_fonts_are_times_compatible_and_embedded(demo):
    reader = PdfReader(io.BytesIO(campaign_pdf(demo["002"])))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
            assert "/DescendantFonts" in font or "/FontDescriptor" in font  # embedded
    assert fonts
    assert all(f.startswith(("Liberation-Serif", "Tinos", "DejaVu-Serif")) for f in fonts), fonts


def test_draft_pdf_renders_and_user_markup_is_inert(demo):
    campaign = Campaign.objects.get(pk=demo["002"].pk)
    campaign.pk = None
    campaign.status = Campaign.Status.DRAFT
    campaign.source = ""
    campaign.preamble = (
        '<img src="file:///etc/passwd"> <link rel=stylesheet href="http://example.com/x.css">'
    )
    campaign.save()
    fetcher = StaticOnlyFetcher()
    text, _ = pdf_text(campaign_pdf(campaign, fetcher=fetcher))
    assert fetcher.refused == []
    assert '<img src="file:///etc/passwd">' in text  # printed as text, never fetched
    assert "root:x:0" not in text


def test_fetcher_refuses_local_files_and_external_urls():
    fetcher = StaticOnlyFetcher()
    html = (
        '<img src="file:///etc/passwd"><img src="http://example.com/a.png">'
        '<style>@import url("https://example.com/x.css");</style>'
        '<link rel="stylesheet" href="thidua-static:pdf/document.css">'
        '<img src="thidua-static:../../config/settings.py"><p>Nội dung</p>'
    )
    data = HTML(string=html, base_url="thidua-static:", url_fetcher=fetcher).write_pdf()
    assert sorted(fetcher.refused) == sorted(
        [
            "file:///etc/passwd",
            "http://example.com/a.png",
            "https://example.com/x.css",
            "thidua-static:../../config/settings.py",
        ]
    )
    assert b"root:x" not in data


def test_public_pdf_download(client, demo):
    response = client.get(reverse("public:campaign_pdf", args=[demo["002"].pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="phat-dong-thi-dua-5834-pdtd-ubnd.pdf"' in response["Content-Disposition"]
    draft = demo["003"]
    draft.status = Campaign.Status.DRAFT
    draft.save()
    assert client.get(reverse("public:campaign_pdf", args=[draft.pk])).status_code == 404


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="pdftoppm (poppler-utils) không có")
@pytest.mark.parametrize("key", ["002", "000"])
def test_first_page_renders_to_png_for_review(demo, key, tmp_path):
    pdf = tmp_path / f"{key}.pdf"
    pdf.write_bytes(campaign_pdf(demo[key]))
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"pdf-{key}-page1.png"
    png.unlink(missing_ok=True)  # the size checked below is this run's image, never an old one
    target = folder / f"pdf-{key}-page1"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(target),
        ],
        check=True,
    )
    assert png.stat().st_size > 10_000
