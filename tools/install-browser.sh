#!/usr/bin/env bash
# The headless browser the report tests drive (Debian's chromium + chromium-driver) and CJK fonts for
# screenshots of Chinese text; without them the browser tests skip, saying why.
exec bash "$(dirname "$0")/apt-ensure.sh" install-browser \
  '{ command -v chromium || command -v chromium-browser || command -v google-chrome; } && command -v chromedriver' \
  "the browser tests will skip" chromium chromium-driver fonts-noto-cjk
