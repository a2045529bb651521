"""The public pages' cache: whole responses for anonymous readers, dropped when
anything they show changes. See docs/decisions/0004-public-cache.md.

- `PublicCacheMiddleware` sits near the top of MIDDLEWARE. An anonymous GET or
  HEAD (no session or messages cookie) of a whitelisted page is answered from
  the cache before sessions, auth or the database are touched; a miss goes
  down the stack and a cacheable answer is stored on its way back.
- Entries carry "generations": one counter per topic (campaigns, awards, notices,
  units), kept in the cache. Saving or deleting a model that a page shows bumps
  its topics' counters, so every page built from the old data stops being served
  at once (the next miss overwrites it). One round trip reads the entry and the
  counters together. The receivers are
  connected here, in one place (`connect_signals`, from config.apps).
- A bump happens at once and again in `transaction.on_commit`: a request that
  read the database before the commit and stored its page afterwards stored it
  under the old generation, which nobody asks for any more.
- Cached answers carry an ETag and a Last-Modified; If-None-Match and
  If-Modified-Since get a 304.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

logger = logging.getLogger(__name__)

# Topics a page can depend on. A model's save bumps the topics it is shown in.
CAMPAIGNS, AWARDS, NOTICES, UNITS = "campaigns", "awards", "notices", "units"

# URL name -> (topics the page shows, query parameters it reads). A request with
# another parameter is served, but not cached: it cannot fill the cache with junk.
LIST_PARAMS = frozenset({"q", "issuer", "year", "kind", "status", "trang"})
PAGES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "public:home": (frozenset({CAMPAIGNS, UNITS}), LIST_PARAMS),
    "public:campaign_detail": (frozenset({CAMPAIGNS, UNITS}), frozenset()),
    "public:export_csv": (frozenset({CAMPAIGNS, UNITS}), LIST_PARAMS),
    "public:export_json": (frozenset({CAMPAIGNS, UNITS}), LIST_PARAMS),
    "public:feed": (frozenset({CAMPAIGNS, UNITS}), LIST_PARAMS),
    "awards_public:decision_list": (
        frozenset({AWARDS, UNITS}),
        frozenset({"q", "nam", "co_quan", "trang"}),
    ),
    "awards_public:decision_detail": (frozenset({AWARDS, UNITS}), frozenset()),
    "awards_public:honour_roll": (
        frozenset({AWARDS, UNITS}),
        frozenset({"q", "nam", "danh_hieu", "trang"}),
    ),
    "awards_public:notice_list": (frozenset({NOTICES, UNITS}), frozenset()),
    # Not cached: the PDFs (stored issued documents, served with their ETag), attachment
    # downloads (files), and the notice detail, whose page holds a POST form.
}

# Model label -> topics its rows appear in.
MODEL_TOPICS: dict[str, frozenset[str]] = {
    "campaigns.Campaign": frozenset({CAMPAIGNS}),
    "campaigns.ContentItem": frozenset({CAMPAIGNS}),
    "campaigns.DocumentReference": frozenset({CAMPAIGNS}),
    "campaigns.Anniversary": frozenset({CAMPAIGNS}),
    "campaigns.Recipient": frozenset({CAMPAIGNS}),
    "campaigns.DistributionEntry": frozenset({CAMPAIGNS}),
    "campaigns.Attachment": frozenset({CAMPAIGNS}),
    "campaigns.DocumentType": frozenset({CAMPAIGNS}),
    "units.Unit": frozenset({UNITS}),
    "units.Person": frozenset({AWARDS, NOTICES}),
    "awards.AwardType": frozenset({AWARDS, NOTICES}),
    "awards.Decision": frozenset({AWARDS}),
    "awards.AwardGrant": frozenset({AWARDS}),
    # a revoked grant leaves the honour roll and is marked on its decision's page
    "awards.GrantRevocation": frozenset({AWARDS}),
    "awards.Nomination": frozenset({NOTICES}),
    # The campaign and decision pages show their issued PDF's SHA-256 once rendered.
    "units.IssuedDocument": frozenset({CAMPAIGNS, AWARDS}),
}

# Cookies that make a page personal: the session (logged-in users, and the
# base template's menu) and flashed messages (shown on the next page).
PERSONAL_COOKIES = ("messages",)

GENERATION_KEY = "public-cache:gen:{}"
PAGE_KEY = "public-cache:page:{}"


def _cache():
    return caches[getattr(settings, "PUBLIC_CACHE_ALIAS", "default")]


def _timeout() -> int:
    return getattr(settings, "PUBLIC_CACHE_SECONDS", 3600)


# Generations ---------------------------------------------------------------


def generations(topics: Iterable[str]) -> dict[str, int]:
    """The current generation of each topic; a missing one (first use, evicted) is
    created from the clock, so it never comes back to a value already used."""
    cache = _cache()
    keys = {topic: GENERATION_KEY.format(topic) for topic in sorted(topics)}
    found = cache.get_many(keys.values())
    result = {}
    for topic, key in keys.items():
        value = found.get(key)
        if value is None:
            cache.add(key, time.time_ns(), timeout=None)
            value = cache.get(key)
        result[topic] = value
    return result


def bump(topics: Iterable[str]) -> None:
    """Move the topics to a new generation: every page built on them is stale.

    A cache that is down must not fail the write that called this: it is logged,
    and pages stored before the outage expire within PUBLIC_CACHE_SECONDS."""
    cache = _cache()
    for topic in topics:
        key = GENERATION_KEY.format(topic)
        try:
            try:
                cache.incr(key)
            except ValueError:  # not there (never used, or evicted)
                cache.set(key, time.time_ns(), timeout=None)
        except Exception:
            logger.exception("Public cache: could not bump %s", topic)


def bump_all() -> None:
    bump({CAMPAIGNS, AWARDS, NOTICES, UNITS})


def _after_commit(topics: frozenset[str]) -> Callable[[], None]:
    def run() -> None:
        bump(topics)

    run.public_cache_topics = topics  # lets a transaction register each topic once
    return run


def schedule_bump(topics: frozenset[str], using: str = "default") -> None:
    """Bump now (this transaction's own reads, and tests, see the change), and once
    more when the transaction commits: pages other requests cached from the data as it
    was before the commit are dropped then. The commit's bump is registered once per
    topic and transaction, however many rows it saves."""
    bump(topics)
    connection = connections[using]
    if not connection.in_atomic_block:
        return
    pending = set()
    for _sids, func, _robust in connection.run_on_commit:
        pending |= getattr(func, "public_cache_topics", frozenset())
    if new := topics - pending:
        transaction.on_commit(_after_commit(frozenset(new)), using=using)


def _changed(sender, instance=None, using="default", raw=False, **kwargs) -> None:
    if raw:  # loaddata: the fixture's rows are not on any page yet
        return
    # A proxy (IssuingBody in its own admin list) counts as its concrete model.
    topics = MODEL_TOPICS.get(sender._meta.concrete_model._meta.label)
    if topics:
        schedule_bump(topics, using=using)


def connect_signals() -> None:
    """Called once, from config.apps.ConfigConfig.ready()."""
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.concrete_model._meta.label in MODEL_TOPICS:
            uid = f"public-cache:{model._meta.label}"
            post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}:save")
            post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}:delete")


# Pages ---------------------------------------------------------------------


def _page(request: HttpRequest) -> tuple[frozenset[str], str] | None:
    """(topics, URL name) when this request may be answered from the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in PERSONAL_COOKIES):
        return None
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    page = PAGES.get(match.view_name)
    if page is None:
        return None
    topics, params = page
    if any(name not in params for name in request.GET):
        return None
    return topics, match.view_name


def page_key(request: HttpRequest) -> str:
    """The full URL (scheme, host, path, query) and the day: pages show "running" or
    "ended", and notices expire, by date."""
    parts = [request.build_absolute_uri(), timezone.localdate().isoformat()]
    return PAGE_KEY.format(hashlib.sha256("\n".join(parts).encode()).hexdigest())


def lookup(key: str, topics: frozenset[str]) -> tuple[dict | None, dict[str, int]]:
    """(the entry if it was built on the current generations, those generations),
    in one cache round trip: the entry and the counters are read together."""
    cache = _cache()
    gen_keys = {topic: GENERATION_KEY.format(topic) for topic in sorted(topics)}
    found = cache.get_many([key, *gen_keys.values()])
    if any(k not in found for k in gen_keys.values()):
        return None, generations(topics)
    gens = {topic: found[k] for topic, k in gen_keys.items()}
    entry = found.get(key)
    if entry is None or entry.get("generations") != gens:
        return None, gens
    return entry, gens


def _storable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _entry(response: HttpResponse, gens: dict[str, int]) -> dict:
    content = response.content
    return {
        "generations": gens,
        "content": content,
        "headers": [(k, v) for k, v in response.items() if k.lower() != "last-modified"],
        "etag": f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"',
        "modified": int(time.time()),
    }


def _response(entry: dict, request: HttpRequest) -> HttpResponse:
    response = HttpResponse(entry["content"])
    for name, value in entry["headers"]:
        response[name] = value
    _validators(response, entry)
    return get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["modified"], response=response
    )


def _validators(response: HttpResponse, entry: dict) -> None:
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    # Browsers and proxies may keep the page but must ask again (a 304 is cheap).
    response["Cache-Control"] = "no-cache"


class PublicCacheMiddleware:
    """Answer anonymous reads of public pages from the cache; store what it misses."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        page = _page(request)
        if page is None:
            return self.get_response(request)
        topics, _name = page
        key = page_key(request)
        try:
            entry, gens = lookup(key, topics)
        except Exception:  # the cache is down: serve the page from the database
            logger.exception("Public cache: lookup failed")
            return self.get_response(request)
        if entry is not None:
            response = _response(entry, request)
            response["X-Public-Cache"] = "hit"
            return response
        # The generations were read before the database: a page built from data a
        # commit then changes is stored under the old ones, and never served.
        response = self.get_response(request)
        if _storable(response):
            entry = _entry(response, gens)
            try:
                _cache().set(key, entry, timeout=_timeout())
            except Exception:
                logger.exception("Public cache: store failed")
            _validators(response, entry)
            response = get_conditional_response(
                request, etag=entry["etag"], last_modified=entry["modified"], response=response
            )
        response["X-Public-Cache"] = "miss"
        return response
