#!/usr/bin/env bash
# The fault run, in one command: builds, then starts a fresh stack as ./run.sh does (free ports, a
# scratch data directory), streams appeals through the gateway while it kills each service, the
# gateway, the Kafka broker and the launcher in turn and freezes a consumer for minutes, and checks
# every accepted appeal. Prints accepted / lost / duplicated / stuck / longest recovery; exits 1
# when anything was lost, doubled or stuck. Not part of ./mvnw verify (a short run is: FaultRunIT).
#   ./fault-run.sh                            at least 5,000 appeals at 8/s, a consumer down 2 minutes
#   ./fault-run.sh --appeals=300 --rate=10 --down=20s --faults=pipeline
set -euo pipefail
cd "$(dirname "$0")"
deploy/local/build.sh fault-harness/target/waystation-fault-harness.jar
exec java -Xmx512m -jar fault-harness/target/waystation-fault-harness.jar --home=. "$@"
