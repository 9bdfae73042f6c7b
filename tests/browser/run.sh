#!/usr/bin/env bash
# The browser test of the HTML export: installs Debian's Chromium and a CJK
# font when missing (pinned versions, falling back to the distribution's
# current one when the mirror has moved on), the npm packages from the
# committed lock file, then runs page.test.mjs headless.
set -euo pipefail
cd "$(dirname "$0")"

chromium_version=156.0.8078.108-1~deb12u1
font_version=0.9.45-8
if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi 'WenQuanYi Zen Hei'; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      "chromium=$chromium_version" "fonts-wqy-zenhei=$font_version" >/dev/null; then
    echo "browser: pinned chromium $chromium_version not on the mirror; installing the current one" >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      chromium fonts-wqy-zenhei >/dev/null
  fi
fi
/usr/bin/chromium --version 2>/dev/null | head -1
npm ci --no-audit --no-fund --silent
node page.test.mjs ../..
