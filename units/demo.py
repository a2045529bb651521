"""Demo organisation tree for Lai Châu (2023-2025), as the seed documents name it.

The People's Committees, offices and communes are real names from the seeds
and the province; the persons, enterprises and cooperatives below the real
signers are made up for the demo and say so in their position.

Fixture code: writes directly. Units, persons, demo logins and their roles are
created without an actor, which no service allows; `load_demo` runs it once per
install and it never overwrites what users changed.
"""

from __future__ import annotations

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


DEMO_LOGINS = [
    DemoLogin("admin", "Quản trị hệ thống", "Quản trị (Django admin)", None, None),
    DemoLogin(
        "vanphong",
        "Nguyễn Thị Hoa",
        "Cơ quan thường trực (Phòng Nội vụ) — UBND huyện Tam Đường",
        Membership.Role.OFFICE_STAFF,
        "ubnd-tam-duong",
    ),
    DemoLogin(
        "vanphong.tp",
        "Phạm Thu Trang",
        "Cơ quan thường trực (Phòng Nội vụ) — UBND thành phố Lai Châu",
        Membership.Role.OFFICE_STAFF,
        "ubnd-tp-lai-chau",
    ),
    DemoLogin(
        "donvi",
        "Lò Thị Mai",
        "Cán bộ đơn vị — UBND phường Tân Phong",
        Membership.Role.UNIT_STAFF,
        "ubnd-p-tan-phong",
    ),
    DemoLogin(
        "hoidong",
        "Lường Văn Thắng",
        "Thành viên Hội đồng TĐKT — UBND thành phố Lai Châu",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-tp-lai-chau",
    ),
    DemoLogin(
        "hoidong2",
        "Hoàng Thị Lan",
        "Thành viên Hội đồng TĐKT — UBND thành phố Lai Châu",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-tp-lai-chau",
    ),
    DemoLogin(
        "hoidong3",
        "Vũ Đình Khánh",
        "Thành viên Hội đồng TĐKT — UBND thành phố Lai Châu",
        Membership.Role.COUNCIL_MEMBER,
        "ubnd-tp-lai-chau",
    ),
    DemoLogin(
        "lanhdao",
        "Sùng Lữ Páo",
        "Lãnh đạo (Chủ tịch) — UBND huyện Tam Đường",
        Membership.Role.LEADER,
        "ubnd-tam-duong",
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
        person, _ = Person.objects.get_or_create(
            full_name=name,
            unit=units[unit_code],
            defaults={
                "position": position,
                "gender": gender,
                "ethnicity": ethnicity,
                "birth_year": birth_year,
                "is_direct_worker": direct,
            },
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
            Membership.objects.get_or_create(
                user=user, unit=units[login.unit_code], role=login.role, archived=False
            )
    return DEMO_LOGINS
