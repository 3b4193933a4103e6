#!/usr/bin/env bash
# Builds the stack's jars when a source or build file changed since the last build, or when one
# of the jars named as arguments is missing; run.sh, benchmark.sh and fault-run.sh call it.
# Every jar is made again (forceCreation in the root pom), so that a change to a shared module
# reaches the services' jars.
set -euo pipefail
cd "$(dirname "$0")/../.."
launcher=deploy/local/target/waystation-local.jar
missing=""
for jar in "$launcher" "$@"; do
  [[ -f "$jar" ]] || missing="$jar"
done
if [[ -n "$missing" ]] || [[ -n "$(find . -path ./data -prune -o \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$launcher" -print -quit)" ]]; then
  echo "Building (./mvnw -DskipTests package)..."
  ./mvnw -B -q -ntp -DskipTests -Dspring-javaformat.skip=true package
  # Marks the build's time for the next check (the launcher is the newest jar).
  touch "$launcher"
fi
