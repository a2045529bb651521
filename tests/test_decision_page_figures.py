"""The decision's page writes the reward multiple as its annex prints it: "0,3", "1",
never "0,30" or "1,00" (decision 0027)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.factories import issued_decision, passed_nominations

pytestmark = pytest.mark.django_db


def test_the_multiple_reads_as_the_annex_prints_it(client, cycle):
    decision = issued_decision(cycle, passed_nominations(cycle, 1))
    client.force_login(cycle["office"])
    html = client.get(reverse("awards:decision_detail", args=[decision.pk])).content.decode()
    cells = re.findall(r'<td class="num">([^<]*)</td>', html)
    multiples = [c for c in cells if c.strip()]
    assert multiples, "the row has a multiple"
    for text in multiples:
        assert not re.search(r",\d*0$", text), text
