#!/usr/bin/env bash
# Install the headless browser the report tests drive (Debian's chromium + chromium-driver) and CJK
# fonts for screenshots of Chinese text. Safe to run on any machine: it does nothing when a browser
# and driver are already there, and only says what is missing where apt-get cannot be used (no apt,
# not root, no network); the browser tests then skip with that reason.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if { have chromium || have chromium-browser || have google-chrome; } && have chromedriver; then
  exit 0
fi
if ! have apt-get; then
  echo "install-browser: no apt-get here; install Chromium and chromedriver yourself to run the browser tests" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if have sudo && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install-browser: not root and no passwordless sudo; run: apt-get install chromium chromium-driver" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-browser: apt-get install chromium chromium-driver fonts-noto-cjk" >&2
if ! { $SUDO apt-get update -qq >/dev/null && \
       $SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-noto-cjk >/dev/null; }; then
  echo "install-browser: apt-get could not install the browser; the browser tests will skip" >&2
fi
exit 0
