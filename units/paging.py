"""One way to paginate a staff or public list: `?trang=N`, keeping the other filters."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 50


def paginate(
    request: HttpRequest, items, per_page: int = PAGE_SIZE, count: int | None = None
) -> dict:
    """The page asked for (a bad or missing number gives the first or last page) and the
    query string without `trang`, for the links of templates/_pagination.html.

    A queryset is paged by its ids first (ordered by an index, without the joins of
    select_related), then only that page's rows are loaded with their relations: with
    tens of thousands of rows, joining every row before the LIMIT is what costs.
    `count`, when the caller has already counted the items, spares the paginator its
    own COUNT.
    """
    if isinstance(items, QuerySet):
        paginator = Paginator(items.values_list("pk", flat=True), per_page)
        if count is not None:
            paginator.count = count  # a cached_property: set, it is not computed
        page: Page = paginator.get_page(request.GET.get("trang"))
        ids = list(page.object_list)
        rows = {row.pk: row for row in items.filter(pk__in=ids)}
        page.object_list = [rows[pk] for pk in ids if pk in rows]
    else:
        page = Paginator(items, per_page).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return {"page": page, "query": query.urlencode()}
