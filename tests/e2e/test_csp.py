"""The Content-Security-Policy in a real browser: the server sends it, Chromium enforces
it, and no page we serve (portal, staff workspace, admin with django-import-export and
django-simple-history) trips it, while an inline script put into a page is refused."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from campaigns.demo import load_seed_campaigns
from campaigns.models import Campaign
from units.demo import load_units
from units.models import Membership

PASSWORD = "mat-khau-thu-nghiem-2025"

# Runs before any script of the page (through the DevTools protocol, which CSP does not
# govern) and records every violation the page reports.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline"));
});
"""


@pytest.fixture
def world(live_server, reference_data, django_user_model):
    units = load_units()
    load_seed_campaigns(units)
    user = django_user_model.objects.create_superuser("quantri", "qt@example.vn", PASSWORD)
    Membership.objects.create(
        user=user, unit=units["ubnd-tp-lai-chau"], role=Membership.Role.OFFICE_STAFF
    )
    return units


def violations(page: Page, console: list[str]) -> list[str]:
    return page.evaluate("window.__csp || []") + [
        m for m in console if "Content Security Policy" in m
    ]


def test_no_page_trips_the_policy_and_an_inline_script_is_refused(page: Page, live_server, world):
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    page.add_init_script(RECORD_VIOLATIONS)
    base = live_server.url

    response = page.goto(base + "/")
    header = response.headers["content-security-policy"]
    assert "script-src 'self'" in header and "style-src 'self'" in header
    assert "frame-ancestors 'none'" in header and "object-src 'none'" in header
    assert violations(page, console) == []

    page.goto(base + "/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill("quantri")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()

    campaign = Campaign.objects.filter(status=Campaign.Status.PUBLISHED).first()
    unit = world["ubnd-tam-duong"]
    pages = [
        reverse("public:campaign_detail", args=[campaign.pk]),
        reverse("staff:dashboard"),
        reverse("staff:campaign_create"),
        reverse("awards:nomination_list"),
        reverse("admin:index"),
        reverse("admin:units_unit_changelist"),
        reverse("admin:units_unit_change", args=[unit.pk]),
        reverse("admin:units_unit_import"),
        reverse("admin:campaigns_campaign_change", args=[campaign.pk]),
        reverse("admin:campaigns_campaign_history", args=[campaign.pk]),
    ]
    for path in pages:
        response = page.goto(base + path)
        assert response.status == 200, path
        assert violations(page, console) == [], path

    # django-import-export's "select all" works without its inline handler
    page.goto(base + reverse("admin:units_unit_export"))
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    assert fields.count() > 3
    page.locator("input.select-toggle").uncheck()
    assert all(not box.is_checked() for box in fields.all())
    page.locator("input.select-toggle").check()
    assert all(box.is_checked() for box in fields.all())
    assert violations(page, console) == []

    # A script written into the page, as an injection would, is refused.
    ran = page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.__inlineRan = true";
            document.body.appendChild(script);
            const button = document.createElement("button");
            button.setAttribute("onclick", "window.__handlerRan = true");
            document.body.appendChild(button);
            button.click();
            return [window.__inlineRan === true, window.__handlerRan === true];
        }"""
    )
    assert ran == [False, False]
    page.wait_for_function("window.__csp.length >= 2")
    assert all(v.startswith("script-src") for v in page.evaluate("window.__csp"))
