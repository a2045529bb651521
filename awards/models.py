"""Who is honoured: award types (titles and forms of commendation) and nominations."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from campaigns.models import Campaign
from units.files import private_storage
from units.models import (
    ArchivableModel,
    ConstraintsInClean,
    MarkedSearchMixin,
    Person,
    SearchableMixin,
    StoredFileModel,
    TimeStampedModel,
    Unit,
)
from units.symbols import decision_symbol_problem
from units.text import number_text, padded

SIMPLIFIED_ONLY_UNSCHEDULED = "Thủ tục đơn giản chỉ dùng cho khen thưởng đột xuất."
YEAR_MIN = 1945  # the first year a nomination or an award can count for
# A yearly title (Lao động tiên tiến, Chiến sĩ thi đua…) is for a recent year. The law
# (Law 06/2022, Decrees 98/2023 and 152/2025) names no number of years back, so the years
# the rest of the app takes (campaign dates, blocs: 2000 to 2100) are used; an older year
# stays open to the kinds that look back (lifelong contribution, merit, resistance).
ANNUAL_YEAR_MIN = 2000
ONE_NOMINEE = "Chọn đúng một đối tượng được đề nghị: một cá nhân, một tập thể hoặc một hộ gia đình."


def year_max() -> int:
    """The last year a nomination can be for: this year. Achievements are commended once
    they are made; a year still to come would reach the honour roll ahead of itself."""
    return timezone.localdate().year


class RecipientKind(models.TextChoices):
    INDIVIDUAL = "individual", "Cá nhân"
    COLLECTIVE = "collective", "Tập thể"
    HOUSEHOLD = "household", "Hộ gia đình"


class AwardTypeQuerySet(models.QuerySet):
    def in_force_during(self, year: int) -> AwardTypeQuerySet:
        """The award types that could be given for some day of `year`: a district's
        Giấy khen (until 30/6/2025) is offered for 2025, not for 2026."""
        return self.filter(
            Q(effective_from__isnull=True) | Q(effective_from__year__lte=year),
            Q(effective_to__isnull=True) | Q(effective_to__year__gte=year),
        )


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
    effective_from = models.DateField(
        "áp dụng từ ngày",
        null=True,
        blank=True,
        help_text="Để trống: áp dụng từ trước khi có hệ thống.",
    )
    effective_to = models.DateField(
        "áp dụng đến hết ngày",
        null=True,
        blank=True,
        help_text="Ngày cuối cùng còn được đề nghị, quyết định (Giấy khen cấp huyện: "
        "30/06/2025). Để trống: còn áp dụng.",
    )

    merit = models.CharField(
        "lý do tặng (Điều 1 của quyết định)",
        max_length=255,
        blank=True,
        help_text="Điều 1 ghi sau “Tặng … cho 02 cá nhân”, ví dụ “đã hoàn thành tốt nhiệm "
        "vụ” (Lao động tiên tiến). Để trống: “có thành tích xuất sắc”.",
    )

    DEFAULT_MERIT = "có thành tích xuất sắc"

    # Rules, all editable data (eligibility advice and the council vote read them).
    grantor_levels = models.CharField(
        "cấp cơ quan có thẩm quyền",
        max_length=60,
        blank=True,
        help_text="Cấp của cơ quan ban hành được quyết định, cách nhau bằng dấu phẩy: "
        "province, district, commune. Để trống: phải trình cấp trên (Trung ương).",
    )
    prerequisite = models.ForeignKey(
        "self",
        verbose_name="điều kiện: đã đạt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    prerequisite_years = models.PositiveSmallIntegerField(
        "số năm liên tục",
        default=0,
        help_text="Số năm liền trước năm xét (CSTĐ tỉnh: 3 năm CSTĐ cơ sở); 0 là cùng năm xét.",
    )
    prerequisite_basis = models.CharField("căn cứ điều kiện", max_length=255, blank=True)
    quota_of = models.ForeignKey(
        "self",
        verbose_name="tỷ lệ so với",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quota_percent = models.DecimalField(
        "tỷ lệ tối đa (%)", max_digits=5, decimal_places=2, null=True, blank=True
    )
    quota_basis = models.CharField("căn cứ tỷ lệ", max_length=255, blank=True)
    # A collective's members (Tập thể lao động xuất sắc, Luật 2022 Điều 27): all complete
    # their tasks, at least a share hold a title that year, one holds another, none is
    # disciplined. The unit writes the counts on the dossier (decision 0070).
    members_share_of = models.ForeignKey(
        "self",
        verbose_name="thành viên đạt danh hiệu",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tập thể lao động xuất sắc: “Lao động tiên tiến”. Để trống: không xét.",
    )
    members_share_percent = models.DecimalField(
        "tỷ lệ thành viên đạt tối thiểu (%)",
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Ít nhất bao nhiêu phần trăm thành viên đạt danh hiệu trên (ví dụ 70).",
    )
    members_need = models.ForeignKey(
        "self",
        verbose_name="cần có thành viên đạt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Tập thể lao động xuất sắc: có cá nhân đạt “Chiến sĩ thi đua cơ sở”.",
    )
    members_basis = models.CharField("căn cứ điều kiện về thành viên", max_length=255, blank=True)
    secret_ballot = models.BooleanField("bỏ phiếu kín", default=False)
    vote_threshold_percent = models.DecimalField(
        "tỷ lệ phiếu đồng ý cần đạt (%)", max_digits=5, decimal_places=2, default=50
    )
    vote_threshold_base = models.CharField(
        "tính trên",
        max_length=10,
        choices=[("members", "Tổng số thành viên Hội đồng"), ("present", "Số thành viên có mặt")],
        default="members",
    )
    vote_threshold_inclusive = models.BooleanField(
        "đạt khi vừa bằng tỷ lệ",
        default=False,
        help_text="Bật: thông qua khi phiếu đồng ý “từ X% trở lên”; tắt: phải “trên X%” "
        "(quá bán khi X là 50). Dù thế nào, hòa phiếu (đồng ý không nhiều hơn không đồng ý) "
        "không bao giờ được thông qua.",
    )
    required_files = models.CharField(
        "hồ sơ phải đính kèm trước khi gửi",
        max_length=100,
        blank=True,
        default="achievement_report",
        help_text="Loại tệp, cách nhau bằng dấu phẩy: achievement_report (Báo cáo thành tích), "
        "initiative (Minh chứng sáng kiến), other (Tài liệu khác). Để trống: không bắt buộc.",
    )
    public_notice_days = models.PositiveSmallIntegerField(
        "số ngày công khai lấy ý kiến",
        default=0,
        help_text="0: không công khai trước khi bình xét.",
    )

    search_fields = ("name", "code", "authority")
    name_field = "name"  # the grants' search text holds it

    objects = AwardTypeQuerySet.as_manager()

    class Meta:
        verbose_name = "danh hiệu, hình thức khen thưởng"
        verbose_name_plural = "danh hiệu, hình thức khen thưởng"
        ordering = ["kind", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(reward_multiple__isnull=True) | Q(reward_multiple__gte=0),
                name="awardtype_reward_multiple_not_negative",
                violation_error_message="Tiền thưởng (lần mức lương cơ sở) không được âm.",
            ),
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True)
                | Q(effective_to__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="awardtype_effective_dates_in_order",
                violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu áp dụng.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def in_force_during(self, year: int) -> bool:
        """Whether this award type could be given for some day of `year`."""
        return (self.effective_from is None or self.effective_from.year <= year) and (
            self.effective_to is None or self.effective_to.year >= year
        )

    @property
    def effective_text(self) -> str:
        """ "áp dụng đến 30/06/2025", for a message; empty when it has no dates."""
        parts = []
        if self.effective_from:
            parts.append(f"từ {self.effective_from:%d/%m/%Y}")
        if self.effective_to:
            parts.append(f"đến {self.effective_to:%d/%m/%Y}")
        return ("áp dụng " + " ".join(parts)) if parts else ""

    @property
    def vote_threshold_text(self) -> str:
        """ "từ 70% trở lên" or "trên 50%"."""
        percent = number_text(self.vote_threshold_percent)
        return f"từ {percent}% trở lên" if self.vote_threshold_inclusive else f"trên {percent}%"

    @property
    def vote_rule(self) -> str:
        """The council's rule for this award type, as the session page states it."""
        base = (
            "tổng số thành viên Hội đồng"
            if self.vote_threshold_base == "members"
            else "số thành viên có mặt"
        )
        reach = self.vote_threshold_text
        how = "Bỏ phiếu kín" if self.secret_ballot else "Biểu quyết công khai"
        return f"{how}; thông qua khi phiếu đồng ý {reach} {base}; hòa phiếu không thông qua."

    def kind_problem(self, kind: str) -> str:
        """Why it cannot go to a `kind` of honouree (RecipientKind), or "": the one wording
        for a nomination and an amending decision's line (decision 0082)."""
        if self.recipient_kind == kind:
            return ""
        return (
            f"“{self.name}” dành cho {self.get_recipient_kind_display().lower()}, không dành "
            f"cho {RecipientKind(kind).label.lower()}."
        )

    def votes_needed(self, base: int) -> int | None:
        """The fewest agreeing votes that reach the threshold on `base` members (all the
        council's, or those present, as the type counts): "từ 70% trở lên" of 4 is 3,
        "trên 50%" of 4 is 3. The one rule: awards.services.vote_result passes an item on it.
        None when nobody is counted."""
        if base <= 0:
            return None
        share = self.vote_threshold_percent * base / 100
        needed = math.ceil(share) if self.vote_threshold_inclusive else math.floor(share) + 1
        return max(needed, 1)

    def vote_rule_on(self, base: int) -> str:
        """The rule with its figures, as the minutes keep it: "thông qua khi phiếu đồng ý
        từ 70% trở lên tổng số thành viên Hội đồng (4 thành viên: ít nhất 3 phiếu)"."""
        counted = (
            "tổng số thành viên Hội đồng"
            if self.vote_threshold_base == "members"
            else "số thành viên có mặt"
        )
        rule = f"thông qua khi phiếu đồng ý {self.vote_threshold_text} {counted}"
        needed = self.votes_needed(base)
        if needed is None:
            return f"{rule} (không có thành viên nào được tính)"
        return f"{rule} ({base} thành viên: ít nhất {needed} phiếu)"

    @property
    def merit_text(self) -> str:
        """Why Điều 1 gives it: the award type's own words, else "có thành tích xuất sắc"."""
        return self.merit.strip() or self.DEFAULT_MERIT

    @property
    def required_file_kinds(self) -> list[str]:
        """The kinds of NominationFile a nomination must carry before it is sent."""
        return [k.strip() for k in self.required_files.split(",") if k.strip()]

    def required_file_labels(self) -> list[str]:
        labels = dict(NominationFile.Kind.choices)
        return [labels.get(kind, kind) for kind in self.required_file_kinds]

    GRANTOR_LEVELS = {
        Unit.Level.PROVINCE: "tỉnh",
        Unit.Level.DISTRICT: "huyện",
        Unit.Level.COMMUNE: "xã",
    }

    def clean(self) -> None:
        """The rules as the admin types them: each one a rule the council and the
        eligibility advice can apply (decision 0072)."""
        errors: dict[str, str] = {}
        unknown = [k for k in self.required_file_kinds if k not in NominationFile.Kind.values]
        if unknown:
            errors["required_files"] = (
                "Loại tệp không có: "
                + ", ".join(unknown)
                + ". Dùng: "
                + ", ".join(NominationFile.Kind.values)
                + "."
            )
        for field, label in (
            ("vote_threshold_percent", "Tỷ lệ phiếu đồng ý cần đạt"),
            ("quota_percent", "Tỷ lệ tối đa"),
            ("members_share_percent", "Tỷ lệ thành viên đạt tối thiểu"),
        ):
            value = getattr(self, field)
            if value is not None and not 0 <= value <= 100:
                errors[field] = f"{label} phải từ 0 đến 100 (%)."
        if self.pk and self.prerequisite_id == self.pk:
            errors["prerequisite"] = f"{self.name} không thể là điều kiện của chính nó."
        if self.pk and self.quota_of_id == self.pk:
            errors["quota_of"] = f"Tỷ lệ không thể tính so với chính {self.name}."
        for field in ("members_share_of", "members_need"):  # a collective's members (0070)
            if self.pk and getattr(self, f"{field}_id") == self.pk:
                errors[field] = (
                    f"Không chọn được chính “{self.name}”: đây là danh hiệu cá nhân mà thành "
                    "viên của tập thể phải đạt (ví dụ “Lao động tiên tiến”)."
                )
        if twin := self.twin_in_force():
            errors["name"] = (
                f"Đã có “{twin.name}” (mã {twin.code}) áp dụng trong thời gian này: sửa "
                "danh hiệu, hình thức đó, hoặc ghi ngày hết áp dụng cho nó rồi thêm bản mới "
                "áp dụng từ ngày sau."
            )
        wrong = sorted(self.levels_in(self.grantor_levels) - set(self.GRANTOR_LEVELS))
        if wrong:
            errors["grantor_levels"] = (
                f"Cấp không có: {', '.join(wrong)}. Dùng: "
                + ", ".join(f"{code} ({name})" for code, name in self.GRANTOR_LEVELS.items())
                + "."
            )
        if errors:
            raise ValidationError(errors)

    def twin_in_force(self) -> AwardType | None:
        """Another award type of the same name and recipients, not archived, in force on
        some day this one is: every picker would list the two alike."""
        if self.archived or not self.name.strip():
            return None
        twins = AwardType.objects.filter(
            name__iexact=self.name.strip(), recipient_kind=self.recipient_kind, archived=False
        ).exclude(pk=self.pk)
        if self.effective_to:
            twins = twins.filter(
                Q(effective_from__isnull=True) | Q(effective_from__lte=self.effective_to)
            )
        if self.effective_from:
            twins = twins.filter(
                Q(effective_to__isnull=True) | Q(effective_to__gte=self.effective_from)
            )
        return twins.order_by("pk").first()

    @staticmethod
    def levels_in(grantor_levels: str) -> set[str]:
        """The levels a `grantor_levels` value names ("province, district" -> both)."""
        return {level.strip() for level in grantor_levels.split(",") if level.strip()}

    def granted_by(self, issuer: Unit) -> bool:
        """Whether this issuing body has the authority to decide this award."""
        return issuer.level in self.levels_in(self.grantor_levels)


class Nomination(ConstraintsInClean, TimeStampedModel):
    """Đề nghị khen thưởng: a nominee put forward for an award type by a unit.

    The nominee is a person, a unit (a collective), or a household (named in
    text, within a unit). Later issues add appraisal, votes and decisions.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        SUBMITTED = "submitted", "Đã gửi"
        RETURNED = "returned", "Trả lại bổ sung"
        RESUBMITTED = "resubmitted", "Đã gửi lại"
        APPRAISED = "appraised", "Đủ điều kiện, chờ Hội đồng"
        INELIGIBLE = "ineligible", "Không đủ điều kiện"
        PASSED = "passed", "Hội đồng thông qua"
        FAILED = "failed", "Hội đồng không thông qua"
        DECIDED = "decided", "Đã quyết định khen thưởng"
        # Before decision 0077 a forwarded nomination stopped here, at the lower body;
        # now forwarding hands it to the upper body (`forwarded_from`), where it is
        # submitted. The status stays for those rows and for the history's events.
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
    # A collective's members, as the unit counts them (the person register may not hold
    # them all): read by the checklist where the award type has a rule on its members
    # (Tập thể lao động xuất sắc; decision 0070).
    member_count = models.PositiveIntegerField(
        "số thành viên của tập thể",
        null=True,
        blank=True,
        help_text="Tổng số cá nhân trong tập thể (khi đề nghị danh hiệu cho tập thể).",
    )
    members_completed = models.PositiveIntegerField("số hoàn thành nhiệm vụ", null=True, blank=True)
    members_advanced = models.PositiveIntegerField(
        "số đạt “Lao động tiên tiến”",
        null=True,
        blank=True,
        help_text="Số cá nhân trong tập thể đạt “Lao động tiên tiến” năm xét.",
    )
    # Written by the unit too: the register may not hold them (a department head's
    # Chiến sĩ thi đua cơ sở decided outside the system; decision 0079).
    members_emulators = models.PositiveIntegerField(
        "số đạt “Chiến sĩ thi đua cơ sở”",
        null=True,
        blank=True,
        help_text="Số cá nhân trong tập thể đạt “Chiến sĩ thi đua cơ sở” năm xét (trong số "
        "đạt “Lao động tiên tiến”).",
    )
    # The household's name as searched (no diacritics, padded: units.text.padded), filled
    # on save; a person or a collective is searched by its own stored text (decision 0068).
    household_search = models.TextField("hộ gia đình (để tìm kiếm)", blank=True, editable=False)
    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    issuer = models.ForeignKey(
        Unit,
        verbose_name="cơ quan xét khen thưởng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_to_decide",
        help_text="Cơ quan ban hành có Hội đồng TĐKT xét đề nghị này.",
    )
    # Trình cấp trên (decision 0077): the lower body whose council passed the nomination
    # and handed it to `issuer`, the body with the authority, whose office now appraises
    # it. Set while the upper body holds it; cleared when it is returned to that body.
    forwarded_from = models.ForeignKey(
        Unit,
        verbose_name="cơ quan trình",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations_forwarded",
        help_text="Cơ quan cấp dưới đã trình hồ sơ này lên cơ quan xét khen thưởng.",
    )
    simplified = models.BooleanField(
        "thủ tục đơn giản",
        default=False,
        help_text="Khen thưởng đột xuất theo thủ tục đơn giản: không qua bỏ phiếu Hội đồng.",
    )
    appraisal_note = models.TextField("ý kiến thẩm định", blank=True)
    notice_until = models.DateField(
        "công khai lấy ý kiến đến ngày",
        null=True,
        blank=True,
        help_text="Đặt khi thẩm định đủ điều kiện, với loại khen thưởng cần công khai.",
    )
    decision = models.ForeignKey(
        "Decision",
        verbose_name="quyết định khen thưởng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )

    history = HistoricalRecords()
    checked_in_clean = ("nomination_exactly_one_nominee", "nomination_campaign_or_year")

    class Meta:
        verbose_name = "đề nghị khen thưởng"
        verbose_name_plural = "đề nghị khen thưởng"
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["nominating_unit", "status"]),
            # The office's inbox: its body's nominations, latest change first, a page at a time.
            models.Index(fields=["issuer", "-updated_at", "-id"], name="nomination_inbox_idx"),
            # The office's dashboard: how many of its body's nominations wait at each step
            # (a province's 10,000 were read whole: decision 0020).
            models.Index(fields=["issuer", "status"], name="nomination_issuer_status_idx"),
            # A superuser's dashboard: every unit's nominations returned or still drafts,
            # how many and the latest changed (both read every nomination: decision 0025).
            models.Index(
                fields=["status", "-updated_at", "-id"], name="nomination_status_recent_idx"
            ),
        ]
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
                violation_error_message="Chọn đúng một đối tượng được đề nghị: một cá nhân, một tập thể hoặc một hộ gia đình.",
            ),
            models.CheckConstraint(
                condition=Q(campaign__isnull=False) | Q(year__isnull=False),
                name="nomination_campaign_or_year",
                violation_error_message="Chọn phong trào thi đua hoặc ghi năm xét khen thưởng.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nominee_name} — {self.award_type}"

    def save(self, *args, **kwargs):
        self.household_search = padded(self.nominee_household)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "nominee_household" in update_fields:
            kwargs["update_fields"] = [*update_fields, "household_search"]
        super().save(*args, **kwargs)

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

    def allows(self, action: str) -> bool:
        """Whether this nomination's status allows `action` (the table in awards/workflow.py)."""
        from .workflow import allows

        return allows(self, action)

    def simplified_allowed(self) -> bool:
        """Thủ tục đơn giản is only for timely, unscheduled (đột xuất) awards."""
        return not self.simplified or self.commendation_kind == self.CommendationKind.UNSCHEDULED

    def clean(self) -> None:
        """The rules of any nomination, whoever saves it (the unit's form, the admin)."""
        errors: dict[str, list[str]] = {}
        # a person typed in on the form, created with the nomination (awards/services.py)
        pending = getattr(self, "nominee_pending", False)
        nominees = [
            bool(self.nominee_person_id) or pending,
            bool(self.nominee_unit_id),
            bool(self.nominee_household),
        ]
        if sum(nominees) != 1:
            errors.setdefault(NON_FIELD_ERRORS, []).append(ONE_NOMINEE)
        if not self.campaign_id and not self.year:
            errors["year"] = ["Chọn phong trào thi đua hoặc ghi năm xét khen thưởng."]
        if (
            sum(nominees) == 1
            and self.award_type_id
            and self.award_type.recipient_kind
            != (RecipientKind.INDIVIDUAL if pending else self.nominee_kind)
        ):
            errors["award_type"] = [
                self.award_type.kind_problem(
                    RecipientKind.INDIVIDUAL if pending else self.nominee_kind
                )
            ]
        if self.award_type_id and "award_type" not in errors:
            year = self.year or (self.campaign.year if self.campaign_id else None)
            if year and not self.award_type.in_force_during(year):
                errors["award_type"] = [
                    f"“{self.award_type.name}” {self.award_type.effective_text}: "
                    f"không dùng cho năm {year}. Chọn danh hiệu, hình thức còn áp dụng."
                ]
        if (
            self.award_type_id
            and self.award_type.kind == AwardType.Kind.TITLE
            and self.commendation_kind == self.CommendationKind.UNSCHEDULED
        ):
            # A title is earned over a year or a campaign and voted on by the council:
            # as "đột xuất" it could take the simplified procedure past the vote.
            errors["commendation_kind"] = [
                f"“{self.award_type.name}” là danh hiệu thi đua, xét theo năm hoặc theo đợt "
                "thi đua, không xét đột xuất (nên cũng không theo thủ tục đơn giản). Khen "
                "thành tích đột xuất thì chọn Giấy khen hoặc Bằng khen."
            ]
        if self.year is not None and not YEAR_MIN <= self.year <= year_max():
            errors["year"] = [f"Năm xét phải từ {YEAR_MIN} đến {year_max()}."]
        elif (
            self.year is not None
            and self.commendation_kind == self.CommendationKind.ANNUAL
            and self.year < ANNUAL_YEAR_MIN
        ):
            errors["year"] = [
                f"Năm xét khen thưởng hằng năm phải từ {ANNUAL_YEAR_MIN} đến {year_max()}, "
                f"ví dụ {year_max() - 1}."
            ]
        if not self.simplified_allowed():
            errors["simplified"] = [SIMPLIFIED_ONLY_UNSCHEDULED]
        if self.member_count is not None and (
            self.nominee_person_id or self.nominee_household or pending
        ):
            errors["member_count"] = ["Chỉ ghi số thành viên khi đề nghị cho một tập thể."]
        elif self.member_count == 0:
            errors["member_count"] = ["Số thành viên của tập thể phải từ 1 trở lên."]
        elif self.member_count is not None:
            for name, what in (
                ("members_completed", "Số hoàn thành nhiệm vụ"),
                ("members_advanced", "Số đạt “Lao động tiên tiến”"),
                ("members_emulators", "Số đạt “Chiến sĩ thi đua cơ sở”"),
            ):
                count = getattr(self, name)
                if count is not None and count > self.member_count:
                    errors[name] = [
                        f"{what} ({count}) không thể nhiều hơn số thành viên ({self.member_count})."
                    ]
            emulators, advanced = self.members_emulators, self.members_advanced
            if (
                "members_emulators" not in errors
                and emulators is not None
                and advanced is not None
                and emulators > advanced
            ):
                errors["members_emulators"] = [
                    f"Số đạt “Chiến sĩ thi đua cơ sở” ({emulators}) không thể nhiều hơn số đạt "
                    f"“Lao động tiên tiến” ({advanced}): Chiến sĩ thi đua cơ sở được chọn trong "
                    "số Lao động tiên tiến."
                ]
        elif any(
            count is not None
            for count in (self.members_completed, self.members_advanced, self.members_emulators)
        ):
            errors["member_count"] = ["Ghi số thành viên của tập thể."]
        if errors:
            raise ValidationError(errors)


class NominationEvent(models.Model):
    """Lịch sử hồ sơ: one status change of a nomination, with who, when and why."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="đề nghị", on_delete=models.CASCADE, related_name="events"
    )
    at = models.DateTimeField("lúc", auto_now_add=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người thực hiện",
        null=True,
        on_delete=models.PROTECT,
    )
    from_status = models.CharField("từ trạng thái", max_length=20, blank=True)
    to_status = models.CharField("sang trạng thái", max_length=20)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "lịch sử hồ sơ"
        verbose_name_plural = "lịch sử hồ sơ"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.from_status} → {self.to_status}"

    @property
    def to_label(self) -> str:
        return Nomination.Status(self.to_status).label


def nomination_file_path(instance: NominationFile, filename: str) -> str:
    return f"nominations/{instance.nomination_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class NominationFile(StoredFileModel):
    """Hồ sơ: the detailed achievement report, proof of initiatives, other papers."""

    class Kind(models.TextChoices):
        ACHIEVEMENT_REPORT = "achievement_report", "Báo cáo thành tích"
        INITIATIVE = "initiative", "Minh chứng sáng kiến"
        # added by the body's office to a dossier it forwards (decision 0077)
        COUNCIL_MINUTES = "council_minutes", "Biên bản họp Hội đồng TĐKT"
        SUBMISSION = "submission", "Tờ trình đã ký"
        OTHER = "other", "Tài liệu khác"

    nomination = models.ForeignKey(
        Nomination, verbose_name="đề nghị", on_delete=models.PROTECT, related_name="files"
    )
    kind = models.CharField("loại", max_length=30, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(
        "tệp", upload_to=nomination_file_path, storage=private_storage, max_length=255
    )

    class Meta:
        verbose_name = "hồ sơ đính kèm"
        verbose_name_plural = "hồ sơ đính kèm"
        ordering = ["uploaded_at"]


class CouncilSession(TimeStampedModel):
    """Phiên họp Hội đồng Thi đua - Khen thưởng of an issuing body."""

    class Status(models.TextChoices):
        OPEN = "open", "Đang bỏ phiếu"
        CLOSED = "closed", "Đã kết thúc"
        CANCELLED = "cancelled", "Đã hủy"

    issuer = models.ForeignKey(
        Unit, verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="sessions"
    )
    title = models.CharField("tên phiên họp", max_length=255)
    held_on = models.DateField("ngày họp")
    starts_at = models.TimeField(
        "giờ họp", null=True, blank=True, help_text="Ghi vào biên bản; để trống thì ghi tay."
    )
    venue = models.CharField(
        "địa điểm họp",
        max_length=255,
        blank=True,
        help_text="Ghi vào biên bản; để trống thì ghi tay.",
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.OPEN
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="SessionMember",
        verbose_name="thành viên",
        related_name="+",
    )
    closed_at = models.DateTimeField("kết thúc lúc", null=True, blank=True)
    cancelled_at = models.DateTimeField("hủy lúc", null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người hủy",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    cancel_reason = models.TextField("lý do hủy", blank=True)
    council_size = models.PositiveSmallIntegerField(
        "tổng số thành viên Hội đồng khi kiểm phiếu",
        null=True,
        blank=True,
        help_text="Ghi khi kết thúc phiên họp: số thành viên mà tỷ lệ “tổng số thành viên "
        "Hội đồng” đã tính trên đó (biên bản in số này).",
    )
    chair_name = models.CharField(
        "chủ trì (Chủ tịch Hội đồng)",
        max_length=120,
        blank=True,
        help_text="Người ký biên bản bên phải; để trống thì ghi tay khi ký.",
    )
    secretary_name = models.CharField(
        "thư ký phiên họp",
        max_length=120,
        blank=True,
        help_text="Người ký biên bản bên trái; để trống thì ghi tay khi ký.",
    )

    class Meta:
        verbose_name = "phiên họp Hội đồng"
        verbose_name_plural = "phiên họp Hội đồng"
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.held_on:%d/%m/%Y})"

    COUNCIL = "Hội đồng Thi đua - Khen thưởng"

    @property
    def minutes_subject(self) -> str:
        """The minutes' trích yếu under "BIÊN BẢN", the meeting named once: a title that
        names it already ("Phiên họp Hội đồng TĐKT phường … xét khen thưởng") becomes
        "Họp Hội đồng TĐKT phường … xét khen thưởng"; "Phiên họp xét …" becomes "Họp Hội
        đồng Thi đua - Khen thưởng xét …"; any other title follows "Họp Hội đồng Thi đua -
        Khen thưởng: " (decision 0063)."""
        title = " ".join(unicodedata.normalize("NFC", self.title).split())
        rest = re.sub(r"^(phiên\s+)?họp\s+", "", title, flags=re.IGNORECASE)
        if council := re.match(r"hội\s+đồng\b", rest, flags=re.IGNORECASE):
            return f"Họp Hội đồng{rest[council.end() :]}"
        if rest != title:
            return f"Họp {self.COUNCIL} {rest}"
        return f"Họp {self.COUNCIL}: {title}"

    @property
    def hour_text(self) -> str:
        """ "14 giờ 30", or "" when no time was written."""
        return f"{self.starts_at:%H} giờ {self.starts_at:%M}" if self.starts_at else ""

    @property
    def when_text(self) -> str:
        """ "14 giờ 30, ngày 20/12/2025", or the day alone when no time was written."""
        day = f"ngày {self.held_on:%d/%m/%Y}"
        return f"{self.hour_text}, {day}" if self.starts_at else day

    def before_its_hour(self, now: datetime.datetime) -> bool:
        """On its day, before the hour written for it (`now`: Vietnam time): neither the
        vote nor the close may start yet."""
        return bool(self.held_on == now.date() and self.starts_at and now.time() < self.starts_at)

    @property
    def present_count(self) -> int:
        return self.seats.filter(present=True).count()


class SessionMember(models.Model):
    """A council member invited to a session, and whether they attended."""

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="seats")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="thành viên", on_delete=models.PROTECT
    )
    present = models.BooleanField("có mặt", default=True)

    class Meta:
        verbose_name = "thành viên dự họp"
        verbose_name_plural = "thành viên dự họp"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                name="seat_unique",
                violation_error_message="Thành viên này đã có trong phiên họp.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.session}"


class AgendaItem(models.Model):
    """One appraised nomination on a session's agenda, with its tallies and result.

    The tallies are counted when the session closes, never while it is open. For a
    secret ballot they are then the only record of how members voted: `BallotReceipt`
    says who has voted, never how, and the sealed ballots are opened, counted and
    deleted (docs/decisions/0010-secret-ballot.md). This model keeps no history.
    """

    session = models.ForeignKey(CouncilSession, on_delete=models.CASCADE, related_name="agenda")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.PROTECT, related_name="agenda_items"
    )
    secret = models.BooleanField("bỏ phiếu kín", default=False)
    agree = models.PositiveIntegerField("đồng ý", default=0)
    disagree = models.PositiveIntegerField("không đồng ý", default=0)
    abstain = models.PositiveIntegerField("không biểu quyết", default=0)
    passed = models.BooleanField("thông qua", null=True)
    rule_text = models.CharField(
        "tỷ lệ thông qua đã áp dụng",
        max_length=255,
        blank=True,
        help_text="Ghi khi kiểm phiếu, với số thành viên và số phiếu cần đạt (biên bản in).",
    )

    class Meta:
        verbose_name = "nội dung bình xét"
        verbose_name_plural = "nội dung bình xét"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "nomination"],
                name="agenda_unique",
                violation_error_message="Hồ sơ này đã có trong nội dung bình xét của phiên họp.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nomination} — {self.session}"

    @property
    def ballots_cast(self) -> int:
        """How many members have voted: receipts or named votes, never the choices."""
        return self.receipts.count() if self.secret else self.votes.count()


class Vote(models.Model):
    """A named vote (when the award type does not require a secret ballot)."""

    class Choice(models.TextChoices):
        AGREE = "agree", "Đồng ý"
        DISAGREE = "disagree", "Không đồng ý"
        ABSTAIN = "abstain", "Không biểu quyết"

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField("lựa chọn", max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = "phiếu biểu quyết"
        verbose_name_plural = "phiếu biểu quyết"
        constraints = [
            models.UniqueConstraint(
                fields=["item", "member"],
                name="vote_once",
                violation_error_message="Thành viên đã biểu quyết nội dung này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member}: {self.get_choice_display()}"


class BallotReceipt(models.Model):
    """Đã bỏ phiếu kín: that a member voted on an item, and nothing about the choice."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="receipts")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = "xác nhận đã bỏ phiếu kín"
        verbose_name_plural = "xác nhận đã bỏ phiếu kín"
        constraints = [
            models.UniqueConstraint(
                fields=["item", "member"],
                name="ballot_once",
                violation_error_message="Thành viên đã bỏ phiếu kín nội dung này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} đã bỏ phiếu"


class SealedBallot(models.Model):
    """Phiếu kín trong hòm phiếu: one secret choice, sealed until the session closes.

    Nothing here points to a member or a moment: a random id (no sequence), the agenda
    item, and the choice sealed under a key the database does not hold
    (awards/ballot_box.py), the same size for every choice. The receipt is written in
    the same transaction, so whoever reads the database can pair the two; the seal is
    what keeps the choice from them. Opened, counted and deleted at the close.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="+")
    sealed = models.CharField(max_length=80)

    class Meta:
        verbose_name = "phiếu kín niêm phong"
        verbose_name_plural = "phiếu kín niêm phong"
        # a ballot copied in the database is refused (nonces are random: never twice)
        constraints = [
            models.UniqueConstraint(
                fields=["sealed"],
                name="sealed_ballot_once",
                violation_error_message="Phiếu kín này đã có trong hòm phiếu.",
            )
        ]

    def __str__(self) -> str:
        return "phiếu kín niêm phong"


class DocumentCounter(models.Model):
    """Sổ số văn bản đi: the last number a body gave to one kind of its documents in a
    year (decision 0084). Each kind is its own series, as UBND documents read "45/TTr-UBND"
    and "123/QĐ-UBND" in one year. The row is locked while a number is taken
    (`services.take_document_number`); the văn thư may type the number written in the
    paper register instead, never one already given to a document of that kind, year and
    body, and the counter moves past it. The admin may set it ahead, never back."""

    class Kind(models.TextChoices):
        DECISION = "decision", "Quyết định"
        SUBMISSION = "submission", "Tờ trình"

    issuer = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="cơ quan"
    )
    kind = models.CharField(
        "loại văn bản", max_length=20, choices=Kind.choices, default=Kind.DECISION
    )
    year = models.PositiveSmallIntegerField("năm")
    last_number = models.PositiveIntegerField("số cuối cùng đã dùng", default=0)

    class Meta:
        verbose_name = "sổ số văn bản"
        verbose_name_plural = "sổ số văn bản"
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "kind", "year"],
                name="document_counter_unique",
                violation_error_message="Cơ quan này đã có sổ số loại văn bản này của năm này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id}/{self.get_kind_display()}/{self.year}: {self.last_number}"

    @classmethod
    def documents(cls, kind: str) -> models.QuerySet:
        """The numbered documents of a kind: each has issuer, year, number, number_symbol."""
        return {cls.Kind.DECISION: Decision, cls.Kind.SUBMISSION: Submission}[kind].objects.all()

    def clean(self) -> None:
        """Set from the paper register, the counter may skip ahead, never back: the next
        document would take a number already issued."""
        if not (self.issuer_id and self.year and self.kind):
            return
        highest = (
            self.documents(self.kind)
            .filter(issuer_id=self.issuer_id, year=self.year, number__isnull=False)
            .order_by("-number")
            .first()
        )
        if highest and self.last_number < highest.number:
            raise ValidationError(
                {
                    "last_number": f"Số {highest.number:02d} đã được cấp cho "
                    f"{self.get_kind_display()} số {highest.number_symbol} năm {self.year}: "
                    f"số cuối cùng đã dùng không được nhỏ hơn {highest.number}."
                }
            )


class Submission(models.Model):
    """Tờ trình: one forwarding of passed nominations of a body (`issuer`) to the upper
    body with the authority (`addressee`), chosen together (decision 0083). A document of
    Decree 30: its own number in the body's series of tờ trình for the year ("Số:
    03/TTr-UBND"), place, date and signer; frozen as issued at the forwarding
    (IssuedDocument, kind SUBMISSION), never changed afterwards. A dossier returned and
    forwarded again is in a later one too; the earlier one still lists it, as signed."""

    issuer = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="cơ quan trình"
    )
    addressee = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="kính gửi"
    )
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveIntegerField("số")
    symbol = models.CharField("ký hiệu", max_length=60)
    place = models.CharField("địa danh", max_length=100, blank=True)
    dated = models.DateField("ngày")
    signer_name = models.CharField("người ký", max_length=100, blank=True)
    nominations = models.ManyToManyField(
        "Nomination", related_name="submissions", verbose_name="hồ sơ trình"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="người trình",
    )
    created_at = models.DateTimeField("lập lúc", auto_now_add=True)

    class Meta:
        verbose_name = "tờ trình"
        verbose_name_plural = "tờ trình"
        ordering = ["-dated", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "number"],
                name="submission_number_unique",
                violation_error_message="Số tờ trình này đã cấp trong năm.",
            )
        ]

    def __str__(self) -> str:
        return f"Tờ trình số {self.number_symbol}"

    @property
    def number_symbol(self) -> str:
        return f"{self.number:02d}/{self.symbol}"


# The plausible days of a legal basis: none before the Democratic Republic of Vietnam
# (02/09/1945); a law is entered ahead of its day (Decree 152/2025 in force from
# 01/07/2025, the amended Law from 01/10/2026), but not years ahead (decision 0074).
LEGAL_BASIS_EARLIEST = datetime.date(1945, 9, 2)


def legal_basis_day_problem(day: datetime.date | None) -> str:
    """Why `day` cannot be a basis's day ("" when it can): before 02/09/1945, or after the
    end of next year (a typo for a year: 01/01/1800, 2205)."""
    if day is None:
        return ""
    if day < LEGAL_BASIS_EARLIEST:
        return (
            f"Ngày {day:%d/%m/%Y} trước ngày 02/09/1945: văn bản pháp luật của nước Việt "
            "Nam có từ ngày này. Kiểm tra lại năm."
        )
    latest = datetime.date(timezone.localdate().year + 1, 12, 31)
    if day > latest:
        return (
            f"Ngày {day:%d/%m/%Y} quá xa: căn cứ chưa có hiệu lực chỉ nhập trước đến "
            f"{latest:%d/%m/%Y}. Kiểm tra lại năm."
        )
    return ""


class LegalBasis(TimeStampedModel, ArchivableModel, SearchableMixin):
    """Căn cứ ban hành: a law or decree that a document cites while it is in force.

    A decision cites the bases in force on its date (its signing date, or today for a
    draft), so one that replaced another on 1/7/2025 is cited from that day on. Kept as
    data: an admin adds a new law, or closes an old one, without a release.
    """

    class Document(models.TextChoices):
        AWARD_DECISION = "award_decision", "Quyết định khen thưởng"

    document = models.CharField(
        "dùng cho", max_length=30, choices=Document.choices, default=Document.AWARD_DECISION
    )
    text = models.TextField(
        "căn cứ",
        help_text="Như in trong văn bản, không có chữ “Căn cứ” ở đầu và dấu “;” ở cuối: "
        "“Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022”.",
    )
    effective_from = models.DateField("có hiệu lực từ ngày", null=True, blank=True)
    effective_to = models.DateField(
        "hết hiệu lực sau ngày",
        null=True,
        blank=True,
        help_text="Ngày cuối cùng còn được trích dẫn. Để trống: còn hiệu lực.",
    )
    order = models.PositiveSmallIntegerField(
        "thứ tự", default=0, help_text="Luật trước, nghị định sau."
    )
    search_fields = ("text",)

    class Meta:
        verbose_name = "căn cứ ban hành"
        verbose_name_plural = "căn cứ ban hành"
        ordering = ["document", "order", "effective_from", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_from__isnull=True)
                | Q(effective_to__isnull=True)
                | Q(effective_to__gte=F("effective_from")),
                name="legalbasis_effective_dates_in_order",
                violation_error_message="Ngày hết hiệu lực phải sau ngày bắt đầu có hiệu lực.",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def clean(self) -> None:
        """A day out of the plausible range is said beside its field (decision 0074)."""
        super().clean()
        errors = {
            name: problem
            for name in ("effective_from", "effective_to")
            if (problem := legal_basis_day_problem(getattr(self, name)))
        }
        if errors:
            raise ValidationError(errors)

    @classmethod
    def in_force_on(cls, day: datetime.date, document: str = Document.AWARD_DECISION):
        """The bases a document of `day` cites, in order."""
        return cls.objects.filter(
            Q(effective_from__isnull=True) | Q(effective_from__lte=day),
            Q(effective_to__isnull=True) | Q(effective_to__gte=day),
            document=document,
            archived=False,
        ).order_by("order", "effective_from", "pk")


class Decision(TimeStampedModel, ArchivableModel, MarkedSearchMixin):
    """Quyết định khen thưởng: numbered per issuer and year, never twice.

    A draft can be edited, or withdrawn (archived with a reason, its nominations free
    again); an issued decision never changes. Its stored search text is its number and
    symbol and its trích yếu (the public list's search reads its body's and honourees'
    from their own rows, decision 0054)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        ISSUED = "issued", "Đã ban hành"
        WITHDRAWN = "withdrawn", "Đã rút dự thảo"

    issuer = models.ForeignKey(
        Unit, verbose_name="cơ quan ban hành", on_delete=models.PROTECT, related_name="decisions"
    )
    year = models.PositiveSmallIntegerField("năm")
    number = models.PositiveIntegerField("số", null=True, blank=True)
    symbol = models.CharField("ký hiệu", max_length=60, default="QĐ-UBND")
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    place = models.CharField("địa danh", max_length=100, blank=True)
    subject = models.TextField("trích yếu")
    signing_authority = models.CharField("quyền hạn ký", max_length=100, blank=True)
    signer_title = models.CharField("chức vụ người ký", max_length=100, blank=True)
    signer_name = models.CharField("người ký", max_length=100, blank=True)
    distribution = models.TextField(
        "nơi nhận",
        blank=True,
        help_text="Mỗi dòng một nơi nhận; “Như Điều 3” và “Lưu: VT” đã có sẵn.",
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", null=True, blank=True, on_delete=models.PROTECT
    )
    amends = models.ForeignKey(
        "self",
        verbose_name="sửa đổi, bổ sung quyết định",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
        help_text="Quyết định sửa đổi, bổ sung: quyết định đã ban hành mà nó sửa. Quyết định "
        "bị sửa giữ nguyên như đã ban hành; danh sách hiện hành đọc từ quyết định sửa.",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = "quyết định khen thưởng"
        verbose_name_plural = "quyết định khen thưởng"
        ordering = ["-year", "-number", "-pk"]
        constraints = [
            # one revision at a time: a decision has at most one amending decision that is
            # a draft or issued (a withdrawn draft does not count); the next amends that one
            models.UniqueConstraint(
                fields=["amends"],
                condition=Q(amends__isnull=False) & ~Q(status="withdrawn"),
                name="decision_one_live_amendment",
                violation_error_message="Quyết định này đã có một quyết định sửa đổi, bổ sung.",
            ),
            models.UniqueConstraint(
                fields=["issuer", "year", "number"],
                condition=Q(number__isnull=False),
                name="decision_number_unique",
                violation_error_message="Số quyết định này đã được cấp cho một quyết định khác của cơ quan trong năm.",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"Quyết định số {self.number_symbol}"
            if self.number
            else f"Dự thảo quyết định #{self.pk}"
        )

    @property
    def reference_text(self) -> str:
        """How another document cites it: "Quyết định số 05/QĐ-UBND ngày 26/12/2024 của
        Chủ tịch Ủy ban nhân dân xã Tân Phong"."""
        day = f" ngày {self.issued_on:%d/%m/%Y}" if self.issued_on else ""
        return f"Quyết định số {self.number_symbol}{day} của Chủ tịch {self.issuer.full_name}"

    @property
    def about_text(self) -> str:
        """Its trích yếu as a clause after its number: "về việc tặng Giấy khen …"."""
        about = self.subject.strip()
        if about[:7].casefold() == "về việc":
            return "về việc" + about[7:]
        return f"về việc {about[:1].lower()}{about[1:]}" if about else ""

    @property
    def amended_by(self) -> Decision | None:
        """The issued decision that amends this one (sửa đổi, bổ sung), or None: read from
        `issued_amendments` when the list prefetched it (selectors.with_amendments)."""
        if hasattr(self, "issued_amendments"):
            return self.issued_amendments[0] if self.issued_amendments else None
        if not self.pk or self.status != self.Status.ISSUED:
            return None
        return self.amendments.filter(status=self.Status.ISSUED).first()

    @property
    def amended_text(self) -> str:
        """ "Đã được sửa đổi, bổ sung bởi Quyết định số 07/QĐ-UBND ngày 10/01/2025", or ""."""
        by = self.amended_by
        if by is None:
            return ""
        return f"Đã được sửa đổi, bổ sung bởi Quyết định số {by.number_symbol} ngày {by.issued_on:%d/%m/%Y}"

    @property
    def dated(self) -> datetime.date:
        """The day its legal bases are chosen by: the signing date, else today."""
        return self.issued_on or timezone.localdate()

    def clean(self) -> None:
        """A draft's symbol in shape (the admin's draft page, as the services check it):
        once issued it is part of the record for good (decisions 0071, 0075)."""
        if self.status == self.Status.DRAFT and (problem := decision_symbol_problem(self.symbol)):
            raise ValidationError({"symbol": problem})

    @property
    def distribution_lines(self) -> list[str]:
        """Nơi nhận between "Như Điều 3" and "Lưu: VT", as the PDF prints them (each
        after "- ", before ";"): typed with or without the dash and the semicolon; blank
        lines, and the first and last lines the document always has, left out."""
        lines = []
        for raw in self.distribution.splitlines():
            line = " ".join(raw.split()).lstrip("-–• ").rstrip(";.,").strip()
            folded = line.casefold()
            if line and not folded.startswith(("như điều 3", "lưu:", "lưu ")):
                lines.append(line)
        return lines

    @property
    def read_only_text(self) -> str:
        """Why the staff who read this decision cannot act on it ("" when its body lives):
        its body was dissolved, or merged into theirs (the 2025 reform; decision 0074)."""
        issuer = self.issuer
        if not issuer.archived:
            return ""
        ended = f" ngày {issuer.ended_on:%d/%m/%Y}" if issuer.ended_on else ""
        into = f", sáp nhập vào {issuer.merged_into.name}" if issuer.merged_into_id else ""
        what = "Quyết định" if self.status == self.Status.ISSUED else "Dự thảo quyết định"
        return (
            f"{what} của {issuer.name} (đã kết thúc hoạt động{ended}{into}): chỉ xem, "
            "không ban hành, sửa hay thu hồi được."
        )

    @property
    def number_symbol(self) -> str:
        if not self.number:
            return f"/{self.symbol}"
        return f"{self.number:02d}/{self.symbol}"

    @property
    def place_text(self) -> str:
        """The place before the date line (Decree 30): as the office wrote it, else the
        issuer's (`Unit.document_place`): a draft saved with the field left empty printed
        "ngày … tháng … năm …" with no place."""
        return self.place or self.issuer.document_place

    def search_source(self) -> str:
        """ "05/QĐ-UBND 5 Về việc …": the number as printed and as typed ("5/QĐ-UBND")."""
        return f"{self.number_symbol} {self.number or ''} {self.subject}"


class AwardGrantQuerySet(models.QuerySet):
    def current(self) -> AwardGrantQuerySet:
        """The register as it reads today: grants of issued decisions (or entered by hand,
        with no decision), less an amended decision's lines (read from the amending one)
        and the lines an amending decision strikes off. Revoked grants stay, marked: the
        register keeps them (decision 0078)."""
        issued_amendment = Decision.objects.filter(
            amends_id=models.OuterRef("decision_id"), status=Decision.Status.ISSUED
        )
        return self.filter(
            Q(decision__isnull=True) | Q(decision__status=Decision.Status.ISSUED),
            ~models.Exists(issued_amendment),
            struck=False,
        )

    def in_force(self) -> AwardGrantQuerySet:
        """Khen thưởng đang có hiệu lực: what every count, roll, statistic and eligibility
        rule reads. The current register less what was revoked (thu hồi)."""
        return self.current().filter(revocation__isnull=True)


class AwardGrant(TimeStampedModel, MarkedSearchMixin):
    """Sổ khen thưởng: one awardee of an issued decision. Eligibility reads this register.

    Past years' awards (before thidua) are entered here by the admin, without a decision.
    """

    award_type = models.ForeignKey(
        AwardType, verbose_name="danh hiệu, hình thức", on_delete=models.PROTECT
    )
    person = models.ForeignKey(
        Person,
        verbose_name="cá nhân",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name="tập thể",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
    )
    household = models.CharField("hộ gia đình", max_length=255, blank=True)
    year = models.PositiveSmallIntegerField("năm")
    decision = models.ForeignKey(
        Decision,
        verbose_name="quyết định",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grants",
    )
    decision_reference = models.CharField(
        "quyết định (nhập tay)",
        max_length=255,
        blank=True,
        help_text="Số, ký hiệu quyết định của khen thưởng các năm trước (ngoài hệ thống).",
    )
    decision_date = models.DateField(
        "ngày quyết định (nhập tay)",
        null=True,
        blank=True,
        help_text="Ngày ký quyết định của khen thưởng các năm trước.",
    )
    decision_issuer = models.CharField(
        "cơ quan quyết định (nhập tay)",
        max_length=255,
        blank=True,
        help_text="Ví dụ: UBND tỉnh Lai Châu, Thủ tướng Chính phủ.",
    )
    nomination = models.OneToOneField(
        Nomination, null=True, blank=True, on_delete=models.PROTECT, related_name="grant"
    )
    awardee_unit = models.ForeignKey(
        Unit,
        verbose_name="đơn vị",
        on_delete=models.PROTECT,
        related_name="grants_within",
        help_text="Đơn vị công tác của cá nhân, hoặc chính tập thể được khen.",
    )
    achievement = models.TextField("thành tích", blank=True)
    register_issuer = models.ForeignKey(
        Unit,
        verbose_name="sổ của cơ quan",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    register_year = models.PositiveSmallIntegerField("năm vào sổ", null=True, blank=True)
    register_number = models.PositiveIntegerField(
        "số vào sổ",
        null=True,
        blank=True,
        help_text="Cấp khi ban hành quyết định, liên tục theo cơ quan và năm; in trên bằng "
        "khen, giấy khen.",
    )
    # A line of an amending decision (Quyết định sửa đổi, bổ sung): the line of the amended
    # decision it restates or corrects, what it prints instead of the live rows, and
    # whether it strikes the honouree off (recorded, never deleted; decision 0078).
    replaces = models.ForeignKey(
        "self",
        verbose_name="sửa dòng của quyết định trước",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )
    printed_name = models.CharField(
        "họ tên, tên tập thể ghi trong quyết định",
        max_length=255,
        blank=True,
        help_text="Để trống: theo hồ sơ cá nhân, tập thể. Điền khi quyết định sửa đổi đính chính tên.",
    )
    printed_position = models.CharField(
        "chức vụ ghi trong quyết định",
        max_length=255,
        blank=True,
        help_text="Để trống: theo hồ sơ cá nhân.",
    )
    reward_amount = models.PositiveBigIntegerField(
        "số tiền thưởng (đồng)",
        null=True,
        blank=True,
        help_text="Dòng của quyết định sửa đổi: số tiền đúng. Để trống: theo mức tiền thưởng "
        "đang có hiệu lực.",
    )
    struck = models.BooleanField(
        "bãi bỏ",
        default=False,
        help_text="Dòng của quyết định sửa đổi bãi bỏ khen thưởng này: không còn tính.",
    )

    objects = AwardGrantQuerySet.as_manager()

    search_fields = ("awardee_name", "household")

    class Meta:
        verbose_name = "khen thưởng đã quyết định"
        verbose_name_plural = "sổ khen thưởng"
        ordering = ["-year", "award_type__order"]
        indexes = [
            models.Index(fields=["year", "award_type"]),
            models.Index(fields=["awardee_unit", "year"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(person__isnull=False, unit__isnull=True, household="")
                    | Q(person__isnull=True, unit__isnull=False, household="")
                    | (Q(person__isnull=True, unit__isnull=True) & ~Q(household=""))
                ),
                name="grant_exactly_one_awardee",
                violation_error_message="Chọn đúng một đối tượng được khen: một cá nhân, một tập thể hoặc một hộ gia đình.",
            ),
            models.UniqueConstraint(
                fields=["register_issuer", "register_year", "register_number"],
                condition=Q(register_number__isnull=False),
                name="grant_register_number_unique",
                violation_error_message="Số vào sổ này đã được cấp trong năm cho cơ quan này.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.awardee_name} — {self.award_type} ({self.year})"

    @property
    def awardee_name(self) -> str:
        if self.printed_name:
            return self.printed_name
        if self.person_id:
            return self.person.full_name
        if self.unit_id:
            return self.unit.name
        return self.household

    @property
    def standing_text(self) -> str:
        """Where the line stands, as the register says it ("" when in force): revoked by
        which decision, amended by which, struck off, or a draft's line."""
        if self.decision_id and self.decision.status != Decision.Status.ISSUED:
            return "Dòng của dự thảo quyết định"
        if self.struck:
            return f"Bãi bỏ theo {self.decision}"
        if self.decision_id and (amended := self.decision.amended_text):
            return amended
        revocation = getattr(self, "revocation", None)
        if revocation is not None:
            by = f" theo {revocation.document_text}" if revocation.document_text else ""
            return f"Đã thu hồi{by} (ngày {revocation.on:%d/%m/%Y})"
        return ""

    @property
    def prints_anew(self) -> bool:
        """Whether this line gets a certificate of its own (bằng khen, giấy khen): not
        struck off, and new, or printing otherwise than the line it replaces (its name,
        position, unit or award). An amending decision's restated, unchanged line keeps
        the certificate already given (decision 0085)."""
        if self.struck:
            return False
        before = self.replaces if self.replaces_id else None
        if before is None:
            return True
        return (
            self.award_type_id != before.award_type_id
            or self.awardee_unit_id != before.awardee_unit_id
            or self.awardee_name != before.awardee_name
            or self.awardee_position != before.awardee_position
        )

    @property
    def awardee_position(self) -> str:
        """Chức vụ as the decision prints it: corrected by an amending decision, else the
        person's own."""
        if self.printed_position:
            return self.printed_position
        return self.person.position if self.person_id else ""

    @property
    def register_text(self) -> str:
        """ "0007/2025": the number written on the certificate and in the register."""
        if not self.register_number:
            return ""
        return f"{self.register_number:04d}/{self.register_year}"

    def search_source(self) -> str:
        return f"{self.awardee_name} {self.awardee_unit.name if self.awardee_unit_id else ''} {self.award_type.name if self.award_type_id else ''}"


class PublicComment(models.Model):
    """Ý kiến của người dân about a nominee under public notice; read only by staff."""

    nomination = models.ForeignKey(
        Nomination, verbose_name="đề nghị", on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField("họ và tên", max_length=120)
    contact = models.CharField("điện thoại hoặc thư điện tử", max_length=120, blank=True)
    text = models.TextField("ý kiến", max_length=3000)
    created_at = models.DateTimeField("gửi lúc", auto_now_add=True)
    sender_key = models.CharField(max_length=64, db_index=True, editable=False)

    class Meta:
        verbose_name = "ý kiến công khai"
        verbose_name_plural = "ý kiến công khai"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"


# Money (base salary, reward multiples, the fund, revocations): its own module.
from .money_models import (  # noqa: E402, F401
    BaseSalary,
    Fund,
    FundEntry,
    GrantRevocation,
    RewardDecree,
    RewardMultiple,
)
