"""Template filters for showing administrative documents."""

import re

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def paragraphs(text: str | None):
    """One <p> per line of stored text, escaped."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return format_html_join("\n", "<p>{}</p>", ((line,) for line in lines))


# A document's number and symbol, "01/QĐ-UBND", "5834/PĐTĐ-UBND", "06/2022/QH15".
NUMBER_SYMBOL = re.compile(r"\b\d+/[0-9A-ZĐ][0-9A-Za-zĐđ]*(?:[-/][0-9A-Za-zĐđ]+)*")


@register.filter
def keep_symbols(text: str | None):
    """The text escaped, each number and symbol in it kept on one line: a narrow cell broke
    "01/QĐ-UBND" after its hyphen ("01/QĐ-" over "UBND")."""
    text = text or ""
    parts, last = [], 0
    for match in NUMBER_SYMBOL.finditer(text):
        parts.append(escape(text[last : match.start()]))
        parts.append(format_html('<span class="nowrap">{}</span>', match.group(0)))
        last = match.end()
    parts.append(escape(text[last:]))
    return mark_safe("".join(parts))


# A section heading of a document's text (Decree 30, Phụ lục I: a mục's Roman number and
# its name in bold): "I. MỤC ĐÍCH, YÊU CẦU"; and a short numbered line with no sentence
# after it: "1. Mục đích", "2. Thời gian thi đua" (an item ends in ".", ";" or ":").
ROMAN_HEADING = re.compile(r"^[IVXL]+\.\s+\S")
NUMBERED_HEADING = re.compile(r"^\d+\.\s+[^.;:,!?…]{1,60}$")


def is_heading(line: str) -> bool:
    if ROMAN_HEADING.match(line):
        return line == line.upper()  # "I. MỤC ĐÍCH", not "I. Mục đích là …"
    return bool(NUMBERED_HEADING.match(line))


@register.filter
def document_paragraphs(text: str | None):
    """A document's stored text as printed: one <p> a line, its section headings in bold
    (kept with the text after them by the print stylesheet)."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return format_html_join(
        "\n",
        "{}",
        (
            (
                format_html('<p class="doc-heading"><strong>{}</strong></p>', line)
                if is_heading(line)
                else format_html("<p>{}</p>", line),
            )
            for line in lines
        ),
    )


@register.filter
def citation(ref) -> str:
    """A cited document as a clerk writes it (`campaigns.models.citation`): the reader's
    dictionary ("date", "issuer", "name") or a revision's row ("issued_on", "issuer_name",
    "subject")."""
    from campaigns.models import NAMED_ACTS
    from campaigns.models import citation as cite

    def get(*keys):
        return next((ref.get(k) for k in keys if ref.get(k)), None)

    named = ref.get("doc_type") in NAMED_ACTS
    return cite(
        ref.get("doc_type"),
        ref.get("number"),
        ref.get("symbol"),
        get("date", "issued_on"),
        get("issuer", "issuer_name"),
        name=get("name", "subject") if named else "",
    )


@register.filter
def vn_date(value) -> str:
    """dd/mm/yyyy, or an empty string."""
    return value.strftime("%d/%m/%Y") if value else ""


@register.simple_tag
def document_item(item):
    """A content item as printed: the label opens it; a heading is a line of its own (in
    italics), so that it never runs into the text after it."""
    lines = [line.strip() for line in (item.text or "").splitlines() if line.strip()]
    label = (
        format_html('<span class="doc-item__label">{}</span> ', item.label) if item.label else ""
    )
    if item.heading:
        first = format_html(
            '<p class="doc-item__title">{}<em class="doc-item__heading">{}</em></p>',
            label,
            item.heading,
        )
        body = lines
    else:
        first = format_html("<p>{}{}</p>", label, lines[0] if lines else "")
        body = lines[1:]
    rest = format_html_join("\n", "<p>{}</p>", ((line,) for line in body))
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


@register.simple_tag
def bar_chart(rows, label_key: str, value_key: str, title: str, missing: str = ""):
    """A horizontal bar chart as inline SVG (no script, no network). The page shows the
    same figures in a table beside it for screen readers.

    missing: what a row whose value is None says instead of a bar (a figure nobody
    reported is not 0, decision 0063); without it, None is drawn as 0. A row's "note"
    is written after its figure."""
    from django.utils.html import escape

    rows = list(rows)
    if not rows:
        return ""
    top = max((r[value_key] or 0) for r in rows) or 1
    longest = 200 if any(r.get("note") for r in rows) else 300  # room for the note
    height = 28 * len(rows) + 10
    bars = []
    for i, row in enumerate(rows):
        y = 8 + 28 * i
        label = f'<text x="0" y="{y + 14}" font-size="12">{escape(str(row[label_key]))[:38]}</text>'
        if row[value_key] is None and missing:
            bars.append(
                f'{label}<text x="246" y="{y + 14}" font-size="12" font-style="italic" '
                f'fill="#555">{escape(missing)}</text>'
            )
            continue
        value = row[value_key] or 0
        width = int(longest * value / top)
        figure = f"{value} {row['note']}" if row.get("note") else str(value)
        bars.append(
            f"{label}"
            f'<rect x="240" y="{y}" width="{width}" height="18" fill="#a3161a"></rect>'
            f'<text x="{246 + width}" y="{y + 14}" font-size="12">{escape(figure)}</text>'
        )
    svg = (
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 600 {height}" '
        f'width="100%" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        + "".join(bars)
        + "</svg>"
    )
    return mark_safe(svg)


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template (the review page's confidence per field), or ""."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""
