#!/usr/bin/env bash
# Builds the stack's jars when a source or build file changed since the last build, or when one
# of the jars named as arguments is missing; run.sh, benchmark.sh and fault-run.sh call it.
# Every jar is made again: Maven keeps a module's jar whose own classes did not change, and Spring
# Boot then keeps the libraries nested in it, so a change to a shared module (service-support,
# events, the classifier) would otherwise never reach the services built on it.
set -euo pipefail
cd "$(dirname "$0")/../.."
launcher=deploy/local/target/waystation-local.jar
missing=""
for jar in "$launcher" "$@"; do
  [[ -f "$jar" ]] || missing="$jar"
done
if [[ -n "$missing" ]] || [[ -n "$(find . -path ./data -prune -o \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$launcher" -print -quit)" ]]; then
  echo "Building (./mvnw -DskipTests package)..."
  ./mvnw -B -q -ntp -DskipTests -Dspring-javaformat.skip=true -Dmaven.jar.forceCreation=true package
  # Marks the build's time for the next check (the launcher is the newest jar).
  touch "$launcher"
fi
