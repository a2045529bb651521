"""Khen thưởng của phong trào: what a campaign's nominations stand at, on top of its
results (campaigns.results.selectors.campaign_results). It lives in `awards`, the
top layer, because it reads campaigns and awards together."""

from __future__ import annotations

from django import forms
from django.db.models import Count, Q
from django.utils import timezone
from openpyxl import Workbook

from campaigns.models import Campaign
from campaigns.results.exports import results_workbook
from campaigns.results.models import Bloc
from campaigns.results.selectors import blocs_of_campaign, campaign_results
from units.formfields import IdChoiceField
from units.xlsx import rows_append, sheet_add

from .models import AwardType, FundEntry, Nomination, RecipientKind
from .money import spent_by


def campaign_dashboard(
    campaign: Campaign, *, top: int | None = None, whole: int | None = None
) -> dict:
    """The campaign's results (bloc rankings cut as `campaign_results` cuts them) and its
    nominations by status and by award type; the number of queries does not grow with
    units or nominations."""
    status_labels = dict(Nomination.Status.choices)
    nominations = Nomination.objects.filter(campaign=campaign)
    by_status = [
        {"label": status_labels[row["status"]], "count": row["n"]}
        for row in nominations.values("status").annotate(n=Count("pk")).order_by("status")
    ]
    by_type = [
        {"label": row["award_type__name"], "count": row["n"]}
        for row in nominations.values("award_type__name")
        .annotate(n=Count("pk"))
        .order_by("-n", "award_type__name")
    ]
    return {
        **campaign_results(campaign, top=top, whole=whole),
        "by_status": by_status,
        "by_type": by_type,
        "collective_awards": collective_awards(campaign),
        **campaign_money(campaign),
    }


def campaign_money(campaign: Campaign) -> dict:
    """Tiền thưởng đã chi: net of revocations, by award type for this campaign, and by
    campaign for it and the campaigns launched in answer to it (two GROUP BY queries)."""
    own = FundEntry.objects.filter(grant__nomination__campaign=campaign)
    money_by_type = spent_by("award_type", own)
    family = FundEntry.objects.filter(
        Q(grant__nomination__campaign=campaign) | Q(grant__nomination__campaign__parent=campaign)
    )
    return {
        "money_by_type": money_by_type,
        "money_by_campaign": spent_by("campaign", family),
        "money_total": sum(r["amount"] for r in money_by_type),
    }


def collective_awards(campaign: Campaign):
    """The collective award types that can still be given for the campaign's year (no
    district Giấy khen for a campaign of 2026)."""
    year = campaign.year or timezone.localdate().year
    return AwardType.objects.filter(
        recipient_kind=RecipientKind.COLLECTIVE, archived=False
    ).in_force_during(year)


def dashboard_workbook(data: dict) -> Workbook:
    """The results workbook plus the nominations' sheet."""
    book = results_workbook(data)
    sheet = sheet_add(
        book,
        "Khen thưởng",
        ["Trạng thái", "Số hồ sơ"],
        ([row["label"], row["count"]] for row in data["by_status"]),
    )
    sheet.append([])
    sheet.append(["Danh hiệu, hình thức", "Số hồ sơ"])
    for row in data["by_type"]:
        rows_append(sheet, [row["label"], row["count"]])
    sheet_add(
        book,
        "Tiền thưởng",
        ["Danh hiệu, hình thức", "Tiền thưởng đã chi (đồng)"],
        ([row["label"], row["amount"]] for row in data["money_by_type"]),
    )
    return book


class RankingDraftForm(forms.Form):
    """“Lập dự thảo đề nghị từ xếp hạng”: a bloc of the campaign, a collective award and
    how many leading units."""

    bloc = IdChoiceField(
        label="Khối",
        queryset=Bloc.objects.none(),
        error_messages={"invalid_choice": "Chọn một khối thi đua của phong trào."},
    )
    award_type = IdChoiceField(
        label="Đề nghị",
        queryset=AwardType.objects.none(),
        error_messages={"invalid_choice": "Chọn một danh hiệu, hình thức dành cho tập thể."},
    )
    top = forms.IntegerField(
        label="Số đơn vị dẫn đầu",
        min_value=1,
        max_value=100,
        initial=1,
        error_messages={"invalid": "Nhập số đơn vị bằng chữ số, ví dụ 1."},
    )

    def __init__(self, *args, campaign: Campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bloc"].queryset = blocs_of_campaign(campaign)
        self.fields["award_type"].queryset = collective_awards(campaign)
