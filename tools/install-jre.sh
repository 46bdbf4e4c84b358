#!/usr/bin/env bash
# A Java runtime for the Spark dedupe engine (extract run --dedupe-engine spark) and its test: Debian's
# default-jre-headless; without it the Spark test skips, saying why.
exec bash "$(dirname "$0")/apt-ensure.sh" install-jre 'command -v java' \
  "the Spark engine's test will skip" default-jre-headless
