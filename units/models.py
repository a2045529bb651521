"""Who takes part: the organisation tree, people and staff roles.

Shared abstract bases live here too, because `units` is the lowest layer:
campaigns and awards import from units, never the reverse.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import connection, models, router, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.dispatch import Signal
from simple_history.models import HistoricalRecords

from .files import private_storage
from .symbols import body_code, code_problem
from .text import marked_padded, padded


class TimeStampedModel(models.Model):
    """Created and modified times on every business record."""

    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


class ConstraintsInClean:
    """A model whose clean() already states some of its constraints' rules beside the
    field concerned: those constraints are not stated a second time, at the top of the
    form (the database still enforces them)."""

    checked_in_clean: tuple[str, ...] = ()

    def get_constraints(self):
        return [
            (model, [c for c in constraints if c.name not in self.checked_in_clean])
            for model, constraints in super().get_constraints()
        ]


class ArchivableModel(models.Model):
    """Nothing a user wrote is deleted: it is archived, with who, when and why."""

    archived = models.BooleanField("đã lưu trữ", default=False, db_index=True)
    archived_on = models.DateTimeField("lưu trữ lúc", null=True, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người lưu trữ",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    archived_reason = models.TextField("lý do lưu trữ", blank=True)

    class Meta:
        abstract = True


class StoredFileModel(ArchivableModel):
    """A private uploaded file's facts: name, type, size, SHA-256, who and when.

    Subclasses add the `file` field (with their own folder) and what it belongs to.
    """

    original_name = models.CharField("tên tệp", max_length=255)
    content_type = models.CharField("định dạng", max_length=120)
    size = models.PositiveBigIntegerField("dung lượng (byte)")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_at = models.DateTimeField("tải lên lúc", auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name


# Sent, inside the writer's transaction, when rows' names change: sender the model
# (Person, Unit, AwardType), `ids` their primary keys. Other rows that keep a name in their
# stored search text rebuild it (awards: the grants, decision 0054). A save sends it; a bulk
# write sends it itself (units/sheets/kinds.bulk_update_changed).
renamed = Signal()

# Sent by `units.services.unit_merge`, inside the merge's transaction, once `source` is
# archived and merged into `target` (`by` the user, `reason` the resolution). The apps
# above carry the merged unit's open work on at the successor (awards: the nominations not
# yet decided, decision 0067); what was issued keeps pointing at the old unit.
merged = Signal()


class SearchableMixin(models.Model):
    """Keeps `search_text`, a diacritic-free copy of the fields users search."""

    search_text = models.TextField("nội dung tìm kiếm", blank=True, editable=False)

    search_fields: tuple[str, ...] = ()
    # The field other rows copy into their own search text (a grant: its person's name);
    # a save that changes it sends `renamed`.
    name_field: str | None = None

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        written = self.refresh_search()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = [
                *update_fields,
                *(f for f in written if f not in update_fields),
            ]
        field = self.name_field
        name = getattr(self, field) if field else None
        rename = (
            field is not None
            and not self._state.adding
            and (update_fields is None or field in update_fields)
            and getattr(self, "_name_loaded", None) != name  # not loaded (None): say it
        )
        if not rename:
            super().save(*args, **kwargs)
        else:  # the rename and what rebuilds on it, in one transaction
            with transaction.atomic(using=kwargs.get("using") or router.db_for_write(type(self))):
                super().save(*args, **kwargs)
                renamed.send(sender=type(self)._meta.concrete_model, ids=[self.pk])
        if field:
            self._name_loaded = name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if cls.name_field:
            instance._name_loaded = instance.__dict__.get(cls.name_field)
        return instance

    def search_source(self) -> str:
        """The text searched, as written (the stored columns are built from it)."""
        return " ".join(str(getattr(self, name) or "") for name in self.search_fields)

    def build_search_text(self) -> str:
        return padded(self.search_source())

    def refresh_search(self) -> list[str]:
        """Rebuild the stored search columns (for `bulk_create`/`bulk_update` too);
        returns their names."""
        self.search_text = self.build_search_text()
        return ["search_text"]


class MarkedSearchMixin(SearchableMixin):
    """Also keeps `search_marked`, the same text with its diacritics (lower case), so a
    search typed with diacritics can put the rows written exactly so first
    (`units.text.rank_marked`; the public honour roll, list of campaigns and decisions,
    the staff's searches of units, people and nominations: decisions 0043, 0054)."""

    search_marked = models.TextField(
        "nội dung tìm kiếm (có dấu)", blank=True, default="", editable=False
    )

    class Meta:
        abstract = True

    def refresh_search(self) -> list[str]:
        source = self.search_source()
        self.search_text = padded(source)
        self.search_marked = marked_padded(source)
        return ["search_text", "search_marked"]


class UnitQuerySet(models.QuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(archived=False)

    def issuing_bodies(self) -> UnitQuerySet:
        return self.filter(is_issuing_body=True)


def ended_on_problem(day) -> str:
    """Why `day` cannot be a unit's last day (`Unit.ended_on`), or "": not after today,
    only a reorganisation already in force is recorded (services and admin alike)."""
    from django.utils import timezone

    if day > timezone.localdate():
        return (
            f"Ngày chấm dứt hoạt động ({day:%d/%m/%Y}) không được sau hôm nay: "
            "chỉ ghi nhận sắp xếp đã có hiệu lực."
        )
    return ""


class Unit(TimeStampedModel, ArchivableModel, MarkedSearchMixin):
    """Đơn vị: any organisation in the one tree.

    Province, district and commune People's Committees, departments, mass
    organisations, enterprises and cooperatives all live in this tree. Since
    1/7/2025 districts are gone: units are moved or merged (`merged_into`)
    and archived, never deleted, so award history stays readable.
    """

    class Level(models.TextChoices):
        PROVINCE = "province", "Cấp tỉnh"
        DISTRICT = "district", "Cấp huyện"
        COMMUNE = "commune", "Cấp xã"
        OTHER = "other", "Khác"

    class Kind(models.TextChoices):
        PEOPLES_COMMITTEE = "ubnd", "Ủy ban nhân dân"
        DEPARTMENT = "department", "Cơ quan chuyên môn (sở, phòng, ban)"
        PUBLIC_SERVICE = "public_service", "Đơn vị sự nghiệp"
        MASS_ORGANISATION = "mass_org", "Mặt trận, đoàn thể"
        ENTERPRISE = "enterprise", "Doanh nghiệp"
        COOPERATIVE = "cooperative", "Hợp tác xã"
        VILLAGE = "village", "Thôn, bản, tổ dân phố"
        OTHER = "other", "Khác"

    code = models.SlugField(
        "mã đơn vị",
        max_length=50,
        unique=True,
        help_text="Mã ngắn, duy nhất, dùng khi nhập/xuất Excel (ví dụ: ubnd-tam-duong).",
    )
    name = models.CharField("tên đơn vị", max_length=255)
    short_name = models.CharField("tên viết tắt", max_length=100, blank=True)
    symbol_code = models.CharField(
        "chữ viết tắt trong ký hiệu văn bản",
        max_length=20,
        blank=True,
        help_text=(
            "Viết sau tên loại văn bản trong ký hiệu (Nghị định 30/2020): TTr-PNV, QĐ-UBND. "
            "Để trống: Ủy ban nhân dân là UBND, cơ quan khác lấy chữ cái đầu của tên "
            "(Phòng Nội vụ: PNV)."
        ),
    )
    kind = models.CharField("loại hình", max_length=20, choices=Kind.choices)
    level = models.CharField("cấp", max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="đơn vị cấp trên",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    is_issuing_body = models.BooleanField(
        "cơ quan ban hành",
        default=False,
        help_text="Đơn vị có thẩm quyền phát động phong trào và ban hành văn bản.",
    )
    locality = models.CharField(
        "địa danh",
        max_length=100,
        blank=True,
        help_text="Địa danh ghi trên văn bản, ví dụ: Tam Đường, Thành phố Lai Châu.",
    )
    admin_code = models.CharField(
        "mã ĐVHC",
        max_length=10,
        blank=True,
        help_text=(
            "Mã đơn vị hành chính chính thức (tỉnh 2 chữ số, xã/phường 5 chữ số), "
            "nạp bằng lệnh load_divisions. Để trống với đơn vị không phải đơn vị hành chính."
        ),
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name="đã sáp nhập vào",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )
    ended_on = models.DateField(
        "ngày chấm dứt hoạt động",
        null=True,
        blank=True,
        help_text=(
            "Ngày cuối cùng đơn vị còn tồn tại (giải thể, sáp nhập); để trống với đơn vị đang "
            "hoạt động. Đơn vị sắp xếp năm 2025: 30/06/2025 (đơn vị mới hoạt động từ "
            "01/07/2025)."
        ),
    )

    objects = UnitQuerySet.as_manager()
    search_fields = ("name", "short_name", "code", "admin_code", "locality")
    name_field = "name"

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        ordering = ["name"]
        indexes = [models.Index(fields=["parent", "archived"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")),
                name="unit_not_own_parent",
                violation_error_message="Một đơn vị không thể là đơn vị cấp trên của chính nó.",
            ),
            # The official code identifies one unit; units that are not administrative
            # units (departments, enterprises, units of before 2025) leave it blank.
            # The partial unique index is also the lookup index.
            models.UniqueConstraint(
                fields=["admin_code"],
                condition=~Q(admin_code=""),
                name="unit_admin_code_unique_when_set",
                violation_error_message="Mã đơn vị hành chính này đã dùng cho một đơn vị khác.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (đã lưu trữ)" if self.archived else self.name

    @property
    def name_with_end(self) -> str:
        """The name, and for a unit that no longer works what became of it, as a list of
        a campaign's units across the 2025 reform shows it: "UBND thị trấn Tam Đường (đã
        sáp nhập vào UBND xã Bình Lư)", "Phòng Nội vụ huyện Tân Uyên (đã giải thể ngày
        30/06/2025)" (decision 0079). Reads `merged_into`: select it with the unit."""
        if not self.archived:
            return self.name
        if self.merged_into_id:
            return f"{self.name} (đã sáp nhập vào {self.merged_into.name})"
        ended = f" ngày {self.ended_on:%d/%m/%Y}" if self.ended_on else ""
        return f"{self.name} (đã giải thể{ended})"

    @property
    def header_lines(self) -> list[str]:
        """The body's name as printed at the top left of a document (Decree 30), in capitals.

        "UBND huyện Tam Đường" prints as "ỦY BAN NHÂN DÂN" over "HUYỆN TAM ĐƯỜNG".
        """
        name = self.name
        if name.startswith("UBND "):
            return ["ỦY BAN NHÂN DÂN", name[len("UBND ") :].upper()]
        if name.lower().startswith("ủy ban nhân dân "):
            return ["ỦY BAN NHÂN DÂN", name[len("ủy ban nhân dân ") :].upper()]
        return [name.upper()]

    def clean(self) -> None:
        """A code for its symbols with no type, slash or space (the admin's unit form); a
        parent that keeps the tree a tree (decision 0072)."""
        from django.core.exceptions import ValidationError

        problem = code_problem(self.symbol_code)
        if problem:
            raise ValidationError({"symbol_code": problem})
        if problem := self.parent_problem():
            raise ValidationError({"parent": problem})
        if problem := self.archived_problem():
            raise ValidationError(problem)

    # What an archived unit's issued decisions and grants read under: shown, never edited
    # (the admin's form shows them read only; this holds for its import too; 0070, 0075).
    HISTORICAL_FIELDS = (
        "name",
        "short_name",
        "code",
        "admin_code",
        "kind",
        "level",
        "parent_id",
        "is_issuing_body",
        "symbol_code",
        "locality",
    )

    def archived_problem(self) -> dict[str, str]:
        """What is wrong with an archived unit as it would be saved: a field of its record
        changed, or its last day missing or after today (as the services refuse it)."""
        if not (self.pk and self.archived):
            return {}
        stored = (
            type(self)
            .objects.filter(pk=self.pk, archived=True)
            .values(*self.HISTORICAL_FIELDS)
            .first()
        )
        if stored is None:  # being archived now: the services set its last day
            return {}
        changed = [f for f in stored if getattr(self, f) != stored[f]]
        problems = {
            f.removesuffix("_id"): f"Đơn vị “{self.name}” đã lưu trữ: không sửa được."
            for f in changed
        }
        if self.ended_on is None:
            problems["ended_on"] = "Đơn vị đã lưu trữ cần ngày chấm dứt hoạt động."
        elif problem := ended_on_problem(self.ended_on):
            problems["ended_on"] = problem
        return problems

    def parent_problem(self) -> str:
        """Why `parent` cannot be this unit's parent, or "". Not the unit itself (the
        database's check, which the admin's form skips), nor one of the units below it:
        the province under its own ward would put the whole province in the ward's
        scope. An active unit newly put under a unit goes under a living one, not a
        dissolved district."""
        parent = self.parent
        if parent is None:
            return ""
        if self.pk and parent.pk == self.pk:
            return "Một đơn vị không thể là đơn vị cấp trên của chính nó."
        if self.pk and self.pk in {unit.pk for unit in parent.ancestors()}:
            return (
                f"Không chọn được {parent.name}: {parent.name} là đơn vị trực thuộc của "
                f"{self.name} (đơn vị cấp trên không thể nằm dưới chính đơn vị này)."
            )
        moved = (
            not self.pk
            or type(self).objects.filter(pk=self.pk).exclude(parent_id=parent.pk).exists()
        )
        if parent.archived and not self.archived and moved:
            return (
                f"{parent.name} đã lưu trữ"
                + (f" (đã sáp nhập vào {parent.merged_into.name})" if parent.merged_into else "")
                + ": chọn một đơn vị đang hoạt động."
            )
        return ""

    @property
    def document_code(self) -> str:
        """The body's abbreviation in its documents' symbols: the one set, else derived
        from its kind and name (units/symbols.py)."""
        return self.symbol_code.strip() or body_code(self.name, self.kind)

    @property
    def full_name(self) -> str:
        """The name written out, as a document's text names a body: "Ủy ban nhân dân thành
        phố Lai Châu" for "UBND thành phố Lai Châu" (Decree 30 allows "UBND" only in the
        parent body's line of the header)."""
        if self.name.startswith("UBND "):
            return "Ủy ban nhân dân " + self.name[len("UBND ") :]
        return self.name

    @property
    def document_place(self) -> str:
        """The place written before a document's date (Decree 30): the body's own, else
        that of the body it belongs to ("Phòng Nội vụ thành phố Lai Châu" writes "Thành
        phố Lai Châu")."""
        if self.locality:
            return self.locality
        return next((unit.locality for unit in self.ancestors() if unit.locality), "")

    @property
    def standing_office_name(self) -> str:
        """Its emulation council's standing office as a document's "Nơi nhận" names it:
        "Phòng Nội vụ huyện Tam Đường", "Văn phòng HĐND và UBND phường Tân Phong" (a
        People's Committee's, by its level: Membership.OFFICE_BY_LEVEL), else "Cơ quan
        thường trực Hội đồng Thi đua - Khen thưởng, <its name>"."""
        office = Membership.OFFICE_BY_LEVEL.get(self.level)
        if self.kind == self.Kind.PEOPLES_COMMITTEE and office:
            place = self.full_name.removeprefix("Ủy ban nhân dân ").strip()
            if place != self.full_name:
                return f"{office} {place}"
        return f"Cơ quan thường trực Hội đồng Thi đua - Khen thưởng, {self.name}"

    @property
    def signature_lines(self) -> list[str]:
        """The signature block's lines over the room to sign (Decree 30): a People's
        Committee signs for the collective ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"); another
        body by its head's title."""
        if self.kind == self.Kind.PEOPLES_COMMITTEE:
            return ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        for start, title in (
            ("Phòng ", "TRƯỞNG PHÒNG"),
            ("Sở ", "GIÁM ĐỐC"),
            ("Ban ", "TRƯỞNG BAN"),
        ):
            if self.name.startswith(start):
                return [title]
        return ["THỦ TRƯỞNG CƠ QUAN"]

    LEVEL_RANK = {Level.PROVINCE: 0, Level.DISTRICT: 1, Level.COMMUNE: 2, Level.OTHER: 3}

    def after_end_problem(self, day: datetime.date | None, what: str) -> str:
        """Why this body cannot sign a document (`what`: "ban hành quyết định") dated
        `day` ("" when it can): it is after its last day (`ended_on`; decision 0074). On
        or before it stays allowed: an old body's back-dated record is its history."""
        if self.ended_on is None or day is None or day <= self.ended_on:
            return ""
        return (
            f"{self.name} đã kết thúc hoạt động ngày {self.ended_on:%d/%m/%Y}: không "
            f"{what} ngày {day:%d/%m/%Y}. Ghi ngày từ {self.ended_on:%d/%m/%Y} trở về trước, "
            "hoặc để đơn vị kế thừa ban hành."
        )

    def document_after_end_problem(self, day: datetime.date) -> str:
        """Why a document dated `day` (a report made today) cannot be made in this body's
        name ("" when it can): the body ended before `day` (the 2025 reform). Names the
        successor that carries its records, which makes the document instead (decision
        0089); the figures stay readable on the page and in Excel."""
        if self.ended_on is None or day <= self.ended_on:
            return ""
        since = self.ended_on + datetime.timedelta(days=1)
        now = self.successors()[-1]
        text = f"{self.name} đã kết thúc hoạt động từ {since:%d/%m/%Y}"
        if now.pk != self.pk:
            text += f"; nay thuộc {now.name}"
        text += f". Văn bản lập ngày {day:%d/%m/%Y} không ban hành nhân danh đơn vị đã kết thúc"
        if now.pk != self.pk:
            text += f": {now.name} lập văn bản dưới tên của mình"
        return text + ". Số liệu vẫn xem được trên trang và tải Excel."

    def is_above(self, other: Unit) -> bool:
        """A higher level, or a unit this one sits under: whose campaigns `other` can answer."""
        if self.pk in {u.pk for u in other.ancestors()}:
            return True
        return self.LEVEL_RANK[self.level] < self.LEVEL_RANK[other.level]

    def ancestors(self) -> list[Unit]:
        """The chain of parents, nearest first (the tree is a few levels deep)."""
        chain: list[Unit] = []
        node = self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain

    def descendant_ids(self) -> set[int]:
        """Ids of this unit and every unit below it: one query per level."""
        return descendant_ids_of([self.pk])

    def successors(self) -> list[Unit]:
        """This unit, then the unit it was merged into, and so on: where its people and
        roles went."""
        chain = [self]
        while chain[-1].merged_into_id and chain[-1].merged_into not in chain:
            chain.append(chain[-1].merged_into)
        return chain

    def lineage_ids(self) -> set[int]:
        """Ids of this unit and of every unit merged into it (its predecessors)."""
        return lineage_ids_of([self.pk])


def lineage_ids_of(ids: Iterable[int]) -> set[int]:
    """Ids of the given units and of every unit merged into any of them, however long
    the chain (a commune merged in 2025 into a commune merged later): the units whose
    records a successor carries on (award history, quotas)."""
    found = set(ids)
    frontier = set(found)
    while frontier:
        frontier = (
            set(Unit.objects.filter(merged_into_id__in=frontier).values_list("id", flat=True))
            - found
        )
        found |= frontier
    return found


def archive_ids_of(ids: Iterable[int]) -> set[int]:
    """`lineage_ids_of`, and the dissolved units that sat under the given ones (archived,
    reached through archived units only) with theirs: the bodies whose records the given
    ones now keep, read only. The province keeps the decisions of UBND thành phố Lai Châu
    (merged into it on 30/06/2025) and of a district dissolved under it without a
    successor; a ward keeps its old communes'. A living unit below is not reached: its
    records are its own. One query per step of the walk (the tree is a few levels deep)."""
    found = set(ids)
    frontier = set(found)
    while frontier:
        frontier = (
            set(
                Unit.objects.filter(
                    Q(merged_into_id__in=frontier) | Q(parent_id__in=frontier, archived=True)
                ).values_list("id", flat=True)
            )
            - found
        )
        found |= frontier
    return found


def _subtree(roots: Iterable[int] | models.QuerySet) -> tuple[str, list]:
    """`WITH RECURSIVE subtree(root, id)`: each of the given units (ids, or a queryset of
    units) and every unit below it, paired with the given unit it is below. One statement
    walks the whole tree, on SQLite and PostgreSQL alike; UNION (not UNION ALL) visits a
    unit once per root, so even a loop in the tree ends. Archived units are walked too."""
    table = connection.ops.quote_name(Unit._meta.db_table)
    parent = connection.ops.quote_name(Unit._meta.get_field("parent").column)
    if isinstance(roots, models.QuerySet):
        sql, params = roots.order_by().values("pk").query.sql_with_params()
        start, params = f"SELECT id, id FROM {table} WHERE id IN ({sql})", list(params)
    else:
        params = sorted(set(roots))
        marks = ", ".join(["%s"] * len(params)) or "NULL"
        start = f"SELECT id, id FROM {table} WHERE id IN ({marks})"
    return (
        f"WITH RECURSIVE subtree(root, id) AS ({start} UNION SELECT subtree.root, child.id "
        f"FROM {table} child JOIN subtree ON child.{parent} = subtree.id)",
        params,
    )


def descendants_query(roots: Iterable[int] | models.QuerySet) -> RawSQL:
    """The ids of the given units and of every unit below them, as a subquery for a
    filter (`unit_id__in=descendants_query(...)`): the database walks the tree, and no
    list of thousands of ids goes to it and back."""
    cte, params = _subtree(roots)
    return RawSQL(f"{cte} SELECT id FROM subtree", params)


def descendant_ids_of(ids: Iterable[int] | models.QuerySet) -> set[int]:
    """Ids of the given units and every unit below any of them: one query however many
    units are given and however deep the tree (a recursive CTE, `_subtree`)."""
    cte, params = _subtree(ids)
    with connection.cursor() as cursor:
        cursor.execute(f"{cte} SELECT DISTINCT id FROM subtree", params)
        return {row[0] for row in cursor.fetchall()}


def ancestors_of(units: Iterable[Unit | int]) -> dict[int, list[int]]:
    """For each given unit (a Unit, whose parent is then known, or an id), the ids of its
    parents, nearest first (`Unit.ancestors` for many units): one query per level above
    them, however many units are given."""
    ids: list[int] = []
    parent_of: dict[int, int | None] = {}
    for unit in units:
        if isinstance(unit, Unit):
            ids.append(unit.pk)
            parent_of[unit.pk] = unit.parent_id
        else:
            ids.append(unit)
    frontier = {pk for pk in ids if pk not in parent_of}
    frontier |= {parent for parent in parent_of.values() if parent is not None}
    frontier -= parent_of.keys()
    while frontier:
        rows = list(Unit.objects.filter(pk__in=frontier).values_list("pk", "parent_id"))
        parent_of.update(rows)
        frontier = {parent for _, parent in rows if parent is not None} - parent_of.keys()
    chains: dict[int, list[int]] = {}
    for pk in ids:
        chain: list[int] = []
        node = parent_of.get(pk)
        while node is not None and node != pk and node not in chain:
            chain.append(node)
            node = parent_of.get(node)
        chains[pk] = chain
    return chains


def descendant_ids_by_root(ids: Iterable[int], *, active: bool = False) -> dict[int, set[int]]:
    """For each given unit, the ids of it and every unit below it (`descendant_ids_of`
    for each, separately; only the active ones with `active=True`): one query for all."""
    below: dict[int, set[int]] = {root: set() for root in ids}
    cte, params = _subtree(below)
    table = connection.ops.quote_name(Unit._meta.db_table)
    archived = connection.ops.quote_name(Unit._meta.get_field("archived").column)
    select = "SELECT subtree.root, subtree.id FROM subtree"
    if active:
        select += f" JOIN {table} u ON u.id = subtree.id WHERE u.{archived} = %s"
        params = [*params, False]
    with connection.cursor() as cursor:
        cursor.execute(f"{cte} {select}", params)
        for root, pk in cursor.fetchall():
            below[root].add(pk)
    return below


class IssuingBody(Unit):
    """Cơ quan ban hành: units that launch campaigns, listed on their own in the admin."""

    class Meta:
        proxy = True
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"


class Person(TimeStampedModel, ArchivableModel, MarkedSearchMixin):
    """Cá nhân: an individual in a unit, who can be nominated for awards.

    The law asks that direct workers (người lao động trực tiếp), women and
    ethnic minorities be counted, so those facts are fields.
    """

    class Gender(models.TextChoices):
        MALE = "male", "Nam"
        FEMALE = "female", "Nữ"

    MAJORITY_ETHNICITY = "Kinh"

    full_name = models.CharField("họ và tên", max_length=150)
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="persons"
    )
    position = models.CharField("chức vụ", max_length=150, blank=True)
    gender = models.CharField("giới tính", max_length=10, choices=Gender.choices)
    ethnicity = models.CharField(
        "dân tộc", max_length=50, blank=True, help_text="Ví dụ: Kinh, Thái, Mông, Dao."
    )
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    under_discipline = models.BooleanField(
        "đang bị kỷ luật hoặc điều tra",
        default=False,
        help_text="Không xét khen thưởng khi đang bị kỷ luật, điều tra.",
    )
    is_direct_worker = models.BooleanField(
        "người lao động trực tiếp",
        default=False,
        help_text="Công nhân, nông dân, người trực tiếp sản xuất, giảng dạy, khám chữa bệnh...",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    search_fields = ("full_name", "position", "ethnicity")
    name_field = "full_name"

    class Meta:
        verbose_name = "cá nhân"
        verbose_name_plural = "cá nhân"
        ordering = ["full_name"]
        indexes = [models.Index(fields=["unit", "archived"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.unit.name})"

    def clean(self) -> None:
        """A birth year from 1900 to this year (the admin's form and its import)."""
        from django.core.exceptions import ValidationError
        from django.utils import timezone

        this_year = timezone.localdate().year
        if self.birth_year is not None and not 1900 <= self.birth_year <= this_year:
            raise ValidationError({"birth_year": f"Năm sinh phải từ 1900 đến {this_year}."})

    @property
    def is_ethnic_minority(self) -> bool:
        return bool(self.ethnicity) and self.ethnicity != self.MAJORITY_ETHNICITY


class MembershipQuerySet(models.QuerySet):
    def active(self) -> MembershipQuerySet:
        return self.filter(archived=False, unit__archived=False)


class Membership(TimeStampedModel, ArchivableModel):
    """Vai trò: a user's role at a unit. Every permission check reads these.

    Granted and revoked only through units.services (membership_grant,
    membership_revoke): a revoked role is archived, never deleted, and the history
    keeps who gave or took each role, and when.
    """

    class Role(models.TextChoices):
        UNIT_STAFF = "unit_staff", "Cán bộ đơn vị"
        OFFICE_STAFF = "office_staff", "Cơ quan thường trực (Phòng/Sở Nội vụ)"
        COUNCIL_MEMBER = "council_member", "Thành viên Hội đồng TĐKT"
        LEADER = "leader", "Lãnh đạo"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="tài khoản",
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit, verbose_name="đơn vị", on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField("vai trò", max_length=20, choices=Role.choices)

    # Who gave or took the role, when, and why (a revocation's reason in full).
    history = HistoricalRecords(
        verbose_name="lịch sử vai trò",
        verbose_name_plural="lịch sử vai trò",
        history_change_reason_field=models.TextField(null=True),
    )
    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = "vai trò"
        verbose_name_plural = "vai trò"
        ordering = ["unit__name", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "unit", "role"],
                condition=Q(archived=False),
                name="membership_unique_active_role",
                violation_error_message="Người dùng đã có vai trò này tại đơn vị.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit.name}"

    # The standing office of the emulation council at each level: the Sở Nội vụ of a
    # province, the Phòng Nội vụ of a district (before 1/7/2025), and the Văn phòng HĐND
    # và UBND of a commune or ward, which has no Nội vụ of its own.
    OFFICE_BY_LEVEL = {
        Unit.Level.PROVINCE: "Sở Nội vụ",
        Unit.Level.DISTRICT: "Phòng Nội vụ",
        Unit.Level.COMMUNE: "Văn phòng HĐND và UBND",
    }

    @property
    def role_text(self) -> str:
        """The role as its holder knows it: "Cơ quan thường trực (Văn phòng HĐND và UBND)"
        at a ward, not the choice's "(Phòng/Sở Nội vụ)" for every level."""
        if self.role == self.Role.OFFICE_STAFF:
            office = self.OFFICE_BY_LEVEL.get(self.unit.level)
            return f"Cơ quan thường trực ({office})" if office else "Cơ quan thường trực"
        return self.get_role_display()


class Bloc(TimeStampedModel):
    """Khối thi đua: units grouped by an issuing body for a year, led by a head unit,
    which score and rank each other."""

    issuer = models.ForeignKey(
        Unit, verbose_name="cơ quan tổ chức", on_delete=models.PROTECT, related_name="blocs"
    )
    year = models.PositiveSmallIntegerField("năm")
    name = models.CharField("tên khối", max_length=255)
    head = models.ForeignKey(
        Unit, verbose_name="đơn vị trưởng khối", on_delete=models.PROTECT, related_name="blocs_led"
    )
    members = models.ManyToManyField(
        Unit, verbose_name="đơn vị thành viên", related_name="blocs_in"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "khối thi đua"
        verbose_name_plural = "khối thi đua"
        ordering = ["-year", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "name"],
                name="bloc_name_unique",
                violation_error_message="Cơ quan đã có khối thi đua cùng tên trong năm này.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class OutgoingEmail(models.Model):
    """Thư đi: an email written in the same transaction as the change it reports.

    A state change never waits on the mail server: the row commits with the change,
    a task delivers it, and a failed delivery is retried with back-off. What could
    not be delivered stays here, visible to the admin, who can send it again.
    """

    class Status(models.TextChoices):
        PENDING = "pending", "Chờ gửi"
        SENT = "sent", "Đã gửi"
        FAILED = "failed", "Gửi không được"

    subject = models.CharField("tiêu đề", max_length=255)
    body = models.TextField("nội dung")
    recipients = models.JSONField("người nhận", default=list)
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField("số lần thử", default=0)
    last_error = models.TextField("lỗi lần gần nhất", blank=True)
    created_at = models.DateTimeField("tạo lúc", auto_now_add=True)
    next_attempt_at = models.DateTimeField("thử lại lúc", null=True, blank=True)
    sent_at = models.DateTimeField("gửi lúc", null=True, blank=True)

    class Meta:
        verbose_name = "thư đi"
        verbose_name_plural = "thư đi"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="email_due_idx")]

    def __str__(self) -> str:
        return self.subject


def issued_document_path(instance: IssuedDocument, filename: str) -> str:
    return f"issued/{instance.kind}/{instance.object_id}/{instance.revision}-{filename}"


class IssuedDocument(models.Model):
    """Bản phát hành: the PDF of an issued document (a published launch document, an
    issued decision, its certificates, a closed council session's minutes), as it was
    issued, with its SHA-256.

    The HTML is frozen in the same transaction as the issue, so later changes to
    templates, award-type names, unit names or signers never reach it; the PDF is
    rendered from it once (by a task) and every download returns the same bytes. A
    change to the document is a new revision, which keeps the old one.
    """

    class Kind(models.TextChoices):
        CAMPAIGN = "campaign", "Văn bản phát động"
        DECISION = "decision", "Quyết định khen thưởng"
        CERTIFICATES = "certificates", "Giấy khen, bằng khen"
        MINUTES = "minutes", "Biên bản họp Hội đồng"
        SUBMISSION = "submission", "Tờ trình"

    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField("mã văn bản")
    revision = models.PositiveIntegerField("lần sửa", default=0)
    filename = models.CharField("tên tệp", max_length=120)
    html = models.TextField("nội dung khi ban hành")
    file = models.FileField(
        "tệp PDF",
        upload_to=issued_document_path,
        storage=private_storage,
        max_length=255,
        blank=True,
    )
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    size = models.PositiveBigIntegerField("dung lượng (byte)", null=True, blank=True)
    issued_at = models.DateTimeField("ban hành lúc", auto_now_add=True)
    rendered_at = models.DateTimeField("tạo PDF lúc", null=True, blank=True)

    class Meta:
        verbose_name = "bản phát hành"
        verbose_name_plural = "bản phát hành"
        ordering = ["kind", "object_id", "-revision"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "revision"],
                name="issued_document_unique",
                violation_error_message="Văn bản đã ban hành lần này đã có.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.object_id} (lần {self.revision})"

    @property
    def is_rendered(self) -> bool:
        return bool(self.sha256)


class FileJob(models.Model):
    """Việc chạy nền: slow work a user asks for (a large report, a big Excel import),
    done by a worker; the page shows its progress, its result and the file it made."""

    class Status(models.TextChoices):
        PENDING = "pending", "Đang chờ"
        RUNNING = "running", "Đang tạo"
        DONE = "done", "Đã xong"
        FAILED = "failed", "Không tạo được"

    kind = models.CharField("loại", max_length=40)
    title = models.CharField("tên", max_length=255)
    params = models.JSONField("tham số", default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người yêu cầu",
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        "trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING
    )
    filename = models.CharField("tên tệp", max_length=120)
    source = models.FileField(
        "tệp đầu vào",
        upload_to="jobs/input/",
        storage=private_storage,
        max_length=255,
        blank=True,
        help_text="Tệp người dùng gửi lên để xử lý (ví dụ bảng Excel cần nhập).",
    )
    file = models.FileField(
        "tệp",
        upload_to="jobs/",
        storage=private_storage,
        max_length=255,
        blank=True,
    )
    summary = models.TextField("kết quả", blank=True)
    error = models.TextField("lỗi", blank=True)
    created_at = models.DateTimeField("yêu cầu lúc", auto_now_add=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)

    class Meta:
        verbose_name = "tệp được tạo"
        verbose_name_plural = "tệp được tạo"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class ImportRecord(models.Model):
    """Lần nhập Excel: one upload of units, people, roles or the award register.

    The file is kept, checked row by row (the preview), then written all or nothing
    when the office confirms. What the import created and the values it replaced are
    kept here, so the import can be reverted as a whole (units/sheets/services.py)."""

    class Status(models.TextChoices):
        CHECKING = "checking", "Đang kiểm tra"
        READY = "ready", "Chờ xác nhận"
        REFUSED = "refused", "Có lỗi, chưa nhập"
        IMPORTING = "importing", "Đang nhập"
        DONE = "done", "Đã nhập"
        FAILED = "failed", "Không nhập được"
        REVERTED = "reverted", "Đã hoàn tác"
        CANCELLED = "cancelled", "Đã hủy, không nhập"

    kind = models.CharField("loại dữ liệu", max_length=30)
    status = models.CharField(
        "trạng thái", max_length=12, choices=Status.choices, default=Status.CHECKING
    )
    office = models.ForeignKey(
        Unit,
        verbose_name="cơ quan thường trực",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Phạm vi của lần nhập: đơn vị này và các đơn vị trực thuộc. Trống: toàn hệ thống.",
    )
    original_name = models.CharField("tên tệp", max_length=255)
    source = models.FileField(
        "tệp Excel", upload_to="imports/%Y/%m/", storage=private_storage, max_length=255
    )
    size = models.PositiveBigIntegerField("dung lượng (byte)", default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người tải lên",
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("tải lên lúc", auto_now_add=True)
    rows_total = models.PositiveIntegerField("số dòng", default=0)
    rows_done = models.PositiveIntegerField("số dòng đã xử lý", default=0)
    counts = models.JSONField("kết quả theo loại", default=dict, blank=True)
    problems = models.JSONField(
        "lỗi", default=list, blank=True, help_text="[dòng, cột, nội dung] của từng lỗi."
    )
    preview = models.JSONField(
        "xem trước", default=list, blank=True, help_text="[dòng, việc sẽ làm, mô tả] từng dòng."
    )
    cells = models.JSONField("giá trị đã đọc", default=list, blank=True, editable=False)
    changes = models.JSONField("thay đổi đã ghi", default=dict, blank=True, editable=False)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người xác nhận",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    confirmed_at = models.DateTimeField("xác nhận lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xong lúc", null=True, blank=True)
    step_started_at = models.DateTimeField(
        "bước hiện tại bắt đầu lúc",
        null=True,
        blank=True,
        help_text="Một bước (kiểm tra, ghi) chỉ chạy một lần, kể cả khi được giao lại.",
    )
    reverted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="người hoàn tác",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reverted_at = models.DateTimeField("hoàn tác lúc", null=True, blank=True)
    revert_reason = models.TextField("lý do hoàn tác", blank=True)
    error = models.TextField("lỗi hệ thống", blank=True)

    class Meta:
        verbose_name = "lần nhập Excel"
        verbose_name_plural = "lần nhập Excel"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["office", "-created_at"])]

    def __str__(self) -> str:
        return f"#{self.pk} {self.original_name}"

    @property
    def running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)

    @property
    def percent(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, round(100 * self.rows_done / self.rows_total))


class FormSubmission(models.Model):
    """Biểu mẫu đã gửi: the one-time token of a create form, and where its result is.

    Every create form carries a fresh token (`{% once_token %}`, units/once.py). The
    first POST with it claims this row; a second one (Back, then save again; a double
    click) finds it and is sent to what the first one created, instead of creating it
    twice. A POST whose form had errors gives its token back, so the corrected form can
    be sent."""

    token = models.UUIDField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    path = models.CharField(max_length=500)
    result_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "biểu mẫu đã gửi"
        verbose_name_plural = "biểu mẫu đã gửi"
        constraints = [
            models.UniqueConstraint(
                fields=["token"],
                name="form_submission_once",
                violation_error_message="Biểu mẫu này đã được gửi.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.path} → {self.result_url or '(đang lưu)'}"


# An account's searched fields: its login, its name and its email.
ACCOUNT_SEARCHED = ("username", "first_name", "last_name", "email")


class AccountSearch(models.Model):
    """Tìm tài khoản: the folded copy of an account's login, name and email ("lo van"
    finds Lò Văn Chung, "d" finds Đ), by `units.text.search_q`'s rule, for the admin's
    account list and the role picker's account box. Django's own User has no column to
    keep it in and the app has no custom user model: this one-to-one row is it, kept up
    to date by every save of an account (`account_saved`, connected in units.apps) and
    by the bulk writes that send no signal (`AccountSearch.write`). Decision 0086."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="account_search",
        verbose_name="tài khoản",
    )
    search_text = models.TextField("nội dung tìm kiếm", blank=True, editable=False)

    class Meta:
        verbose_name = "nội dung tìm tài khoản"
        verbose_name_plural = "nội dung tìm tài khoản"

    def __str__(self) -> str:
        return self.search_text.strip()

    @staticmethod
    def text_of(user) -> str:
        return padded(" ".join(str(getattr(user, name) or "") for name in ACCOUNT_SEARCHED))

    @classmethod
    def write(cls, users: Iterable) -> None:
        """Write the rows of these saved accounts (new or changed), a thousand a query."""
        rows = [cls(user_id=user.pk, search_text=cls.text_of(user)) for user in users]
        if rows:
            cls.objects.bulk_create(
                rows,
                batch_size=1000,
                update_conflicts=True,
                unique_fields=["user"],
                update_fields=["search_text"],
            )


def account_saved(sender, instance, created, update_fields=None, raw=False, **kwargs) -> None:
    """post_save of an account: its search row follows its login, name and email. A save
    of other fields only (a login's `last_login`) writes nothing."""
    if raw:  # loaddata: the fixture brings its own rows
        return
    if update_fields is not None and not set(update_fields) & set(ACCOUNT_SEARCHED):
        return
    AccountSearch.write([instance])
