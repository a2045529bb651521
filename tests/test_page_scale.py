"""Every staff page runs as many queries with ten times the data as with the data once:
a superuser, the standing office of a province (the largest body), the staff of a
district and all its communes, a member of the province's council and its leader open
each page they may (the dashboard with each role's pending work among them) on the same province built at 1×
and 10× (bench/workspace.py: units, campaigns, nominations, the annex of a decision, a
council's agenda, blocs and their members, reports). The same pages are timed at 2,000
units and 20,000 campaigns by bench/pages.py."""

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from bench.workspace import generate, staff_pages

pytestmark = pytest.mark.django_db

SIZES = {
    "1×": {"districts": 2, "communes": 10, "campaigns": 200},
    "10×": {"districts": 10, "communes": 20, "campaigns": 2000},
}
# A walk up the tree costs one query per level above the units it starts from; the unit's
# campaigns page (and the dashboard's pending work) starts from the first ten of the user's units by name, which for the
# superuser are communes at 1× and districts (one level higher) at 10×.
# The dashboard reads the pending work of the same first ten units (one more level at 10×).
DEPTH = {("unit campaigns", "superuser"): 1, ("dashboard", "superuser"): 1}
# No staff page needs more, whatever the data. The most: the office's results page, 42
# since it lists the reports' evidence files and the registrations to print (0092, 0093).
CEILING = 45


def _counts(size: dict) -> dict[tuple[str, str], int]:
    """Queries of each (page, role) on a province of `size`, built and rolled back."""
    counts = {}
    with transaction.atomic():
        workspace = generate(**size)
        clients = {}
        for role, user in workspace.users.items():
            clients[role] = Client()
            clients[role].force_login(user)
        for page, role, url in staff_pages(workspace):
            client = clients[role]
            assert client.get(url).status_code == 200, (page, role, url)  # warm-up
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (page, role, url)
            counts[page, role] = len(queries)
        transaction.set_rollback(True)
    return counts


def test_query_counts_do_not_grow_with_the_data():
    small, large = (_counts(size) for size in SIZES.values())
    assert small.keys() == large.keys()
    roles = {role for _, role in small}
    assert roles == {"superuser", "office", "unit", "council", "leader"}
    grown = {
        key: (small[key], large[key])
        for key in small
        if not 0 <= large[key] - small[key] <= DEPTH.get(key, 0)
    }
    assert not grown, f"queries at 1× and 10×: {grown}"
    assert max(large.values()) <= CEILING, large
