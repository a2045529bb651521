"""What a signed-in user is shown is never kept by a browser's or a proxy's cache: a
dossier's file downloaded on a shared office computer, a nominee's page behind the
province's proxy (decision 0064's left item). Public pages keep their own caching."""

import pytest
from django.urls import reverse

from tests.test_awards_access import world  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def no_store(response) -> bool:
    header = response.get("Cache-Control", "")
    return "no-store" in header and "private" in header


def test_a_dossiers_file_and_page_are_not_stored(client, world):  # noqa: F811
    client.force_login(world["users"]["office"])
    n, f = world["n"].pk, world["file"].pk
    download = client.get(reverse("awards:nomination_file_download", args=[n, f]))
    assert download.status_code == 200 and no_store(download)
    page = client.get(reverse("awards:nomination_detail", args=[n]))
    assert page.status_code == 200 and no_store(page)
    dashboard = client.get(reverse("staff:dashboard"))
    assert no_store(dashboard)


def test_the_public_portal_is_not_made_private(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
