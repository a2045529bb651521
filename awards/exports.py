"""The awards lists as xlsx: nominations (a unit's list and the office's appraisal
inbox, the same columns), decisions, and the public honour roll.

Each list's columns are defined once, as (header, accessor) pairs, so that an import
of the same list can read the same headers; units.xlsx.list_workbook
writes them (escaped text, real dates, Vietnamese labels).
"""

from __future__ import annotations

from django.db.models import QuerySet
from openpyxl import Workbook

from units.xlsx import ListColumn as Column
from units.xlsx import list_workbook, yes_no

from .models import AwardGrant, Decision, Nomination, RecipientKind
from .selectors import amendment_chains, with_nominee_count


def _code(unit) -> str:
    return unit.code if unit else ""


def _name(obj) -> str:
    return obj.name if obj else ""


NOMINATION_COLUMNS: list[Column] = [
    ("Mã hồ sơ", lambda n: n.pk),
    ("Đối tượng", lambda n: n.nominee_name),
    ("Loại đối tượng", lambda n: RecipientKind(n.nominee_kind).label),
    ("Mã cá nhân", lambda n: n.nominee_person_id),
    ("Đơn vị công tác", lambda n: _name(n.nominee_person.unit) if n.nominee_person else ""),
    ("Mã tập thể", lambda n: _code(n.nominee_unit)),
    ("Mã danh hiệu", lambda n: n.award_type.code),
    ("Danh hiệu, hình thức", lambda n: n.award_type.name),
    ("Loại hình khen thưởng", lambda n: n.get_commendation_kind_display()),
    ("Thủ tục đơn giản", lambda n: yes_no(n.simplified)),
    ("Năm xét", lambda n: n.year),
    ("Mã phong trào", lambda n: n.campaign_id),
    ("Phong trào", lambda n: n.campaign.subject if n.campaign else ""),
    ("Mã đơn vị đề nghị", lambda n: n.nominating_unit.code),
    ("Đơn vị đề nghị", lambda n: n.nominating_unit.name),
    ("Cơ quan xét khen thưởng", lambda n: _name(n.issuer)),
    ("Trạng thái", lambda n: n.get_status_display()),
    ("Tóm tắt thành tích", lambda n: n.achievement_summary),
    ("Ý kiến thẩm định", lambda n: n.appraisal_note),
    ("Công khai đến ngày", lambda n: n.notice_until),
    ("Quyết định", lambda n: n.decision.number_symbol if n.decision and n.decision.number else ""),
    ("Lập lúc", lambda n: n.created_at),
    ("Cập nhật lúc", lambda n: n.updated_at),
]


def nominations_workbook(nominations: QuerySet[Nomination]) -> Workbook:
    """Every nomination of the list as its page filters and orders them (not one page);
    one query for the rows, with everything the columns read joined."""
    rows = nominations.select_related(
        "award_type",
        "nominee_person__unit",
        "nominee_unit",
        "nominating_unit",
        "issuer",
        "campaign",
        "decision",
    )
    return list_workbook("Đề nghị khen thưởng", NOMINATION_COLUMNS, rows)


DECISION_COLUMNS: list[Column] = [
    ("Mã quyết định", lambda d: d.pk),
    ("Số", lambda d: d.number),
    ("Ký hiệu", lambda d: d.symbol),
    ("Năm", lambda d: d.year),
    ("Ngày ban hành", lambda d: d.issued_on),
    ("Mã cơ quan ban hành", lambda d: d.issuer.code),
    ("Cơ quan ban hành", lambda d: d.issuer.name),
    ("Địa danh", lambda d: d.place),
    ("Trích yếu", lambda d: d.subject),
    ("Quyền hạn ký", lambda d: d.signing_authority),
    ("Chức vụ người ký", lambda d: d.signer_title),
    ("Người ký", lambda d: d.signer_name),
    ("Trạng thái", lambda d: d.get_status_display()),
    ("Số đối tượng", lambda d: d.nominee_count),
    ("Đã được sửa đổi, bổ sung bởi", lambda d: _amended_by(d)),
    ("Danh sách khen thưởng hiện hành theo", lambda d: _in_force(d)),
]


def _amended_by(decision: Decision) -> str:
    """Every decision that amended it, in order ("07/QĐ-UBND ngày 10/01/2025; 09/…")."""
    return "; ".join(f"{d.number_symbol} ngày {d.issued_on:%d/%m/%Y}" for d in decision.chain.later)


def _in_force(decision: Decision) -> str:
    """The last link of an amended decision: the one whose list is in force."""
    return decision.chain.in_force.number_symbol if decision.chain.later else ""


def decisions_workbook(decisions: QuerySet[Decision]) -> Workbook:
    """The decisions of the list, each with how many it names (`selectors.
    with_nominee_count`) and the chain of its amendments (`amendment_chains`): two
    queries."""
    rows = list(with_nominee_count(decisions.select_related("issuer")))
    amendment_chains(rows)  # the whole chain of each amended one (decision 0089)
    return list_workbook("Quyết định khen thưởng", DECISION_COLUMNS, rows)


HONOUR_ROLL_COLUMNS: list[Column] = [
    ("Họ và tên / Tập thể", lambda g: g.awardee_name),
    ("Đơn vị", lambda g: _name(g.awardee_unit)),
    ("Danh hiệu, hình thức", lambda g: g.award_type.name),
    ("Năm", lambda g: g.year),
    ("Quyết định số", lambda g: g.decision.number_symbol),
    ("Ngày quyết định", lambda g: g.decision.issued_on),
    ("Cơ quan ban hành", lambda g: g.decision.issuer.name),
]


def honour_roll_workbook(grants: QuerySet[AwardGrant]) -> Workbook:
    """The public honour roll as its page filters it (every page, one query)."""
    return list_workbook("Vinh danh", HONOUR_ROLL_COLUMNS, grants)
