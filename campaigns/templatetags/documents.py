"""Template filters for showing administrative documents."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def paragraphs(text: str | None):
    """One <p> per line of stored text, escaped."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return format_html_join("\n", "<p>{}</p>", ((line,) for line in lines))


@register.filter
def vn_date(value) -> str:
    """dd/mm/yyyy, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


@register.simple_tag
def document_item(item):
    """A content item as printed: label and italic heading open its first paragraph."""
    lines = [line.strip() for line in (item.text or "").splitlines() if line.strip()] or [""]
    opening = format_html(
        "{}{}{}",
        format_html('<span class="doc-item__label">{}</span> ', item.label) if item.label else "",
        format_html('<em class="doc-item__heading">{}</em> ', item.heading) if item.heading else "",
        lines[0],
    )
    first = format_html("<p>{}</p>", opening)
    rest = format_html_join("\n", "<p>{}</p>", ((line,) for line in lines[1:]))
    return mark_safe(first + rest)


PART_LABELS = {
    "items": "nội dung thi đua",
    "anniversaries": "ngày kỷ niệm",
    "references": "căn cứ, văn bản dẫn chiếu",
    "recipients": "kính gửi",
    "distribution": "nơi nhận",
}


@register.filter
def field_labels(names) -> str:
    """A revision's changed parts in Vietnamese: "trích yếu, nội dung thi đua"."""
    from campaigns.models import Campaign

    labels = []
    for name in names or []:
        if name in PART_LABELS:
            labels.append(PART_LABELS[name])
            continue
        try:
            labels.append(str(Campaign._meta.get_field(name.removesuffix("_id")).verbose_name))
        except Exception:
            labels.append(name)
    return ", ".join(labels)


@register.filter
def iso_to_vn(value) -> str:
    """ "2025-06-30" (as a revision stores it) → "30/06/2025"."""
    if not value:
        return ""
    try:
        year, month, day = str(value).split("-")
        return f"{day}/{month}/{year}"
    except ValueError:
        return str(value)


@register.filter
def date_words(value) -> str:
    """ "ngày 05 tháng 02 năm 2024" (Decree 30), or blanks to fill in by hand."""
    from campaigns.models import date_in_words

    if not value:
        blank = "\u2002" * 3
        return f"ngày {blank} tháng {blank} năm {blank}"
    return date_in_words(value)
