"""What is launched: the campaign and its launch document (văn bản phát động)."""

from __future__ import annotations

import datetime
import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from units.files import private_storage
from units.models import (
    ArchivableModel,
    MarkedSearchMixin,
    StoredFileModel,
    TimeStampedModel,
    Unit,
)


def actor_field(label: str) -> models.ForeignKey:
    """Who did a lifecycle step (published, closed...): optional, never cascades."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=label,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )


def plausible_date(value: datetime.date) -> None:
    """A date a clerk could mean: years 2000 to 2100 (01/01/0001 is a typing slip)."""
    if not 2000 <= value.year <= 2100:
        raise ValidationError(f"Ngày {value:%d/%m/%Y} không hợp lệ: năm phải từ 2000 đến 2100.")


def date_in_words(value: datetime.date) -> str:
    """ "ngày 05 tháng 02 năm 2024": Decree 30 pads days under 10 and months 1 and 2."""
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {day} tháng {month} năm {value.year}"


class DocumentType(models.Model):
    """Loại văn bản: reference data with the symbol abbreviation (Decree 30/2020).

    A Công văn has no abbreviation: its symbol is the body, then the drafting
    office ("UBND-NV").
    """

    name = models.CharField("tên loại văn bản", max_length=100, unique=True)
    abbreviation = models.CharField(
        "chữ viết tắt", max_length=20, blank=True, help_text="Ví dụ: QĐ, KH, CT."
    )
    is_letter = models.BooleanField(
        "là công văn",
        default=False,
        help_text="Công văn ghi trích yếu dạng “V/v ...” dưới số, không có tên loại ở giữa.",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)

    class Meta:
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


def first_day_of(
    day: datetime.date | None, month: int | None = None, year: int | None = None
) -> datetime.date | None:
    """The first day a document dated `day`, or only by its month and year, or its year,
    can have been signed (None when it has no date at all)."""
    if day is not None:
        return day
    if year:
        return datetime.date(year, month or 1, 1)
    return None


def subject_short(subject: str, length: int = 80) -> str:
    """The subject as a label shows it: whole up to `length` characters, else cut at the
    end of the word `length` falls in, with "…" (never "… phát triển kin"). The first
    `length` characters stay in it, as the pages and tests that look for them expect."""
    if len(subject) <= length:
        return subject
    head, rest = subject[:length], subject[length:]
    word_end = 0 if rest[:1].isspace() else len(rest.split()[0])
    return (head + rest[:word_end]).rstrip(" ,;:-–—") + "…"


def campaign_year_q(year: int, prefix: str = "", lookup: str = "exact") -> Q:
    """The database side of `Campaign.year`: campaigns (or rows reached through
    `prefix`, e.g. "campaign__") whose emulation year is `year` (or, with `lookup`
    "gte", "lt"…, compares with it that way)."""
    return (
        Q(**{f"{prefix}end_date__year__{lookup}": year})
        | Q(**{f"{prefix}end_date__isnull": True, f"{prefix}issued_on__year__{lookup}": year})
        | Q(
            **{
                f"{prefix}end_date__isnull": True,
                f"{prefix}issued_on__isnull": True,
                f"{prefix}issued_year__{lookup}": year,
            }
        )
    )


class CampaignQuerySet(models.QuerySet):
    def of_year(self, year: int) -> CampaignQuerySet:
        """Campaigns whose emulation year (`Campaign.year`) is `year`."""
        return self.filter(campaign_year_q(year))

    def public(self) -> CampaignQuerySet:
        """What the public portal may show."""
        return self.filter(status__in=Campaign.PUBLIC_STATUSES)

    def newest_first(self) -> CampaignQuerySet:
        return self.order_by(
            F("sort_date").desc(nulls_last=True), F("published_at").desc(nulls_last=True), "-pk"
        )


# Long texts a list never shows: leaving them out keeps the sort and the transfer small.
LIST_DEFERRED = (
    "preamble",
    "closing",
    "summary",
    "search_text",
    "search_marked",
    "withdrawn_reason",
)


class Campaign(TimeStampedModel, MarkedSearchMixin):
    """Phong trào thi đua, with every field of its launch document."""

    class Kind(models.TextChoices):
        REGULAR = "regular", "Thi đua thường xuyên"
        THEMATIC = "thematic", "Thi đua theo chuyên đề (theo đợt)"

    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        PUBLISHED = "published", "Đã phát động"
        CLOSED = "closed", "Đã kết thúc"
        SUMMARISED = "summarised", "Đã tổng kết"
        WITHDRAWN = "withdrawn", "Đã thu hồi"

    PUBLIC_STATUSES = (Status.PUBLISHED, Status.CLOSED, Status.SUMMARISED)
    # The fields of the launch document itself (not its issuer, lifecycle or parts):
    # what the editor shows, a revision compares, a copy carries over.
    DOCUMENT_FIELDS = (
        "document_type",
        "number",
        "symbol",
        "place",
        "issued_on",
        "issued_month",
        "issued_year",
        "subject",
        "theme",
        "preamble",
        "closing",
        "kind",
        "is_special",
        "start_date",
        "end_date",
        "time_frame",
        "parent",
        "signing_authority",
        "signer_title",
        "signer_name",
    )

    # Issuing body and document identity
    issuer = models.ForeignKey(
        Unit,
        verbose_name="cơ quan ban hành",
        on_delete=models.PROTECT,
        related_name="campaigns",
        limit_choices_to={"is_issuing_body": True},
    )
    document_type = models.ForeignKey(
        DocumentType, verbose_name="loại văn bản", on_delete=models.PROTECT
    )
    number = models.CharField(
        "số",
        max_length=20,
        blank=True,
        help_text="Phần trước dấu “/”, ví dụ 5834. Để trống nếu văn bản chưa lấy số.",
    )
    symbol = models.CharField(
        "ký hiệu", max_length=100, blank=True, help_text="Phần sau dấu “/”, ví dụ PĐTĐ-UBND."
    )
    place = models.CharField("địa danh", max_length=100, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issued_month = models.PositiveSmallIntegerField(
        "tháng ban hành", null=True, blank=True, help_text="Khi văn bản để trống ngày."
    )
    issued_year = models.PositiveSmallIntegerField(
        "năm ban hành", null=True, blank=True, help_text="Khi văn bản để trống ngày."
    )
    sort_date = models.DateField(editable=False, null=True, db_index=True)

    # Content
    subject = models.TextField(
        "trích yếu",
        help_text="Trích yếu nội dung; với công văn là phần sau “V/v”.",
    )
    theme = models.TextField("chủ đề", blank=True)
    preamble = models.TextField(
        "phần mở đầu", blank=True, help_text="Các đoạn trước nội dung thi đua; mỗi đoạn một dòng."
    )
    closing = models.TextField(
        "phần kết",
        blank=True,
        help_text="Thời gian, tổ chức thực hiện, lời kêu gọi; mỗi đoạn một dòng.",
    )
    kind = models.CharField("hình thức thi đua", max_length=20, choices=Kind.choices)
    is_special = models.BooleanField(
        "phong trào thi đua đặc biệt",
        default=False,
        help_text="Nhãn chính trị, không phải một hình thức thi đua theo luật.",
    )
    start_date = models.DateField("ngày bắt đầu", null=True, blank=True)
    end_date = models.DateField("ngày kết thúc", null=True, blank=True)
    registration_deadline = models.DateField(
        "hạn đăng ký thi đua", null=True, blank=True, validators=[plausible_date]
    )
    time_frame = models.CharField(
        "thời gian thực hiện (như văn bản ghi)",
        max_length=255,
        blank=True,
        help_text="Ví dụ: Từ nay đến ngày 30/6/2025.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="phong trào cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    # Signature block
    signing_authority = models.CharField(
        "quyền hạn ký",
        max_length=100,
        blank=True,
        help_text="Ví dụ: TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH.",
    )
    signer_title = models.CharField("chức vụ người ký", max_length=100, blank=True)
    signer_name = models.CharField("người ký", max_length=100, blank=True)

    # Lifecycle
    status = models.CharField(
        "trạng thái", max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField("phát động lúc", null=True, blank=True)
    published_by = actor_field("người phát động")
    closed_at = models.DateTimeField("kết thúc lúc", null=True, blank=True)
    closed_by = actor_field("người kết thúc")
    summary = models.TextField("báo cáo tổng kết", blank=True)
    summarised_at = models.DateTimeField("tổng kết lúc", null=True, blank=True)
    summarised_by = actor_field("người tổng kết")
    withdrawn_at = models.DateTimeField("thu hồi lúc", null=True, blank=True)
    withdrawn_by = actor_field("người thu hồi")
    withdrawn_reason = models.TextField("lý do thu hồi", blank=True)
    copied_from = models.ForeignKey(
        "self",
        verbose_name="sao chép từ",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    source = models.CharField(
        "nguồn",
        max_length=255,
        blank=True,
        help_text="Tệp hoặc bộ dữ liệu đã tạo ra bản ghi này.",
    )

    history = HistoricalRecords(excluded_fields=["search_text", "search_marked", "sort_date"])
    objects = CampaignQuerySet.as_manager()
    search_fields = ("number", "symbol", "subject", "theme", "place")

    class Meta:
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"
        ordering = ["-sort_date", "-pk"]
        # The portal's "newest first" index (DESC NULLS LAST) is PostgreSQL-only:
        # see migration 0005. SQLite cannot index NULLS LAST.
        indexes = [
            models.Index(fields=["status", "issuer"]),
            # public_years() reads the latest end date; the Atom feed the latest published.
            models.Index(
                fields=["end_date"],
                condition=Q(status__in=["published", "closed", "summarised"]),
                name="campaign_public_end_date",
            ),
            models.Index(
                F("published_at").desc(),
                condition=Q(status__in=["published", "closed", "summarised"])
                & Q(published_at__isnull=False),
                name="campaign_public_published_at",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(issued_month__isnull=True)
                | Q(issued_month__gte=1, issued_month__lte=12),
                name="campaign_issued_month_valid",
                violation_error_message="Tháng ban hành phải từ 1 đến 12.",
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="campaign_end_after_start",
                violation_error_message="Ngày kết thúc không được trước ngày bắt đầu.",
            ),
        ]

    def __str__(self) -> str:
        """ "5834/PĐTĐ-UBND — subject"; "Kế hoạch (chưa có số) — subject" while the number is
        blank (never "/KH-UBND — …", which reads as a broken number)."""
        if self.number:
            return f"{self.number_symbol} — {subject_short(self.subject)}"
        return f"{self.reference} — {subject_short(self.subject)}"

    def save(self, *args, **kwargs):
        if self.issued_on:
            self.issued_month = self.issued_on.month
            self.issued_year = self.issued_on.year
        self.sort_date = self.issued_on or (
            datetime.date(self.issued_year, self.issued_month or 1, 1) if self.issued_year else None
        )
        super().save(*args, **kwargs)

    def search_source(self) -> str:
        """Also find a campaign by its issuer's and its type's names."""
        extra = " ".join(
            [
                self.number_symbol,
                self.issuer.name if self.issuer_id else "",
                self.document_type.name if self.document_type_id else "",
                self.get_kind_display() if self.kind else "",
                "phong trào thi đua đặc biệt" if self.is_special else "",
            ]
        )
        return f"{super().search_source()} {extra}"

    def deadline_refused(self, deadline: datetime.date | None) -> str:
        """Why a registration deadline does not fit the campaign's dates, or "": not after
        its end, not before its document was issued (before it starts is fine: units
        often register for a plan issued in December for the next year). Decision 0063."""
        if deadline and self.end_date and deadline > self.end_date:
            return (
                f"Hạn đăng ký {deadline:%d/%m/%Y} sau ngày kết thúc phong trào "
                f"({self.end_date:%d/%m/%Y}): hạn đăng ký phải trong thời gian phong trào."
            )
        if deadline and self.issued_on and deadline < self.issued_on:
            return (
                f"Hạn đăng ký {deadline:%d/%m/%Y} trước ngày ban hành văn bản phát động "
                f"({self.issued_on:%d/%m/%Y}): các đơn vị chưa nhận được phong trào để đăng ký."
            )
        return ""

    @property
    def number_symbol(self) -> str:
        """ "5834/PĐTĐ-UBND", or "/UBND-NV" when the number is still blank."""
        if not self.number and not self.symbol:
            return ""
        return f"{self.number}/{self.symbol}" if self.symbol else self.number

    @property
    def number_label(self) -> str:
        """The "Số, ký hiệu" cell of a list: "5834/PĐTĐ-UBND", or "chưa có số (KH-UBND)"
        while the văn thư has not numbered it."""
        if self.number:
            return self.number_symbol
        return f"chưa có số ({self.symbol})" if self.symbol else "chưa có số"

    @property
    def reference(self) -> str:
        """How a person names the document in a list or a link: "Công văn số 5834/UBND-NV",
        or "Công văn (chưa có số)" while the văn thư has not numbered it."""
        kind = self.document_type.name
        if not self.number:
            return f"{kind} (chưa có số)"
        return (
            f"{kind} số {self.number}/{self.symbol}" if self.symbol else f"{kind} số {self.number}"
        )

    @property
    def dated_reference(self) -> str:
        """The reference with its date, which tells this year's launch from last year's copy
        (same issuer, same long subject): "Chỉ thị số 12/CT-UBND ngày 05/01/2026", or
        "Kế hoạch (chưa có số) tháng 6/2023" when the document left its day blank."""
        if self.issued_on:
            return f"{self.reference} ngày {self.issued_on:%d/%m/%Y}"
        if self.issued_year:
            month = f"tháng {self.issued_month}/" if self.issued_month else "năm "
            return f"{self.reference} {month}{self.issued_year}"
        return self.reference

    @property
    def date_line(self) -> str:
        """The place-and-date line as printed, blanks kept: "Tam Đường, ngày   tháng 7 năm 2024"."""
        if self.issued_on:
            text = date_in_words(self.issued_on)
        elif self.issued_year:
            blank = "\u2002" * 3
            text = f"ngày {blank} tháng {self.issued_month or blank} năm {self.issued_year}"
        else:
            return self.place
        return f"{self.place}, {text}" if self.place else text[0].upper() + text[1:]

    @property
    def year(self) -> int | None:
        """Năm thi đua: the year whose results the campaign counts for — the year it ends,
        else the year its document was issued. Awards, blocs and eligibility read this;
        `campaign_year_q` is the same rule in the database."""
        if self.end_date:
            return self.end_date.year
        if self.issued_on:
            return self.issued_on.year
        return self.issued_year

    @property
    def is_letter(self) -> bool:
        return self.document_type.is_letter

    @property
    def is_public(self) -> bool:
        return self.status in self.PUBLIC_STATUSES

    @property
    def is_overdue(self) -> bool:
        """Published, but its end date has passed and nobody has closed it yet."""
        return (
            self.status == self.Status.PUBLISHED
            and self.end_date is not None
            and self.end_date < timezone.localdate()
        )

    def after_issuers_end(self) -> str:
        """Why the campaign cannot be issued on its date ("" when it can): its body had
        ended (`Unit.after_end_problem`; a month or a year after its last day too)."""
        first = first_day_of(self.issued_on, self.issued_month, self.issued_year)
        return self.issuer.after_end_problem(first, "ban hành văn bản")

    @property
    def read_only_text(self) -> str:
        """Why staff who read this campaign cannot act on it: its body was merged into
        theirs (the 2025 reform). The pages add their own ending."""
        successor = self.issuer.merged_into
        into = f" (đã sáp nhập vào {successor.name})" if successor else ""
        return f"Văn bản của {self.issuer.name}{into}: chỉ xem"

    @property
    def registration_refusal(self) -> str:
        """Why a unit cannot register for this campaign today ("" when it can): only a
        published campaign whose end date and registration deadline have not passed."""
        today = timezone.localdate()
        if self.status != self.Status.PUBLISHED or (
            self.end_date is not None and self.end_date < today
        ):
            ended = f" ngày {self.end_date:%d/%m/%Y}" if self.end_date else ""
            return f"Phong trào đã kết thúc{ended}: không nhận đăng ký thi đua."
        if self.registration_deadline and today > self.registration_deadline:
            return f"Đã quá hạn đăng ký thi đua ({self.registration_deadline:%d/%m/%Y})."
        return ""

    @property
    def phase(self) -> tuple[str, str]:
        """(css code, Vietnamese label) of where the campaign stands, as the public sees it."""
        if self.is_overdue or self.status == self.Status.CLOSED:
            return "closed", "Đã kết thúc"
        if self.status == self.Status.PUBLISHED:
            return "published", "Đang diễn ra"
        return self.status, self.get_status_display()

    @property
    def staff_phase(self) -> tuple[str, str]:
        """(css code, Vietnamese label) for the office: a campaign past its end that
        nobody has closed is still to be closed (the public reads it as ended: `phase`)."""
        if self.is_overdue:
            return (
                "published",
                f"Đã phát động (đã hết thời gian ngày {self.end_date:%d/%m/%Y}, chưa kết thúc)",
            )
        return self.phase

    def items_tree(self) -> list[ContentItem]:
        """Top-level items in order, each with `.subitems` filled (one level)."""
        items = list(self.items.all())
        by_parent: dict[int | None, list[ContentItem]] = {}
        for item in items:
            by_parent.setdefault(item.parent_id, []).append(item)
        for item in items:
            item.subitems = by_parent.get(item.pk, [])
        return by_parent.get(None, [])

    def distribution_groups(self) -> list[dict]:
        """Nơi nhận lines; consecutive lines with the same mark share one brace, as on paper."""
        groups: list[dict] = []
        for entry in self.distribution.all():
            if groups and entry.mark and groups[-1]["mark"] == entry.mark:
                groups[-1]["entries"].append(entry)
            else:
                groups.append({"mark": entry.mark, "entries": [entry]})
        return groups


class OrderedChild(models.Model):
    """A row of a campaign's document that keeps its printed order."""

    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


class ContentItem(OrderedChild):
    """Nội dung thi đua: one item of the launch document, nested one level at most."""

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="items"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="thuộc nội dung",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    label = models.CharField(
        "ký hiệu mục", max_length=20, blank=True, help_text="Như văn bản ghi: 1., Một là, -, +, a)."
    )
    heading = models.CharField("tiêu đề", max_length=255, blank=True)
    text = models.TextField("nội dung", help_text="Mỗi đoạn một dòng.")

    history = HistoricalRecords()

    class Meta(OrderedChild.Meta):
        verbose_name = "nội dung thi đua"
        verbose_name_plural = "nội dung thi đua"

    def __str__(self) -> str:
        return f"{self.label} {self.text[:60]}".strip()


# Acts cited by their name ("Luật Thi đua, khen thưởng ngày 15/6/2022"), a number only
# sometimes: a reference to one keeps its name in `subject` (decision 0066).
NAMED_ACTS = ("Bộ luật", "Luật", "Pháp lệnh")


def citation(
    doc_type: str | None,
    number: str | None,
    symbol: str | None,
    issued_on: datetime.date | str | None,
    issuer: str | None,
    *,
    name: str | None = "",
) -> str:
    """A cited document as a clerk writes it: "Công văn số 2563/UBND-TH ngày 04/07/2024
    của UBND tỉnh Lai Châu", "Luật Thi đua, khen thưởng ngày 15/06/2022". The one
    formatting of a citation: the model's, the reader's review and a revision's alike."""
    ident = f"{number or ''}/{symbol}" if symbol else (number or "")
    parts = [doc_type or "", name or "", f"số {ident}" if ident else ""]
    if isinstance(issued_on, str) and issued_on:
        issued_on = datetime.date.fromisoformat(issued_on)
    if issued_on:
        parts.append(f"ngày {issued_on:%d/%m/%Y}")
    if issuer:
        parts.append(f"của {issuer}")
    return " ".join(p for p in parts if p)


class DocumentReference(OrderedChild):
    """A document the launch document cites: its legal basis or the one it answers.

    When the cited document is a campaign in thidua, `linked_campaign` points at it.
    """

    class Relation(models.TextChoices):
        LEGAL_BASIS = "legal_basis", "Căn cứ"
        IMPLEMENTS = "implements", "Thực hiện"
        CITED = "cited", "Dẫn chiếu"

    campaign = models.ForeignKey(
        Campaign,
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="references",
    )
    relation = models.CharField("quan hệ", max_length=20, choices=Relation.choices)
    doc_type = models.CharField("loại văn bản", max_length=100, blank=True)
    number = models.CharField("số", max_length=20, blank=True)
    symbol = models.CharField("ký hiệu", max_length=100, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    issuer_name = models.CharField("cơ quan ban hành", max_length=255, blank=True)
    subject = models.TextField("trích yếu", blank=True)
    linked_campaign = models.ForeignKey(
        Campaign,
        verbose_name="phong trào trong hệ thống",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
    )

    class Meta(OrderedChild.Meta):
        verbose_name = "văn bản dẫn chiếu"
        verbose_name_plural = "căn cứ và văn bản dẫn chiếu"

    def __str__(self) -> str:
        return citation(
            self.doc_type,
            self.number,
            self.symbol,
            self.issued_on,
            self.issuer_name,
            name=self.subject if self.named else "",
        )

    @property
    def named(self) -> bool:
        """A law, code or ordinance: cited by its name, which `subject` holds."""
        return self.doc_type in NAMED_ACTS


class Anniversary(OrderedChild):
    """Ngày kỷ niệm the campaign honours, with its date range."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="anniversaries",
    )
    name = models.CharField("tên sự kiện", max_length=255)
    start_date = models.DateField("từ ngày", null=True, blank=True)
    end_date = models.DateField("đến ngày", null=True, blank=True)

    class Meta(OrderedChild.Meta):
        verbose_name = "ngày kỷ niệm"
        verbose_name_plural = "ngày kỷ niệm"

    def __str__(self) -> str:
        if self.start_date and self.end_date:
            return f"{self.name} ({self.start_date:%d/%m/%Y} - {self.end_date:%d/%m/%Y})"
        return self.name


class Recipient(OrderedChild):
    """Kính gửi: one addressee line."""

    campaign = models.ForeignKey(
        Campaign,
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="recipients",
    )
    text = models.CharField("nơi gửi", max_length=255)

    class Meta(OrderedChild.Meta):
        verbose_name = "nơi gửi (Kính gửi)"
        verbose_name_plural = "kính gửi"

    def __str__(self) -> str:
        return self.text


class DistributionEntry(OrderedChild):
    """Nơi nhận: one line of the distribution list, with its mark such as "B/c".

    Consecutive lines with the same mark share one brace on paper.
    """

    campaign = models.ForeignKey(
        Campaign,
        verbose_name="phong trào",
        on_delete=models.CASCADE,
        related_name="distribution",
    )
    text = models.CharField("nơi nhận", max_length=255)
    mark = models.CharField(
        "ghi chú",
        max_length=30,
        blank=True,
        help_text="Ví dụ: B/c (báo cáo), đăng tải, để thực hiện.",
    )

    class Meta(OrderedChild.Meta):
        verbose_name = "nơi nhận"
        verbose_name_plural = "nơi nhận"

    def __str__(self) -> str:
        return f"{self.text} ({self.mark})" if self.mark else self.text


class CampaignRevision(models.Model):
    """Phiên bản: the document as it stood before a change made after publication.

    A published document cannot be silently edited: every change carries a
    reason and keeps the previous text here, for staff to read.
    """

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField("lần sửa")
    created_at = models.DateTimeField("sửa lúc", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người sửa",
        on_delete=models.PROTECT,
        related_name="+",
    )
    reason = models.TextField("lý do sửa")
    snapshot = models.JSONField("văn bản trước khi sửa")
    changed_fields = models.JSONField("phần đã sửa", default=list)

    class Meta:
        verbose_name = "phiên bản văn bản"
        verbose_name_plural = "phiên bản văn bản"
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "number"],
                name="revision_number_unique",
                violation_error_message="Lần sửa đổi này của phong trào đã có.",
            )
        ]

    def __str__(self) -> str:
        return f"Lần sửa {self.number}: {self.reason[:60]}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"campaigns/{instance.campaign_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Attachment(StoredFileModel):
    """Tệp đính kèm: the signed scan, the final review report, or another file.

    Stored outside the public media path and served only by views that check
    access. Public attachments of public campaigns can be downloaded by anyone.
    """

    class Kind(models.TextChoices):
        SIGNED_SCAN = "signed_scan", "Bản ký số, bản chụp có chữ ký"
        SUMMARY_REPORT = "summary_report", "Báo cáo tổng kết"
        SOURCE = "source", "Văn bản gốc được nhập"
        OTHER = "other", "Tài liệu khác"

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.PROTECT, related_name="attachments"
    )
    kind = models.CharField("loại tệp", max_length=20, choices=Kind.choices, default=Kind.OTHER)
    file = models.FileField(
        "tệp", upload_to=attachment_path, storage=private_storage, max_length=255
    )
    is_public = models.BooleanField(
        "công khai", default=False, help_text="Người dân tải được khi phong trào đã phát động."
    )

    class Meta:
        verbose_name = "tệp đính kèm"
        verbose_name_plural = "tệp đính kèm"
        ordering = ["kind", "uploaded_at"]


def import_path(instance: ImportedDocument, filename: str) -> str:
    return f"imports/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ImportedDocument(ArchivableModel):
    """Văn bản nhập: a document pasted or uploaded to become a draft campaign.

    Keeps the file (with its name, size and SHA-256), the text read from it and
    what the parser found, so every imported draft can be traced to its source.
    One the clerk discards ("Bỏ") is archived, never deleted (decision 0063).
    """

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người nhập",
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("nhập lúc", auto_now_add=True)
    file = models.FileField(
        "tệp", upload_to=import_path, storage=private_storage, max_length=255, blank=True
    )
    original_name = models.CharField("tên tệp", max_length=255, blank=True)
    content_type = models.CharField("định dạng", max_length=120, blank=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    text = models.TextField("nội dung đọc được", blank=True)
    parsed = models.JSONField("kết quả trích xuất", default=dict)

    class Status(models.TextChoices):
        READY = "ready", "Đã đọc xong"
        READING = "reading", "Đang nhận dạng chữ"
        FAILED = "failed", "Không đọc được"

    # A scan is read by a worker (campaigns/ocr.py): the page shows its progress, then
    # the review; a scan it cannot read stays "failed" with the reason, and no draft.
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.READY
    )
    scanned = models.BooleanField("bản quét (nhận dạng chữ)", default=False)
    pages_total = models.PositiveIntegerField("số trang", default=0)
    pages_done = models.PositiveIntegerField("số trang đã đọc", default=0)
    ocr_confidence = models.FloatField("độ tin cậy nhận dạng", null=True, blank=True)
    error = models.TextField("lỗi", blank=True)
    read_started_at = models.DateTimeField("bắt đầu đọc lúc", null=True, blank=True)
    campaign = models.OneToOneField(
        Campaign,
        verbose_name="dự thảo đã tạo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="imported_from",
    )

    class Meta:
        verbose_name = "văn bản nhập"
        verbose_name_plural = "văn bản nhập"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name or f"Văn bản dán #{self.pk}"

    @property
    def reading(self) -> bool:
        return self.status == self.Status.READING

    # A scan no worker started after this, or still read after this plus a minute a
    # page, is said to be stuck on its page (decision 0061).
    STALL_AFTER = datetime.timedelta(minutes=5)

    def stalled(self) -> tuple[str, int] | None:
        """("queued" | "slow", minutes) for a scan being read far longer than it takes."""
        if not self.reading:
            return None
        now = timezone.now()
        if self.read_started_at is None:
            waited = now - self.uploaded_at
            return (
                ("queued", int(waited.total_seconds() // 60)) if waited > self.STALL_AFTER else None
            )
        took = now - self.read_started_at
        limit = self.STALL_AFTER + datetime.timedelta(minutes=self.pages_total or 1)
        return ("slow", int(took.total_seconds() // 60)) if took > limit else None

    @property
    def percent(self) -> int:
        if not self.pages_total:
            return 0
        return min(100, round(100 * self.pages_done / self.pages_total))


class InUseManager(models.Manager):
    """Criteria and report periods in use: an archived one is kept (its reports' history
    reads it) but no longer offered. `all_objects` reaches the archived ones too."""

    def get_queryset(self):
        return super().get_queryset().filter(archived=False)


# A rate (tỷ lệ): a numeric criterion measured in per cent of a whole (households with
# clean water, children at school). Neither its target nor a unit's figure can pass 100
# (decision 0086); a growth rate that can ("tăng 150%") is written in another measure.
RATE_MEASURES = frozenset({"%", "tỷ lệ %", "tỷ lệ (%)", "tỉ lệ %", "tỉ lệ (%)", "phần trăm"})
RATE_MAX = Decimal(100)

# A pass/fail criterion's figure is stored 1 or 0 (decision 0060) and read in words
# (decision 0096): the report's choice, every page and the Excel lists.
PASSED, FAILED = "Đạt", "Không đạt"


def pass_fail_text(value) -> str:
    """A pass/fail figure as people write it: "Đạt" for 1, "Không đạt" for 0."""
    return PASSED if Decimal(value) >= 1 else FAILED


class Criterion(ArchivableModel):
    """Tiêu chí thi đua: a numeric target, a yes/no, or a points scale, with a weight."""

    class Kind(models.TextChoices):
        NUMERIC = "numeric", "Chỉ tiêu định lượng"
        BOOLEAN = "boolean", "Đạt / không đạt"
        POINTS = "points", "Chấm điểm"

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="criteria"
    )
    group = models.CharField(
        "lĩnh vực", max_length=100, blank=True, help_text="Ví dụ: Kinh tế; Văn hóa - xã hội."
    )
    name = models.CharField("tiêu chí", max_length=255)
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    measure = models.CharField("đơn vị tính", max_length=50, blank=True)
    target = models.DecimalField(
        "chỉ tiêu",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0, "Chỉ tiêu không được âm.")],
    )
    max_points = models.DecimalField(
        "điểm tối đa",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"), "Điểm tối đa phải lớn hơn 0.")],
    )
    weight = models.DecimalField(
        "trọng số",
        max_digits=6,
        decimal_places=2,
        default=1,
        validators=[MinValueValidator(Decimal("0.01"), "Trọng số phải lớn hơn 0.")],
    )
    order = models.PositiveIntegerField("thứ tự", default=0)
    history = HistoricalRecords()

    objects = InUseManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = "tiêu chí thi đua"
        verbose_name_plural = "tiêu chí thi đua"
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_rate(self) -> bool:
        """A numeric criterion measured in % (a share of a whole): 0 to 100."""
        return (
            self.kind == self.Kind.NUMERIC
            and " ".join((self.measure or "").lower().split()) in RATE_MEASURES
        )

    def clean(self):
        super().clean()
        if self.is_rate and self.target is not None and self.target > RATE_MAX:
            raise ValidationError(
                {
                    "target": "Chỉ tiêu tính bằng tỷ lệ (%) không được lớn hơn 100. Nếu là "
                    "phần trăm so với kế hoạch (có thể vượt 100), ghi đơn vị tính “% kế hoạch”."
                }
            )
        if self.is_rate and self.pk:
            self._refuse_becoming_a_rate_over_figures()

    def _refuse_becoming_a_rate_over_figures(self) -> None:
        """A criterion turned into a rate (its measure changed to "%") must not leave a
        unit's commitment or reported figure above 100 behind: the summaries would show
        "1.200 %" and the unit could not save its report again (review 0090). One that was
        a rate already keeps what was recorded before the cap (decision 0086)."""
        stored = Criterion.objects.filter(pk=self.pk).first()
        if stored is None or stored.is_rate:
            return
        unit = (
            ReportValue.objects.filter(criterion=self, value__gt=RATE_MAX)
            .values_list("report__unit__name", flat=True)
            .first()
        ) or (
            RegistrationTarget.objects.filter(criterion=self, value__gt=RATE_MAX)
            .values_list("registration__unit__name", flat=True)
            .first()
        )
        if unit:
            raise ValidationError(
                {
                    "measure": f"{unit} đã ghi số lớn hơn 100 theo tiêu chí này: không đổi đơn "
                    "vị tính thành tỷ lệ (%) được. Nếu là phần trăm so với kế hoạch, ghi "
                    "“% kế hoạch”."
                }
            )


class ReportPeriod(ArchivableModel):
    """Kỳ báo cáo: the interim (sơ kết) or final (tổng kết) report and its due date."""

    class Kind(models.TextChoices):
        INTERIM = "interim", "Sơ kết"
        FINAL = "final", "Tổng kết"

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.CASCADE, related_name="periods"
    )
    kind = models.CharField("loại", max_length=10, choices=Kind.choices)
    due_on = models.DateField("hạn nộp", validators=[plausible_date])
    history = HistoricalRecords()

    objects = InUseManager()
    all_objects = models.Manager()

    class Meta:
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"
        ordering = ["due_on"]
        # The dashboard names the reports owed nearest due first: read in this order,
        # not every period of the reporting campaigns sorted (decision 0025).
        indexes = [models.Index(fields=["due_on", "id"], name="reportperiod_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — hạn {self.due_on:%d/%m/%Y}"

    @property
    def is_overdue(self) -> bool:
        """Its due date has passed (Vietnam's date): a report sent now is late."""
        return self.due_on < timezone.localdate()


class RegistrationQuerySet(models.QuerySet):
    def submitted(self) -> RegistrationQuerySet:
        """Registrations the unit sent (submitted_at set). registration_submit writes only
        these; a row without it was written outside the service and commits nothing."""
        return self.filter(submitted_at__isnull=False)


class Registration(TimeStampedModel):
    """Đăng ký thi đua: a unit's commitment to targets and the titles it aims for."""

    campaign = models.ForeignKey(
        Campaign, verbose_name="phong trào", on_delete=models.PROTECT, related_name="registrations"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="registrations"
    )
    titles_aimed = models.CharField("danh hiệu đăng ký", max_length=255, blank=True)
    submitted_at = models.DateTimeField("đăng ký lúc", null=True, blank=True)
    submitted_by = actor_field("người đăng ký")
    history = HistoricalRecords()

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = "đăng ký thi đua"
        verbose_name_plural = "đăng ký thi đua"
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "unit"],
                name="registration_unique",
                violation_error_message="Đơn vị đã đăng ký thi đua phong trào này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.campaign_id}"


class RegistrationTarget(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="targets")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.DecimalField("cam kết", max_digits=14, decimal_places=2, null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "chỉ tiêu đăng ký"
        verbose_name_plural = "chỉ tiêu đăng ký"
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "criterion"],
                name="target_unique",
                violation_error_message="Tiêu chí này đã có chỉ tiêu đăng ký.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class ResultReport(TimeStampedModel):
    """Báo cáo kết quả: a unit's results for one period, draft → submitted (→ returned)."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Dự thảo"
        SUBMITTED = "submitted", "Đã nộp"
        RETURNED = "returned", "Trả lại"

    period = models.ForeignKey(
        ReportPeriod, verbose_name="kỳ báo cáo", on_delete=models.PROTECT, related_name="reports"
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="reports"
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField("nộp lúc", null=True, blank=True)
    # when a report returned for correction and sent again was first sent: it is on time
    # if that was (decision 0073); empty for a report sent once
    first_submitted_at = models.DateTimeField("nộp lần đầu lúc", null=True, blank=True)
    submitted_by = actor_field("người nộp")
    return_reason = models.TextField("lý do trả lại", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "báo cáo kết quả"
        verbose_name_plural = "báo cáo kết quả"
        constraints = [
            models.UniqueConstraint(
                fields=["period", "unit"],
                name="report_unique",
                violation_error_message="Đơn vị đã có báo cáo cho kỳ báo cáo này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"

    @property
    def sent_first(self):
        """When the report was first sent (before any return for correction)."""
        return self.first_submitted_at or self.submitted_at

    @property
    def resent(self) -> bool:
        """Sent again after the office returned it."""
        return self.first_submitted_at is not None

    @property
    def is_late(self) -> bool:
        """First sent after the day it was due (a correction asked for later is not late)."""
        if self.sent_first is None:
            return False
        return timezone.localtime(self.sent_first).date() > self.period.due_on


class ReportValue(models.Model):
    report = models.ForeignKey(ResultReport, on_delete=models.CASCADE, related_name="values")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField("kết quả", max_digits=14, decimal_places=2, null=True, blank=True)
    evidence = models.TextField("minh chứng", blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "kết quả theo tiêu chí"
        verbose_name_plural = "kết quả theo tiêu chí"
        constraints = [
            models.UniqueConstraint(
                fields=["report", "criterion"],
                name="value_unique",
                violation_error_message="Tiêu chí này đã có kết quả trong báo cáo.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


def report_file_path(instance: ReportFile, filename: str) -> str:
    return f"reports/{instance.report_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ReportFile(StoredFileModel):
    """Tệp minh chứng of a unit's report (a scan, a photo, a signed report, a sheet):
    stored privately and downloaded only through a view that checks who asks (the unit's
    staff, the office of the body that launched the campaign). Added and taken off
    ("Gỡ tệp": archived with a reason, never deleted) while the unit may edit the report's
    figures; the report's history names each (decision 0092)."""

    report = models.ForeignKey(
        ResultReport, verbose_name="báo cáo", on_delete=models.PROTECT, related_name="files"
    )
    file = models.FileField(
        "tệp", upload_to=report_file_path, storage=private_storage, max_length=255
    )

    class Meta:
        verbose_name = "tệp minh chứng báo cáo"
        verbose_name_plural = "tệp minh chứng báo cáo"
        ordering = ["uploaded_at", "pk"]


# Thang điểm khối: a bloc's self and agreed scores are out of 100 (decision 0076). Neither
# a bloc nor a campaign has a scale field; without a maximum, "900" typed for "90" was
# kept and ranked first. The scoring form and `scores_enter` refuse points above it.
BLOC_SCORE_MAX = Decimal(100)


class BlocScore(models.Model):
    """Chấm điểm khối: a unit's self score, and the agreed score the bloc head records
    after the bloc's cross-scoring, from 0 to BLOC_SCORE_MAX."""

    class Kind(models.TextChoices):
        SELF = "self", "Tự chấm"
        AGREED = "agreed", "Khối chấm chéo, thống nhất"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="bloc_scores")
    bloc = models.ForeignKey("units.Bloc", on_delete=models.CASCADE, related_name="scores")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="bloc_scores")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    points = models.DecimalField(
        "điểm",
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0, "Điểm không được âm.")],
    )
    entered_by = actor_field("người chấm")
    entered_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "điểm thi đua khối"
        verbose_name_plural = "điểm thi đua khối"
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "bloc", "unit", "kind"],
                name="bloc_score_unique",
                violation_error_message="Đơn vị đã có điểm loại này trong khối, phong trào này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit}: {self.points} ({self.get_kind_display()})"


class ReminderLog(models.Model):
    """A reminder already sent (unit, what, which kind), so cron can run the command often."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=30)  # "registration" or "period:<id>"
    kind = models.CharField(max_length=10)  # "before" or "after"
    sent_at = models.DateTimeField(auto_now_add=True)
    # The queued email; a reminder whose email could not be delivered is sent again.
    email = models.ForeignKey(
        "units.OutgoingEmail", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "campaign", "subject", "kind"],
                name="reminder_once",
                violation_error_message="Lời nhắc này đã được gửi.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.subject} {self.kind}"
