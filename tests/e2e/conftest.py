"""End-to-end tests in Debian's Chromium through Playwright.

Playwright cannot download its own browsers here, so we launch /usr/bin/chromium.
Without it the tests are skipped and say so; with THIDUA_REQUIRE_BROWSER=1 (CI)
any skipped browser test counts as a failure.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; Django would refuse
# ORM calls from it. Only the e2e tests set this, never the settings.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("THIDUA_REQUIRE_BROWSER") == "1"
# The user guide's screenshots: `make screenshots` sets THIDUA_SCREENSHOTS=docs/screenshots.
# An ordinary test run writes them to a temporary folder and never rewrites tracked files.
SCREENSHOTS = os.environ.get("THIDUA_SCREENSHOTS", "")


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            if not Path(CHROMIUM).exists():
                item.add_marker(
                    pytest.mark.skip(
                        reason=f"Chromium không có tại {CHROMIUM}: bỏ qua kiểm thử trình duyệt "
                        "(cài bằng: apt-get install chromium)"
                    )
                )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if REQUIRE_BROWSER and report.skipped and item.get_closest_marker("e2e"):
        report.outcome = "failed"
        report.longrepr = (
            f"THIDUA_REQUIRE_BROWSER=1 but the browser test was skipped: {report.longrepr}"
        )


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh"}


@pytest.fixture
def screenshot_dir(tmp_path_factory) -> Path:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# THIDUA_AXE_PATH: an axe-core installed elsewhere (a worktree without its own node_modules).
AXE = Path(
    os.environ.get("THIDUA_AXE_PATH")
    or Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
)


# The pages' Content-Security-Policy (script-src 'self') refuses the inline <script> that
# add_script_tag(path=...) writes. Rather than switch CSP off for the browser
# (bypass_csp), axe-core is loaded as a script of the page's own origin: this one URL is
# answered by Playwright from node_modules and never reaches the server. Every test page
# thus runs under the real policy, and the accessibility check sees it as it is.
AXE_PATH = "/__test-only__/axe.min.js"


@pytest.fixture
def axe_check():
    """Run axe-core in the page; fail on serious or critical violations."""
    if not AXE.exists():
        pytest.skip("axe-core chưa được cài (npm ci): bỏ qua kiểm tra trợ năng")

    def serve_axe(route) -> None:
        route.fulfill(path=str(AXE), content_type="application/javascript; charset=utf-8")

    def check(page, name: str) -> None:
        # A click that navigates may still be replacing the document when the check
        # starts ("Cannot read properties of null (reading 'appendChild')": no <head>
        # yet): wait for the page to load, and try again once it has.
        for attempt in range(3):
            page.wait_for_load_state("load")
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
            page.route(origin + AXE_PATH, serve_axe)
            try:
                page.add_script_tag(url=origin + AXE_PATH)
                break
            except PlaywrightError:
                if attempt == 2:
                    raise
            finally:
                page.unroute(origin + AXE_PATH, serve_axe)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        details = "\n".join(
            f"{v['impact']}: {v['id']} — {v['help']} ({len(v['nodes'])} chỗ: "
            f"{', '.join(n['target'][0] for n in v['nodes'][:3])})"
            for v in bad
        )
        assert not bad, f"axe-core trên trang {name}:\n{details}"

    return check
