"""The kinds of sheet the units app reads and writes: units, people and staff roles."""

from __future__ import annotations

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from units.models import AccountSearch, Membership, Person, Unit
from units.services import archive_stamp
from units.text import normalize_search

from . import columns as read
from .columns import Column, labels
from .kinds import (
    CREATE,
    REFUSE,
    UPDATE,
    Context,
    RowPlan,
    SheetKind,
    bulk_update_changed,
    delete_created,
    revert_updates,
    sheet_kind,
    updates_record,
)

BATCH = 2000
YES_NO = ("Có", "Không")


def _unit_column(header: str = "Đơn vị", required: bool = True) -> Column:
    return Column(
        "unit",
        header,
        required=required,
        help="Mã đơn vị (ví dụ ubnd-xa-ban-hon) hoặc tên đơn vị, có dấu hoặc không dấu. "
        "Nếu nhiều đơn vị trùng tên, ghi mã.",
        example="UBND xã Bản Hon",
        width=30,
    )


@sheet_kind
class UnitsKind(SheetKind):
    key = "units"
    title = "Đơn vị"
    what = "đơn vị"
    filename = "don-vi"
    columns = (
        Column(
            "code",
            "Mã đơn vị",
            required=True,
            help="Mã ngắn, duy nhất: chữ không dấu, số, gạch ngang. Mã đã có thì cập nhật "
            "đơn vị đó; mã mới thì thêm đơn vị.",
            example="ubnd-xa-ban-hon",
            width=24,
        ),
        Column("name", "Tên đơn vị", required=True, example="UBND xã Bản Hon", width=36),
        Column("short_name", "Tên viết tắt", example="UBND Bản Hon"),
        Column(
            "kind",
            "Loại hình",
            required=True,
            choices=labels(Unit.Kind.choices),
            help="Một trong: " + "; ".join(labels(Unit.Kind.choices)) + ".",
            example="Ủy ban nhân dân",
            width=28,
        ),
        Column(
            "level",
            "Cấp",
            required=True,
            choices=labels(Unit.Level.choices),
            help="Một trong: " + "; ".join(labels(Unit.Level.choices)) + ".",
            example="Cấp xã",
            width=14,
        ),
        Column(
            "parent",
            "Đơn vị cấp trên",
            help="Mã hoặc tên của đơn vị cấp trên; có thể là đơn vị ở dòng khác trong tệp.",
            example="ubnd-tinh-lai-chau",
            width=28,
        ),
        Column(
            "is_issuing_body",
            "Cơ quan ban hành",
            choices=YES_NO,
            help="“Có” nếu đơn vị phát động phong trào, ban hành quyết định khen thưởng.",
            example="Có",
            width=14,
        ),
        Column("locality", "Địa danh", help="Địa danh ghi trên văn bản.", example="Bản Hon"),
        Column(
            "admin_code",
            "Mã ĐVHC",
            help="Mã đơn vị hành chính chính thức (xã, phường 5 chữ số); để trống nếu không có.",
            example="03520",
            width=12,
        ),
        Column(
            "symbol_code",
            "Chữ viết tắt trong ký hiệu",
            help="Chữ viết tắt của cơ quan ghi sau tên loại văn bản trong số, ký hiệu "
            "(Nghị định 30/2020): Phòng Nội vụ ghi PNV thì Tờ trình mang số …/TTr-PNV. "
            "Để trống: hệ thống tự lấy (Ủy ban nhân dân là UBND; cơ quan khác là chữ cái "
            "đầu của tên, không kể địa danh). Chỉ gồm chữ cái, chữ số, & hoặc -; không ghi "
            "tên loại văn bản (không ghi QĐ-PNV, TTr-PNV), không dấu / hay dấu cách. "
            "Chỉ áp dụng cho văn bản lập sau khi nhập; văn bản đã ban hành giữ số cũ.",
            example="PNV",
            width=16,
        ),
    )
    shown = (
        Column(
            "symbol_code_in_use",
            "Chữ viết tắt đang dùng",
            help="Chỉ để xem, chỉ có trong tệp xuất: chữ viết tắt hệ thống đang ghi trong ký "
            "hiệu văn bản của đơn vị, là chữ ở cột “Chữ viết tắt trong ký hiệu”, hoặc chữ hệ "
            "thống tự lấy khi cột đó để trống. Khi nhập, cột này không được đọc: muốn đặt chữ "
            "viết tắt, ghi vào cột “Chữ viết tắt trong ký hiệu”.",
            example="PNV",
            width=16,
        ),
    )
    notes = (
        "Đơn vị không bị xóa khi vắng mặt trong tệp; muốn sáp nhập, giải thể, dùng chức năng "
        "sắp xếp đơn vị.",
    )

    def prepare(self, ctx: Context, rows: list[dict]) -> None:
        ctx.data["file_codes"] = {}
        ctx.data["admin_codes"] = dict(
            Unit.objects.exclude(admin_code="").values_list("admin_code", "code")
        )
        ctx.data["seen_admin"] = {}

    def check(self, ctx: Context, plan: RowPlan, row: dict) -> None:
        c = self.column
        code = (self.read(plan, c("code"), read.text, row.get("code"), max_length=50) or "").lower()
        if code:
            try:
                validate_slug(code)
            except ValidationError:
                plan.refuse(c("code"), f"Mã “{code}” chỉ gồm chữ không dấu, số, gạch ngang.")
            first = ctx.data["file_codes"].setdefault(code, plan.number)
            if first != plan.number:
                plan.refuse(c("code"), f"Mã “{code}” trùng với dòng {first}.")
        values = {
            "name": self.read(plan, c("name"), read.text, row.get("name"), max_length=255),
            "short_name": self.read(
                plan, c("short_name"), read.text, row.get("short_name"), max_length=100
            ),
            "kind": self.read(plan, c("kind"), read.choice, row.get("kind"), Unit.Kind.choices),
            "level": self.read(plan, c("level"), read.choice, row.get("level"), Unit.Level.choices),
            "is_issuing_body": self.read(
                plan, c("is_issuing_body"), read.yes_no, row.get("is_issuing_body")
            ),
            "locality": self.read(
                plan, c("locality"), read.text, row.get("locality"), max_length=100
            ),
            "admin_code": self.read(
                plan, c("admin_code"), read.text, row.get("admin_code"), max_length=10
            ),
            "symbol_code": self.read(
                plan, c("symbol_code"), read.symbol_code, row.get("symbol_code")
            ),
        }
        if isinstance(row.get("admin_code"), int):
            plan.refuse(
                c("admin_code"),
                "Mã ĐVHC phải ghi dạng văn bản để giữ số 0 ở đầu (định dạng ô là Text, "
                "ví dụ 03520).",
            )
        plan.label = f"{values['name'] or code}"
        admin_code = values["admin_code"]
        if admin_code:
            owner = ctx.data["admin_codes"].get(admin_code)
            if owner and owner != code:
                plan.refuse(c("admin_code"), f"Mã ĐVHC {admin_code} đã thuộc đơn vị “{owner}”.")
            first = ctx.data["seen_admin"].setdefault(admin_code, plan.number)
            if first != plan.number:
                plan.refuse(c("admin_code"), f"Mã ĐVHC {admin_code} trùng với dòng {first}.")
        plan.values = values
        plan.values["parent_code"] = str(row.get("parent") or "").strip()
        existing = ctx.units.by_code.get(code)
        if existing is not None:
            if not ctx.units.in_scope(existing.id):
                plan.refuse(
                    c("code"), f"Đơn vị “{existing.name}” không thuộc phạm vi quản lý của bạn."
                )
            elif existing.archived:
                plan.refuse(c("code"), f"Đơn vị “{existing.name}” đã lưu trữ: không sửa được.")
            plan.target = existing
        plan.values["code"] = code

    FIELDS = (
        "name",
        "short_name",
        "kind",
        "level",
        "is_issuing_body",
        "locality",
        "admin_code",
        "symbol_code",
    )

    def finish(self, ctx: Context, plans: list[RowPlan]) -> None:
        """Parents: an existing unit, or a new unit of the same file; no unit its own ancestor."""
        parent_column = self.column("parent")
        new_codes = {p.values["code"] for p in plans if p.values.get("code") and p.target is None}
        targets = Unit.objects.in_bulk([p.target.id for p in plans if p.target is not None])
        for plan in plans:
            raw = plan.values.pop("parent_code", "")
            plan.values["parent_ref"] = ""
            plan.values["parent_id"] = None
            if raw.lower() in new_codes:
                plan.values["parent_ref"] = raw.lower()  # a unit this file creates
            elif raw:
                try:
                    parent = ctx.units.find(raw, scoped=False)
                except read.CellError as error:
                    plan.refuse(parent_column, str(error))
                else:
                    plan.values["parent_id"] = parent.id
                    kept = plan.target is not None and plan.target.parent_id == parent.id
                    if not (kept or ctx.units.in_scope(parent.id)):
                        plan.refuse(
                            parent_column,
                            f"Đơn vị “{parent.name}” không thuộc phạm vi quản lý của bạn.",
                        )
            elif ctx.scope is not None and (
                plan.target is None or (ctx.has("parent") and plan.target.parent_id)
            ):
                plan.refuse(
                    parent_column,
                    "Bắt buộc: đơn vị phải thuộc một đơn vị cấp trên trong phạm vi quản lý."
                    if plan.target is None
                    else "Không được bỏ trống đơn vị cấp trên của đơn vị đã có.",
                )
            if plan.target is not None:
                self.compare(
                    plan,
                    targets[plan.target.id],
                    {k: plan.values[k] for k in (*self.FIELDS, "parent_id")},
                    ctx.present,
                )
                if plan.values["parent_ref"] and plan.action != REFUSE:
                    plan.before["parent_id"] = plan.target.parent_id
                    plan.action = UPDATE
            self._check_rights(ctx, plan)
        self._refuse_cycles(ctx, [p for p in plans if p.action != REFUSE])

    STRUCTURE = {"parent_id", "level", "is_issuing_body"}

    def _check_rights(self, ctx: Context, plan: RowPlan) -> None:
        """An office adds units and corrects their names; moving a unit, changing its level
        or making it an issuing body is the unit administrator's (units.change_unit), and
        the office's own body is not changed through its own import."""
        if plan.action == REFUSE or ctx.actor.has_perm("units.change_unit"):
            return
        if plan.action == UPDATE and ctx.office is not None and plan.target.pk == ctx.office.pk:
            plan.refuse(
                self.column("code"),
                "Không sửa đơn vị của chính cơ quan thường trực qua tệp nhập; "
                "đề nghị quản trị hệ thống sửa.",
            )
        elif plan.action == UPDATE and self.STRUCTURE & set(plan.before):
            plan.refuse(
                self.column("parent"),
                "Đổi đơn vị cấp trên, cấp hoặc cơ quan ban hành của đơn vị đã có cần quyền "
                "quản trị đơn vị (dùng chức năng sắp xếp đơn vị).",
            )
        elif plan.action == CREATE and plan.values.get("is_issuing_body"):
            plan.refuse(
                self.column("is_issuing_body"),
                "Chỉ quản trị đơn vị mới tạo được cơ quan ban hành.",
            )

    def _refuse_cycles(self, ctx: Context, plans: list[RowPlan]) -> None:
        parent_of: dict = {u.id: u.parent_id for u in ctx.units.by_id.values()}
        key_of = {p.values["code"]: (p.target.id if p.target else p.values["code"]) for p in plans}
        for plan in plans:
            ref = plan.values["parent_ref"]
            parent_of[key_of[plan.values["code"]]] = (
                key_of.get(ref) if ref else plan.values["parent_id"]
            )
        for plan in plans:
            start = key_of[plan.values["code"]]
            node, seen = parent_of.get(start), {start}
            while node is not None and node not in seen:
                seen.add(node)
                node = parent_of.get(node)
            if node == start:
                plan.refuse(
                    self.column("parent"),
                    "Đơn vị cấp trên tạo thành vòng lặp: một đơn vị nằm dưới chính nó.",
                )

    def write(self, ctx: Context, plans: list[RowPlan]) -> dict:
        now = timezone.now()
        new = []
        for plan in plans:
            if plan.action == CREATE:
                unit = Unit(code=plan.values["code"], parent_id=plan.values["parent_id"])
                for name in self.FIELDS:
                    setattr(unit, name, plan.values[name])
                unit.refresh_search()
                new.append(unit)
        Unit.objects.bulk_create(new, batch_size=BATCH)
        created = {unit.code: unit for unit in new}
        parents = []
        for plan in plans:
            ref = plan.values.get("parent_ref")
            if plan.action == CREATE and ref:
                unit = created[plan.values["code"]]
                unit.parent_id = created[ref].pk
                parents.append(unit)
            elif plan.action == UPDATE and ref:
                plan.values["parent_id"] = created[ref].pk
        Unit.objects.bulk_update(parents, ["parent_id"], batch_size=BATCH)
        bulk_update_changed(Unit, [p for p in plans if p.action == UPDATE], now=now)
        return {"created": [unit.pk for unit in new], "updated": updates_record(plans)}

    def revert(self, changes: dict, *, actor: AbstractBaseUser, reason: str) -> None:
        revert_updates(Unit, changes.get("updated", []), what="đơn vị")
        created = changes.get("created", [])
        Unit.objects.filter(pk__in=created).update(parent=None)
        delete_created(Unit, created, what="đơn vị")

    def export_rows(self, scope: set[int] | None) -> Iterator[list]:
        units = Unit.objects.active().select_related("parent").order_by("level", "name")
        if scope is not None:
            units = units.filter(pk__in=scope)
        for u in units.iterator(chunk_size=2000):
            yield [
                u.code,
                u.name,
                u.short_name,
                u.get_kind_display(),
                u.get_level_display(),
                u.parent.code if u.parent_id else "",
                "Có" if u.is_issuing_body else "Không",
                u.locality,
                u.admin_code,
                u.symbol_code,  # blank: derived from the name (units/symbols.py)
                u.document_code,  # shown only: the code in use (`shown`)
            ]


@sheet_kind
class PersonsKind(SheetKind):
    key = "persons"
    title = "Cá nhân"
    what = "người"
    filename = "ca-nhan"
    FIELDS = (
        "full_name",
        "unit_id",
        "position",
        "gender",
        "ethnicity",
        "birth_year",
        "is_direct_worker",
    )
    columns = (
        Column(
            "id",
            "Mã cá nhân",
            help="Để trống khi thêm người mới. Giữ nguyên mã (lấy từ tệp xuất) khi sửa thông tin.",
            example="",
            width=12,
        ),
        Column("full_name", "Họ và tên", required=True, example="Lò Thị Mai", width=28),
        _unit_column(),
        Column("position", "Chức vụ", example="Chủ tịch Hội Phụ nữ xã", width=28),
        Column(
            "gender",
            "Giới tính",
            required=True,
            choices=labels(Person.Gender.choices),
            help="Nam hoặc Nữ.",
            example="Nữ",
            width=10,
        ),
        Column(
            "ethnicity", "Dân tộc", help="Ví dụ: Kinh, Thái, Mông, Dao.", example="Thái", width=12
        ),
        Column("birth_year", "Năm sinh", help="Bốn chữ số, ví dụ 1985.", example="1985", width=10),
        Column(
            "is_direct_worker",
            "Lao động trực tiếp",
            choices=YES_NO,
            help="“Có” với công nhân, nông dân, người trực tiếp sản xuất, giảng dạy, khám chữa bệnh.",
            example="Không",
            width=14,
        ),
    )
    notes = ("Người đã có (cùng họ tên, đơn vị và năm sinh) được cập nhật, không thêm trùng.",)

    @staticmethod
    def identity(name: str, unit_id: int | None, birth_year: int | None) -> tuple:
        return (normalize_search(name), unit_id, birth_year)

    def prepare(self, ctx: Context, rows: list[dict]) -> None:
        people = Person.objects.all()
        if ctx.scope is not None:
            people = people.filter(unit_id__in=ctx.scope)
        by_id, by_identity = {}, {}
        for person in people.iterator(chunk_size=5000):
            by_id[person.pk] = person
            key = self.identity(person.full_name, person.unit_id, person.birth_year)
            by_identity.setdefault(key, []).append(person)
        ctx.data.update(by_id=by_id, by_identity=by_identity, seen_id={}, seen_identity={})

    def check(self, ctx: Context, plan: RowPlan, row: dict) -> None:
        c = self.column
        person_id = self.read(
            plan, c("id"), read.integer, row.get("id"), low=1, high=2**31 - 1, what="Mã cá nhân"
        )
        unit = self.read(plan, c("unit"), ctx.units.find, row.get("unit"))
        values = {
            "full_name": self.read(
                plan, c("full_name"), read.text, row.get("full_name"), max_length=150
            ),
            "unit_id": unit.id if unit else None,
            "position": self.read(
                plan, c("position"), read.text, row.get("position"), max_length=150
            ),
            "gender": self.read(
                plan, c("gender"), read.choice, row.get("gender"), Person.Gender.choices
            ),
            "ethnicity": self.read(
                plan, c("ethnicity"), read.text, row.get("ethnicity"), max_length=50
            ),
            "birth_year": self.read(
                plan, c("birth_year"), read.year, row.get("birth_year"), low=1900, what="Năm sinh"
            ),
            "is_direct_worker": self.read(
                plan, c("is_direct_worker"), read.yes_no, row.get("is_direct_worker")
            ),
        }
        plan.values = values
        name = values["full_name"] or f"(dòng {plan.number})"
        plan.label = f"{name} ({unit.name})" if unit else name
        if plan.action == "refuse":
            return
        identity = self.identity(values["full_name"], values["unit_id"], values["birth_year"])
        if person_id is None:  # with a Mã cá nhân, two namesakes are two people
            first = ctx.data["seen_identity"].setdefault(identity, plan.number)
            if first != plan.number:
                plan.refuse(
                    c("full_name"), f"Trùng với dòng {first} (cùng họ tên, đơn vị, năm sinh)."
                )
                return
        if person_id is not None:
            first = ctx.data["seen_id"].setdefault(person_id, plan.number)
            if first != plan.number:
                plan.refuse(c("id"), f"Mã cá nhân {person_id} trùng với dòng {first}.")
                return
            target = ctx.data["by_id"].get(person_id)
            if target is None:
                plan.refuse(
                    c("id"), f"Không có cá nhân mã {person_id} trong phạm vi quản lý của bạn."
                )
                return
            if target.archived:
                plan.refuse(c("id"), f"Cá nhân mã {person_id} đã lưu trữ: không sửa được.")
                return
        else:
            matches = [p for p in ctx.data["by_identity"].get(identity, []) if not p.archived]
            if len(matches) > 1:
                ids = ", ".join(str(p.pk) for p in matches[:5])
                plan.refuse(
                    c("id"),
                    f"Đã có {len(matches)} người trùng họ tên, đơn vị, năm sinh (mã {ids}): ghi mã cá nhân.",
                )
                return
            target = matches[0] if matches else None
        if target is not None:
            if normalize_search(target.full_name) == normalize_search(values["full_name"]):
                values["full_name"] = target.full_name  # the same name without diacritics
            self.compare(plan, target, values, ctx.present)

    def write(self, ctx: Context, plans: list[RowPlan]) -> dict:
        now = timezone.now()
        new = []
        for plan in plans:
            if plan.action == CREATE:
                person = Person(**plan.values)
                person.refresh_search()
                new.append(person)
        Person.objects.bulk_create(new, batch_size=BATCH)
        bulk_update_changed(Person, [p for p in plans if p.action == UPDATE], now=now)
        return {"created": [p.pk for p in new], "updated": updates_record(plans)}

    def revert(self, changes: dict, *, actor: AbstractBaseUser, reason: str) -> None:
        revert_updates(Person, changes.get("updated", []), what="cá nhân")
        delete_created(Person, changes.get("created", []), what="cá nhân")

    def export_rows(self, scope: set[int] | None) -> Iterator[list]:
        people = (
            Person.objects.filter(archived=False)
            .select_related("unit")
            .order_by("unit__name", "full_name", "pk")
        )
        if scope is not None:
            people = people.filter(unit_id__in=scope)
        for p in people.iterator(chunk_size=2000):
            yield [
                p.pk,
                p.full_name,
                p.unit.code,
                p.position,
                p.get_gender_display(),
                p.ethnicity,
                p.birth_year,
                "Có" if p.is_direct_worker else "Không",
            ]


@sheet_kind
class MembershipsKind(SheetKind):
    permission = "units.add_membership"  # as membership_grant
    key = "memberships"
    title = "Vai trò cán bộ"
    what = "vai trò"
    filename = "vai-tro-can-bo"
    columns = (
        Column(
            "username",
            "Tên đăng nhập",
            required=True,
            help="Tài khoản đã có thì giao thêm vai trò; chưa có thì tạo tài khoản mới "
            "(quản trị đặt mật khẩu ban đầu).",
            example="vanthu.banhon",
            width=22,
        ),
        Column(
            "full_name",
            "Họ và tên",
            help="Dùng khi tạo tài khoản mới.",
            example="Lò Văn Minh",
            width=26,
        ),
        Column(
            "email",
            "Thư điện tử",
            help="Dùng khi tạo tài khoản mới.",
            example="minh@laichau.gov.vn",
            width=28,
        ),
        _unit_column(),
        Column(
            "role",
            "Vai trò",
            required=True,
            choices=labels(Membership.Role.choices),
            help="Một trong: " + "; ".join(labels(Membership.Role.choices)) + ".",
            example="Cán bộ đơn vị",
            width=30,
        ),
    )
    notes = ("Vai trò không bị thu hồi khi vắng mặt trong tệp; thu hồi trong trang quản trị.",)

    def prepare(self, ctx: Context, rows: list[dict]) -> None:
        User = get_user_model()
        names = {str(r.get("username") or "").strip().lower() for r in rows}
        pks = {
            pk
            for pk, username in User.objects.values_list("pk", "username").iterator(chunk_size=5000)
            if username.lower() in names
        }
        users = {u.username.lower(): u for u in User.objects.filter(pk__in=pks)}
        active = set(
            Membership.objects.filter(archived=False, user__in=users.values()).values_list(
                "user_id", "unit_id", "role"
            )
        )
        ctx.data.update(users=users, active=active, seen={}, new_users={})

    def check(self, ctx: Context, plan: RowPlan, row: dict) -> None:
        c = self.column
        username = self.read(plan, c("username"), read.text, row.get("username"), max_length=150)
        if username and not all(ch.isalnum() or ch in "@.+-_" for ch in username):
            plan.refuse(
                c("username"), "Tên đăng nhập chỉ gồm chữ, số và @ . + - _ (không dấu cách)."
            )
        full_name = self.read(plan, c("full_name"), read.text, row.get("full_name"), max_length=150)
        email = self.read(plan, c("email"), read.text, row.get("email"), max_length=254)
        if email:
            try:
                validate_email(email)
            except ValidationError:
                plan.refuse(c("email"), f"“{email}” không phải địa chỉ thư điện tử.")
        unit = self.read(plan, c("unit"), ctx.units.find, row.get("unit"))
        role = self.read(plan, c("role"), read.choice, row.get("role"), Membership.Role.choices)
        plan.values = {
            "username": username,
            "full_name": full_name,
            "email": email,
            "unit_id": unit.id if unit else None,
            "role": role,
        }
        plan.label = f"{username} — {Membership.Role(role).label if role else ''} — {unit.name if unit else ''}"
        if plan.action == REFUSE:
            return
        key = (username.lower(), unit.id, role)
        first = ctx.data["seen"].setdefault(key, plan.number)
        if first != plan.number:
            plan.refuse(c("username"), f"Trùng với dòng {first}.")
            return
        user = ctx.data["users"].get(username.lower())
        if user is not None and (user.pk, unit.id, role) in ctx.data["active"]:
            plan.action = "unchanged"
            plan.target = user
        elif username.lower() == ctx.actor.get_username().lower():
            plan.refuse(c("username"), "Không tự giao vai trò cho chính mình.")
        elif user is None:
            plan.values["new_user"] = True

    def write(self, ctx: Context, plans: list[RowPlan]) -> dict:
        User = get_user_model()
        users = ctx.data["users"]
        new_users = []
        for plan in plans:
            name = plan.values["username"]
            if plan.action == CREATE and plan.values.get("new_user") and name.lower() not in users:
                first, _, last = plan.values["full_name"].rpartition(" ")
                user = User(
                    username=name, email=plan.values["email"], first_name=first, last_name=last
                )
                user.set_unusable_password()
                users[name.lower()] = user
                new_users.append(user)
        User.objects.bulk_create(new_users, batch_size=BATCH)
        AccountSearch.write(new_users)  # bulk_create sends no post_save (decision 0086)
        memberships = [
            Membership(
                user=users[p.values["username"].lower()],
                unit_id=p.values["unit_id"],
                role=p.values["role"],
            )
            for p in plans
            if p.action == CREATE
        ]
        created = bulk_create_with_history(
            memberships,
            Membership,
            batch_size=BATCH,
            default_user=ctx.actor,
            default_change_reason="Giao vai trò (nhập từ tệp Excel)",
        )
        return {
            "created": [m.pk for m in created],
            "users": [u.pk for u in new_users],
            "updated": [],
        }

    def revert(self, changes: dict, *, actor: AbstractBaseUser, reason: str) -> None:
        # Roles are archived with the reason, never deleted (the history keeps who and
        # why); accounts the import made that nobody has used are switched off.
        for membership in Membership.objects.filter(
            pk__in=changes.get("created", []), archived=False
        ):
            archive_stamp(membership, by=actor, reason=reason)
        User = get_user_model()
        User.objects.filter(
            pk__in=changes.get("users", []), last_login__isnull=True, is_active=True
        ).exclude(memberships__archived=False).update(is_active=False)

    def export_rows(self, scope: set[int] | None) -> Iterator[list]:
        rows = (
            Membership.objects.active()
            .select_related("user", "unit")
            .order_by("unit__name", "user__username", "role")
        )
        if scope is not None:
            rows = rows.filter(unit_id__in=scope)
        for m in rows.iterator(chunk_size=2000):
            yield [
                m.user.username,
                m.user.get_full_name(),
                m.user.email,
                m.unit.code,
                m.get_role_display(),
            ]
