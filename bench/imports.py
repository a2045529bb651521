"""Benchmark: the Excel import (units/sheets) against django-import-export and bulk_create.

Issue 11 ("Speed"): 10,000 people and 30,000 register rows on PostgreSQL. The whole
preview-then-confirm path must be at least 10× faster than django-import-export with
its default settings on the same data, within 3× of a raw `bulk_create` of the same
rows, and stay under 500 MB. One run times all three, side by side:

  ours           `import_upload` (keeps the file, reads it, checks every row: the
                 preview) then `import_confirm` (checks again, writes), as a user does
                 it: tasks run in-process (Celery eager), at commit (on_commit), by the
                 standing office of the province (scope: the whole tree, below it).
  import-export  a plain `resources.ModelResource` per model, default widgets and
                 loader, what its admin does: read the xlsx (tablib/openpyxl), import
                 with dry_run=True (the preview), read again, import for real.
  bulk_create    read the same xlsx with python-calamine, map cells to instances with
                 dict lookups, `bulk_create(batch_size=2000)` in one transaction.

Every path starts from the same database (no people, no register; ids restarted), and
must end with the same rows (checked). Results go to docs/benchmarks.md (section
imports); a budget missed exits non-zero.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/thidua make bench-imports

BENCH_PEOPLE / BENCH_REGISTER change the sizes; BENCH_REPEAT (3) the runs of ours and
bulk_create, whose median is kept. django-import-export takes about 15 minutes for the
whole register file, so it is timed on the first BENCH_IE_ROWS (10,000) rows of each file
and extrapolated linearly, which the output says; BENCH_IE_ROWS=0 times whole files.
"""

from __future__ import annotations

import datetime
import gc
import hashlib
import io
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from openpyxl import Workbook

from bench.harness import throwaway_database
from bench.report import write_section

PEOPLE = int(os.environ.get("BENCH_PEOPLE", "10000"))
REGISTER = int(os.environ.get("BENCH_REGISTER", "30000"))
IE_ROWS = int(os.environ.get("BENCH_IE_ROWS", "10000"))  # 0: the whole files
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))  # runs of ours and of bulk_create
SEED = 2026
QUERIES_SMALL = min(1000, PEOPLE // 10)  # rows of the small files of the per-row query check
MIN_SPEEDUP_VS_IE = 10.0
MAX_SLOWDOWN_VS_BULK = 3.0
MEMORY_MB = 500
# Measured once on the whole files (BENCH_IE_ROWS=0), for the sampled runs' footnote.
IE_WHOLE_FILES = (
    "One run on the whole files (2 December 2026, before our engine's fixes, which do not "
    "touch import-export) took 91.8 s for the 10.000 people (46.4 + 45.3) and 795.1 s for "
    "the 30.000 register rows (495.8 + 299.3): slower than linear, as its transaction grows, "
    "so the extrapolation flatters it."
)

# -- the data ---------------------------------------------------------------------------
COMMUNES = [
    "Bản Hon", "Bình Lư", "Sơn Bình", "Khun Há", "Nà Tăm", "Bản Bo", "Hồ Thầu",
    "Tả Lèng", "Giang Ma", "Thèn Sin", "Sùng Phài", "San Thàng", "Mường Khoa",
    "Phúc Khoa", "Trung Đồng", "Pắc Ta", "Nậm Sỏ", "Mường Than", "Phúc Than",
    "Mường Kim", "Tà Hừa", "Pha Mu", "Khoen On", "Ta Gia", "Mường Tè", "Bum Nưa",
    "Bum Tở", "Ka Lăng", "Thu Lũm", "Pa Ủ", "Mù Cả", "Tà Tổng", "Sìn Hồ", "Pa Tần",
    "Nậm Tăm", "Chăn Nưa", "Phong Thổ", "Sì Lở Lầu", "Dào San", "Mường So",
]  # fmt: skip
DEPARTMENTS = [
    "Sở Nội vụ", "Sở Tài chính", "Sở Giáo dục và Đào tạo", "Sở Y tế", "Sở Xây dựng",
    "Sở Nông nghiệp và Môi trường", "Sở Công Thương", "Sở Tư pháp",
    "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Sở Dân tộc và Tôn giáo",
    "Văn phòng UBND tỉnh", "Thanh tra tỉnh", "Ban Quản lý các khu kinh tế",
    "Đài Phát thanh và Truyền hình tỉnh", "Liên đoàn Lao động tỉnh",
    "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn", "Hội Nông dân tỉnh", "Ủy ban MTTQ Việt Nam tỉnh",
]  # fmt: skip
DEPARTMENT_UNITS = ["Văn phòng", "Trung tâm", "Chi cục"]
COMMUNE_AGENCIES = [
    ("Trường Mầm non", "public_service"),
    ("Trường Tiểu học", "public_service"),
    ("Trường THCS", "public_service"),
    ("Trạm Y tế xã", "public_service"),
    ("Hội Liên hiệp Phụ nữ xã", "mass_org"),
    ("Hội Nông dân xã", "mass_org"),
    ("Đoàn Thanh niên xã", "mass_org"),
    ("Ủy ban MTTQ xã", "mass_org"),
]
FAMILY = [
    "Nguyễn", "Lò", "Lường", "Tòng", "Giàng", "Vàng", "Sùng", "Lý", "Hoàng", "Trần",
    "Phạm", "Đèo", "Tao", "Lê", "Vũ", "Đỗ", "Bùi", "Chảo", "Tẩn", "Phàn", "Hờ", "Lầu",
]  # fmt: skip
MIDDLE = {"Nam": ["Văn", "A", "Seo", "Đức", "Minh", "Quang"], "Nữ": ["Thị", "Thị", "Thu", "Ngọc"]}
GIVEN = {
    "Nam": ["Minh", "Hùng", "Dũng", "Páo", "Chứ", "Sơn", "Thắng", "Tuấn", "Long", "Khánh",
            "Phong", "Sử", "Dính", "Pó", "Hải", "Trung", "Bình", "Cường", "Vượng", "Lâm"],
    "Nữ": ["Mai", "Lan", "Hoa", "Xuân", "Mỷ", "Dung", "Hương", "Thảo", "Nga", "Pằng",
           "Chi", "Hà", "Yến", "Ly", "Trang", "Vân", "Linh", "Tâm", "Phương", "Oanh"],
}  # fmt: skip
ETHNICITIES = ["Thái", "Mông", "Dao", "Kinh", "Hà Nhì", "Giáy", "Lự", "Khơ Mú", "Mảng", "Cống"]
POSITIONS = ["Giáo viên", "Chuyên viên", "Y sĩ", "Kế toán", "Phó Chủ tịch", "Nhân viên", None]
INDIVIDUAL_TYPES = [
    "Lao động tiên tiến",
    "Chiến sĩ thi đua cơ sở",
    "Giấy khen của Chủ tịch UBND cấp xã (cá nhân)",
    "Giấy khen của thủ trưởng cơ quan, đơn vị (cá nhân)",
    "Bằng khen của Chủ tịch UBND tỉnh (cá nhân)",
]
COLLECTIVE_TYPES = ["Tập thể lao động tiên tiến", "Giấy khen của Chủ tịch UBND cấp xã (tập thể)"]
HOUSEHOLD_TYPE = "Giấy khen của Chủ tịch UBND cấp xã (hộ gia đình)"
PROVINCE = "UBND tỉnh Lai Châu"


def slug(text: str) -> str:
    from units.text import normalize_search

    return normalize_search(text).replace(" ", "-")


@dataclass
class Tree:
    province: object
    by_code: dict = field(default_factory=dict)  # code -> Unit
    commune_of: dict = field(default_factory=dict)  # code -> the commune's UBND (or province)


def build_tree() -> Tree:
    """A province, its departments and their agencies, 40 communes and their agencies."""
    from units.models import Unit

    K, L = Unit.Kind, Unit.Level
    units: list[Unit] = []

    def unit(code, name, kind, level, parent, issuing=False):
        u = Unit(code=code, name=name, kind=kind, level=level, parent=parent)
        u.is_issuing_body = issuing
        u.search_text = u.build_search_text()
        units.append(u)
        return u

    province = unit("ubnd-tinh-lai-chau", PROVINCE, K.PEOPLES_COMMITTEE, L.PROVINCE, None, True)
    province.save()
    units.clear()
    departments = []
    for name in DEPARTMENTS:
        departments.append(unit(slug(name), f"{name} Lai Châu", K.DEPARTMENT, L.PROVINCE, province))
    communes = [
        unit(f"ubnd-xa-{slug(n)}", f"UBND xã {n}", K.PEOPLES_COMMITTEE, L.COMMUNE, province, True)
        for n in COMMUNES
    ]
    Unit.objects.bulk_create(units)
    parents = {u.code: u for u in units}
    units.clear()
    commune_of = {province.code: province}
    for dept in departments:
        commune_of[dept.code] = province
        for index, prefix in enumerate(DEPARTMENT_UNITS, start=1):
            child = unit(
                f"{dept.code}-{index}",
                f"{prefix} {dept.name}",
                K.PUBLIC_SERVICE,
                L.PROVINCE,
                dept,
            )
            commune_of[child.code] = province
    for commune, commune_name in zip(communes, COMMUNES, strict=True):
        commune_of[commune.code] = commune
        for prefix, kind in COMMUNE_AGENCIES:
            child = unit(
                f"{slug(prefix)}-{slug(commune_name)}",
                f"{prefix} {commune_name}",
                kind,
                L.COMMUNE,
                commune,
            )
            commune_of[child.code] = commune
    Unit.objects.bulk_create(units)
    by_code = {u.code: u for u in Unit.objects.all()}
    assert len(by_code) == 1 + len(parents) + len(units)
    return Tree(
        province=province,
        by_code=by_code,
        commune_of={code: by_code[c.code] for code, c in commune_of.items()},
    )


@dataclass
class PersonRow:
    full_name: str
    unit_code: str
    position: str | None
    gender: str  # "Nam" / "Nữ"
    ethnicity: str
    birth_year: int
    direct: bool


def make_people(tree: Tree, n: int) -> list[PersonRow]:
    rng = random.Random(SEED)
    codes = sorted(code for code in tree.by_code if code != tree.province.code)
    seen, people = set(), []
    while len(people) < n:
        gender = rng.choice(("Nam", "Nữ"))
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}"
        row = PersonRow(
            full_name=name,
            unit_code=rng.choice(codes),
            position=rng.choice(POSITIONS),
            gender=gender,
            ethnicity=rng.choice(ETHNICITIES),
            birth_year=rng.randint(1965, 2003),
            direct=rng.random() < 0.4,
        )
        identity = (row.full_name, row.unit_code, row.birth_year)
        if identity not in seen:  # the import refuses two rows for the same person
            seen.add(identity)
            people.append(row)
    return people


@dataclass
class GrantRow:
    award_type: str
    year: int
    unit_code: str
    person_id: int | None  # the id written in “Mã cá nhân”, if any
    person_name: str
    household: str
    reference: str
    date: datetime.date
    issuer: str
    achievement: str
    person_pk: int | None = None  # the person, for import-export's file


def make_register(tree: Tree, people: list[PersonRow], ids: list[int], n: int) -> list[GrantRow]:
    """Mostly individual grants (two thirds by “Mã cá nhân”, a third by name and unit),
    some collectives, a few households; no two rows for the same award."""
    from units.text import normalize_search

    rng = random.Random(SEED + 1)
    name_unit_count: dict = {}
    for p in people:
        key = (normalize_search(p.full_name), p.unit_code)
        name_unit_count[key] = name_unit_count.get(key, 0) + 1
    agencies = sorted(code for code in tree.by_code if code != tree.province.code)
    communes = sorted({u.code for u in tree.commune_of.values() if u != tree.province})
    seen, rows = set(), []
    while len(rows) < n:
        year = rng.randint(2019, 2025)
        draw = rng.random()
        person_id, person_pk, name, household = None, None, "", ""
        if draw < 0.90:
            index = rng.randrange(len(people))
            person = people[index]
            award_type = rng.choice(INDIVIDUAL_TYPES)
            unit_code = person.unit_code
            person_pk = ids[index]
            unique_name = name_unit_count[(normalize_search(person.full_name), unit_code)] == 1
            if rng.random() < 2 / 3 or not unique_name:
                person_id = person_pk
                name = person.full_name if rng.random() < 0.5 else ""
            else:
                name = person.full_name
            awardee = ("p", person_pk)
        elif draw < 0.97:
            award_type = rng.choice(COLLECTIVE_TYPES)
            unit_code = rng.choice(agencies)
            awardee = ("u", unit_code)
        else:
            award_type = HOUSEHOLD_TYPE
            unit_code = rng.choice(communes)
            gender = rng.choice(("Nam", "Nữ"))
            household = (
                f"Hộ {'ông' if gender == 'Nam' else 'bà'} {rng.choice(FAMILY)} "
                f"{rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])} bản {rng.randint(1, 12)}"
            )
            awardee = ("h", household)
        provincial = award_type.startswith("Bằng khen")
        issuer = PROVINCE if provincial else tree.commune_of[unit_code].name
        reference = f"{rng.randint(1, 2500)}/QĐ-UBND"
        title = award_type in ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", COLLECTIVE_TYPES[0])
        key = (award_type, awardee, year, "" if title else reference)
        if key in seen:
            continue
        seen.add(key)
        rows.append(
            GrantRow(
                award_type=award_type,
                year=year,
                unit_code=unit_code,
                person_id=person_id,
                person_name=name,
                household=household,
                reference=reference,
                date=datetime.date(year, 12, rng.randint(1, 28)),
                issuer=issuer,
                achievement=(
                    f"Hoàn thành xuất sắc nhiệm vụ năm {year}" if rng.random() < 0.3 else ""
                ),
                person_pk=person_pk,
            )
        )
    return rows


def write_xlsx(path: Path, headers: list[str], rows) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Dữ liệu")
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)


def our_headers(kind: str) -> list[str]:
    from units.sheets.kinds import kind_get

    return [c.header + (" *" if c.required else "") for c in kind_get(kind).columns]


def people_cells(people: list[PersonRow]):
    for p in people:
        yield [
            None,
            p.full_name,
            p.unit_code,
            p.position,
            p.gender,
            p.ethnicity,
            p.birth_year,
            "Có" if p.direct else "Không",
        ]


def register_cells(rows: list[GrantRow]):
    for g in rows:
        yield [
            g.award_type,
            g.year,
            g.unit_code,
            g.person_id,
            g.person_name or None,
            g.household or None,
            g.reference,
            g.date,
            g.issuer,
            g.achievement or None,
        ]


# import-export's files: its default headers are the field names, foreign keys are ids
# (ForeignKeyWidget on pk), choices are stored values, booleans 1/0. The last column is
# never empty: openpyxl's read-only reader (import-export's) cuts a write-only file's
# rows at their last cell, and tablib refuses rows of different lengths.
IE_PEOPLE_HEADERS = ["id", "full_name", "unit", "position", "gender", "ethnicity", "birth_year",
                     "is_direct_worker"]  # fmt: skip
IE_REGISTER_HEADERS = ["id", "award_type", "year", "person", "unit", "household",
                       "decision_reference", "decision_date", "decision_issuer", "achievement",
                       "awardee_unit"]  # fmt: skip


def ie_people_cells(people: list[PersonRow], tree: Tree):
    gender = {"Nam": "male", "Nữ": "female"}
    for p in people:
        yield [
            None,
            p.full_name,
            tree.by_code[p.unit_code].pk,
            p.position,
            gender[p.gender],
            p.ethnicity,
            p.birth_year,
            1 if p.direct else 0,
        ]


def ie_register_cells(rows: list[GrantRow], tree: Tree, types: dict, person_ids: dict):
    for g in rows:
        unit = tree.by_code[g.unit_code].pk
        collective = not g.person_pk and not g.household
        person = person_ids[g.person_pk] if g.person_pk else None
        yield [
            None,
            types[g.award_type],
            g.year,
            person,
            unit if collective else None,
            g.household or None,
            g.reference,
            g.date,
            g.issuer,
            g.achievement or None,
            unit,
        ]


# -- resetting between paths --------------------------------------------------------------
def clear(*models) -> None:
    """Delete the rows of these models and restart their ids, so that every path writes
    the same ids."""
    for model in models:
        model.objects.all().delete()
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 1, false)")
            else:
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for model in models:
                cursor.execute(f"VACUUM ANALYZE {model._meta.db_table}")
    gc.collect()


def fingerprint() -> tuple[str, str]:
    """The people and the register as written, whatever their ids (import-export's dry
    run uses up ids: PostgreSQL sequences do not roll back)."""
    from awards.models import AwardGrant
    from units.models import Person

    digests = []
    for model, fields in ((Person, PERSON_FIELDS), (AwardGrant, GRANT_FIELDS)):
        rows = sorted(model.objects.values_list(*fields).iterator(chunk_size=5000), key=repr)
        digests.append(hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
    return tuple(digests)


PERSON_FIELDS = ["full_name", "unit_id", "position", "gender", "ethnicity", "birth_year",
                 "is_direct_worker", "search_text"]  # fmt: skip
GRANT_FIELDS = ["award_type_id", "person__full_name", "person__unit_id", "person__birth_year",
                "unit_id", "household", "year", "decision_reference", "decision_date",
                "decision_issuer", "awardee_unit_id", "achievement", "search_text"]  # fmt: skip


# -- the three paths ----------------------------------------------------------------------
def ours(actor, office, kind: str, content: bytes, expected: int) -> dict:
    """Upload (the check runs at commit: the preview), then confirm (the write)."""
    from units.models import ImportRecord
    from units.sheets import services

    upload = SimpleUploadedFile(f"{kind}.xlsx", content)
    started = time.perf_counter()
    record = services.import_upload(actor=actor, kind=kind, upload=upload, office=office)
    previewed = time.perf_counter()
    record.refresh_from_db(fields=["status", "problems", "counts"])
    assert record.status == ImportRecord.Status.READY, (record.status, record.problems[:5])
    assert record.counts["create"] == expected, record.counts
    between = time.perf_counter()
    record = services.import_confirm(actor=actor, record=record)
    confirmed = time.perf_counter()
    record.refresh_from_db(fields=["status", "error", "changes"])
    assert record.status == ImportRecord.Status.DONE, (record.status, record.error)
    assert len(record.changes["created"]) == expected
    return {
        "preview": previewed - started,
        "confirm": confirmed - between,
        "total": previewed - started + confirmed - between,
    }


def ie_resources():
    from import_export import fields, resources, widgets

    from awards.models import AwardGrant
    from units.models import Person

    class PersonResource(resources.ModelResource):
        class Meta:
            model = Person
            fields = tuple(IE_PEOPLE_HEADERS)

    class GrantResource(resources.ModelResource):
        # The one departure from the defaults. A TextField gets the plain Widget, which
        # reads a blank cell as None: every row without an achievement would fail on NOT
        # NULL. CharFields get CharWidget (blank → "") by default; this one gets it too.
        achievement = fields.Field(
            attribute="achievement", column_name="achievement", widget=widgets.CharWidget()
        )

        class Meta:
            model = AwardGrant
            fields = tuple(IE_REGISTER_HEADERS)

    return {"persons": PersonResource, "register": GrantResource}


def import_export(resource_class, content: bytes, expected: int) -> dict:
    """What the admin does: read the file and import it as a dry run (the preview), then
    read it again and import it (the confirm)."""
    from import_export.formats.base_formats import XLSX

    times = {}
    for step, dry_run in (("preview", True), ("confirm", False)):
        started = time.perf_counter()
        dataset = XLSX().create_dataset(content)
        result = resource_class().import_data(dataset, dry_run=dry_run)
        times[step] = time.perf_counter() - started
        assert not result.has_errors() and not result.has_validation_errors(), (
            [e.error for row in result.row_errors()[:3] for e in row[1]],
            result.invalid_rows[:3],
        )
        assert result.totals["new"] == expected, result.totals
    times["total"] = times["preview"] + times["confirm"]
    return times


def calamine_rows(content: bytes) -> list[list]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return book.get_sheet_by_name("Dữ liệu").to_python(skip_empty_area=False)[1:]


def bulk_people(content: bytes, tree: Tree, skip: int = 0) -> dict:
    from units.models import Person

    started = time.perf_counter()
    rows = calamine_rows(content)[skip:]
    read = time.perf_counter()
    unit_ids = {code: u.pk for code, u in tree.by_code.items()}
    gender = {"Nam": Person.Gender.MALE, "Nữ": Person.Gender.FEMALE}
    people = []
    for _, name, unit, position, sex, ethnicity, born, direct in rows:
        person = Person(
            full_name=name,
            unit_id=unit_ids[unit],
            position=position,
            gender=gender[sex],
            ethnicity=ethnicity,
            birth_year=int(born),
            is_direct_worker=direct == "Có",
        )
        person.search_text = person.build_search_text()
        people.append(person)
    with transaction.atomic():
        Person.objects.bulk_create(people, batch_size=2000)
    done = time.perf_counter()
    return {"read": read - started, "write": done - read, "total": done - started}


def bulk_register(content: bytes, tree: Tree) -> dict:
    from awards.models import AwardGrant, AwardType
    from units.models import Person

    started = time.perf_counter()
    rows = calamine_rows(content)
    read = time.perf_counter()
    types = {t.name: t for t in AwardType.objects.all()}
    people = {p.pk: p for p in Person.objects.all()}
    by_name = {(p.full_name, p.unit_id): p for p in people.values()}
    grants = []
    for award_type, year, code, person_id, name, household, ref, date, issuer, note in rows:
        unit = tree.by_code[code]
        kind = types[award_type]
        person = None
        if kind.recipient_kind == "individual":
            person = people[int(person_id)] if person_id != "" else by_name[(name, unit.pk)]
        grant = AwardGrant(
            award_type=kind,
            year=int(year),
            person=person,
            unit=unit if kind.recipient_kind == "collective" else None,
            household=household,
            awardee_unit=unit,
            decision_reference=ref,
            decision_date=date.date() if isinstance(date, datetime.datetime) else date,
            decision_issuer=issuer,
            achievement=note,
        )
        grant.search_text = grant.build_search_text()
        grants.append(grant)
    with transaction.atomic():
        AwardGrant.objects.bulk_create(grants, batch_size=2000)
    done = time.perf_counter()
    return {"read": read - started, "write": done - read, "total": done - started}


def median_run(done: list[dict]) -> dict:
    """The run of median total time."""
    return sorted(done, key=lambda times: times["total"])[len(done) // 2]


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# -- the run ------------------------------------------------------------------------------
def main() -> None:
    from config.celery import app

    app.conf.task_always_eager = True  # tasks run in-process, when sent (at commit)
    media = tempfile.TemporaryDirectory(prefix="thidua-bench-imports-")
    with override_settings(MEDIA_ROOT=media.name, DEBUG=False), throwaway_database():
        lines, failed = run(Path(media.name))
    media.cleanup()
    write_section("imports", lines)
    print("\n".join(lines))
    if failed:
        sys.exit(f"Over budget: {', '.join(failed)}")


def run(folder: Path) -> tuple[list[str], list[str]]:
    from awards.models import AwardGrant, AwardType
    from units.models import Membership, Person

    load = os.getloadavg()
    started = time.perf_counter()
    tree = build_tree()
    types = {t.name: t.pk for t in AwardType.objects.all()}
    assert all(name in types for name in [*INDIVIDUAL_TYPES, *COLLECTIVE_TYPES, HOUSEHOLD_TYPE])
    office_user = get_user_model().objects.create_user("vanphong.tinh", "vp@laichau.gov.vn", "x")
    Membership.objects.create(
        user=office_user, unit=tree.province, role=Membership.Role.OFFICE_STAFF
    )
    people = make_people(tree, PEOPLE)
    files = {"persons": folder / "ca-nhan.xlsx", "register": folder / "so-khen-thuong.xlsx"}
    write_xlsx(files["persons"], our_headers("persons"), people_cells(people))
    content = {"persons": files["persons"].read_bytes()}
    setup_s = time.perf_counter() - started
    sizes = {"persons": PEOPLE, "register": REGISTER}

    # 1. ours, as a user does it (the register file names the people the import made),
    # then bulk_create of the same rows; REPEAT times, in turn, the median kept.
    runs: dict[str, dict[str, list[dict]]] = {
        path: {"persons": [], "register": []} for path in ("ours", "bulk")
    }
    prints: dict[str, tuple[str, str]] = {}
    register: list[GrantRow] = []
    ids: list[int] = []
    ours_rss = 0.0
    for _ in range(REPEAT):
        gc.collect()
        runs["ours"]["persons"].append(
            ours(office_user, tree.province, "persons", content["persons"], PEOPLE)
        )
        if not register:
            ids = list(Person.objects.order_by("pk").values_list("pk", flat=True))
            register = make_register(tree, people, ids, REGISTER)
            write_xlsx(files["register"], our_headers("register"), register_cells(register))
            content["register"] = files["register"].read_bytes()
        gc.collect()
        runs["ours"]["register"].append(
            ours(office_user, tree.province, "register", content["register"], REGISTER)
        )
        ours_rss = ours_rss or maxrss_mb()  # ours and the set-up only, so far
        prints["ours"] = fingerprint()
        clear(AwardGrant, Person)
        gc.collect()
        runs["bulk"]["persons"].append(bulk_people(content["persons"], tree))
        gc.collect()
        runs["bulk"]["register"].append(bulk_register(content["register"], tree))
        prints["bulk"] = fingerprint()
        clear(AwardGrant, Person)
    times: dict[str, dict[str, dict]] = {
        path: {kind: median_run(done) for kind, done in kinds.items()}
        for path, kinds in runs.items()
    }
    times["ie"] = {}

    # 2. ours again, under tracemalloc and counting queries; then 1,000-row files.
    queries, traced = {}, {}
    tracemalloc.start()
    for kind in ("persons", "register"):
        tracemalloc.reset_peak()
        with CaptureQueriesContext(connection) as captured:
            ours(office_user, tree.province, kind, content[kind], sizes[kind])
        traced[kind] = tracemalloc.get_traced_memory()[1] / 2**20
        queries[kind] = [len(captured)]
    tracemalloc.stop()
    AwardGrant.objects.all().delete()
    small = folder / "small-register.xlsx"
    write_xlsx(small, our_headers("register"), register_cells(register[:QUERIES_SMALL]))
    with CaptureQueriesContext(connection) as captured:
        ours(office_user, tree.province, "register", small.read_bytes(), QUERIES_SMALL)
    queries["register"].insert(0, len(captured))
    clear(AwardGrant, Person)
    small = folder / "small-persons.xlsx"
    write_xlsx(small, our_headers("persons"), people_cells(people[:QUERIES_SMALL]))
    with CaptureQueriesContext(connection) as captured:
        ours(office_user, tree.province, "persons", small.read_bytes(), QUERIES_SMALL)
    queries["persons"].insert(0, len(captured))
    clear(AwardGrant, Person)

    # 3. django-import-export, defaults; on the first BENCH_IE_ROWS rows if set. Its dry
    # run uses up ids, so its register file names the people by the ids its import made.
    resources_ = ie_resources()
    ie_scale, ie_rows = {}, {kind: min(IE_ROWS or size, size) for kind, size in sizes.items()}
    for kind in ("persons", "register"):
        rows = ie_rows[kind]
        path = folder / f"ie-{kind}.xlsx"
        if kind == "persons":
            write_xlsx(path, IE_PEOPLE_HEADERS, ie_people_cells(people[:rows], tree))
        else:
            made = Person.objects.order_by("pk").values_list("pk", flat=True)
            remap = dict(zip(ids, made, strict=True))
            cells = ie_register_cells(register[:rows], tree, types, remap)
            write_xlsx(path, IE_REGISTER_HEADERS, cells)
        gc.collect()
        measured = import_export(resources_[kind], path.read_bytes(), rows)
        ie_scale[kind] = sizes[kind] / rows
        times["ie"][kind] = {step: value * ie_scale[kind] for step, value in measured.items()}
        if kind == "persons" and rows < PEOPLE:  # the rest, for the register's sample
            bulk_people(content["persons"], tree, skip=rows)
    ie_prints = fingerprint()
    prints["ie"] = tuple(
        digest if ie_scale[kind] == 1 else prints["ours"][index]  # a sample: not compared
        for index, (kind, digest) in enumerate(zip(sizes, ie_prints, strict=True))
    )
    clear(AwardGrant, Person)

    total_rss = maxrss_mb()

    same = len(set(prints.values())) == 1
    return report(times, queries, traced, ours_rss, total_rss, ie_scale, same, setup_s, tree, load)


def report(times, queries, traced, ours_rss, total_rss, ie_scale, same, setup_s, tree, load):
    failed = []
    names = {"persons": f"{num(PEOPLE)} people", "register": f"{num(REGISTER)} register rows"}
    lines = [
        f"## Excel import: {num(PEOPLE)} people, {num(REGISTER)} register rows ({connection.vendor})",
        "",
        "`bench/imports.py` (`make bench-imports`), one run on a generated province "
        f"({len(tree.by_code)} units: the province, {len(DEPARTMENTS)} departments and their "
        f"agencies, {len(COMMUNES)} communes and theirs; set-up {setup_s:.0f} s), files built "
        "with openpyxl in write-only mode. Ours and bulk_create run "
        f"{REPEAT} times each, in turn, and the median run is shown; import-export runs once. "
        f"Load average of this 2-core machine (other work included) at the start "
        f"{load[0]:.1f}, at the end {os.getloadavg()[0]:.1f}.",
        "",
        "- **ours**: `units.sheets.services.import_upload` (keeps the file, reads it with "
        "python-calamine, checks every row: the preview) then `import_confirm` (checks every "
        "row again, writes all or nothing), tasks run in-process at commit (Celery eager, "
        "on_commit), as the standing office of the province (a Membership, not a superuser: "
        "its scope is the province and every unit below); each record ends DONE (checked "
        "between the timed calls).",
        "- **import-export**: django-import-export "
        + _version()
        + ", a plain `resources.ModelResource` for Person and for AwardGrant "
        "with its default widgets (ForeignKeyWidget on pk), loader (ModelInstanceLoader) and "
        "settings (transactions, no bulk, diffs kept); what its admin does: read the xlsx "
        "(`XLSX().create_dataset`, openpyxl), `import_data(dry_run=True)`, read it again, "
        "`import_data(dry_run=False)`. Its file has the same rows with its own headers (the "
        "field names), foreign keys as ids (unit, award type, person: it cannot look a person "
        "up by name and unit), gender as stored values and booleans as 1/0. One departure "
        "from the defaults: `achievement`, a TextField, is read with CharWidget (as CharFields "
        "are by default), since the default Widget turns a blank cell into NULL and every "
        "row without one would fail.",
        "- **bulk_create**: the same xlsx as ours read with python-calamine, cells mapped to "
        "instances with dict lookups (unit by code, award type by name, person by id or by "
        "name and unit; search_text built as the models do), `bulk_create(batch_size=2000)` "
        "in one transaction.",
        "",
        "All three start from no people and no register (ids restarted) and "
        + (
            "end with identical rows (checked"
            + "".join(
                f"; import-export's {names[kind].split(' ', 1)[1]}, timed on a sample, are not "
                "compared"
                for kind, scale in ie_scale.items()
                if scale != 1
            )
            + ")."
            if same
            else "**do not end with identical rows** (see the run)."
        ),
        "",
        "| file | ours: preview + confirm (s) | import-export: preview + confirm (s) "
        "| bulk_create: read + write (s) | ours vs import-export (≥ 10×) "
        "| ours vs bulk_create (≤ 3×) |",
        "|---|---|---|---|---|---|",
    ]
    sums = {path: 0.0 for path in times}
    for kind, label in names.items():
        o, i, b = times["ours"][kind], times["ie"][kind], times["bulk"][kind]
        for path in times:
            sums[path] += times[path][kind]["total"]
        speedup, slowdown = i["total"] / o["total"], o["total"] / b["total"]
        ok_ie, ok_bulk = speedup >= MIN_SPEEDUP_VS_IE, slowdown <= MAX_SLOWDOWN_VS_BULK
        failed += [] if ok_ie else [f"{kind} vs import-export"]
        failed += [] if ok_bulk else [f"{kind} vs bulk_create"]
        extrapolated = " ¹" if ie_scale[kind] != 1 else ""
        lines.append(
            f"| {label} | {o['preview']:.2f} + {o['confirm']:.2f} = "
            f"**{o['total']:.2f}** | {i['preview']:.1f} + {i['confirm']:.1f} = "
            f"**{i['total']:.1f}**{extrapolated} | {b['read']:.2f} + {b['write']:.2f} = "
            f"**{b['total']:.2f}** | {speedup:.1f}× {'PASS' if ok_ie else 'FAIL'} "
            f"| {slowdown:.2f}× {'PASS' if ok_bulk else 'FAIL'} |"
        )
    lines.append(
        f"| both | **{sums['ours']:.2f}** | **{sums['ie']:.1f}** | **{sums['bulk']:.2f}** "
        f"| {sums['ie'] / sums['ours']:.1f}× | {sums['ours'] / sums['bulk']:.2f}× |"
    )
    if any(scale != 1 for scale in ie_scale.values()):
        lines += [
            "",
            f"¹ **Extrapolated**: django-import-export was timed on the first {num(IE_ROWS)} "
            "rows of this file only, and its time multiplied by "
            + ", ".join(f"{scale:.2f}" for scale in ie_scale.values() if scale != 1)
            + " (BENCH_IE_ROWS; 0 for whole files). "
            + IE_WHOLE_FILES,
        ]
    ok_memory = ours_rss < MEMORY_MB
    failed += [] if ok_memory else ["memory"]
    lines += [
        "",
        f"Memory: the process's peak resident size (ru_maxrss) after our two imports, "
        f"set-up included, **{ours_rss:.0f} MB** (budget {MEMORY_MB} MB: "
        f"{'PASS' if ok_memory else 'FAIL'}); Python allocations at their peak "
        f"(tracemalloc, a second run of ours): {traced['persons']:.0f} MB for the people, "
        f"{traced['register']:.0f} MB for the register. Whole benchmark, import-export "
        f"included: {total_rss:.0f} MB.",
        "",
        "Queries of our whole path (upload, check, confirm, recheck, write) for "
        f"{num(QUERIES_SMALL)} rows and for the whole file: people "
        + f"{queries['persons'][0]} and {queries['persons'][1]}, register "
        f"{queries['register'][0]} and {queries['register'][1]} (the difference: progress "
        "written every 1.000 rows, inserts by 2.000, none per row).",
    ]
    per_row = [
        kind
        for kind, (few, many) in queries.items()
        if many - few > 4 * sizes_of(kind) // 1000 + 10
    ]
    failed += [f"queries per row ({kind})" for kind in per_row]
    lines[-1] += " PASS" if not per_row else f" FAIL: {', '.join(per_row)} grow with the rows"
    lines.append("")
    return lines, failed


def num(value: int) -> str:
    """10.000, as Vietnamese writes it."""
    return f"{value:,}".replace(",", ".")


def sizes_of(kind: str) -> int:
    return PEOPLE if kind == "persons" else REGISTER


def _version() -> str:
    from importlib.metadata import version

    return version("django-import-export")


if __name__ == "__main__":
    main()
