#!/usr/bin/env bash
# Install headless Chromium (Debian package) and fonts that cover Arabic, for
# geoutils' PNG export and browser tests. Idempotent: does nothing when
# /usr/bin/chromium already exists. Needs root (CI runs as root).
#
#   bash tools/install_browser.sh
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "install_browser: /usr/bin/chromium present, nothing to do"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
# fonts-noto-core carries Noto Naskh/Kufi/Sans Arabic; fonts-dejavu-core is a small fallback.
$SUDO apt-get install -y -q --no-install-recommends \
    chromium fonts-noto-core fonts-dejavu-core fontconfig
/usr/bin/chromium --version || true
