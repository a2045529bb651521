# thidua — two commands:
#   make run    set up .venv, migrate SQLite, load the demo data, serve http://127.0.0.1:8000
#   make test   set up .venv and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEMO_ENV := DEBUG=1 THIDUA_DEMO=1

.PHONY: run test system install lint format bench bench-imports bench-load bench-login bench-faults bench-ocr screenshots serve

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Cài gói python3-venv (Debian)..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && \
	    $(PYTHON) -m venv $(VENV); \
	  else \
	    echo "Thiếu gói python3-venv. Chạy: sudo apt-get install python3-venv"; exit 1; \
	  fi; }

$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# axe-core (accessibility checks in the browser tests) comes from npm when npm is there.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
	  npm ci --no-audit --no-fund --silent && touch $@; \
	else \
	  echo "npm không có: các kiểm thử trợ năng (axe-core) sẽ được bỏ qua."; \
	fi

install: $(VENV)/.installed node_modules/.installed

run: install
	@echo "Chuẩn bị cơ sở dữ liệu SQLite (db.sqlite3)..."
	@$(DEMO_ENV) $(BIN)/python manage.py migrate --noinput --verbosity 0
	@$(DEMO_ENV) $(BIN)/python manage.py load_demo
	@$(DEMO_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo ""
	@echo "thidua đang chạy tại: http://127.0.0.1:8000/   (quản trị: http://127.0.0.1:8000/admin/)"
	@echo "Cán bộ đăng nhập tại: http://127.0.0.1:8000/dang-nhap/ (tài khoản ở trên), rồi vào trang Quản lý."
	@echo "Nhấn Ctrl+C để dừng."
	@$(DEMO_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

# Production on this machine: PostgreSQL, Redis, DEBUG=0; migrate, collectstatic,
# check --deploy, then gunicorn + Celery worker + beat (Procfile). See docs/deployment.md.
serve: install
	@deploy/serve.sh

# System packages (fonts, poppler, Chromium, tesseract with Vietnamese) are installed when
# missing and apt is there.
system:
	@deploy/system-packages.sh

# On every core (pytest-xdist; tests/parallel.py keeps the workers apart). TEST_WORKERS=0
# runs it in one process. --dist worksteal: a worker that runs out of tests takes half of
# another's queue, so the browser tests (about 5 s each, one block of the collection) do
# not keep one worker busy a minute after the other has finished (decision 0058). One
# worker more than the cores: a worker waiting on the database, a browser or a server it
# started leaves its core to the third (decision 0091 measured it).
TEST_WORKERS ?= $(shell echo $$(( $$(nproc 2>/dev/null || echo 1) + 1 )))
test: install system
	$(BIN)/python -m pytest -p tests.parallel -n $(TEST_WORKERS) --dist worksteal

# Refresh the user guide's screenshots (docs/screenshots/) from the browser tests and
# the PDF's first pages; an ordinary test run writes them to a temporary folder.
screenshots: install
	THIDUA_SCREENSHOTS=$(CURDIR)/docs/screenshots $(BIN)/python -m pytest tests/e2e \
	  tests/test_campaign_pdf.py::test_first_page_renders_to_png_for_review \
	  tests/test_decision_documents.py::test_documents_render_to_png_for_review

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run

bench: install
	$(BIN)/python -m bench.parser
	$(BIN)/python -m bench.portal
	$(BIN)/python -m bench.dashboard
	$(BIN)/python -m bench.pdf
	$(BIN)/python -m bench.pages
	$(BIN)/python -m bench.statistics_forms

# Excel import (docs/benchmarks.md, section imports): 10,000 people and 30,000 register
# rows through our preview and confirm, django-import-export's defaults and a raw
# bulk_create, side by side. About 10 minutes (import-export is most of it), hence not in
# `make bench`. Needs DATABASE_URL=postgres://... (a test_<name> database is created and
# dropped); BENCH_IE_ROWS=0 times import-export on the whole files (about 15 more minutes).
bench-imports: install
	$(BIN)/python -m bench.imports

# OCR preprocessing variants on the corpus's seen scans (docs/benchmarks.md, section ocr;
# decision 0023). About 4 minutes of tesseract, hence not in `make bench`.
bench-ocr: install
	$(BIN)/python -m bench.ocr_preprocess
	$(BIN)/python -m bench.ocr_dpi

# Real server under load: gunicorn (2 workers) on PostgreSQL and Redis, driven by wrk.
# Needs DATABASE_URL=postgres://... (a test_<name> database is created and dropped).
# BENCH_LOAD_ARGS="--duration 60" for a shorter mix (default 300 s).
bench-load: install
	$(BIN)/python -m bench.load $(BENCH_LOAD_ARGS)

# Login flood (issue 15; docs/benchmarks.md, section login-load): home page and a staff
# page without and with 8 clients posting wrong passwords, three times; budget 2x. About
# 5 minutes. Needs DATABASE_URL=postgres://...; BENCH_LOGIN_ARGS="--seconds 60" for
# longer phases, "--nginx" with nginx's limit_req in front (apt-get install nginx-light).
bench-login: install
	$(BIN)/python -m bench.login_load $(BENCH_LOGIN_ARGS)

# Reliability under faults (docs/benchmarks.md, section faults): real gunicorn, worker,
# SMTP server and PostgreSQL under load; kills a worker, stops the mail server and
# restarts PostgreSQL (pg_ctlcluster, as root). Needs DATABASE_URL=postgres://...;
# the broker is CELERY_BROKER_URL, RabbitMQ on 127.0.0.1 by default.
bench-faults: install
	$(BIN)/python -m bench.faults

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
