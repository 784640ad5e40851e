#!/usr/bin/env bash
# Runs one of the deployed-suite benchmarks of deploy/local (org.chorus.local.bench) on the jars the reactor built:
#   bench/run.sh login   [-Dbench.rounds=3 -Dbench.slice-seconds=8 -Dbench.clients=8 -Dbench.jfr=true …]
#   bench/run.sh startup [-Dbench.parts=login,users -Dbench.load-seconds=20 …]
# Build first, without installing: ./mvnw -o -q -DskipTests package -pl deploy/local -am
# Results: bench/results/<name>.txt|md (and login.jfr with -Dbench.jfr=true); processes' logs in bench/results/logs.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
name="${1:?login or startup}"; shift
case "$name" in
  login) main=org.chorus.local.bench.LoginBench ;;
  startup) main=org.chorus.local.bench.StartupBench ;;
  *) echo "bench: unknown benchmark $name (login, startup)" >&2; exit 2 ;;
esac
if [[ ! -f deploy/local/target/classpath.txt ]]; then
  echo "bench: build first: ./mvnw -o -q -DskipTests package -pl deploy/local -am" >&2
  exit 1
fi
echo "bench: $(uptime)"
exec java -Dchorus.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" \
  -cp "deploy/local/target/classes:$(cat deploy/local/target/classpath.txt)" "$main"
