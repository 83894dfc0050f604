#!/usr/bin/env bash
# Runs every MS5 test suite, from a fresh Debian machine onwards:
#   1. installs what is missing (PostgreSQL 15 from Debian, a Python venv for the API checks, and
#      one with the protocol peers: cpppo, pycomm3 and pylogix for EtherNet/IP, asyncua for
#      OPC UA, pymodbus and libmodbus's example server for Modbus, mosquitto and paho-mqtt for
#      MQTT, aiosmtpd for e-mail, cryptography for the test OpenID provider; librdkafka-dev and
#      kcat from Debian, the Kafka-protocol broker noida-db and jsonschema in .venv-kafka),
#   2. starts a private PostgreSQL cluster on a free port and exports MS5_TEST_POSTGRES_URL,
#   3. builds and runs the Swift suites (storage tests on SQLite and on PostgreSQL),
#   4. validates the served OpenAPI document with openapi-spec-validator,
#   5. runs the floor app's tests in Debian's headless Chromium (playwright in .venv-browser),
# and stops everything it started, also when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run_dir=$(mktemp -d)
server_pid=""

cleanup() {
  status=$?
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  "$root/scripts/postgres.sh" stop "$run_dir/pg" || true
  rm -rf "$run_dir"
  exit $status
}
trap cleanup EXIT INT TERM

step() { printf '\n==> %s\n' "$*"; }

step "System packages"
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v curl >/dev/null || missing+=(curl)
command -v openssl >/dev/null || missing+=(openssl)
command -v pkill >/dev/null || missing+=(procps)
pkg-config --exists libmodbus 2>/dev/null || missing+=(libmodbus-dev pkg-config gcc)
command -v mosquitto >/dev/null || [ -x /usr/sbin/mosquitto ] || missing+=(mosquitto)
command -v mosquitto_sub >/dev/null || missing+=(mosquitto-clients)
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
[ -x /usr/bin/chromium ] || missing+=(chromium)
pkg-config --exists rdkafka 2>/dev/null || missing+=(librdkafka-dev pkg-config)
command -v kcat >/dev/null || missing+=(kcat)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Missing ${missing[*]}; run as root or install them." >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
echo "ok"

step "Python tools (.venv-test)"
if [ ! -x .venv-test/bin/openapi-spec-validator ]; then
  python3 -m venv .venv-test
  .venv-test/bin/pip install -q --disable-pip-version-check openapi-spec-validator
fi
echo "ok"

step "Protocol peers (.venv-peers: cpppo, pycomm3, pylogix, asyncua, pymodbus, paho-mqtt, aiosmtpd, cryptography; libmodbus's server)"
if ! .venv-peers/bin/python -c 'import cpppo, pycomm3, pylogix, asyncua, pymodbus, paho.mqtt, aiosmtpd, cryptography' 2>/dev/null; then
  python3 -m venv .venv-peers
  .venv-peers/bin/pip install -q --disable-pip-version-check cpppo==5.2.5 pycomm3==1.2.16 pylogix==1.1.6 \
    asyncua==2.1.0 pymodbus==3.16.1 paho-mqtt==2.2.0 aiosmtpd==1.4.6 cryptography==50.0.2
fi
if [ ! -x .peers/modbus/random-test-server ]; then
  mkdir -p .peers/modbus
  examples=/usr/share/doc/libmodbus-dev/examples
  if [ -f "$examples/random-test-server.c" ]; then cp "$examples/random-test-server.c" .peers/modbus/
  else gunzip -c "$examples/random-test-server.c.gz" > .peers/modbus/random-test-server.c; fi
  gcc -O2 .peers/modbus/random-test-server.c -o .peers/modbus/random-test-server $(pkg-config --cflags --libs libmodbus)
fi
echo "ok"

step "Kafka-protocol broker and schema checker (.venv-kafka: noida-db, jsonschema)"
if ! .venv-kafka/bin/python -c 'import jsonschema' 2>/dev/null || [ ! -x .venv-kafka/bin/noida-db ]; then
  python3 -m venv .venv-kafka
  .venv-kafka/bin/pip install -q --disable-pip-version-check noida-db==0.2.3 jsonschema==4.26.0
fi
echo "ok"

step "Private PostgreSQL 15"
MS5_TEST_POSTGRES_URL=$("$root/scripts/postgres.sh" start "$run_dir/pg")
export MS5_TEST_POSTGRES_URL
echo "$MS5_TEST_POSTGRES_URL"

step "Build"
swift build --build-tests

step "Swift suites (SQLite and PostgreSQL)"
# A watchdog ends the run when no test has reported for 10 minutes (the longest test takes about
# one), naming the tests that started and never finished, instead of letting CI wait forever.
swift test --skip-build > "$run_dir/swift-test.log" 2>&1 &
test_pid=$!
tail -n +1 -f --pid="$test_pid" "$run_dir/swift-test.log" &
tail_pid=$!
last_size=-1
quiet=0
while kill -0 "$test_pid" 2>/dev/null; do
  sleep 5
  size=$(stat -c %s "$run_dir/swift-test.log")
  if [ "$size" = "$last_size" ]; then quiet=$((quiet + 5)); else quiet=0; last_size=$size; fi
  if [ "$quiet" -ge 600 ]; then
    step "Swift tests stalled: nothing reported for 10 minutes; started and not finished:"
    sed -n 's/^.*◇ Test \(.*\) started\.$/\1/p' "$run_dir/swift-test.log" | sort -u > "$run_dir/started"
    sed -n 's/^.*[✔✘] Test \(.*\) with [0-9]* test cases\{0,1\} \(passed\|failed\).*$/\1/p; t; s/^.*[✔✘] Test \(.*\) \(passed\|failed\) after.*$/\1/p' \
      "$run_dir/swift-test.log" | sort -u > "$run_dir/finished"
    comm -23 "$run_dir/started" "$run_dir/finished"
    pkill -9 -P "$test_pid" 2>/dev/null || true
    kill -9 "$test_pid" 2>/dev/null || true
    exit 1
  fi
done
wait "$tail_pid" || true
if ! wait "$test_pid"; then
  step "Failed Swift tests"
  grep -E '✘|recorded an issue|error:' "$run_dir/swift-test.log" | grep -v 'passed after' | head -40
  exit 1
fi
swift_tests=$(grep -oE 'Test run with [0-9]+ tests' "$run_dir/swift-test.log" | tail -1 | grep -oE '[0-9]+')

step "OpenAPI document of a running server"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
.build/debug/ms5 serve --port "$port" --database sqlite::memory: --log-level warning &
server_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$port/ready" >/dev/null && break
  sleep 0.1
done
curl -fs "http://127.0.0.1:$port/openapi.json" -o "$run_dir/openapi.json"
.venv-test/bin/openapi-spec-validator "$run_dir/openapi.json"

step "Floor app in headless Chromium"
Tests/browser/run.sh 2>&1 | tee "$run_dir/browser-test.log"
browser_tests=$(grep -oE '[0-9]+ passed' "$run_dir/browser-test.log" | tail -1 | grep -oE '[0-9]+')

step "Summary"
echo "all suites: $((swift_tests + 1 + browser_tests)) passed, 0 failed"
