#!/usr/bin/env bash
# Installs what the test suite needs beyond Java, Maven and Node: Debian's Chromium and ChromeDriver for the browser
# tests, and the Liberation and DejaVu fonts the PDF reports embed (as on a production server). Idempotent: does
# nothing when they are already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 \
    && [ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium chromium-driver fonts-liberation fonts-dejavu-core >/dev/null
chromium --version
