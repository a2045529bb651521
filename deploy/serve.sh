#!/usr/bin/env bash
# `make serve`: the production set-up on this machine, in one command.
# Needs PostgreSQL and a broker (RabbitMQ; Redis works too): DATABASE_URL,
# CELERY_BROKER_URL and SECRET_KEY in the environment or in .env. Migrates, collects static files, checks the deployment,
# then runs the app server, the worker and the scheduler (Procfile) until Ctrl+C.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
[ -f .env ] && set -a && . ./.env && set +a
export DEBUG=0 THIDUA_DEMO=0
export STATICFILES_BACKEND="${STATICFILES_BACKEND:-whitenoise.storage.CompressedManifestStaticFilesStorage}"
missing=()
[[ "${DATABASE_URL:-}" == postgres* ]] || missing+=("DATABASE_URL=postgres://USER@HOST:5432/thidua")
[ -n "${CELERY_BROKER_URL:-}" ] || missing+=("CELERY_BROKER_URL=amqp://USER:PASSWORD@127.0.0.1:5672//")
[ -n "${SECRET_KEY:-}" ] || missing+=("SECRET_KEY=<một chuỗi ngẫu nhiên dài>")
if ((${#missing[@]})); then
  echo "make serve cần các biến sau (trong môi trường hoặc tệp .env):" >&2
  printf '  %s\n' "${missing[@]}" >&2
  echo "Xem docs/deployment.md." >&2
  exit 2
fi
export CACHE_URL="${CACHE_URL:-redis://127.0.0.1:6379/1}"
$BIN/python manage.py migrate --noinput
$BIN/python manage.py collectstatic --noinput --verbosity 0
$BIN/python manage.py check --deploy
echo "thidua (sản xuất): http://${GUNICORN_BIND:-127.0.0.1:8001}/  — web, worker, beat; Ctrl+C để dừng."
PATH="$PWD/$BIN:$PATH" exec $BIN/honcho start -f Procfile
