#!/usr/bin/env bash
# Install Debian packages with apt-get unless what they provide is already here:
#   apt-ensure.sh LABEL "PRESENT-CHECK" "WHAT-SKIPS" PACKAGE...
# Safe to run on any machine: it does nothing when PRESENT-CHECK succeeds, and only says what is missing
# where apt-get cannot be used (no apt, not root, no network); the tests that need the packages then skip
# with that reason. It never fails the command it is part of.
set -u
label=$1 present=$2 skips=$3
shift 3
have() { command -v "$1" >/dev/null 2>&1; }
if bash -c "$present" >/dev/null 2>&1; then
  exit 0
fi
if ! have apt-get; then
  echo "$label: no apt-get here; install $* yourself ($skips)" >&2
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if have sudo && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "$label: not root and no passwordless sudo; run: apt-get install $*" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
echo "$label: apt-get install $*" >&2
if ! { $SUDO apt-get update -qq >/dev/null && \
       $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }; then
  echo "$label: apt-get could not install $* ($skips)" >&2
fi
exit 0
