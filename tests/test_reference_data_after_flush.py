"""A worker's tests find the database as migrated after a transactional test's flush
(tests/conftest.py, `_reference_data_after_a_flush`)."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from awards.models import AwardType, LegalBasis
from campaigns.models import DocumentType


@pytest.mark.django_db(transaction=True)
def test_the_reference_data_is_back_after_a_flush():
    kinds, awards, bases = (
        DocumentType.objects.count(),
        AwardType.objects.count(),
        LegalBasis.objects.count(),
    )
    assert kinds and awards and bases
    # what ends every transactional test (and what xdist's worksteal may run a plain
    # test after, on the same worker)
    call_command("flush", interactive=False, verbosity=0)
    assert DocumentType.objects.get(name="Công văn")
    assert (DocumentType.objects.count(), AwardType.objects.count()) == (kinds, awards)
    assert LegalBasis.objects.count() == bases
