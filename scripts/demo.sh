#!/usr/bin/env bash
# Runs the demo plant on a fresh Debian machine: installs what ms5 links against and Swift
# packages cannot bring (librdkafka-dev, the Kafka client library) with apt-get when it is
# missing, then builds and runs `ms5 demo` in release mode. Arguments go to `ms5 demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! pkg-config --exists rdkafka 2>/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "ms5 needs librdkafka-dev and pkg-config: run this as root, or apt-get install them first." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq librdkafka-dev pkg-config >/dev/null
fi
exec swift run -c release ms5 demo "$@"
