#!/bin/sh
# Copyright: (c) 2026, mediaops live_jobs developers
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
#
# Install Debian's chromium for the readiness report browser test
# (tests/unit/plugins/filter/test_readiness_browser.py). Idempotent: exits 0 quietly when
# /usr/bin/chromium is already present. Needs root (or passwordless sudo) to install.
set -eu

CHROMIUM=/usr/bin/chromium

# a CJK font, so the page's Chinese vendor statuses (生效中) render in the screenshots instead of boxes
FONT=fonts-wqy-microhei
if [ -x "$CHROMIUM" ] && dpkg -s "$FONT" >/dev/null 2>&1; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium.sh: $CHROMIUM is missing and apt-get is not available; install chromium by hand" >&2
    exit 1
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "install-chromium.sh: $CHROMIUM is missing and this is not root (no passwordless sudo); run: apt-get install chromium" >&2
        exit 1
    fi
fi

echo "install-chromium.sh: installing chromium (Debian package) for the readiness browser test" >&2
if ! $SUDO apt-get update -qq; then
    echo "install-chromium.sh: apt-get update failed; cannot install chromium" >&2
    exit 1
fi
if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium "$FONT" >/dev/null; then
    echo "install-chromium.sh: apt-get install chromium failed" >&2
    exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "install-chromium.sh: chromium package installed but $CHROMIUM is missing" >&2
    exit 1
fi
echo "install-chromium.sh: $($CHROMIUM --version 2>/dev/null || echo chromium) installed" >&2
