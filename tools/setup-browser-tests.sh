#!/bin/sh
# Installs what the browser tests (report_browser_tests) need on Debian 12: headless Chromium and
# a CJK font so the Japanese report (--lang ja) renders its labels. Run as root (or via sudo).
# Without these the browser tests fail unless MINEFLOW_SKIP_BROWSER=1 is set.
set -eu
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y \
  chromium fonts-noto-cjk fontconfig
/usr/bin/chromium --version
fc-list :lang=ja | head -n 1
