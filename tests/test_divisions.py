"""Official administrative units (load_divisions) and the 2025 reform (units_reorganise,
the xlsx mapping, the demo): merged units keep their history, eligibility sees it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from awards import services as award_services
from awards.eligibility import checklist
from awards.models import AwardGrant, AwardType, Decision, Nomination
from campaigns.models import Campaign
from units import demo as units_demo
from units.access import ensure_office
from units.models import Membership, Person, Unit
from units.reform import mapping_read, reform_from_xlsx
from units.services import units_reorganise

pytestmark = pytest.mark.django_db
QUIET = {"stdout": io.StringIO()}


def lai_chau_communes():
    return Unit.objects.filter(parent__admin_code="12", level=Unit.Level.COMMUNE).exclude(
        admin_code=""
    )


def test_load_divisions_twice_changes_nothing():
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    first = {u.pk: (u.updated_at, u.name, u.admin_code) for u in Unit.objects.all()}
    out = io.StringIO()
    call_command("load_divisions", "--province", "Lai Châu", stdout=out)
    assert {u.pk: (u.updated_at, u.name, u.admin_code) for u in Unit.objects.all()} == first
    assert "0 đơn vị mới, 0 cập nhật, 39 không đổi" in out.getvalue()
    assert Unit.objects.count() == 39  # the province and its 38 communes and wards


def test_lai_chau_has_38_communes_and_wards_with_their_codes():
    call_command("load_divisions", "--province", "lai chau", **QUIET)
    communes = lai_chau_communes()
    assert communes.count() == 38
    names = set(communes.values_list("name", flat=True))
    assert sum(n.startswith("UBND phường ") for n in names) == 2
    assert sum(n.startswith("UBND xã ") for n in names) == 36
    tan_phong = Unit.objects.get(admin_code="03408")
    assert (tan_phong.name, tan_phong.locality) == ("UBND phường Tân Phong", "Tân Phong")
    assert tan_phong.is_issuing_body and tan_phong.parent.name == "UBND tỉnh Lai Châu"
    assert Unit.objects.get(admin_code="03388").name == "UBND phường Đoàn Kết"
    assert all(len(code) == 5 for code in communes.values_list("admin_code", flat=True))


def test_load_divisions_gives_the_existing_province_its_code(demo_units):
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    province = Unit.objects.get(admin_code="12")
    assert province.pk == demo_units["ubnd-tinh-lai-chau"].pk
    assert Unit.objects.filter(level=Unit.Level.PROVINCE, kind="ubnd").count() == 1


def test_a_user_edit_is_corrected_and_an_unknown_province_refused():
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    Unit.objects.filter(admin_code="03408").update(name="Sai tên")
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    assert Unit.objects.get(admin_code="03408").name == "UBND phường Tân Phong"
    with pytest.raises(CommandError, match="Không có tỉnh"):
        call_command("load_divisions", "--province", "Lai Chau Moi", **QUIET)


@pytest.fixture
def reformed(cycle):
    """Old Bình Lư and Sơn Bình, with three years of Chiến sĩ thi đua cơ sở for a person of
    Sơn Bình, merged in 2025 into the new Xã Bình Lư (03390)."""
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    son_binh = Unit.objects.get(code="ubnd-x-son-binh")
    person = Person.objects.create(full_name="Lò Văn Sơn", unit=son_binh, gender="male")
    base = AwardType.objects.get(code="cstd-co-so")
    for year in (2022, 2023, 2024):
        AwardGrant.objects.create(
            award_type=base,
            person=person,
            year=year,
            awardee_unit=son_binh,
            decision_reference=f"QĐ {year} của UBND huyện Tam Đường",
        )
    new = Unit.objects.get(admin_code="03390")
    units_reorganise(
        actor=None,
        mapping=[(cycle["commune"], new), (son_binh, new)],
        reason="Nghị quyết 1670/NQ-UBTVQH15",
    )
    person.refresh_from_db()
    return {"new": new, "old": son_binh, "person": person, "staff": cycle["staff"]}


def test_merged_commune_persons_earlier_awards_count_for_eligibility(reformed):
    old, new, person = reformed["old"], reformed["new"], reformed["person"]
    old.refresh_from_db()
    assert old.archived and old.merged_into == new and "1670" in old.archived_reason
    assert person.unit == new  # the person works at the successor now
    # The staff role of old Bình Lư moved to the new commune, which nominates.
    assert Membership.objects.get(user=reformed["staff"], archived=False).unit == new
    nomination = award_services.nomination_create(
        actor=reformed["staff"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code="cstd-tinh"),
            nominee_person=person,
            nominating_unit=new,
            year=2025,
            achievement_summary="Sáng kiến có hiệu quả trong tỉnh.",
        ),
    )
    condition = {c.label: c for c in checklist(nomination)}["Điều kiện"]
    assert condition.level == "ok", condition.message
    assert "2022–2024" in condition.message
    # The grants still name the old commune as it was when they were given.
    assert set(AwardGrant.objects.filter(person=person).values_list("awardee_unit", flat=True)) == {
        old.pk
    }


def test_a_successor_counts_its_predecessors_grants_in_the_quota(reformed):
    new, old = reformed["new"], reformed["old"]
    lao_dong = AwardType.objects.get(code="lao-dong-tien-tien")
    for name in ("A", "B", "C"):
        someone = Person.objects.create(full_name=f"Người {name}", unit=new, gender="female")
        AwardGrant.objects.create(award_type=lao_dong, person=someone, year=2025, awardee_unit=old)
    nomination = award_services.nomination_create(
        actor=reformed["staff"],
        nomination=Nomination(
            award_type=AwardType.objects.get(code="cstd-co-so"),
            nominee_person=reformed["person"],
            nominating_unit=new,
            year=2025,
            achievement_summary="Hoàn thành xuất sắc nhiệm vụ.",
        ),
    )
    quota = {c.label: c for c in checklist(nomination)}["Tỷ lệ"]
    assert "so với 3" in quota.message
    # written as Vietnamese write numbers (decision 0027), not "(= 0.45)"
    assert quota.message.endswith("tối đa 15%, tức không quá 0,45.")


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.append(["Đơn vị cũ (mã hoặc tên)", "Đơn vị mới (mã ĐVHC hoặc mã đơn vị)"])
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_xlsx_with_one_bad_row_writes_nothing_and_names_the_row(demo_units):
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    before = {u.pk: (u.updated_at, u.archived, u.parent_id) for u in Unit.objects.all()}
    upload = workbook(
        ("ubnd-x-binh-lu", "03390"),
        ("UBND xã Sơn Bình", 3390),  # by name, and the code as Excel keeps a number
        ("ubnd-x-khong-co", "03390"),
        ("ubnd-p-tan-phong", "99999"),
    )
    with pytest.raises(ValidationError) as error:
        reform_from_xlsx(actor=None, upload=upload, reason="NQ 1670")
    assert error.value.messages == [
        "Dòng 4: không có đơn vị “ubnd-x-khong-co”.",
        "Dòng 5: không có đơn vị mã ĐVHC “99999” (chạy lệnh load_divisions để nạp danh mục).",
    ]
    assert {u.pk: (u.updated_at, u.archived, u.parent_id) for u in Unit.objects.all()} == before


def test_xlsx_mapping_merges_every_row(demo_units, tmp_path):
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    path = tmp_path / "sap-xep.xlsx"
    path.write_bytes(workbook(("ubnd-x-binh-lu", "03390"), ("UBND xã Sơn Bình", 3390)).getvalue())
    out = io.StringIO()
    call_command("reorganise_units", str(path), "--reason", "NQ 1670", stdout=out)
    assert "Đã sáp nhập 2 đơn vị." in out.getvalue()
    new = Unit.objects.get(admin_code="03390")
    assert set(new.merged_units.values_list("code", flat=True)) == {
        "ubnd-x-binh-lu",
        "ubnd-x-son-binh",
    }
    # Applied once: the same file again names the rows already merged.
    with pytest.raises(ValidationError, match="Dòng 2: .* đã được lưu trữ hoặc sáp nhập"):
        mapping_read(io.BytesIO(path.read_bytes()))


def test_admin_shows_and_searches_the_official_code(admin_client):
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    url = reverse("admin:units_unit_changelist")
    page = admin_client.get(url, {"q": "03408"}).content.decode()
    assert "UBND phường Tân Phong" in page and "03408" in page
    assert "UBND phường Đoàn Kết" not in page
    assert "Sắp xếp theo tệp Excel" in admin_client.get(url).content.decode()
    unit = Unit.objects.get(admin_code="03408")
    form = admin_client.get(reverse("admin:units_unit_change", args=[unit.pk])).content.decode()
    assert 'name="admin_code"' in form and 'value="03408"' in form


def test_admin_reorganise_page_reports_the_bad_row(admin_client, demo_units):
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    upload = workbook(("ubnd-x-binh-lu", "03390"), ("ubnd-x-son-binh", ""))
    upload.name = "sap-xep.xlsx"
    page = admin_client.post(
        reverse("admin:units_unit_reorganise"), {"file": upload, "reason": "NQ 1670"}
    ).content.decode()
    assert "Dòng 3: cần ghi cả đơn vị cũ và đơn vị mới." in page
    assert not Unit.objects.filter(archived=True).exists()


def test_demo_ends_with_the_2025_reform_and_its_documents_intact(settings, client):
    settings.THIDUA_DEMO = True
    call_command("load_demo", **QUIET)
    for code in ("ubnd-tam-duong", "ubnd-tp-lai-chau", "ubnd-tan-uyen"):
        old = Unit.objects.get(code=code)
        assert old.archived and old.merged_into.code == "ubnd-tinh-lai-chau"
    assert Unit.objects.get(code="ubnd-x-san-thang").merged_into.admin_code == "03408"
    assert Unit.objects.get(code="ubnd-p-tan-phong").merged_into.admin_code == "03408"
    assert Unit.objects.get(code="htx-che-binh-lu").parent.admin_code == "03390"
    assert not Unit.objects.filter(level=Unit.Level.DISTRICT, archived=False).exists()
    assert lai_chau_communes().filter(archived=False).count() == 38
    # Campaigns and the decision still name their old issuers, and the public pages read.
    campaigns = Campaign.objects.filter(source__startswith="seed:")
    assert campaigns.count() == 5
    assert campaigns.get(source="seed:000").issuer.code == "ubnd-tam-duong"
    for campaign in campaigns:
        page = client.get(reverse("public:campaign_detail", args=[campaign.pk]))
        assert page.status_code == 200
    decision = Decision.objects.get()
    assert decision.issuer.code == "ubnd-tp-lai-chau"
    page = client.get(reverse("awards_public:decision_detail", args=[decision.pk]))
    assert page.status_code == 200 and "Lò Thị Mai" in page.content.decode()
    # The city's standing office now sits at the province, and still reads the city's
    # campaigns and decision in the staff workspace (read only: the issuer is archived).
    office = get_user_model().objects.get(username="vanphong.tp")
    assert Membership.objects.get(user=office).unit.code == "ubnd-tinh-lai-chau"
    client.force_login(office)
    city_campaign = campaigns.get(source="seed:002")
    assert client.get(reverse("staff:campaign_detail", args=[city_campaign.pk])).status_code == 200
    listing = client.get(reverse("awards:decision_list")).content.decode()
    assert decision.number_symbol in listing
    page = client.get(reverse("awards:decision_detail", args=[decision.pk]))
    assert page.status_code == 200 and "Lò Thị Mai" in page.content.decode()
    with pytest.raises(PermissionDenied):
        ensure_office(office, city_campaign.issuer)


def test_demo_mapping_is_the_official_conversion():
    converter = pytest.importorskip("vietnamadminunits")
    old_names = {code: name for code, name, *_ in units_demo.UNITS}
    districts = {
        "ubnd-tp-lai-chau": "Thành phố Lai Châu",
        "ubnd-tam-duong": "Huyện Tam Đường",
        "ubnd-tan-uyen": "Huyện Tân Uyên",
    }
    parents = {code: parent for code, _, _, _, _, parent, *_ in units_demo.UNITS}
    for old, new in units_demo.REFORM_COMMUNES.items():
        commune = old_names[old].removeprefix("UBND ")
        address = f"{commune}, {districts[parents[old]]}, Tỉnh Lai Châu"
        assert converter.convert_address(address).ward_code == new, address


def test_reorganise_is_one_transaction(demo_units):
    call_command("load_divisions", "--province", "Lai Châu", **QUIET)
    new = Unit.objects.get(admin_code="03390")
    gone = Unit.objects.get(admin_code="03601")
    Unit.objects.filter(pk=gone.pk).update(archived=True)
    gone.refresh_from_db()
    mapping = [(demo_units["ubnd-x-binh-lu"], new), (demo_units["ubnd-x-son-binh"], gone)]
    with pytest.raises(ValidationError, match="đã được lưu trữ"):
        units_reorganise(actor=None, mapping=mapping, reason="NQ")
    assert not Unit.objects.get(code="ubnd-x-binh-lu").archived
    assert not new.merged_units.exists()
