#!/usr/bin/env bash
# The Debian packages thidua's tests, PDFs and OCR need, installed when missing (as root with
# apt); otherwise the apt command to run is printed. `--services` adds what CI runs
# against (Redis, RabbitMQ). Used by `make test` and by .ci/run.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# Liberation 2 (not 1.x, which lacks glyphs Vietnamese needs and changes the PDF layout)
dpkg -s fonts-liberation2 >/dev/null 2>&1 || need+=(fonts-liberation2)
command -v pdftoppm >/dev/null || need+=(poppler-utils)
# OCR of scanned documents for Nhập văn bản (campaigns/ocr.py): tesseract and its Vietnamese data
command -v tesseract >/dev/null || need+=(tesseract-ocr)
dpkg -s tesseract-ocr-vie >/dev/null 2>&1 || need+=(tesseract-ocr-vie)
command -v npm >/dev/null || need+=(nodejs npm)
dpkg -s libpango-1.0-0 >/dev/null 2>&1 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
dpkg -s python3-venv >/dev/null 2>&1 || python3 -m venv --help >/dev/null 2>&1 || need+=(python3-venv)
if [ "${1:-}" = "--services" ]; then
  command -v redis-server >/dev/null || need+=(redis-server)
  command -v rabbitmq-server >/dev/null || need+=(rabbitmq-server)
fi
((${#need[@]})) || exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "apt: cài ${need[*]}"
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Thiếu gói hệ thống: ${need[*]}. Chạy: sudo apt-get install ${need[*]}" >&2
  echo "(thiếu chúng, các kiểm thử trình duyệt/PDF liên quan sẽ bị bỏ qua hoặc không đạt)" >&2
fi
