"""thidua settings: one file, every knob from the environment (django-environ).

See `.env.example` for the variables. Production behaviour (secure cookies) switches on
when DEBUG is off; HTTPS redirect and HSTS when their variables are set. With DEBUG
off, the app refuses to start without a SECRET_KEY of its own.
"""

import ipaddress
import os
import sys
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from config import LIGHT_START
from config.lazy_formats import ImportExportFormats

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DEBUG=(bool, False),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    THIDUA_DEMO=(bool, False),
)
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

INSECURE_DEV_KEY = "django-insecure-thidua-dev-only-never-in-production"
DEBUG = env("DEBUG")
SECRET_KEY = env("SECRET_KEY", default="") or INSECURE_DEV_KEY
# Anyone who knows the key can forge sessions and password-reset links: with DEBUG off,
# the development key is refused. Only a test run (pytest sets PYTEST_VERSION, for the
# servers and workers it starts too) may use it, and commands that neither serve nor
# sign anything: check (whose --deploy reports a weak key itself, security.W009),
# makemigrations (CI's and `make lint`'s check) and parse_document.
KEY_FREE_COMMANDS = ("check", "makemigrations", "parse_document")
if (
    SECRET_KEY == INSECURE_DEV_KEY
    and not DEBUG
    and "PYTEST_VERSION" not in os.environ
    and not (len(sys.argv) > 1 and sys.argv[1] in KEY_FREE_COMMANDS)
):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set (or is the development key) and DEBUG is off. Set a long "
        "random SECRET_KEY in the environment or in .env (docs/deployment.md), or DEBUG=1 "
        "for development. / Chưa đặt SECRET_KEY: hãy đặt một chuỗi ngẫu nhiên dài."
    )
# Keys retired by a rotation: sessions and sealed ballots made under them still open.
SECRET_KEY_FALLBACKS = env.list("SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A refused form is said in Vietnamese, with a way back to it (decision 0080).
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
# The address users open thidua at; emails link to pages under it.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Demo logins (load_demo) are only created when this is on. Never in production.
THIDUA_DEMO = env("THIDUA_DEMO")

INSTALLED_APPS = [
    # Django's admin; in a light start (manage.py parse_document) without its modules.
    "config.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "import_export",
    "simple_history",
    "config.apps.AxesConfig",  # django-axes, named in Vietnamese
    "csp",
    "units",
    "campaigns",
    "awards",
    "config.apps.ConfigConfig",  # connects the public cache's receivers
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A login post from an address locked by django-axes: 429 from the cache, before
    # sessions, CSRF and axes (config/login_guard.py; issue 15, decision 0016).
    "config.login_guard.LockedAddressMiddleware",
    # A body over REQUEST_MAX_BYTES is refused (413) before it is read.
    "config.uploads.RequestSizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the public cache, so a page served from the cache carries the header too.
    "csp.middleware.CSPMiddleware",
    # Before sessions and auth: an anonymous hit costs two cache reads, no database.
    "config.public_cache.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in user's pages and files are kept by no cache (config/private_pages.py).
    "config.private_pages.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After the CSRF check and the user: a create form sent twice is saved once.
    "units.once.OnceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # No password-check slot free: 503 "thử lại sau" (config/login_guard.py).
    "config.login_guard.LoginBusyMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into our 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg2 has no pool in Django: keep connections open and check them.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # An unreachable server fails in seconds (then 503), not after the OS's TCP timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DB_CONNECT_TIMEOUT", default=5)
    )
    # The test database gets UTF-8 from template0 (a C-locale database breaks
    # lower() and pg_trgm for Vietnamese).
    DATABASES["default"]["TEST"] = {"TEMPLATE": "template0", "CHARSET": "UTF8"}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend with each password check in one of LOGIN_HASH_SLOTS (issue 15).
    "config.login_guard.BoundedModelBackend",
]

# Django's PBKDF2, computed in a thread at the lowest CPU priority, so that password
# checks take only CPU that pages leave free (config/login_guard.py, decision 0016).
# Same algorithm name: stored hashes are unchanged. Django's own PBKDF2PasswordHasher
# must not be listed too: of two hashers with one name, the last checks passwords.
PASSWORD_HASHERS = [
    "config.login_guard.LowPriorityPBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LOCALE_PATHS = [BASE_DIR / "locale"]  # django-import-export has no Vietnamese: ours
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env(
            "STATICFILES_BACKEND",
            default="django.contrib.staticfiles.storage.StaticFilesStorage",
        )
    },
}
# Serve straight from the app folders when collectstatic has not been run (dev, tests).
WHITENOISE_USE_FINDERS = DEBUG or not STATIC_ROOT.exists()

# Uploads are private: stored outside the static and public paths, served only
# through views that check access.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
MEDIA_URL = "/media-private/"
# Where `manage.py backup` writes (docs/backup.md). Copy the backups off this machine.
BACKUP_ROOT = Path(env("BACKUP_ROOT", default=str(BASE_DIR / "backups")))

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "staff:dashboard"
LOGOUT_REDIRECT_URL = "public:home"

# django-import-export
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Security defaults. Production settings switch on with DEBUG off.
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
    # Served only over HTTPS (TLS at nginx)? Then SECURE_SSL_REDIRECT=1 and
    # SECURE_HSTS_SECONDS=31536000 (docs/deployment.md). Off by default: an intranet
    # served over plain HTTP would be locked out.
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="thidua@localhost")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# With the file backend (a test server without mail), each email is a file here.
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(BASE_DIR / "sent_mail"))


def _addresses(name: str) -> list[tuple[str, str]]:
    """ADMINS="Nguyễn Văn A <a@example.vn>, b@example.vn" as Django's (name, email) pairs."""
    pairs = []
    for who, address in getaddresses([env(name, default="")]):
        if not address:
            continue
        if "@" not in address:
            raise ImproperlyConfigured(f"{name}: '{address}' is not an email address")
        pairs.append((who or address, address))
    return pairs


# Who gets an email with the traceback of every server error (500) and failed task,
# from SERVER_EMAIL through the mail settings above. Set it in production.
ADMINS = _addresses("ADMINS")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = env("EMAIL_SUBJECT_PREFIX", default="[thidua] ")

# Cache: Redis in production (CACHE_URL=redis://127.0.0.1:6379/1), an in-process
# cache for `make run` and the tests. Public pages are cached here (config/public_cache).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://thidua")}
CACHES["default"].setdefault("KEY_PREFIX", env("CACHE_KEY_PREFIX", default="thidua"))
# How long a cached public page lives at most. Changes drop pages at once (the
# generations in config/public_cache.py); this bounds what a change made behind
# the ORM's back (raw SQL, queryset.update) can leave stale.
PUBLIC_CACHE_SECONDS = env.int("PUBLIC_CACHE_SECONDS", default=3600)

# Task queue: Celery (config/celery.py). With CELERY_BROKER_URL unset, as under
# `make run`, tasks run in-process at once, so no broker is needed.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # An eager task still takes a producer: with no URL kombu guessed amqp://localhost
    # and printed an English warning under `make run` (decision 0048). In memory instead.
    CELERY_BROKER_WRITE_URL = "memory://localhost//"
# Two installations (or a benchmark) on one broker keep apart with a queue each.
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies is delivered again
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", 3600)}
# What `celery -A config beat` runs (one beat process for the whole installation).
# Not in a light start (manage.py parse_document): celery.schedules imports most of
# Celery, about half a second.
if not LIGHT_START:
    from celery.schedules import crontab

    CELERY_BEAT_SCHEDULE = {
        "retry-due-emails": {"task": "units.retry_due_emails", "schedule": 60.0},
        "close-overdue-campaigns": {
            "task": "campaigns.close_overdue_campaigns",
            "schedule": crontab(minute=5, hour=0),
        },
        "send-reminders": {
            "task": "campaigns.send_reminders",
            "schedule": crontab(minute=0, hour=7),
        },
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        # A request's 500 reaches ADMINS through Django's own "django" logger; a task that
        # fails in a worker through this one (the handler takes errors only). No level of
        # its own: the worker's --loglevel=INFO shows each task's "succeeded in …" line.
        "celery.app.trace": {"handlers": ["mail_admins"]},
        # WeasyPrint logs each step of each page at INFO: hundreds of lines per decision
        # in the worker's log, hiding the tasks' own lines.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Excel and CSV are the formats clerks use; nothing else is offered.
# Named here, imported on first use: django-import-export's formats bring openpyxl,
# which a command like parse_document never needs (config/lazy_formats.py).
IMPORT_EXPORT_FORMATS = ImportExportFormats("XLSX", "CSV")

# Proxies whose X-Forwarded-For is believed (IPs or CIDR networks, comma-separated).
# Empty: REMOTE_ADDR is the client. With nginx on this machine: 127.0.0.1,::1.
# config/proxies.client_ip is the one place that reads a client's address.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy.strip(), strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: '{_proxy}' is not an IP address or network"
        ) from exc

# Login throttling (django-axes; docs/decisions/0007-security-login-csp-proxies.md).
# After AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# username is refused from that address for AXES_COOLOFF_MINUTES. Locking the pair, not
# the username alone, keeps an attacker from locking a whole office out of its accounts;
# not the address alone, because an office shares one address behind its NAT.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "config.proxies.client_ip"
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"
# A try while locked out does not push the end of the lock further: the time the page
# gives is the time it ends. A right password clears the earlier failures.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
# The address alone is locked too, at a higher limit, whatever usernames it tries
# (issue 15: a guesser rotating usernames was never locked, and every try cost a full
# password hash). An office behind one NAT address shares this budget: 30 wrong
# passwords in 15 minutes locks the office's address (operators: axes_reset_ip).
AXES_HANDLER = "config.login_guard.AddressLockHandler"
AXES_ADDRESS_FAILURE_LIMIT = env.int("AXES_ADDRESS_FAILURE_LIMIT", default=30)
# At most this many password checks at once on the machine (0: no bound), and one at a
# time per address. Checks run at the lowest CPU priority (decision 0016), so they take
# only CPU that pages leave free: default one per core. A check that waits
# LOGIN_HASH_WAIT seconds for a slot is answered 503 and not counted as a failure.
LOGIN_HASH_SLOTS = env.int("LOGIN_HASH_SLOTS", default=os.cpu_count() or 1)
LOGIN_HASH_WAIT = env.float("LOGIN_HASH_WAIT", default=3.0)
LOGIN_HASH_SLOT_DIR = env("LOGIN_HASH_SLOT_DIR", default="")
# The CPU priority (nice, 0-19) of the thread that hashes passwords: 19 lets pages go
# first; on a machine saturated by other work, logins then wait longest (decision 0016).
LOGIN_HASH_NICE = env.int("LOGIN_HASH_NICE", default=19)
# A refused login post (address locked, or busy) is answered after this many seconds,
# asleep, by at most LOGIN_REFUSED_SLEEPERS threads of each gunicorn worker (the rest
# answer at once): a guesser sending as fast as it is answered slows to a few tries a
# second, and pages always find a free thread (decision 0016).
LOGIN_REFUSED_DELAY = env.float("LOGIN_REFUSED_DELAY", default=1.0)
LOGIN_REFUSED_SLEEPERS = env.int("LOGIN_REFUSED_SLEEPERS", default=2)
# Under gunicorn (config/gunicorn_worker.py) the refused post is answered at once and its
# kept-alive connection is read again only after LOGIN_REFUSED_DELAY: no thread waits. At
# most this many connections held so per worker (then the sleepers above). 0: off, which
# a proxy that reuses one connection for many clients needs (decision 0020).
LOGIN_TARPIT_CONNECTIONS = env.int("LOGIN_TARPIT_CONNECTIONS", default=200)
# An address with LOGIN_PACE_AFTER failures (any usernames, within the cool-off) starts
# at most one password check every LOGIN_PACE seconds; posts meanwhile get the 503 "busy"
# page, not counted. 0: no pace (decision 0020).
LOGIN_PACE_AFTER = env.int("LOGIN_PACE_AFTER", default=5)
LOGIN_PACE = env.int("LOGIN_PACE", default=5)

# Content-Security-Policy (django-csp 4): scripts, styles and images only from this
# site, no plugins, no framing, forms post only here. Templates hold no inline script,
# event handler or style attribute (tests/test_csp.py keeps it so).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Uploads: the largest file accepted, in bytes (default 20 MB).
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
FILE_UPLOAD_PERMISSIONS = 0o640
# A Word or Excel file (a ZIP) is refused when it unzips to more than this, or to more
# than UPLOAD_MAX_ZIP_RATIO times its own size (above 10 MB), or has more parts than
# UPLOAD_MAX_ZIP_MEMBERS: a zip bomb (units/files.py, check_archive).
UPLOAD_MAX_UNZIPPED_BYTES = env.int("UPLOAD_MAX_UNZIPPED_BYTES", default=200 * 1024 * 1024)
UPLOAD_MAX_ZIP_RATIO = env.int("UPLOAD_MAX_ZIP_RATIO", default=100)
UPLOAD_MAX_ZIP_MEMBERS = env.int("UPLOAD_MAX_ZIP_MEMBERS", default=10_000)
# The largest request body: a file at the limit and its form. A larger one is refused
# (413) before it is read (config/uploads.py); nginx's client_max_body_size goes first.
REQUEST_MAX_BYTES = env.int("REQUEST_MAX_BYTES", default=UPLOAD_MAX_BYTES + 1024 * 1024)
# Form fields (not files) held in memory, e.g. a pasted document; files above
# FILE_UPLOAD_MAX_MEMORY_SIZE are streamed to a temporary file.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# The admin's history pages must not "revert" a record: an issued document never
# changes, and every change goes through a service that checks and records it.
SIMPLE_HISTORY_REVERT_DISABLED = True
