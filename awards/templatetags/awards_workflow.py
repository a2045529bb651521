"""`nomination|allows:"withdraw"`: the page shows a button when the workflow table lets
the nomination's status take that step (pair it with the user's role: is_unit, is_office)."""

from django import template

from awards import workflow

register = template.Library()


@register.filter
def allows(nomination, action: str) -> bool:
    return workflow.allows(nomination, action)
