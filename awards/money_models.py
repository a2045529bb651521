"""Money: the base salary, the decrees' reward multiples and rounding, the emulation and
commendation fund (quỹ thi đua, khen thưởng) and revoked grants.

Kept apart from awards/models.py (imported at its end) so that the award types, the
decisions and the register can change there without touching the money. Every rate is
data with its legal basis and the date it takes effect, never a constant in code
(docs/decisions/0013-money-and-statistics.md).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from units.models import TimeStampedModel


class BaseSalary(TimeStampedModel):
    """Mức lương cơ sở: the amount in force from a date, and the decree that set it."""

    amount = models.PositiveBigIntegerField("mức lương cơ sở (đồng/tháng)")
    effective_from = models.DateField("áp dụng từ ngày", unique=True)
    legal_basis = models.CharField("căn cứ pháp lý", max_length=255)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "mức lương cơ sở"
        verbose_name_plural = "mức lương cơ sở"
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="base_salary_positive",
                violation_error_message="Mức lương cơ sở phải lớn hơn 0.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.amount:,} đồng từ {self.effective_from:%d/%m/%Y}".replace(",", ".")


class RewardDecree(TimeStampedModel):
    """A decree that sets the reward multiples (Nghị định 98/2023, 152/2025...), from
    the day it takes effect, with its rounding rule."""

    class Rounding(models.TextChoices):
        UP = "up", "Làm tròn lên"
        NEAREST = "nearest", "Làm tròn gần nhất"
        DOWN = "down", "Làm tròn xuống"

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("văn bản", max_length=255)
    effective_from = models.DateField("có hiệu lực từ ngày", unique=True)
    rounding_unit = models.PositiveIntegerField(
        "làm tròn đến (đồng)",
        default=10_000,
        help_text="Tiền thưởng sau khi nhân với mức lương cơ sở được làm tròn đến bội số này.",
    )
    rounding = models.CharField(
        "cách làm tròn", max_length=10, choices=Rounding.choices, default=Rounding.UP
    )
    rounding_basis = models.CharField("căn cứ làm tròn", max_length=255, blank=True)
    note = models.TextField("ghi chú", blank=True)

    class Meta:
        verbose_name = "nghị định về mức tiền thưởng"
        verbose_name_plural = "nghị định về mức tiền thưởng"
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rounding_unit__gt=0),
                name="reward_decree_rounding_positive",
                violation_error_message="Đơn vị làm tròn phải lớn hơn 0.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (từ {self.effective_from:%d/%m/%Y})"


class RewardMultiple(models.Model):
    """The multiple of the base salary a decree sets for one award type, and where."""

    decree = models.ForeignKey(
        RewardDecree, verbose_name="nghị định", on_delete=models.CASCADE, related_name="multiples"
    )
    award_type = models.ForeignKey(
        "awards.AwardType",
        verbose_name="danh hiệu, hình thức",
        on_delete=models.PROTECT,
        related_name="reward_multiples",
    )
    multiple = models.DecimalField("hệ số (lần mức lương cơ sở)", max_digits=6, decimal_places=2)
    basis = models.CharField("căn cứ (điều, khoản)", max_length=255, blank=True)

    class Meta:
        verbose_name = "mức tiền thưởng"
        verbose_name_plural = "mức tiền thưởng"
        ordering = ["decree", "award_type__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["decree", "award_type"],
                name="reward_multiple_once",
                violation_error_message="Danh hiệu, hình thức này đã có mức tiền thưởng theo nghị định này.",
            ),
            models.CheckConstraint(
                condition=Q(multiple__gte=0),
                name="reward_multiple_positive",
                violation_error_message="Hệ số tiền thưởng không được âm.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_type_id}: {self.multiple} ({self.decree_id})"


class Fund(models.Model):
    """Quỹ thi đua, khen thưởng of one issuing body for one year: its lines make the balance."""

    issuer = models.ForeignKey(
        "units.Unit", verbose_name="cơ quan", on_delete=models.PROTECT, related_name="funds"
    )
    year = models.PositiveSmallIntegerField("năm")

    class Meta:
        verbose_name = "quỹ thi đua, khen thưởng"
        verbose_name_plural = "quỹ thi đua, khen thưởng"
        ordering = ["-year", "issuer__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year"],
                name="fund_once",
                violation_error_message="Cơ quan này đã có quỹ thi đua, khen thưởng của năm này.",
            )
        ]

    def __str__(self) -> str:
        return f"Quỹ thi đua, khen thưởng {self.year} — {self.issuer.name}"


class FundEntry(models.Model):
    """Một dòng sổ quỹ. `amount` is signed: budget and income add, a payout subtracts, a
    reversal gives a payout back. A line is never edited or deleted; a mistake or a
    revoked award is corrected by a new line (`reverses`): a budget or income line
    written by mistake by a line of the same kind and the opposite amount
    (`money.fund_entry_cancel`)."""

    class Kind(models.TextChoices):
        BUDGET = "budget", "Dự toán được giao"
        INCOME = "income", "Thu khác"
        PAYOUT = "payout", "Chi tiền thưởng"
        REVERSAL = "reversal", "Hoàn chi (thu hồi khen thưởng)"

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="entries")
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    on = models.DateField("ngày")
    amount = models.BigIntegerField("số tiền (đồng)")
    description = models.CharField("nội dung", max_length=255)
    decision = models.ForeignKey(
        "awards.Decision",
        verbose_name="quyết định",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fund_entries",
    )
    grant = models.ForeignKey(
        "awards.AwardGrant",
        verbose_name="khen thưởng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="fund_entries",
    )
    # what the payout was computed from, kept as issued
    multiple = models.DecimalField("hệ số", max_digits=6, decimal_places=2, null=True, blank=True)
    base_salary = models.PositiveBigIntegerField("mức lương cơ sở", null=True, blank=True)
    decree = models.ForeignKey(
        RewardDecree, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reverses = models.OneToOneField(
        "self",
        verbose_name="hoàn chi cho dòng",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người ghi",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = "dòng sổ quỹ"
        verbose_name_plural = "sổ quỹ thi đua, khen thưởng"
        ordering = ["on", "pk"]
        indexes = [models.Index(fields=["fund", "on"]), models.Index(fields=["grant"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind__in=["budget", "income", "reversal"], amount__gte=0)
                    | Q(kind="payout", amount__lte=0)
                    # the line that cancels a budget or income line written by mistake
                    | Q(kind__in=["budget", "income"], amount__lt=0, reverses__isnull=False)
                ),
                name="fund_entry_sign",
                violation_error_message="Số tiền của dòng quỹ không đúng dấu: dự toán, thu, hoàn là số dương; chi và dòng hủy là số âm.",
            ),
            models.UniqueConstraint(
                fields=["grant"],
                condition=Q(kind="payout"),
                name="fund_one_payout_per_grant",
                violation_error_message="Khoản khen thưởng này đã được ghi chi từ quỹ.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount}"

    @property
    def cancellable_kind(self) -> bool:
        """A budget or income line as written (a positive amount): what
        `money.fund_entry_cancel` cancels, once. Payouts are the decisions'."""
        return self.kind in (self.Kind.BUDGET, self.Kind.INCOME) and self.amount > 0

    @property
    def cancels(self) -> bool:
        """The line that cancels a budget or income line written by mistake: it stays in
        the column of what it cancels, as a negative amount ("ghi số âm")."""
        return self.reverses_id is not None and self.kind in (self.Kind.BUDGET, self.Kind.INCOME)

    @property
    def money_in(self) -> int:
        return self.amount if self.amount > 0 or self.cancels else 0

    @property
    def money_out(self) -> int:
        return -self.amount if self.amount < 0 and not self.cancels else 0


class GrantRevocation(models.Model):
    """Thu hồi khen thưởng: a grant cancelled or revoked. The grant stays in the register
    (history), its payout is given back by a reversal line, and counts leave it out."""

    grant = models.OneToOneField(
        "awards.AwardGrant", on_delete=models.PROTECT, related_name="revocation"
    )
    reason = models.TextField("lý do")
    on = models.DateField("ngày thu hồi")
    # the decision that revokes (decision 0078): required for every new revocation; blank
    # only on rows recorded before it was asked
    document_number = models.CharField(
        "số, ký hiệu quyết định thu hồi",
        max_length=60,
        blank=True,
        help_text="Ví dụ: 12/QĐ-UBND.",
    )
    document_date = models.DateField("ngày quyết định thu hồi", null=True, blank=True)
    document = models.ForeignKey(
        "awards.Decision",
        verbose_name="quyết định thu hồi (trên hệ thống)",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="người thực hiện", on_delete=models.PROTECT
    )
    created_at = models.DateTimeField("ghi lúc", auto_now_add=True)

    class Meta:
        verbose_name = "thu hồi khen thưởng"
        verbose_name_plural = "thu hồi khen thưởng"

    def __str__(self) -> str:
        return f"Thu hồi {self.grant_id}"

    @property
    def document_text(self) -> str:
        """ "Quyết định số 12/QĐ-UBND ngày 03/02/2025", or "" for a row of before 0078."""
        if not self.document_number:
            return ""
        day = f" ngày {self.document_date:%d/%m/%Y}" if self.document_date else ""
        return f"Quyết định số {self.document_number}{day}"
