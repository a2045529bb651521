"""The people of the browser tests: one password, and the commune's staff, the district's
standing office and its three council members (the same names in every journey), and
how any of them logs in."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from units.models import Membership, Unit

PASSWORD = "mat-khau-thu-nghiem-2025"
COUNCIL = ["Lường Văn Thắng", "Hoàng Thị Lan", "Vũ Đình Khánh"]


def user(user_model, name: str, unit: Unit, role: str, full: str):
    """A login with PASSWORD holding one role in one unit."""
    u = user_model.objects.create_user(name, password=PASSWORD, first_name=full)
    Membership.objects.create(user=u, unit=unit, role=role)
    return u


def log_in(page: Page, base: str, username: str) -> None:
    """Log in as `username` (PASSWORD) from a fresh session, and wait for the dashboard."""
    page.context.clear_cookies()
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()


def district_cycle(user_model, district: Unit, commune: Unit) -> dict:
    """cb.binhlu (the commune's staff), nv.tamduong (the district's office) and hd1-hd3
    (its council), as tests/awards_stage.build_stage takes them."""
    return {
        "district": district,
        "commune": commune,
        "staff": user(
            user_model, "cb.binhlu", commune, Membership.Role.UNIT_STAFF, "Lường Thị Xuân"
        ),
        "office": user(
            user_model, "nv.tamduong", district, Membership.Role.OFFICE_STAFF, "Nguyễn Thị Hoa"
        ),
        "council": [
            user(user_model, f"hd{i}", district, Membership.Role.COUNCIL_MEMBER, full)
            for i, full in enumerate(COUNCIL, 1)
        ],
    }
