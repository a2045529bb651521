"""Reward money and the emulation and commendation fund: reads (quotes, balances,
ledgers) and the writes that change the fund (booking a decision, budget and income
lines, revoking a grant). Writes are keyword-only, atomic and check the actor.

An amount is the award type's multiple under the decree in force on the decision date,
times the base salary in force on that date, rounded as that decree says. Both rates
are data (awards/money_models.py).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from units import access
from units.models import Unit

from .money_models import BaseSalary, Fund, FundEntry, GrantRevocation, RewardDecree, RewardMultiple

ROUNDINGS = {
    RewardDecree.Rounding.UP: ROUND_CEILING,
    RewardDecree.Rounding.DOWN: ROUND_FLOOR,
    RewardDecree.Rounding.NEAREST: ROUND_HALF_UP,
}


# ---------------------------------------------------------------------------
# Amounts


@dataclass(frozen=True)
class Quote:
    """What an award pays on a day: the multiple, the base salary and the rounded amount
    (None where a rate is missing: the page says “chưa xác định”)."""

    multiple: Decimal | None
    base_salary: int | None
    amount: int | None
    decree: RewardDecree | None


def base_salary_on(day: datetime.date) -> BaseSalary | None:
    return BaseSalary.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


def decree_on(day: datetime.date) -> RewardDecree | None:
    return RewardDecree.objects.filter(effective_from__lte=day).order_by("-effective_from").first()


def rounded(value: Decimal, *, unit: int, mode: str) -> int:
    """`value` rounded to a multiple of `unit` đồng, up, down or to the nearest."""
    steps = (value / unit).quantize(Decimal(1), rounding=ROUNDINGS[mode])
    return int(steps) * unit


def quotes_on(day: datetime.date, award_type_ids: Iterable[int]) -> dict[int, Quote]:
    """Each award type's quote on `day`, in at most four queries whatever their number.

    The multiple is the decree's row for the type; a type the decree has no row for falls
    back to the award type's own `reward_multiple` (the admin's default, e.g. for a
    Bằng khen a locality pays), and has no amount when both are empty."""
    ids = set(award_type_ids)
    salary = base_salary_on(day)
    decree = decree_on(day)
    multiples = (
        dict(
            RewardMultiple.objects.filter(decree=decree, award_type_id__in=ids).values_list(
                "award_type_id", "multiple"
            )
        )
        if decree
        else {}
    )
    missing = ids - set(multiples)
    if decree and missing:  # before any decree: no rounding rule, no amount
        from .models import AwardType

        multiples.update(
            AwardType.objects.filter(pk__in=missing, reward_multiple__isnull=False).values_list(
                "pk", "reward_multiple"
            )
        )
    quotes = {}
    for type_id in ids:
        multiple = multiples.get(type_id)
        amount = (
            rounded(multiple * salary.amount, unit=decree.rounding_unit, mode=decree.rounding)
            if multiple is not None and salary and decree
            else None
        )
        quotes[type_id] = Quote(
            multiple=multiple,
            base_salary=salary.amount if salary else None,
            amount=amount,
            decree=decree,
        )
    return quotes


def quote(award_type, day: datetime.date) -> Quote:
    return quotes_on(day, [award_type.pk])[award_type.pk]


def decision_day(decision) -> datetime.date:
    """The date that decides the rates: the issue date, or today for a draft."""
    return decision.issued_on or timezone.localdate()


def decision_amounts(decision) -> dict:
    """Per line and in total, as the decision page and the annex show them. An issued
    decision reads its payout lines (the amounts as booked); a draft is quoted today."""
    from .models import Decision

    if decision.status == Decision.Status.ISSUED:
        lines = {
            e.grant_id: e
            for e in FundEntry.objects.filter(decision=decision, kind=FundEntry.Kind.PAYOUT)
        }
        by_grant = {
            grant_id: Quote(
                multiple=e.multiple, base_salary=e.base_salary, amount=-e.amount, decree=None
            )
            for grant_id, e in lines.items()
        }
        if not by_grant:  # issued before the fund was kept: quoted on its date, not booked
            grants = list(decision.grants.values_list("pk", "award_type_id"))
            quotes = quotes_on(decision_day(decision), {t for _, t in grants})
            by_grant = {pk: quotes[t] for pk, t in grants if quotes[t].amount is not None}
        total = sum(q.amount for q in by_grant.values())
        unpriced = decision.grants.exclude(pk__in=list(by_grant)).count()
        return {"by_grant": by_grant, "by_type": {}, "total": total, "unpriced": unpriced}
    type_ids = decision.nominations.values_list("award_type_id", flat=True)
    counts: dict[int, int] = {}
    for type_id in type_ids:
        counts[type_id] = counts.get(type_id, 0) + 1
    # an amending draft's lines (decision 0078): the amount typed, else quoted today
    lines = (
        list(
            decision.grants.filter(struck=False).values_list("pk", "award_type_id", "reward_amount")
        )
        if decision.amends_id
        else []
    )
    quotes = quotes_on(decision_day(decision), set(counts) | {t for _, t, _ in lines})
    by_grant = {}
    for pk, type_id, amount in lines:
        q = quotes[type_id]
        by_grant[pk] = (
            q if amount is None or amount == q.amount else Quote(None, None, amount, None)
        )
    total = sum((quotes[t].amount or 0) * n for t, n in counts.items())
    total += sum(q.amount or 0 for q in by_grant.values())
    # lines with no amount (no multiple in force): not 0 đồng, and said so beside the total
    unpriced = sum(n for t, n in counts.items() if quotes[t].amount is None)
    unpriced += sum(1 for q in by_grant.values() if q.amount is None)
    return {"by_grant": by_grant, "by_type": quotes, "total": total, "unpriced": unpriced}


# ---------------------------------------------------------------------------
# The fund: reads


def fund_of(issuer: Unit, year: int) -> Fund:
    fund, _ = Fund.objects.get_or_create(issuer=issuer, year=year)
    return fund


@transaction.atomic
def fund_open(*, actor: AbstractBaseUser, issuer: Unit, year: int) -> Fund:
    """Mở sổ quỹ of a body for a year (standing office of the body); the same fund if
    it is already open."""
    access.ensure_office(actor, issuer, "Bạn không thuộc cơ quan thường trực của cơ quan này.")
    return fund_of(issuer, year)


def _figure_sums(prefix: str = "") -> dict:
    def total(kind: str | None):
        condition = Q(**{f"{prefix}kind": kind}) if kind else None
        return Coalesce(Sum(f"{prefix}amount", filter=condition), 0)

    return {
        "budget": total(FundEntry.Kind.BUDGET),
        "income": total(FundEntry.Kind.INCOME),
        "paid": total(FundEntry.Kind.PAYOUT),
        "returned": total(FundEntry.Kind.REVERSAL),
        "balance": total(None),
    }


def _with_paid_out(figures: dict) -> dict:
    figures["paid_out"] = -figures["paid"] - figures["returned"]
    return figures


def fund_figures(fund: Fund) -> dict:
    """Budget, income, paid out (net of reversals) and the balance, in one query."""
    return _with_paid_out(fund.entries.aggregate(**_figure_sums()))


def funds_with_figures(funds: QuerySet[Fund]) -> list[Fund]:
    """Each fund with its `figures`, all in one GROUP BY query."""
    sums = _figure_sums("entries__")
    rows = funds.annotate(**{f"f_{k}": v for k, v in sums.items()})
    result = []
    for fund in rows:
        fund.figures = _with_paid_out({k: getattr(fund, f"f_{k}") for k in sums})
        result.append(fund)
    return result


def fund_balance(issuer: Unit, year: int) -> int:
    return FundEntry.objects.filter(fund__issuer=issuer, fund__year=year).aggregate(
        b=Coalesce(Sum("amount"), 0)
    )["b"]


def decision_fund_preview(decision) -> dict:
    """Before issuing: the fund's balance now, this decision's total and what would be
    left (`short` when it would go below zero)."""
    day = decision_day(decision)
    amounts = decision_amounts(decision)
    total = amounts["total"]
    if decision.amends_id and decision.status != "issued":
        # an amending draft: what the amended decision paid comes back first (decision 0078)
        total += FundEntry.objects.filter(
            decision_id=decision.amends_id, kind=FundEntry.Kind.PAYOUT, reversed_by__isnull=True
        ).aggregate(paid=Coalesce(Sum("amount"), 0))["paid"]
    balance = fund_balance(decision.issuer, day.year)
    # the body keeps its fund here once it wrote the year's budget or an income: only then
    # is the balance the fund's, and paying beyond it needs the issuer's word (0089)
    kept = FundEntry.objects.filter(
        fund__issuer=decision.issuer,
        fund__year=day.year,
        kind__in=[FundEntry.Kind.BUDGET, FundEntry.Kind.INCOME],
    ).exists()
    return {
        "year": day.year,
        "balance": balance,
        "total": total,
        "unpriced": amounts["unpriced"],
        "after": balance - total,
        "short": balance - total < 0,
        "shortfall": max(total - balance, 0),
        # what this decision pays beyond what the fund holds (none when it pays nothing)
        "overspend": max(total - max(balance, 0), 0) if kept else 0,
        "kept": kept,
    }


def funds_for_office(user) -> QuerySet[Fund]:
    """The funds of the bodies whose standing office the user is (and their predecessors)."""
    return Fund.objects.filter(issuer__in=access.office_record_bodies(user)).select_related(
        "issuer"
    )


def ledger(fund: Fund) -> list[dict]:
    """The fund's lines in order, each with the running balance."""
    entries = fund.entries.select_related(
        "decision", "grant__award_type", "grant__person", "grant__unit", "created_by"
    ).order_by("on", "pk")
    cancelled = set(
        fund.entries.filter(reverses__isnull=False).values_list("reverses_id", flat=True)
    )
    rows, running = [], 0
    for entry in entries:
        running += entry.amount
        cancellable = entry.cancellable_kind and entry.pk not in cancelled
        rows.append({"entry": entry, "balance": running, "cancellable": cancellable})
    return rows


# ---------------------------------------------------------------------------
# The fund: writes


def fund_book_decision(*, decision, grants: Iterable, actor: AbstractBaseUser | None) -> int:
    """Chi tiền thưởng: a payout line per grant that carries money, in the fund of the
    decision's issuer and year. Runs inside decision_issue's transaction. Returns the total."""
    grants = list(grants)
    quotes = quotes_on(decision.issued_on, {g.award_type_id for g in grants})
    fund = fund_of(decision.issuer, decision.year)
    lines = []
    for grant in grants:
        q = quotes[grant.award_type_id]
        if grant.reward_amount is not None:  # a line of an amending decision, as corrected
            q = (
                q
                if grant.reward_amount == q.amount
                else Quote(None, None, grant.reward_amount, None)
            )
        if not q.amount:
            continue
        lines.append(
            FundEntry(
                fund=fund,
                kind=FundEntry.Kind.PAYOUT,
                on=decision.issued_on,
                amount=-q.amount,
                description=f"Tiền thưởng theo Quyết định số {decision.number_symbol}",
                decision=decision,
                grant=grant,
                multiple=q.multiple,
                base_salary=q.base_salary,
                decree=q.decree,
                created_by=actor,
            )
        )
    FundEntry.objects.bulk_create(lines)
    return -sum(line.amount for line in lines)


def fund_reverse_amended(*, decision, amended, actor: AbstractBaseUser | None) -> int:
    """Hoàn chi theo quyết định sửa đổi: each payout of the amended decision not yet given
    back is reversed, in the amended decision's fund, on the amending decision's day; the
    amending decision then books its own lines (fund_book_decision). The fund's net is
    what the honourees in force are owed: nobody is paid twice. Returns the amount."""
    payouts = FundEntry.objects.filter(
        decision=amended, kind=FundEntry.Kind.PAYOUT, reversed_by__isnull=True
    ).select_related("fund")
    lines = [
        FundEntry(
            fund=payout.fund,
            kind=FundEntry.Kind.REVERSAL,
            on=decision.issued_on,
            amount=-payout.amount,
            description=f"Hoàn chi theo Quyết định số {decision.number_symbol} (sửa đổi, bổ "
            f"sung Quyết định số {amended.number_symbol})",
            decision=amended,
            grant_id=payout.grant_id,
            multiple=payout.multiple,
            base_salary=payout.base_salary,
            decree_id=payout.decree_id,
            reverses=payout,
            created_by=actor,
        )
        for payout in payouts
    ]
    FundEntry.objects.bulk_create(lines)
    return sum(line.amount for line in lines)


@transaction.atomic
def fund_entry_add(
    *,
    actor: AbstractBaseUser,
    issuer: Unit,
    year: int,
    kind: str,
    amount: int,
    on: datetime.date,
    description: str,
) -> FundEntry:
    """Ghi dự toán được giao or a khoản thu khác (standing office of the body)."""
    access.ensure_office(actor, issuer, "Bạn không thuộc cơ quan thường trực của quỹ này.")
    if kind not in (FundEntry.Kind.BUDGET, FundEntry.Kind.INCOME):
        raise ValidationError(
            {"kind": "Chỉ ghi dự toán hoặc khoản thu; tiền chi do quyết định ghi."}
        )
    if amount <= 0:
        raise ValidationError({"amount": "Số tiền phải lớn hơn 0."})
    if on.year != year:
        raise ValidationError({"on": f"Ngày ghi phải thuộc năm {year} của quỹ."})
    fund = fund_of(issuer, year)
    Fund.objects.select_for_update().filter(pk=fund.pk).first()
    return FundEntry.objects.create(
        fund=fund,
        kind=kind,
        on=on,
        amount=amount,
        description=description.strip(),
        created_by=actor,
    )


@transaction.atomic
def fund_entry_cancel(*, actor: AbstractBaseUser, entry: FundEntry, reason: str) -> FundEntry:
    """Hủy dòng ghi sai: a budget or income line written by mistake stays in the book and
    is cancelled by a line of the same kind, the opposite amount and the reason, dated
    today (or the last day of the fund's year, for a year gone by), pointing to it.
    Payouts are the decisions' (a revoked award gives its money back by `grant_revoke`)."""
    fund = Fund.objects.select_for_update().get(pk=entry.fund_id)
    access.ensure_office(actor, fund.issuer, "Bạn không thuộc cơ quan thường trực của quỹ này.")
    entry = FundEntry.objects.get(pk=entry.pk)
    if not entry.cancellable_kind:
        raise ValidationError(
            "Chỉ hủy được dòng dự toán hoặc khoản thu đã ghi; tiền chi do quyết định ghi."
        )
    if FundEntry.objects.filter(reverses=entry).exists():
        raise ValidationError("Dòng này đã được hủy.")
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": "Ghi lý do hủy dòng."})
    today = timezone.localdate()
    if today.year == fund.year:
        on = max(today, entry.on)  # a line dated ahead is cancelled on its own day
    else:  # a year gone by: its last day (a fund opened ahead: the line's own day)
        on = datetime.date(fund.year, 12, 31) if today.year > fund.year else entry.on
    text = f"Hủy dòng ghi sai ngày {entry.on:%d/%m/%Y} ({entry.description}): {reason}"
    return FundEntry.objects.create(
        fund=fund,
        kind=entry.kind,
        on=on,
        amount=-entry.amount,
        description=text[:255],
        reverses=entry,
        created_by=actor,
    )


@transaction.atomic
def grant_revoke(
    *,
    actor: AbstractBaseUser,
    grant,
    reason: str,
    document_number: str = "",
    document_date: datetime.date | None = None,
    on: datetime.date | None = None,
) -> GrantRevocation:
    """Thu hồi khen thưởng: by a decision (its number and symbol, and its date: required,
    decision 0078), for a reason. The grant stays in the register, marked revoked; its
    payout is given back by a new line, dated today, that points to it."""
    from .models import AwardGrant

    grant = (
        AwardGrant.objects.select_for_update(of=("self",))
        .select_related("decision")
        .get(pk=grant.pk)
    )
    issuer = grant.decision.issuer if grant.decision_id else None
    if issuer is None or not access.holds_office(actor, issuer):
        raise PermissionDenied("Bạn không thuộc cơ quan thường trực của cơ quan đã quyết định.")
    if grant.decision.status != "issued":
        # an amending draft's line (decision 0078): nothing is granted until it is issued
        raise ValidationError(
            "Dòng của dự thảo quyết định chưa ban hành: không thu hồi được; sửa hoặc bãi bỏ "
            "dòng trong dự thảo."
        )
    if grant.struck:
        raise ValidationError(
            f"Khen thưởng của {grant.awardee_name} đã bị bãi bỏ theo {grant.decision}: không "
            "còn gì để thu hồi."
        )
    # a draft amending the decision restates or strikes this grant: the draft would issue
    # it again, or strike off someone already revoked (decision 0085)
    pending = AwardGrant.objects.filter(replaces=grant, decision__status="draft").first()
    if pending is not None:
        draft = f"dự thảo quyết định sửa đổi, bổ sung #{pending.decision_id}"
        raise ValidationError(
            f"Khen thưởng của {grant.awardee_name} đang được bãi bỏ trong {draft}: rút dự "
            "thảo đó rồi thu hồi (dự thảo lập lại không chép người đã bị thu hồi)."
            if pending.struck
            else f"Khen thưởng của {grant.awardee_name} đang được chép lại trong {draft}: "
            "rút dự thảo đó rồi thu hồi, hoặc ban hành dự thảo rồi thu hồi trên quyết định "
            "sửa đổi."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Ghi lý do thu hồi."})
    document_number = " ".join(document_number.split())
    if not document_number:
        raise ValidationError(
            {"document_number": "Ghi số, ký hiệu của quyết định thu hồi (ví dụ 12/QĐ-UBND)."}
        )
    if document_date is None:
        raise ValidationError({"document_date": "Ghi ngày ký quyết định thu hồi."})
    if grant.decision.issued_on and document_date < grant.decision.issued_on:
        raise ValidationError(
            {
                "document_date": f"Ngày quyết định thu hồi không được trước ngày ký Quyết định "
                f"số {grant.decision.number_symbol} ({grant.decision.issued_on:%d/%m/%Y})."
            }
        )
    if document_date > timezone.localdate():
        raise ValidationError({"document_date": "Ngày quyết định thu hồi không được sau hôm nay."})
    if GrantRevocation.objects.filter(grant=grant).exists():
        raise ValidationError("Khen thưởng này đã bị thu hồi.")
    if grant.decision.amended_by is not None:
        raise ValidationError(
            f"Quyết định số {grant.decision.number_symbol} đã được sửa đổi, bổ sung bởi Quyết "
            f"định số {grant.decision.amended_by.number_symbol}: thu hồi trên quyết định đó."
        )
    on = on or timezone.localdate()
    document = (
        type(grant.decision)
        .objects.filter(
            issuer=grant.decision.issuer,
            status="issued",
            issued_on=document_date,
            symbol=document_number.partition("/")[2],
            number=int(head) if (head := document_number.partition("/")[0]).isdigit() else None,
        )
        .first()
    )
    revocation = GrantRevocation.objects.create(
        grant=grant,
        reason=reason.strip(),
        on=on,
        by=actor,
        document_number=document_number,
        document_date=document_date,
        document=document,
    )
    payout = FundEntry.objects.filter(grant=grant, kind=FundEntry.Kind.PAYOUT).first()
    if payout is not None and not FundEntry.objects.filter(reverses=payout).exists():
        FundEntry.objects.create(
            fund=payout.fund,
            kind=FundEntry.Kind.REVERSAL,
            on=on,
            amount=-payout.amount,
            description=f"Hoàn chi: thu hồi khen thưởng {grant.awardee_name} "
            f"(Quyết định số {grant.decision.number_symbol}) theo {revocation.document_text}"[:255],
            decision=grant.decision,
            grant=grant,
            multiple=payout.multiple,
            base_salary=payout.base_salary,
            decree=payout.decree,
            reverses=payout,
            created_by=actor,
        )
    return revocation


# ---------------------------------------------------------------------------
# Money spent, for the reports


def spent_by(field: str, entries: QuerySet[FundEntry]) -> list[dict]:
    """Net money paid (payouts less reversals) grouped by award type or campaign."""
    names = {
        "award_type": "grant__award_type__name",
        "campaign": "grant__nomination__campaign__subject",
    }
    rows = (
        entries.filter(kind__in=[FundEntry.Kind.PAYOUT, FundEntry.Kind.REVERSAL])
        .values(names[field])
        .annotate(total=Sum("amount"))
        .order_by("total", names[field])
    )
    return [{"label": r[names[field]] or "", "amount": -r["total"]} for r in rows if r["total"]]


def vnd(value) -> str:
    """1234567 → “1.234.567” (Vietnamese thousands separator)."""
    if value is None:
        return ""
    return f"{int(value):,}".replace(",", ".")
