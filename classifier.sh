#!/usr/bin/env bash
# The classifier's command line: builds the classifier module, then
#   ./classifier.sh evaluate          train on the training split, print the held-out report
#   ./classifier.sh cross-validate    four-fold cross-validation on the training split only
#   ./classifier.sh benchmark [secs]  training time, latency per appeal (p50/p99), throughput
#   ./classifier.sh classify TEXT     one decision with its explanation
#   ./classifier.sh write-model FILE  the model of every shipped example (the build puts one in the jar)
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp -DskipTests -Dspring-javaformat.skip=true -pl classifier -am package
exec java -Xmx512m -jar classifier/target/waystation-classifier.jar "$@"
