"""Who is honoured: award types (titles and forms of commendation) and nominations."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from campaigns.models import Campaign
from units.models import ArchivableModel, Person, SearchableMixin, TimeStampedModel, Unit


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"


class AwardType(TimeStampedModel, ArchivableModel, SearchableMixin):
    """Danh hiệu thi đua or hình thức khen thưởng, with its rules as editable data.

    The law differs by period and locality, so every value here (reward
    multiple, legal basis, who grants it) is data an admin can change.
    """

    class Kind(models.TextChoices):
        TITLE = "title", "Danh hiệu thi đua"
        COMMENDATION = "commendation", "Hình thức khen thưởng"

    class Level(models.TextChoices):
        NATIONAL = "national", "Nhà nước, Chính phủ"
        PROVINCE = "province", "Bộ, ngành, tỉnh"
        DISTRICT = "district", "Cấp huyện (trước 1/7/2025)"
        GRASSROOTS = "grassroots", "Cơ sở (xã, cơ quan, đơn vị)"

    code = models.SlugField("mã", max_length=60, unique=True)
    name = models.CharField("tên", max_length=255)
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    recipient_kind = models.CharField("đối tượng", max_length=20, choices=RecipientKind.choices)
    level = models.CharField("cấp khen", max_length=20, choices=Level.choices)
    authority = models.CharField(
        "thẩm quyền quyết định",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Chủ tịch UBND tỉnh, Thủ tướng Chính phủ.",
    )
    reward_multiple = models.DecimalField(
        "tiền thưởng (lần mức lương cơ sở)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Để trống nếu chưa xác định.",
    )
    legal_basis = models.TextField("căn cứ pháp lý", blank=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    search_fields = ("name", "code", "authority")

    class Meta:
        verbose_name = "danh hiệu, hình thức khen thưởng"
        verbose_name_plural = "danh hiệu, hình thức khen thưởng"
        ordering = ["kind", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reward_multiple__isnull=True) | Q(reward_multiple__gte=0),
                name="awardtype_reward_multiple_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Nomination(TimeStampedModel):
    """Đề nghị khen thưởng: a nominee put forward for an award type by a unit.

    The nominee is a person, a unit (a collective), or a household (named in
    text, within a unit). Later issues add appraisal, votes and decisions.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        SUBMITTED = "submitted", "Đã gửi"
        RETURNED = "returned", "Trả lại bổ sung"
        RESUBMITTED = "resubmitted", "Đã gửi lại"
        APPRAISED = "appraised", "Đã thẩm định"
        PASSED = "passed", "Hội đồng thông qua"
        FAILED = "failed", "Hội đồng không thông qua"
        DECIDED = "decided", "Đã quyết định khen thưởng"
        FORWARDED = "forwarded", "Trình cấp trên"
        WITHDRAWN = "withdrawn", "Đã rút"

    class CommendationKind(models.TextChoices):
        ANNUAL = "annual", "Thường xuyên, hằng năm"
        CAMPAIGN = "campaign", "Theo đợt, chuyên đề"
        UNSCHEDULED = "unscheduled", "Đột xuất"
        MERIT = "merit", "Theo công trạng"
        LIFELONG = "lifelong", "Quá trình cống hiến"
        SERVICE_YEARS = "service_years", "Theo niên hạn"
        FOREIGN = "foreign", "Đối ngoại"

    award_type = models.ForeignKey(
        AwardType, verbose_name="danh hiệu, hình thức", on_delete=models.PROTECT
    )
    nominee_person = models.ForeignKey(
        Person,
        verbose_name="cá nhân được đề nghị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    nominee_unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể được đề nghị",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_received",
    )
    nominee_household = models.CharField(
        "hộ gia đình được đề nghị",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Hộ ông Lò Văn A, bản Nà Đông.",
    )
    campaign = models.ForeignKey(
        Campaign,
        verbose_name="phong trào",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    year = models.PositiveSmallIntegerField("năm xét", null=True, blank=True)
    commendation_kind = models.CharField(
        "loại hình khen thưởng",
        max_length=20,
        choices=CommendationKind.choices,
        default=CommendationKind.ANNUAL,
    )
    nominating_unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị đề nghị",
        on_delete=models.PROTECT,
        related_name="nominations_made",
    )
    achievement_summary = models.TextField("tóm tắt thành tích", blank=True)
    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "đề nghị khen thưởng"
        verbose_name_plural = "đề nghị khen thưởng"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["nominating_unit", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(nominee_person__isnull=False, nominee_unit__isnull=True, nominee_household="")
                    | Q(
                        nominee_person__isnull=True,
                        nominee_unit__isnull=False,
                        nominee_household="",
                    )
                    | (
                        Q(nominee_person__isnull=True, nominee_unit__isnull=True)
                        & ~Q(nominee_household="")
                    )
                ),
                name="nomination_exactly_one_nominee",
            ),
            models.CheckConstraint(
                condition=Q(campaign__isnull=False) | Q(year__isnull=False),
                name="nomination_campaign_or_year",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} — {self.award_type}"

    @property
    def nominee_name(self) -> str:
        if self.nominee_person_id:
            return self.nominee_person.full_name
        if self.nominee_unit_id:
            return self.nominee_unit.name
        return self.nominee_household

    @property
    def nominee_kind(self) -> str:
        if self.nominee_person_id:
            return RecipientKind.INDIVIDUAL
        if self.nominee_unit_id:
            return RecipientKind.COLLECTIVE
        return RecipientKind.HOUSEHOLD

    def clean(self) -> None:
        nominees = [
            bool(self.nominee_person_id),
            bool(self.nominee_unit_id),
            bool(self.nominee_household),
        ]
        if sum(nominees) != 1:
            raise ValidationError(
                "Chọn đúng một đối tượng được đề nghị: một cá nhân, một tập thể hoặc một hộ gia đình."
            )
        if not self.campaign_id and not self.year:
            raise ValidationError("Chọn phong trào thi đua hoặc ghi năm xét khen thưởng.")
        if self.award_type_id and self.award_type.recipient_kind != self.nominee_kind:
            raise ValidationError(
                {
                    "award_type": f"“{self.award_type.name}” dành cho "
                    f"{self.award_type.get_recipient_kind_display().lower()}, "
                    f"không dành cho {RecipientKind(self.nominee_kind).label.lower()}."
                }
            )
