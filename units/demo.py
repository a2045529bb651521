"""Demo organisation tree for Lai Châu (2023-2025), as the seed documents name it, and
its 2025 reform (`load_demo_reform`, the last step of `load_demo`).

The People's Committees, offices and communes are real names from the seeds
and the province; the persons, enterprises and cooperatives below the real
signers are made up for the demo and say so in their position.

Fixture code: writes directly. Units, persons, demo logins and their roles are
created without an actor, which no service allows; `load_demo` runs it once per
install and it never overwrites what users changed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import Membership, Person, Unit

P, D, C, OTH = Unit.Level.PROVINCE, Unit.Level.DISTRICT, Unit.Level.COMMUNE, Unit.Level.OTHER
K = Unit.Kind

# code, name, short name, kind, level, parent code, issuing body, locality
UNITS: list[tuple[str, str, str, str, str, str | None, bool, str]] = [
    ("ubnd-tinh-lai-chau", "UBND tỉnh Lai Châu", "UBND tỉnh", K.PEOPLES_COMMITTEE, P, None, True, "Lai Châu"),
    ("so-noi-vu-lai-chau", "Sở Nội vụ tỉnh Lai Châu", "Sở Nội vụ", K.DEPARTMENT, P, "ubnd-tinh-lai-chau", False, "Lai Châu"),
    ("ban-tdkt-lai-chau", "Ban Thi đua - Khen thưởng tỉnh Lai Châu", "Ban TĐKT tỉnh", K.DEPARTMENT, P, "so-noi-vu-lai-chau", False, "Lai Châu"),
    # Thành phố Lai Châu
    ("ubnd-tp-lai-chau", "UBND thành phố Lai Châu", "UBND thành phố", K.PEOPLES_COMMITTEE, D, "ubnd-tinh-lai-chau", True, "Thành phố Lai Châu"),
    ("pnv-tp-lai-chau", "Phòng Nội vụ thành phố Lai Châu", "Phòng Nội vụ", K.DEPARTMENT, D, "ubnd-tp-lai-chau", False, ""),
    ("pvhtt-tp-lai-chau", "Phòng Văn hóa và Thông tin thành phố Lai Châu", "Phòng VH&TT", K.DEPARTMENT, D, "ubnd-tp-lai-chau", False, ""),
    ("ptckh-tp-lai-chau", "Phòng Tài chính - Kế hoạch thành phố Lai Châu", "Phòng TC-KH", K.DEPARTMENT, D, "ubnd-tp-lai-chau", False, ""),
    ("ubnd-p-tan-phong", "UBND phường Tân Phong", "UBND phường Tân Phong", K.PEOPLES_COMMITTEE, C, "ubnd-tp-lai-chau", False, "Tân Phong"),
    ("ubnd-p-doan-ket", "UBND phường Đoàn Kết", "UBND phường Đoàn Kết", K.PEOPLES_COMMITTEE, C, "ubnd-tp-lai-chau", False, "Đoàn Kết"),
    ("ubnd-x-san-thang", "UBND xã San Thàng", "UBND xã San Thàng", K.PEOPLES_COMMITTEE, C, "ubnd-tp-lai-chau", False, "San Thàng"),
    ("dn-xay-dung-lc", "Công ty TNHH Xây dựng Tân Phong (dữ liệu mẫu)", "", K.ENTERPRISE, OTH, "ubnd-tp-lai-chau", False, ""),
    # Huyện Tam Đường
    ("ubnd-tam-duong", "UBND huyện Tam Đường", "UBND huyện", K.PEOPLES_COMMITTEE, D, "ubnd-tinh-lai-chau", True, "Tam Đường"),
    ("pnv-tam-duong", "Phòng Nội vụ huyện Tam Đường", "Phòng Nội vụ", K.DEPARTMENT, D, "ubnd-tam-duong", False, ""),
    ("pvhtt-tam-duong", "Phòng Văn hóa và Thông tin huyện Tam Đường", "Phòng VH&TT", K.DEPARTMENT, D, "ubnd-tam-duong", False, ""),
    ("ptckh-tam-duong", "Phòng Tài chính - Kế hoạch huyện Tam Đường", "Phòng TC-KH", K.DEPARTMENT, D, "ubnd-tam-duong", False, ""),
    ("ttvhtttt-tam-duong", "Trung tâm Văn hóa, Thể thao và Truyền thông huyện Tam Đường", "Trung tâm VHTT&TT", K.PUBLIC_SERVICE, D, "ubnd-tam-duong", False, ""),
    ("mttq-tam-duong", "Ủy ban MTTQ Việt Nam huyện Tam Đường", "UB MTTQ huyện", K.MASS_ORGANISATION, D, "ubnd-tam-duong", False, ""),
    ("ubnd-tt-tam-duong", "UBND thị trấn Tam Đường", "UBND thị trấn", K.PEOPLES_COMMITTEE, C, "ubnd-tam-duong", False, "Tam Đường"),
    ("ubnd-x-binh-lu", "UBND xã Bình Lư", "UBND xã Bình Lư", K.PEOPLES_COMMITTEE, C, "ubnd-tam-duong", False, "Bình Lư"),
    ("ubnd-x-son-binh", "UBND xã Sơn Bình", "UBND xã Sơn Bình", K.PEOPLES_COMMITTEE, C, "ubnd-tam-duong", False, "Sơn Bình"),
    ("htx-che-binh-lu", "Hợp tác xã Chè Bình Lư (dữ liệu mẫu)", "", K.COOPERATIVE, OTH, "ubnd-tam-duong", False, ""),
    # Huyện Tân Uyên
    ("ubnd-tan-uyen", "UBND huyện Tân Uyên", "UBND huyện", K.PEOPLES_COMMITTEE, D, "ubnd-tinh-lai-chau", True, "Tân Uyên"),
    ("pnv-tan-uyen", "Phòng Nội vụ huyện Tân Uyên", "Phòng Nội vụ", K.DEPARTMENT, D, "ubnd-tan-uyen", False, ""),
    ("pvhtt-tan-uyen", "Phòng Văn hóa và Thông tin huyện Tân Uyên", "Phòng VH&TT", K.DEPARTMENT, D, "ubnd-tan-uyen", False, ""),
    ("ptckh-tan-uyen", "Phòng Tài chính - Kế hoạch huyện Tân Uyên", "Phòng TC-KH", K.DEPARTMENT, D, "ubnd-tan-uyen", False, ""),
    ("huyen-doan-tan-uyen", "Huyện đoàn Tân Uyên", "Huyện đoàn", K.MASS_ORGANISATION, D, "ubnd-tan-uyen", False, ""),
    ("ubnd-tt-tan-uyen", "UBND thị trấn Tân Uyên", "UBND thị trấn", K.PEOPLES_COMMITTEE, C, "ubnd-tan-uyen", False, "Tân Uyên"),
    ("ubnd-x-muong-khoa", "UBND xã Mường Khoa", "UBND xã Mường Khoa", K.PEOPLES_COMMITTEE, C, "ubnd-tan-uyen", False, "Mường Khoa"),
    ("ubnd-x-phuc-khoa", "UBND xã Phúc Khoa", "UBND xã Phúc Khoa", K.PEOPLES_COMMITTEE, C, "ubnd-tan-uyen", False, "Phúc Khoa"),
    ("htx-nong-nghiep-tan-uyen", "Hợp tác xã Nông nghiệp Tân Uyên (dữ liệu mẫu)", "", K.COOPERATIVE, OTH, "ubnd-tan-uyen", False, ""),
]  # fmt: skip

# full name, unit code, position, gender, ethnicity, birth year, direct worker
PERSONS: list[tuple[str, str, str, str, str, int | None, bool]] = [
    # Signers named in the seeds (ethnicity and birth year are not in the documents).
    ("Nguyễn Văn Nghiệp", "ubnd-tp-lai-chau", "Chủ tịch UBND thành phố", "male", "", None, False),
    ("Sùng Lữ Páo", "ubnd-tam-duong", "Chủ tịch UBND huyện", "male", "", None, False),
    ("Nguyễn Thanh Văn", "ubnd-tan-uyen", "Chủ tịch UBND huyện", "male", "", None, False),
    # Made-up people for the demo.
    ("Lò Thị Mai", "ubnd-p-tan-phong", "Công chức Văn hóa - Xã hội (dữ liệu mẫu)", "female", "Thái", 1988, False),
    ("Đặng Văn Hùng", "ubnd-p-tan-phong", "Chỉ huy trưởng Quân sự phường (dữ liệu mẫu)", "male", "Kinh", 1985, False),
    ("Tẩn Thị Chiêm", "ubnd-x-san-thang", "Nông dân, tổ trưởng tổ hợp tác (dữ liệu mẫu)", "female", "Dao", 1979, True),
    ("Giàng A Sử", "htx-che-binh-lu", "Công nhân chế biến chè (dữ liệu mẫu)", "male", "Mông", 1992, True),
    ("Nguyễn Thị Hoa", "pnv-tam-duong", "Chuyên viên thi đua - khen thưởng (dữ liệu mẫu)", "female", "Kinh", 1990, False),
    ("Lường Văn Thắng", "ubnd-x-binh-lu", "Chủ tịch UBND xã (dữ liệu mẫu)", "male", "Thái", 1976, False),
    ("Vàng Thị Dợ", "ubnd-x-muong-khoa", "Giáo viên mầm non (dữ liệu mẫu)", "female", "Mông", 1994, True),
    ("Trần Minh Đức", "dn-xay-dung-lc", "Kỹ sư công trường (dữ liệu mẫu)", "male", "Kinh", 1987, True),
    ("Lò Văn Piêng", "htx-nong-nghiep-tan-uyen", "Giám đốc hợp tác xã (dữ liệu mẫu)", "male", "Lự", 1983, False),
]  # fmt: skip

DEMO_PASSWORD = "thidua@2025"


@dataclass(frozen=True)
class DemoLogin:
    username: str
    full_name: str
    description: str
    role: str | None
    unit_code: str | None
    # Where this login's work starts, in the words of the pages (printed by load_demo).
    start: str = ""


DEMO_LOGINS = [
    DemoLogin(
        "admin",
        "Quản trị hệ thống",
        "Quản trị (Django admin)",
        None,
        None,
        "/admin/: đơn vị, người dùng và vai trò, danh mục khen thưởng",
    ),
    DemoLogin(
        "vanphong",
        "Nguyễn Thị Hoa",
        "Cơ quan thường trực — UBND tỉnh Lai Châu (đến 30/6/2025: huyện Tam Đường)",
        Membership.Role.OFFICE_STAFF,
        "ubnd-tam-duong",
        "Quản lý: soạn, phát động phong trào; Khen thưởng: thẩm định hồ sơ, phiên họp, quyết định",
    ),
    DemoLogin(
        "vanphong.tp",
        "Phạm Thu Trang",
        "Cơ quan thường trực — UBND tỉnh Lai Châu (đến 30/6/2025: thành phố Lai Châu)",
        Membership.Role.OFFICE_STAFF,
        "ubnd-tp-lai-chau",
        "Quản lý: soạn, phát động phong trào; Khen thưởng: thẩm định hồ sơ, phiên họp, quyết định",
    ),
    DemoLogin(
        "donvi",
        "Lò Thị Mai",
        "Cán bộ đơn vị — UBND phường Tân Phong",
        Membership.Role.UNIT_STAFF,
        "ubnd-p-tan-phong",
        "Đăng ký, báo cáo: phong trào của phường; Khen thưởng: lập, gửi đề nghị",
    ),
    DemoLogin(
        "hoidong",
        "Lường Văn Thắng",
        "Thành viên Hội đồng TĐKT — UBND tỉnh (đến 30/6/2025: thành phố Lai Châu)",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-tp-lai-chau",
        "Khen thưởng: phiên họp của Hội đồng, đọc hồ sơ, bỏ phiếu",
    ),
    DemoLogin(
        "hoidong2",
        "Hoàng Thị Lan",
        "Thành viên Hội đồng TĐKT — UBND tỉnh (đến 30/6/2025: thành phố Lai Châu)",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-tp-lai-chau",
        "Khen thưởng: phiên họp của Hội đồng, đọc hồ sơ, bỏ phiếu",
    ),
    DemoLogin(
        "hoidong3",
        "Vũ Đình Khánh",
        "Thành viên Hội đồng TĐKT — UBND tỉnh (đến 30/6/2025: thành phố Lai Châu)",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-tp-lai-chau",
        "Khen thưởng: phiên họp của Hội đồng, đọc hồ sơ, bỏ phiếu",
    ),
    # Since the 2025 reform a ward is an issuing body: the Lao động tiên tiến or Giấy
    # khen a ward's staff are nominated for is decided there (awards.services
    # .deciding_issuer), by the ward's office and council.
    DemoLogin(
        "vanphong.xa",
        "Tòng Thị Hương",
        "Văn phòng HĐND và UBND phường Tân Phong (công tác thi đua, khen thưởng)",
        Membership.Role.OFFICE_STAFF,
        "ubnd-p-tan-phong",
        "Khen thưởng: thẩm định đề nghị của phường, phiên họp, quyết định",
    ),
    DemoLogin(
        "hoidong.xa",
        "Lò Văn Chung",
        "Thành viên Hội đồng TĐKT — UBND phường Tân Phong",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-p-tan-phong",
        "Khen thưởng: phiên họp của Hội đồng, đọc hồ sơ, bỏ phiếu",
    ),
    # The ward's leader (Chủ tịch UBND phường): reads the dossiers its council votes on and
    # the decisions it signs, as `lanhdao` does for the province.
    DemoLogin(
        "lanhdao.xa",
        "Giàng A Sử",
        "Lãnh đạo — Chủ tịch UBND phường Tân Phong",
        Membership.Role.LEADER,
        "ubnd-p-tan-phong",
        "Quản lý: dự thảo quyết định chờ ký; Khen thưởng: quyết định, phiên họp",
    ),
    DemoLogin(
        "lanhdao",
        "Sùng Lữ Páo",
        "Lãnh đạo — UBND tỉnh Lai Châu (đến 30/6/2025: Chủ tịch UBND huyện Tam Đường)",
        Membership.Role.LEADER,
        "ubnd-tam-duong",
        "Quản lý: dự thảo quyết định chờ ký; Khen thưởng: quyết định, phiên họp",
    ),
]


@transaction.atomic
def load_units() -> dict[str, Unit]:
    """Create the tree where missing; units that already exist are left as users keep them."""
    units: dict[str, Unit] = {
        u.code: u for u in Unit.objects.filter(code__in=[r[0] for r in UNITS])
    }
    for code, name, short, kind, level, parent, issuing, locality in UNITS:
        if code not in units:
            units[code] = Unit.objects.create(
                code=code,
                name=name,
                short_name=short,
                kind=kind,
                level=level,
                parent=units[parent] if parent else None,
                is_issuing_body=issuing,
                locality=locality,
            )
    return units


@transaction.atomic
def load_persons(units: dict[str, Unit]) -> list[Person]:
    persons = []
    for name, unit_code, position, gender, ethnicity, birth_year, direct in PERSONS:
        # After the demo's 2025 reform the person works at the successor unit.
        person = Person.objects.filter(
            full_name=name, unit__in=units[unit_code].successors()
        ).first()
        if person is not None:
            persons.append(person)
            continue
        person = Person.objects.create(
            full_name=name,
            unit=units[unit_code],
            position=position,
            gender=gender,
            ethnicity=ethnicity,
            birth_year=birth_year,
            is_direct_worker=direct,
        )
        persons.append(person)
    return persons


@transaction.atomic
def load_demo_users(units: dict[str, Unit]) -> list[DemoLogin]:
    """One login per role, all with DEMO_PASSWORD. Only for demo installs."""
    User = get_user_model()
    for login in DEMO_LOGINS:
        # Vietnamese names are written family name first: keep the whole name in
        # first_name so get_full_name() reads "Nguyễn Thị Hoa".
        user, created = User.objects.get_or_create(
            username=login.username,
            defaults={"first_name": login.full_name, "is_active": True},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            if login.role is None:
                user.is_staff = user.is_superuser = True
            user.save()
        if login.role:
            unit = units[login.unit_code]
            held = Membership.objects.filter(
                user=user, unit__in=unit.successors(), role=login.role, archived=False
            )
            if not held.exists():
                Membership.objects.create(user=user, unit=unit, role=login.role)
    return DEMO_LOGINS


# The 2025 reform (the Standing Committee's resolution on Lai Châu's communes and wards).
# Old commune → new official code, as `vietnamadminunits` 1.0.4 converts the old
# addresses (tests/test_divisions.py checks this table against it when installed).
REFORM_COMMUNES: dict[str, str] = {
    "ubnd-p-tan-phong": "03408",  # Phường Tân Phong
    "ubnd-x-san-thang": "03408",  # → Phường Tân Phong
    "ubnd-p-doan-ket": "03388",  # Phường Đoàn Kết
    "ubnd-tt-tam-duong": "03390",  # → Xã Bình Lư
    "ubnd-x-binh-lu": "03390",  # Xã Bình Lư
    "ubnd-x-son-binh": "03390",  # → Xã Bình Lư
    "ubnd-tt-tan-uyen": "03598",  # → Xã Tân Uyên
    "ubnd-x-muong-khoa": "03601",  # Xã Mường Khoa
    "ubnd-x-phuc-khoa": "03601",  # → Xã Mường Khoa
}
# District-level units are gone: the district committees and their offices merge into
# the province (the Phòng Nội vụ into the Sở Nội vụ, which took over its work).
REFORM_DISTRICT_UNITS: dict[str, str] = {
    "pnv-tp-lai-chau": "so-noi-vu-lai-chau",
    "pnv-tam-duong": "so-noi-vu-lai-chau",
    "pnv-tan-uyen": "so-noi-vu-lai-chau",
    **{
        code: "ubnd-tinh-lai-chau"
        for code in [
            "pvhtt-tp-lai-chau",
            "ptckh-tp-lai-chau",
            "ubnd-tp-lai-chau",
            "pvhtt-tam-duong",
            "ptckh-tam-duong",
            "ttvhtttt-tam-duong",
            "mttq-tam-duong",
            "ubnd-tam-duong",
            "pvhtt-tan-uyen",
            "ptckh-tan-uyen",
            "huyen-doan-tan-uyen",
            "ubnd-tan-uyen",
        ]
    },
}
# Enterprises and cooperatives are not merged: they move under their new commune.
REFORM_MOVES: dict[str, str] = {
    "dn-xay-dung-lc": "03408",
    "htx-che-binh-lu": "03390",
    "htx-nong-nghiep-tan-uyen": "03598",
}
# The resolution took effect on 01/07/2025: the old units' last day (`Unit.ended_on`) is
# the day before, as the district's award types end on 30/06/2025 (decision 0070).
REFORM_LAST_DAY = datetime.date(2025, 6, 30)
REFORM_REASON = (
    "Sắp xếp đơn vị hành chính cấp xã tỉnh Lai Châu từ 01/7/2025 theo nghị quyết của "
    "Ủy ban Thường vụ Quốc hội (dữ liệu mẫu)"
)


@transaction.atomic
def load_demo_reform(units: dict[str, Unit]) -> list[Unit]:
    """The demo's last step: load Lai Châu's official communes and wards, then merge the
    2023-2025 units into them, through the services, once. Returns the units merged now."""
    from .services import divisions_load, unit_move, units_reorganise

    divisions_load(province_name="Lai Châu")
    by_admin_code = {u.admin_code: u for u in Unit.objects.exclude(admin_code="")}

    def target(code: str) -> Unit:
        return by_admin_code.get(code) or Unit.objects.get(code=code)

    for code, new in REFORM_MOVES.items():
        unit = units[code]
        unit.refresh_from_db()
        if not unit.archived and unit.parent_id != target(new).pk:
            unit_move(unit=unit, parent=target(new), by=None, reason=REFORM_REASON)
    mapping = [
        (units[old], target(new))
        for old, new in {**REFORM_COMMUNES, **REFORM_DISTRICT_UNITS}.items()
        if not Unit.objects.get(pk=units[old].pk).archived
    ]
    if not mapping:
        return []
    return units_reorganise(
        actor=None, mapping=mapping, reason=REFORM_REASON, ended_on=REFORM_LAST_DAY
    )
