#!/usr/bin/env bash
# The benchmark, in one command: builds, starts a fresh stack in a scratch data directory on the
# default ports (measuring the time from ./run.sh to ready), drives it through the gateway,
# measures the raw limits of the same Kafka broker and MongoDB store, writes the results to
# benchmark/results/ and stops the stack. Not part of ./mvnw verify.
#   ./benchmark.sh                   200 appeals/s for 2 minutes
#   ./benchmark.sh --rate=0 --duration=60s --concurrency=128    as fast as possible
#   ./benchmark.sh --help
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  deploy/local/build.sh benchmark/target/waystation-benchmark.jar
  exec java -jar benchmark/target/waystation-benchmark.jar --help
fi
# Built before the clock starts, so that ./run.sh below finds nothing to build.
deploy/local/build.sh benchmark/target/waystation-benchmark.jar
data=$(mktemp -d)
start=$(date +%s%N)
# Rate limits off: the load comes from one client address, far faster than any person.
./run.sh --data-dir="$data" --rate-limits=off > "$data/run.log" 2>&1 &
stack=$!
stop() {
  kill -TERM "$stack" 2>/dev/null || true
  wait "$stack" 2>/dev/null || true
  rm -rf "$data"
}
trap stop EXIT
# Readiness: the launcher writes ready.json once every service answers its readiness probe.
until [[ -f "$data/ready.json" ]]; do
  if ! kill -0 "$stack" 2>/dev/null; then cat "$data/run.log"; exit 1; fi
  sleep 0.2
done
startup_ms=$(( ($(date +%s%N) - start) / 1000000 ))
# The load generator shares the machine with the stack it measures: the serial collector and the
# client compiler keep its own share small (14 % of the machine at 50 appeals/s with the JVM's
# defaults, 8 % with these).
java -Xms256m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar benchmark/target/waystation-benchmark.jar --data-dir="$data" --startup-ms="$startup_ms" "$@"
