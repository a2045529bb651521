"""What an operator reads in the processes' logs (`journalctl -u thidua-worker`,
docs/deployment.md, section Logs): each task's outcome, not the PDF engine's steps.

A worker started with `--loglevel=INFO` (Procfile, deploy/systemd) sets the root logger to
INFO; the tests do the same with caplog."""

import logging

import pytest

from units.pdf import html_to_pdf
from units.tasks import retry_due_emails


@pytest.mark.django_db
def test_the_worker_log_says_that_a_task_succeeded(caplog, settings, mailoutbox):
    settings.ADMINS = [("Tin học", "tin-hoc@laichau.gov.vn")]
    settings.DEBUG = False
    caplog.set_level(logging.INFO)
    retry_due_emails.apply()
    assert any(
        "units.retry_due_emails" in r.getMessage() and "succeeded in" in r.getMessage()
        for r in caplog.records
    ), [r.getMessage() for r in caplog.records]
    assert mailoutbox == []  # only failures are mailed to ADMINS


def test_the_worker_log_holds_no_pdf_engine_steps(caplog):
    """WeasyPrint logs eight lines per page it lays out ("Step 5 - Creating layout -
    Page 3"): a 40-page decision buried the tasks' own lines under hundreds of them."""
    caplog.set_level(logging.INFO)
    assert html_to_pdf("<p>Quyết định</p>").startswith(b"%PDF")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
