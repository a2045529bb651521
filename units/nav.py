"""Which section of the header a page belongs to, for its link's aria-current="page"."""

from __future__ import annotations

from django.urls import ResolverMatch

# (namespace, url names or None for all) → section; the first that fits wins.
SECTIONS: tuple[tuple[str, frozenset[str] | None, str], ...] = (
    ("awards_public", frozenset({"notice_list", "notice_detail"}), "lay-y-kien"),
    ("awards_public", frozenset({"honour_roll"}), "vinh-danh"),
    ("awards_public", None, "quyet-dinh"),
    ("public", None, "phong-trao"),
    ("tracking", frozenset({"unit_campaigns", "register", "report"}), "dang-ky"),
    ("tracking", frozenset({"blocs", "bloc_edit", "scores"}), "khoi"),
    ("awards", frozenset({"campaign_awards"}), "quan-ly"),  # a tab of a campaign's tracking
    ("awards", None, "khen-thuong"),
    ("tracking", None, "quan-ly"),
    ("staff", None, "quan-ly"),
    ("sheets", None, "quan-ly"),
    ("jobs", None, "quan-ly"),
    ("", frozenset({"password_change"}), "mat-khau"),
)


def section_of(match: ResolverMatch | None) -> str:
    """The header section of the page `match` resolved to; "" for none (login, errors)."""
    if match is None:
        return ""
    for namespace, names, section in SECTIONS:
        if match.namespace == namespace and (names is None or match.url_name in names):
            return section
    return ""
