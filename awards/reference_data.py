"""The default emulation titles and forms of commendation of Law 06/2022/QH15.

Used by the data migration and by anything that must restore the defaults.
Reference-data loader: writes directly (migrations pass their historical model).

Reward multiples are those of Decree 98/2023, Art. 54 (the emulation titles; the same
under Decree 152/2025, docs/decisions/0019-legal-sources.md); where no text gave one the
value is left empty for an admin to fill in. Every
value stays editable in the admin.

Exempt from "writes go through awards/services.py": a reference-data loader writes
award types directly (they are data, with no workflow), as the migrations do.
"""

from decimal import Decimal

from units.text import padded

LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định 98/2023/NĐ-CP"

# code, name, kind, recipient_kind, level, authority, reward multiple
AWARD_TYPES = [  # fmt: skip
    # Danh hiệu thi đua — cá nhân
    (
        "cstd-toan-quoc",
        "Chiến sĩ thi đua toàn quốc",
        "title",
        "individual",
        "national",
        "Thủ tướng Chính phủ",
        "4.5",
    ),
    (
        "cstd-tinh",
        "Chiến sĩ thi đua cấp bộ, ngành, tỉnh",
        "title",
        "individual",
        "province",
        "Chủ tịch UBND tỉnh",
        "3.0",
    ),
    (
        "cstd-co-so",
        "Chiến sĩ thi đua cơ sở",
        "title",
        "individual",
        "grassroots",
        "Chủ tịch UBND cấp xã (cấp huyện trước 1/7/2025); thủ trưởng cơ quan, đơn vị",
        "1.0",
    ),
    (
        "lao-dong-tien-tien",
        "Lao động tiên tiến",
        "title",
        "individual",
        "grassroots",
        "Chủ tịch UBND cấp xã (cấp huyện trước 1/7/2025); thủ trưởng cơ quan, đơn vị",
        "0.3",
    ),
    (
        "chien-si-tien-tien",
        "Chiến sĩ tiên tiến (lực lượng vũ trang)",
        "title",
        "individual",
        "grassroots",
        "Thủ trưởng đơn vị lực lượng vũ trang",
        "0.3",
    ),
    # Danh hiệu thi đua — tập thể
    (
        "co-thi-dua-chinh-phu",
        "Cờ thi đua của Chính phủ",
        "title",
        "collective",
        "national",
        "Thủ tướng Chính phủ",
        "12.0",
    ),
    (
        "co-thi-dua-tinh",
        "Cờ thi đua cấp bộ, ngành, tỉnh",
        "title",
        "collective",
        "province",
        "Chủ tịch UBND tỉnh",
        "8.0",
    ),
    (
        "tap-the-ldxs",
        "Tập thể lao động xuất sắc",
        "title",
        "collective",
        "province",
        "Chủ tịch UBND tỉnh",
        "1.5",
    ),
    (
        "don-vi-quyet-thang",
        "Đơn vị quyết thắng (lực lượng vũ trang)",
        "title",
        "collective",
        "province",
        "Thủ trưởng cấp bộ, ngành",
        "1.5",
    ),
    (
        "tap-the-ldtt",
        "Tập thể lao động tiên tiến",
        "title",
        "collective",
        "grassroots",
        "Chủ tịch UBND cấp xã (cấp huyện trước 1/7/2025); thủ trưởng cơ quan, đơn vị",
        "0.8",
    ),
    (
        "don-vi-tien-tien",
        "Đơn vị tiên tiến (lực lượng vũ trang)",
        "title",
        "collective",
        "grassroots",
        "Thủ trưởng đơn vị lực lượng vũ trang",
        "0.8",
    ),
    (
        "xa-phuong-tieu-bieu",
        "Xã, phường tiêu biểu",
        "title",
        "collective",
        "province",
        "Chủ tịch UBND tỉnh",
        "2.0",
    ),
    (
        "thon-to-dan-pho-van-hoa",
        "Thôn, tổ dân phố văn hóa",
        "title",
        "collective",
        "grassroots",
        "Chủ tịch UBND cấp xã",
        "1.5",
    ),
    # Danh hiệu thi đua — hộ gia đình
    (
        "gia-dinh-van-hoa",
        "Gia đình văn hóa",
        "title",
        "household",
        "grassroots",
        "Chủ tịch UBND cấp xã",
        None,
    ),
    # Hình thức khen thưởng
    (
        "huan-chuong-ca-nhan",
        "Huân chương (cá nhân)",
        "commendation",
        "individual",
        "national",
        "Chủ tịch nước",
        None,
    ),
    (
        "huan-chuong-tap-the",
        "Huân chương (tập thể)",
        "commendation",
        "collective",
        "national",
        "Chủ tịch nước",
        None,
    ),
    ("huy-chuong", "Huy chương", "commendation", "individual", "national", "Chủ tịch nước", None),
    (
        "danh-hieu-vinh-du",
        "Danh hiệu vinh dự Nhà nước",
        "commendation",
        "individual",
        "national",
        "Chủ tịch nước",
        None,
    ),
    (
        "giai-thuong-hcm",
        "Giải thưởng Hồ Chí Minh",
        "commendation",
        "individual",
        "national",
        "Chủ tịch nước",
        None,
    ),
    (
        "giai-thuong-nha-nuoc",
        "Giải thưởng Nhà nước",
        "commendation",
        "individual",
        "national",
        "Chủ tịch nước",
        None,
    ),
    (
        "ky-niem-chuong",
        "Kỷ niệm chương",
        "commendation",
        "individual",
        "province",
        "Bộ trưởng, thủ trưởng cơ quan trung ương",
        None,
    ),
    (
        "bang-khen-ttg-ca-nhan",
        "Bằng khen của Thủ tướng Chính phủ (cá nhân)",
        "commendation",
        "individual",
        "national",
        "Thủ tướng Chính phủ",
        None,
    ),
    (
        "bang-khen-ttg-tap-the",
        "Bằng khen của Thủ tướng Chính phủ (tập thể)",
        "commendation",
        "collective",
        "national",
        "Thủ tướng Chính phủ",
        None,
    ),
    (
        "bang-khen-tinh-ca-nhan",
        "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)",
        "commendation",
        "individual",
        "province",
        "Chủ tịch UBND tỉnh",
        None,
    ),
    (
        "bang-khen-tinh-tap-the",
        "Bằng khen của Chủ tịch UBND tỉnh (tập thể)",
        "commendation",
        "collective",
        "province",
        "Chủ tịch UBND tỉnh",
        None,
    ),
    (
        "bang-khen-tinh-ho-gia-dinh",
        "Bằng khen của Chủ tịch UBND tỉnh (hộ gia đình)",
        "commendation",
        "household",
        "province",
        "Chủ tịch UBND tỉnh",
        None,
    ),
    (
        "giay-khen-huyen-ca-nhan",
        "Giấy khen của Chủ tịch UBND cấp huyện (cá nhân, trước 1/7/2025)",
        "commendation",
        "individual",
        "district",
        "Chủ tịch UBND cấp huyện",
        None,
    ),
    (
        "giay-khen-huyen-tap-the",
        "Giấy khen của Chủ tịch UBND cấp huyện (tập thể, trước 1/7/2025)",
        "commendation",
        "collective",
        "district",
        "Chủ tịch UBND cấp huyện",
        None,
    ),
    (
        "giay-khen-huyen-ho-gia-dinh",
        "Giấy khen của Chủ tịch UBND cấp huyện (hộ gia đình, trước 1/7/2025)",
        "commendation",
        "household",
        "district",
        "Chủ tịch UBND cấp huyện",
        None,
    ),
    (
        "giay-khen-xa-ca-nhan",
        "Giấy khen của Chủ tịch UBND cấp xã (cá nhân)",
        "commendation",
        "individual",
        "grassroots",
        "Chủ tịch UBND cấp xã",
        None,
    ),
    (
        "giay-khen-xa-tap-the",
        "Giấy khen của Chủ tịch UBND cấp xã (tập thể)",
        "commendation",
        "collective",
        "grassroots",
        "Chủ tịch UBND cấp xã",
        None,
    ),
    (
        "giay-khen-xa-ho-gia-dinh",
        "Giấy khen của Chủ tịch UBND cấp xã (hộ gia đình)",
        "commendation",
        "household",
        "grassroots",
        "Chủ tịch UBND cấp xã",
        None,
    ),
    (
        "giay-khen-thu-truong-ca-nhan",
        "Giấy khen của thủ trưởng cơ quan, đơn vị (cá nhân)",
        "commendation",
        "individual",
        "grassroots",
        "Thủ trưởng sở, ban, ngành, cơ quan, đơn vị",
        None,
    ),
    (
        "giay-khen-thu-truong-tap-the",
        "Giấy khen của thủ trưởng cơ quan, đơn vị (tập thể)",
        "commendation",
        "collective",
        "grassroots",
        "Thủ trưởng sở, ban, ngành, cơ quan, đơn vị",
        None,
    ),
]


def load_award_types(AwardType) -> None:
    """Create the default award types that are missing; existing rows are left as edited."""
    for order, (code, name, kind, recipient, level, authority, multiple) in enumerate(
        AWARD_TYPES, start=1
    ):
        if AwardType.objects.filter(code=code).exists():
            continue
        AwardType.objects.create(
            code=code,
            name=name,
            kind=kind,
            recipient_kind=recipient,
            level=level,
            authority=authority,
            reward_multiple=Decimal(multiple) if multiple else None,
            legal_basis=LAW,
            order=order,
            search_text=padded(f"{name} {code} {authority}"),
        )


BASIS = "Luật Thi đua, khen thưởng 2022; Nghị định 98/2023/NĐ-CP"
# code: (grantor levels, prerequisite code, years, quota-of code, quota %, secret ballot,
#        vote threshold %, threshold base, public notice days)
RULES = {
    "cstd-toan-quoc": ("", "cstd-tinh", 2, None, None, True, "70", "members", 7),
    "cstd-tinh": ("province", "cstd-co-so", 3, None, None, True, "70", "members", 7),
    "cstd-co-so": ("district,commune", "lao-dong-tien-tien", 0, "lao-dong-tien-tien", "15", True, "50", "present", 0),
    "lao-dong-tien-tien": ("district,commune", None, 0, None, None, False, "50", "present", 0),
    "co-thi-dua-chinh-phu": ("", None, 0, None, None, True, "70", "members", 0),
    "co-thi-dua-tinh": ("province", None, 0, None, None, True, "70", "members", 0),
    "tap-the-ldxs": ("province", None, 0, None, None, True, "70", "members", 0),
    "tap-the-ldtt": ("district,commune", None, 0, None, None, False, "50", "present", 0),
    "xa-phuong-tieu-bieu": ("province", None, 0, None, None, True, "70", "members", 0),
    "thon-to-dan-pho-van-hoa": ("commune", None, 0, None, None, False, "50", "present", 0),
    "gia-dinh-van-hoa": ("commune", None, 0, None, None, False, "50", "present", 0),
    "bang-khen-tinh-ca-nhan": ("province", None, 0, None, None, False, "50", "present", 0),
    "bang-khen-tinh-tap-the": ("province", None, 0, None, None, False, "50", "present", 0),
    "bang-khen-tinh-ho-gia-dinh": ("province", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-huyen-ca-nhan": ("district", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-huyen-tap-the": ("district", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-huyen-ho-gia-dinh": ("district", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-xa-ca-nhan": ("commune", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-xa-tap-the": ("commune", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-xa-ho-gia-dinh": ("commune", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-thu-truong-ca-nhan": ("province,district,commune", None, 0, None, None, False, "50", "present", 0),
    "giay-khen-thu-truong-tap-the": ("province,district,commune", None, 0, None, None, False, "50", "present", 0),
}  # fmt: skip


# Rules on a collective's members, code: (title a share must hold, %, title one must
# hold, basis). Luật Thi đua, khen thưởng 2022, Điều 27: Tập thể lao động xuất sắc
# (decision 0070).
MEMBER_RULES = {
    "tap-the-ldxs": (
        "lao-dong-tien-tien",
        "70",
        "cstd-co-so",
        "Luật Thi đua, khen thưởng 2022, Điều 27: 100% cá nhân hoàn thành nhiệm vụ, ít nhất "
        "70% đạt “Lao động tiên tiến”, có cá nhân đạt “Chiến sĩ thi đua cơ sở”, không có "
        "cá nhân bị kỷ luật từ cảnh cáo trở lên",
    ),
}


def load_member_rules(AwardType) -> None:
    """Fill the rules on a collective's members where an admin has not set them."""
    by_code = {a.code: a for a in AwardType.objects.all()}
    for code, (share_of, percent, need, basis) in MEMBER_RULES.items():
        award = by_code.get(code)
        if award is None or award.members_share_of_id:
            continue
        award.members_share_of = by_code.get(share_of)
        award.members_share_percent = Decimal(percent)
        award.members_need = by_code.get(need)
        award.members_basis = basis
        award.save(
            update_fields=[
                "members_share_of",
                "members_share_percent",
                "members_need",
                "members_basis",
            ]
        )


def load_award_rules(AwardType) -> None:
    """Fill the default rules where an admin has not set them (grantor levels still empty)."""
    by_code = {a.code: a for a in AwardType.objects.all()}
    for code, rule in RULES.items():
        award = by_code.get(code)
        if award is None or award.grantor_levels:
            continue
        levels, prereq, years, quota_of, quota, secret, threshold, base, notice = rule
        award.grantor_levels = levels
        award.prerequisite = by_code.get(prereq) if prereq else None
        award.prerequisite_years = years
        award.prerequisite_basis = BASIS if prereq else ""
        award.quota_of = by_code.get(quota_of) if quota_of else None
        award.quota_percent = Decimal(quota) if quota else None
        award.quota_basis = (
            "Nghị định 91/2017/NĐ-CP (trước đây); sửa theo quy định địa phương" if quota else ""
        )
        award.secret_ballot = secret
        award.vote_threshold_percent = Decimal(threshold)
        award.vote_threshold_base = base
        award.vote_threshold_inclusive = threshold != "50"  # "từ 70% trở lên"; "quá bán"
        award.public_notice_days = notice
        award.save()


# Căn cứ of an award decision of a People's Committee, with the days each is cited.
# The 2015 law on local government (amended in 2019) gave way on 1/7/2025 to Law
# 72/2025/QH15; Decree 98/2023 to Decree 152/2025 on the same day. Every row stays
# editable in the admin (docs/decisions/0014-legal-bases-and-documents.md).
LEGAL_BASES = [  # fmt: skip
    # order, text, effective_from, effective_to
    (10, "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015", None, "2025-06-30"),
    (
        11,
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
        "chính quyền địa phương ngày 22 tháng 11 năm 2019",
        "2020-07-01",
        "2025-06-30",
    ),
    (
        10,
        "Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025",
        "2025-07-01",
        None,
    ),
    (
        20,
        "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022",
        "2024-01-01",
        "2026-09-30",
    ),
    # Amended by Luật số 06/2026/QH16, in force from 01/10/2026; cited in this form by
    # Thông tư 18/2026/TT-BNV (docs/decisions/0019-legal-sources.md).
    (
        20,
        "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022, được sửa đổi, "
        "bổ sung bởi Luật số 06/2026/QH16",
        "2026-10-01",
        None,
    ),
    (
        30,
        "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi "
        "tiết thi hành một số điều của Luật Thi đua, khen thưởng",
        "2024-01-01",
        "2025-06-30",
    ),
    (
        30,
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về "
        "phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và "
        "hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
        "2025-07-01",
        None,
    ),
]

# Award types that stopped on 1/7/2025, when the districts were abolished.
ENDED = {
    "giay-khen-huyen-ca-nhan": "2025-06-30",
    "giay-khen-huyen-tap-the": "2025-06-30",
    "giay-khen-huyen-ho-gia-dinh": "2025-06-30",
}


def load_legal_bases(LegalBasis) -> None:
    """Create the default bases that are missing (matched by text); edited rows stay."""
    import datetime

    def day(text):
        return datetime.date.fromisoformat(text) if text else None

    for order, text, start, end in LEGAL_BASES:
        if LegalBasis.objects.filter(text=text).exists():
            continue
        LegalBasis.objects.create(
            text=text, order=order, effective_from=day(start), effective_to=day(end)
        )


def close_ended_award_types(AwardType) -> None:
    """Set the last day of the district's Giấy khen, unless an admin has set one."""
    import datetime

    for code, end in ENDED.items():
        AwardType.objects.filter(code=code, effective_to__isnull=True).update(
            effective_to=datetime.date.fromisoformat(end)
        )


# The dossier's files a nomination must carry before it is sent (Law 06/2022/QH15 and
# Decree 98/2023/NĐ-CP: the achievement report; for the Chiến sĩ thi đua titles, the
# proof of the initiative as well). Every other award type keeps the model's default,
# the achievement report alone.
REQUIRED_FILES = {
    "cstd-toan-quoc": "achievement_report,initiative",
    "cstd-tinh": "achievement_report,initiative",
    "cstd-co-so": "achievement_report,initiative",
}


def load_required_files(AwardType) -> None:
    """Set the files the CSTĐ titles need where an admin has left the default."""
    for code, kinds in REQUIRED_FILES.items():
        AwardType.objects.filter(code=code, required_files="achievement_report").update(
            required_files=kinds
        )


# Why Điều 1 of a decision gives each award, where the law's words are not "có thành tích
# xuất sắc" (Law 06/2022/QH15, Art. 26 and 28: the "tiên tiến" titles are for completing
# one's tasks well, a collective's also its plan). Every other award type keeps the
# default (AwardType.DEFAULT_MERIT).
MERITS = {
    "lao-dong-tien-tien": "đã hoàn thành tốt nhiệm vụ",
    "chien-si-tien-tien": "đã hoàn thành tốt nhiệm vụ",
    "tap-the-ldtt": "đã hoàn thành tốt nhiệm vụ và kế hoạch được giao",
    "don-vi-tien-tien": "đã hoàn thành tốt nhiệm vụ và kế hoạch được giao",
}


def load_merits(AwardType) -> None:
    """Set the reason Điều 1 gives where an admin has left it empty."""
    for code, merit in MERITS.items():
        AwardType.objects.filter(code=code, merit="").update(merit=merit)
