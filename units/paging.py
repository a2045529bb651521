"""One way to paginate a staff or public list: `?trang=N`, keeping the other filters."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.http import HttpRequest

PAGE_SIZE = 50


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE) -> dict:
    """The page asked for (a bad or missing number gives the first or last page) and the
    query string without `trang`, for the links of templates/_pagination.html."""
    page: Page = Paginator(items, per_page).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return {"page": page, "query": query.urlencode()}
