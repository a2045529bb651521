"""A unit's own prints (decision 0093): its bản đăng ký thi đua, for its staff and the
launching body's office only; its honourees' certificates of an issued decision, for
its own clerk, with none of another unit's lines."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from campaigns.models import Registration
from campaigns.results import services as results_services
from tests.conftest import new_member
from tests.factories import still_running
from tests.module_data import built_demo, data_once
from units.models import Membership

pytestmark = pytest.mark.django_db


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages)), len(reader.pages)


def _world(demo, demo_units):
    campaign = demo["000"]
    still_running(campaign)
    return {
        "campaign": campaign,
        "office": new_member("nv.td", campaign.issuer, Membership.Role.OFFICE_STAFF),
        "a": demo_units["ubnd-x-binh-lu"],
        "b": demo_units["ubnd-x-son-binh"],
        "staff_a": new_member("cb.a", demo_units["ubnd-x-binh-lu"]),
        "staff_b": new_member("cb.b", demo_units["ubnd-x-son-binh"]),
    }


def _built() -> dict:
    data = built_demo()
    return {**data, "world": _world(data["demo"], data["demo_units"])}


_module_data, _module_copy, demo_units, demo, world = data_once(
    _built, "demo_units", "demo", "world"
)


def _register(world) -> Registration:
    c = world["campaign"]
    revenue = c.criteria.create(
        name="Thu ngân sách trên địa bàn", kind="numeric", target=100, measure="triệu đồng"
    )
    clean = c.criteria.create(name="Xã đạt chuẩn vệ sinh môi trường", kind="boolean", target=1)
    return results_services.registration_submit(
        actor=world["staff_a"],
        campaign=c,
        unit=world["a"],
        targets={revenue.pk: 1250, clean.pk: 1},
        titles_aimed="Tập thể lao động xuất sắc",
    )


def test_the_unit_prints_its_registration_in_the_official_format(client, world):
    registration = _register(world)
    c, a = world["campaign"], world["a"]
    url = reverse("tracking:registration_pdf", args=[a.pk, c.pk])
    client.force_login(world["staff_a"])
    page = client.get(reverse("tracking:register", args=[a.pk, c.pk])).content.decode()
    assert url in page and "In bản đăng ký thi đua (PDF)" in page
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "dang-ky-thi-dua-ubnd-xa-binh-lu" in response["Content-Disposition"]
    body, pages = pdf_text(b"".join(response))
    # the unit's header, the nation's name and motto, its place and the day it registered
    assert body.index("ỦY BAN NHÂN DÂN XÃ BÌNH LƯ") < body.index("BẢN ĐĂNG KÝ THI ĐUA")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in body and "Độc lập - Tự do - Hạnh phúc" in body
    day = timezone.localdate(registration.submitted_at)
    assert f"ngày {day:%d} tháng" in body and f"năm {day.year}" in body
    assert "Số:" not in body  # a unit's registration carries no number
    # the title names the campaign's document; the commitments are a table
    assert f"Thực hiện {c.dated_reference} của {c.issuer.name}" in body
    assert "Thu ngân sách trên địa bàn 100 triệu đồng 1.250 triệu đồng" in body
    assert "Xã đạt chuẩn vệ sinh môi trường Đạt Đạt" in body
    assert "Danh hiệu thi đua đăng ký phấn đấu: Tập thể lao động xuất sắc." in body
    # Nơi nhận: the launching body's standing office, then Lưu: VT; the head signs
    close = body[body.index("Nơi nhận:") :]
    assert "- Phòng Nội vụ huyện Tam Đường; - Lưu: VT." in close
    assert "THỦ TRƯỞNG ĐƠN VỊ" in close
    assert pages == 1


def test_the_office_prints_it_and_another_unit_gets_404(client, world):
    c, a = world["campaign"], world["a"]
    url = reverse("tracking:registration_pdf", args=[a.pk, c.pk])
    client.force_login(world["office"])
    assert client.get(url).status_code == 404  # nothing sent yet: nothing to print
    _register(world)
    page = client.get(reverse("tracking:campaign_results", args=[c.pk])).content.decode()
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert "ỦY BAN NHÂN DÂN XÃ BÌNH LƯ" in pdf_text(b"".join(response))[0]
    client.force_login(world["staff_b"])  # another unit's clerk, addressed by the same campaign
    assert client.get(url).status_code == 404
    own = client.get(reverse("tracking:register", args=[world["b"].pk, c.pk])).content.decode()
    assert "In bản đăng ký thi đua" not in own  # unit B has sent none


# ---------------------------------------------------------------------------
# A unit's certificates of an issued decision


@pytest.fixture
def two_units_decided(cycle):
    """The district's decision for two people of Bình Lư (unit A) and one of Sơn Bình
    (unit B), each nominated by its own clerk."""
    from awards import services as award_services
    from awards.models import AwardType, Nomination
    from tests.factories import attach_files, issued_decision, passed_nominations
    from units.models import Person, Unit

    ours = passed_nominations(cycle, 2)
    b = Unit.objects.get(code="ubnd-x-son-binh")
    staff_b = new_member("cb.sonbinh", b)
    person = Person.objects.create(full_name="Giàng Thị Sơn", unit=b, gender="female")
    theirs = award_services.nomination_create(
        actor=staff_b,
        nomination=Nomination(
            award_type=AwardType.objects.get(code="lao-dong-tien-tien"),
            nominee_person=person,
            nominating_unit=b,
            year=2025,
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
        ),
    )
    attach_files(theirs, staff_b)
    Nomination.objects.filter(pk=theirs.pk).update(
        status=Nomination.Status.PASSED, issuer=cycle["district"]
    )
    theirs.refresh_from_db()
    decision = issued_decision(cycle, [*ours, theirs], signer_name="Sùng Lữ Páo")
    return {**cycle, "decision": decision, "ours": ours, "b": b, "staff_b": staff_b}


def test_a_clerk_prints_only_their_own_units_certificates(client, two_units_decided):
    d = two_units_decided
    decision, a, b = d["decision"], d["commune"], d["b"]
    own_url = reverse("awards:unit_certificates_pdf", args=[decision.pk, a.pk])
    client.force_login(d["staff"])
    page = client.get(reverse("awards:nomination_detail", args=[d["ours"][0].pk]))
    assert own_url in page.content.decode()
    # the pages are those issued: the body renamed since does not show on them
    from units.models import Unit

    Unit.objects.filter(pk=d["district"].pk).update(name="UBND huyện Tam Đường Mới")
    response = client.get(own_url)
    assert response.status_code == 200
    assert "ubnd-xa-binh-lu" in response["Content-Disposition"]
    body, pages = pdf_text(b"".join(response))
    assert "Lò Văn 01" in body and "Lò Văn 02" in body and "Giàng Thị Sơn" not in body
    assert "TẶNG DANH HIỆU" in body and "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN TAM ĐƯỜNG" in body
    assert "MỚI" not in body
    assert "Sùng Lữ Páo" in body and pages == 2  # one page a line, as issued
    # unit B's clerk: A's pages are not theirs; their own hold their line alone
    client.force_login(d["staff_b"])
    assert client.get(own_url).status_code == 404
    theirs = client.get(reverse("awards:unit_certificates_pdf", args=[decision.pk, b.pk]))
    body, pages = pdf_text(b"".join(theirs))
    assert "Giàng Thị Sơn" in body and "Lò Văn" not in body and pages == 1


def test_a_unit_with_no_line_in_the_decision_gets_404(client, two_units_decided):
    d = two_units_decided
    from units.models import Unit

    muong_khoa = Unit.objects.get(code="ubnd-x-muong-khoa")
    client.force_login(new_member("cb.muongkhoa", muong_khoa))
    url = reverse("awards:unit_certificates_pdf", args=[d["decision"].pk, muong_khoa.pk])
    assert client.get(url).status_code == 404
    # nor a unit the user is not staff of, even one with lines in it
    url = reverse("awards:unit_certificates_pdf", args=[d["decision"].pk, d["commune"].pk])
    assert client.get(url).status_code == 404


def test_an_issued_copy_without_a_page_a_line_is_not_cut_wrong(client, two_units_decided):
    """Should the issued copy not hold one certificate a line, the unit's own lines are
    rendered from the same template rather than cut by a count that no longer fits."""
    from awards import pdf
    from units.models import IssuedDocument

    d = two_units_decided
    document = IssuedDocument.objects.get(kind="certificates", object_id=d["decision"].pk)
    first = document.html.index('<section class="certificate">')
    end = document.html.index("</section>", first) + len("</section>")
    shorter = document.html[:first] + document.html[end:]  # two sections for three lines
    html = pdf.unit_certificates_html(d["decision"], d["commune"], shorter)
    assert html.count('<section class="certificate">') == 2
    assert "Lò Văn 01" in html and "Lò Văn 02" in html and "Giàng Thị Sơn" not in html


@pytest.mark.parametrize(
    ("name", "kind", "level", "office"),
    [
        ("UBND tỉnh Lai Châu", "ubnd", "province", "Sở Nội vụ tỉnh Lai Châu"),
        ("UBND phường Tân Phong", "ubnd", "commune", "Văn phòng HĐND và UBND phường Tân Phong"),
        (
            "Sở Y tế",
            "department",
            "province",
            "Cơ quan thường trực Hội đồng Thi đua - Khen thưởng, Sở Y tế",
        ),
    ],
)
def test_the_standing_office_a_registration_is_sent_to(name, kind, level, office):
    from units.models import Unit

    assert Unit(name=name, kind=kind, level=level).standing_office_name == office
