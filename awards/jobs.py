"""Large award files built by a worker (units.jobs): the final-review report."""

from __future__ import annotations

from campaigns.models import Campaign
from units.jobs import job_builder

FINAL_REVIEW = "awards.final_review"


@job_builder(FINAL_REVIEW)
def build_final_review(job) -> bytes:
    """Báo cáo tổng kết: the dashboard's figures as they stand when the worker runs,
    with the narrative the office wrote."""
    from .dashboard import campaign_dashboard
    from .pdf import final_review_pdf

    campaign = Campaign.objects.select_related("issuer").get(pk=job.params["campaign"])
    return final_review_pdf(campaign, campaign_dashboard(campaign), job.params["narrative"])
