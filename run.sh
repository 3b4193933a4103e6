#!/usr/bin/env bash
# Builds what is needed and starts the whole Waystation stack on loopback, in the foreground:
# a Kafka broker (KRaft), mongo-java-server on disk, five services, the SMS stand-in and the gateway.
# Ctrl-C stops everything cleanly; data stays in ./data for the next start.
# Options: ./run.sh --help
set -euo pipefail
cd "$(dirname "$0")"
launcher=deploy/local/target/waystation-local.jar
if [[ "${1:-}" != "--help" && "${1:-}" != "-h" ]]; then
  # Builds only when a source or build file changed since the last build.
  deploy/local/build.sh
fi
# The launcher hosts the MongoDB store (mongo-java-server, H2 on disk): give it room to cache.
# G1 rather than the serial collector: a serial full collection of the store's heap stopped every
# store operation for up to a second (seen as single reads of 0.9-1.1 s in ./benchmark.sh).
# The client compiler only, as the services: the server compiler spent a third of the launcher's
# CPU in the first minute of load (the store's code is first reached then), while the pipeline
# needed the same two cores.
exec java -Xms256m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=50 -XX:TieredStopAtLevel=1 -jar "$launcher" --home=. "$@"
