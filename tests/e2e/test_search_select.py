"""Issue 16 in Chromium: with more people than a list shows, the nomination form finds
the person as the clerk types (without diacritics), by keyboard, and saves the choice."""

import pytest
from playwright.sync_api import Page, expect

from awards.models import Nomination
from units.demo import load_units
from units.formfields import SEARCH_THRESHOLD
from units.models import Membership, Person

PASSWORD = "mat-khau-thu-nghiem-2025"


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    commune = units["ubnd-x-binh-lu"]
    for i in range(SEARCH_THRESHOLD + 10):
        Person.objects.create(full_name=f"Nguyễn Văn {i:03d}", unit=commune, gender="male")
    Person.objects.create(full_name="Lò Thị Én", unit=commune, gender="female", ethnicity="Thái")
    user = django_user_model.objects.create_user("cb.binhlu", password=PASSWORD)
    Membership.objects.create(user=user, unit=commune, role=Membership.Role.UNIT_STAFF)
    return units


def test_pick_a_person_by_typing(page: Page, live_server, world, axe_check):
    base = live_server.url
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("cb.binhlu")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")

    box = page.get_by_role("combobox", name="Cá nhân được đề nghị")
    expect(page.locator("#id_nominee_person option")).to_have_count(0)  # no list of all
    box.press_sequentially("lo thi en", delay=30)
    option = page.get_by_role("option", name="Lò Thị Én (UBND xã Bình Lư)")
    expect(option).to_be_visible()
    axe_check(page, "tìm người được đề nghị")
    box.press("ArrowDown")
    box.press("Enter")  # chooses; does not submit the form
    expect(box).to_have_value("Lò Thị Én (UBND xã Bình Lư)")
    expect(page.get_by_role("listbox")).to_be_hidden()

    page.locator("#id_award_type").select_option(label="Lao động tiên tiến — Cá nhân")
    page.locator("#id_year").fill("2025")
    page.locator("#id_achievement_summary").fill("Hoàn thành xuất sắc nhiệm vụ năm 2025.")
    page.get_by_role("button", name="Lưu dự thảo").click()
    expect(page.get_by_text("Đã lưu dự thảo đề nghị.")).to_be_visible()
    assert Nomination.objects.get().nominee_person.full_name == "Lò Thị Én"
