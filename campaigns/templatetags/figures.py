"""Figures of a campaign's criteria as people write them: "99,2 %", "1", "Đạt"."""

from __future__ import annotations

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def figure(value, criterion=None) -> str:
    """A stored number without the database's trailing zeros ("80,5", never "80,50"),
    with a dot between the thousands ("1.234.567": decision 0079) and the criterion's
    unit; a pass/fail criterion's 1 or 0 as "Đạt" or "Không đạt"."""
    from campaigns.models import Criterion, pass_fail_text
    from units.text import grouped_text

    if value is None or value == "":
        return "—"
    if criterion is not None and criterion.kind == Criterion.Kind.BOOLEAN:
        return pass_fail_text(value)
    text = grouped_text(Decimal(value))
    measure = getattr(criterion, "measure", "")
    return f"{text} {measure}" if measure else text
