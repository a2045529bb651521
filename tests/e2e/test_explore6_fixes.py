"""Issue 14, sixth exploration round (the `explore6` branch: decision 0035): a new user
from the README alone, the keyboard alone, and a phone's width (375 × 812). Each test
walks there as that person and checks what they now meet."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from campaigns.models import Campaign
from tests.e2e.test_explore_fixes import world  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "mat-khau-thu-nghiem-2025"
PHONE = {"width": 375, "height": 812}


def log_in(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_label("Mật khẩu").press("Enter")
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()


def luminance(css: str) -> float:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])

    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def focused_outline(page: Page) -> dict:
    return page.evaluate(
        """() => {
          const e = document.activeElement, s = getComputedStyle(e);
          let p = e, bg = 'rgba(0, 0, 0, 0)';
          while (p && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
            p = p.parentElement; if (p) bg = getComputedStyle(p).backgroundColor;
          }
          return {text: (e.innerText || e.value || '').trim(), style: s.outlineStyle,
                  width: parseFloat(s.outlineWidth), color: s.outlineColor, behind: bg};
        }"""
    )


def test_logging_in_from_the_portal_leads_to_the_staff_dashboard(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """A new user following the README opens the address `make run` prints (the public
    portal), presses "Đăng nhập" and logs in as the ward's staff: they were sent back to
    the public list of campaigns, with nothing of their own work in sight."""
    base = live_server.url
    page.goto(base + "/")
    page.get_by_role("link", name="Đăng nhập").click()
    page.get_by_label("Tên đăng nhập").fill("cb.binhlu")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name=re.compile("Xin chào"))).to_be_visible()
    assert page.url == base + "/quan-ly/"


def test_a_refused_form_puts_the_keyboard_on_what_went_wrong(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """With the keyboard alone, a refused form came back with the focus at the top of
    the page: the next Tab went to the skip link and the header's ten links, and a
    screen reader said nothing of the error. The focus now goes to the error summary
    (or, without one, to the first field in error), and Tab goes on into the form."""
    base = live_server.url
    # The login page: a wrong password.
    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("cb.binhlu")
    page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    page.get_by_label("Mật khẩu").press("Enter")
    summary = page.locator(".form-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_label("Tên đăng nhập")).to_be_focused()

    # The nomination form, sent empty from its button with Enter.
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    page.get_by_role("button", name="Lưu dự thảo").focus()
    page.keyboard.press("Enter")
    summary = page.locator(".form-errors").first
    expect(summary).to_be_focused()
    axe_check(page, "đề nghị bị từ chối")

    # A form without a summary: the first field in error takes the focus.
    page.goto(base + "/doi-mat-khau/")
    page.get_by_role("button", name=re.compile("Đổi mật khẩu")).focus()
    page.keyboard.press("Enter")
    invalid = page.locator("[aria-invalid=true]").first
    expect(invalid).to_be_focused()


def test_the_keyboard_focus_can_be_seen_on_the_page_and_in_the_header(
    page: Page,
    live_server,
    world,  # noqa: F811
):
    """The focus ring was gold (#c79a1b) on white: 2.6:1, below the 3:1 a focus
    indicator needs against what is around it (WCAG 1.4.11); a keyboard user lost the
    focus on the white forms and cards. It is now dark on the page and white on the red
    header, each at least 3:1."""
    base = live_server.url
    page.goto(base + "/vinh-danh/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Bỏ qua, đến nội dung chính")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Tên người, đơn vị")).to_be_focused()  # straight into main
    ring = focused_outline(page)
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert contrast(ring["color"], ring["behind"]) >= 3, ring
    assert contrast(ring["color"], "rgb(255, 255, 255)") >= 3, ring

    page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Quyết định"
    ).focus()
    ring = focused_outline(page)
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert contrast(ring["color"], ring["behind"]) >= 3, ring


def test_a_wide_table_scrolls_in_its_own_box_on_a_phone(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """At 375 px the office's dashboard was 439 px wide: its table of campaigns pushed the
    whole page sideways, header and forms with it. A table now scrolls in its own box,
    which the keyboard can reach and scroll, named by the table's caption."""
    base = live_server.url
    # The demo's widest number: "5834/PĐTĐ-UBND" does not break.
    Campaign.objects.filter(pk=world["campaign"].pk).update(number="5834", symbol="PĐTĐ-UBND")
    page.set_viewport_size(PHONE)
    log_in(page, base, "nv.tamduong")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    box = page.get_by_role("region", name="Phong trào của cơ quan", exact=True)
    expect(box).to_be_visible()
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.activeElement.scrollLeft > 0")
    axe_check(page, "trang quản lý của cơ quan, 375 px")

    # The public honour roll and the unit's pages stay within the phone's width.
    log_in(page, base, "cb.binhlu")
    for path in ("/vinh-danh/", "/quyet-dinh/", "/quan-ly/", "/quan-ly/khen-thuong/de-nghi/"):
        page.goto(base + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path


def test_a_refused_attachment_puts_the_keyboard_on_the_reason(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
    tmp_path,
):
    """Keyboard only, the unit attaches a file to its nomination: a file of a kind not
    taken (.exe) came back at the top of the page with the reason in a message there and
    the focus on <body>, far from the attachments. The focus now goes to that message."""
    base = live_server.url
    log_in(page, base, "cb.binhlu")
    page.goto(base + "/quan-ly/khen-thuong/de-nghi/them/")
    page.locator("#id_nominee_person").select_option(index=1)
    page.locator("#id_award_type").select_option(label="Lao động tiên tiến — Cá nhân")
    # the stage has proposed everyone for 2025 already (a title is held once a year)
    page.locator("#id_year").fill("2024")
    page.locator("#id_achievement_summary").fill("Hoàn thành tốt nhiệm vụ năm 2024.")
    page.get_by_role("button", name="Lưu dự thảo").press("Enter")
    expect(page.get_by_text(re.compile("Đã lưu dự thảo đề nghị"))).to_be_visible()

    wrong = tmp_path / "bao-cao.exe"
    wrong.write_bytes(b"MZ not a report")
    page.get_by_label(re.compile("Tệp")).first.set_input_files(str(wrong))
    page.get_by_role("button", name="Tải lên").press("Enter")
    refused = page.locator(".message--error")
    expect(refused).to_be_visible()
    expect(refused).to_be_focused()
    axe_check(page, "tải tệp bị từ chối")

    report = tmp_path / "bao-cao-thanh-tich.pdf"
    report.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.get_by_label(re.compile("Tệp")).first.set_input_files(str(report))
    page.get_by_role("button", name="Tải lên").press("Enter")
    expect(page.get_by_text("Đã đính kèm “bao-cao-thanh-tich.pdf”.")).to_be_visible()
    expect(page.locator(".message--error")).to_have_count(0)


def test_removing_a_chosen_dossier_keeps_the_keyboard_in_the_search_box(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
    monkeypatch,
):
    """A session's dossiers are chosen by typing when there are many (issue 16). With the
    keyboard, "Bỏ" beside a dossier chosen by mistake removed it and the focus with it:
    the next Tab started again from the top of the page. The focus now goes back to the
    search box, and the change is said ("Đã bỏ: …")."""
    monkeypatch.setattr("units.formfields.SEARCH_THRESHOLD", 0)  # every list is a search
    base = live_server.url
    log_in(page, base, "nv.tamduong")
    page.goto(base + "/quan-ly/khen-thuong/phien-hop/them/")
    box = page.get_by_role("combobox", name="Hồ sơ đưa ra bình xét")
    box.press_sequentially("cho hop", delay=30)
    expect(page.get_by_role("option", name=re.compile("Lò Văn Chờ Họp"))).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    remove = page.get_by_role("button", name=re.compile("Bỏ .*Lò Văn Chờ Họp"))
    expect(remove).to_be_visible()
    axe_check(page, "phiên họp, hồ sơ đã chọn")
    page.keyboard.press("Tab")
    expect(remove).to_be_focused()
    page.keyboard.press("Enter")
    expect(remove).to_have_count(0)
    expect(box).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="Đã bỏ")).to_contain_text("Lò Văn Chờ Họp")


def test_a_council_member_votes_by_keyboard_on_a_phone(
    page: Page,
    live_server,
    world,  # noqa: F811
    axe_check,
):
    """A council member, keyboard only, votes: Tab to the ballot, arrows to the choice,
    Tab to "Bỏ phiếu", Enter, Enter on the question. The page came back with the focus on
    <body>: the result ("Đã ghi phiếu của bạn.") was said to no one and the next ballot was
    twelve Tabs away, through the header again. The focus now goes to the message. At
    375 px the choices wrapped a word a line ("Đồng / ý") in a squeezed column; each is on
    one line."""
    from awards.models import CouncilSession

    base = live_server.url
    session = CouncilSession.objects.filter(status="open").first()
    page.on("dialog", lambda dialog: dialog.accept())
    page.set_viewport_size(PHONE)
    log_in(page, base, "hd1")
    page.goto(f"{base}/quan-ly/khen-thuong/phien-hop/{session.pk}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for choice in page.locator(".vote-form label").all():
        height = choice.evaluate("e => e.getBoundingClientRect().height")
        line = choice.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
        assert height < 1.5 * line, choice.inner_text()
    axe_check(page, "phiếu của thành viên, 375 px")

    first = page.get_by_role("radio", name="Đồng ý").first
    for _ in range(40):
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    expect(first).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Bỏ phiếu").first).to_be_focused()
    page.keyboard.press("Enter")
    done = page.get_by_text("Đã ghi phiếu của bạn.")
    expect(done).to_be_visible()
    expect(done).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
