#!/usr/bin/env bash
# The live-stream benchmark of notifications (see ../README.md, "Benchmark"). From the repository root:
#   services/notifications/bench/run.sh [-Dstreams=2000 -Drate=200 -Dseconds=60 -Dwarmup=10 -Dheap=-Xmx256m]
# Builds the service jar and the bench against this tree (no install), then runs
# org.chorus.notifications.bench.StreamBench, which starts its own PostgreSQL, Redis and Kafka on random ports.
set -euo pipefail
cd "$(dirname "$0")/../../.."
CP_FILE=services/notifications/target/bench-classpath.txt
./mvnw -o -q -pl services/notifications -am package dependency:build-classpath -DskipTests \
    -Dmdep.outputFile="$PWD/$CP_FILE" -Dmdep.includeScope=test
exec java -Xmx512m "$@" -cp "services/notifications/target/test-classes:$(cat "$CP_FILE")" \
    org.chorus.notifications.bench.StreamBench services/notifications/target/quarkus-app/quarkus-run.jar
