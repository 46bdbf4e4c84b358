#!/usr/bin/env bash
# Install a Java runtime for the Spark dedupe engine (extract run --dedupe-engine spark) and its test:
# Debian's default-jre-headless. Safe to run on any machine: it does nothing when `java` is already there,
# and only says what is missing where apt-get cannot be used (no apt, not root, no network); the Spark
# test then skips with that reason.
set -u
have() { command -v "$1" >/dev/null 2>&1; }
if have java; then
  exit 0
fi
if ! have apt-get; then
  echo "install-jre: no apt-get here; install a Java 17+ runtime yourself to use the Spark engine" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if have sudo && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install-jre: not root and no passwordless sudo; run: apt-get install default-jre-headless" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "install-jre: apt-get install default-jre-headless" >&2
if ! { $SUDO apt-get update -qq >/dev/null && \
       $SUDO apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null; }; then
  echo "install-jre: apt-get could not install Java; the Spark engine's test will skip" >&2
fi
exit 0
