#!/usr/bin/env bash
# Graph benchmark for the users service (not a test): seeds 100,000 profiles with 100,000 and then
# 1,000,000 friendships into a throw-away local PostgreSQL, migrates it with the service's own
# Flyway scripts, and measures the service's suggestions (first and later page), mutual-friends and
# search queries, the cost a new friendship pays to keep suggestions precomputed, and the former live
# friends-of-friends query for comparison, with pgbench (p50/p95 from per-transaction logs), plus
# EXPLAIN ANALYZE plans. pgbench uses prepared statements (-M prepared), as the service's JDBC driver does
# for statements it repeats; PGBENCH_MODE=simple re-plans every query instead.
#   usage: services/users/bench/run.sh [seconds-per-query]     (needs PostgreSQL 15+ binaries, pg_trgm)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
MIGRATIONS="$HERE/../src/main/resources/db/migration"
SECONDS_PER_QUERY="${1:-15}"
MODE="${PGBENCH_MODE:-prepared}"
QUERIES="suggestions suggestions-full suggestions-page2 mutual search friendship-write suggestions-live"
PLANNED="suggestions suggestions-page2 mutual search suggestions-live"
USERS=100000
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
PORT="${BENCH_PG_PORT:-25433}"
WORK="$(mktemp -d /tmp/users-bench.XXXXXX)"
OUT="$HERE/results"
mkdir -p "$OUT"
chmod 755 "$WORK"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then chown postgres "$WORK"; fi

as_pg "$PG_BIN/initdb" -D "$WORK/data" -U postgres -A trust >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$WORK/data" -o "-p $PORT -k $WORK -c shared_buffers=256MB -c work_mem=16MB" \
    -l "$WORK/pg.log" -w start >/dev/null
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
"${PSQL[@]}" -c "create extension if not exists pg_trgm; create schema users;"
for f in $(ls "$MIGRATIONS"/V*.sql | sort -V); do
    PGOPTIONS="-c search_path=users,public" "${PSQL[@]}" -f "$f"
done

measure() {  # $1 = label (friendship count)
    local label="$1"
    echo "# load before $label: $(uptime)" >> "$OUT/latency.txt"
    for q in $QUERIES; do
        if [ "$q" = suggestions-full ] && [ "${FULL:-0}" = 0 ]; then
            echo "$label suggestions-full: no user with a full first page" | tee -a "$OUT/latency.txt"; continue
        fi
        rm -f "$WORK"/pgbench_log.*
        (cd "$WORK" && PGOPTIONS="-c search_path=users,public" pgbench -h 127.0.0.1 -p "$PORT" -U postgres -n -M "$MODE" \
            -D users=$USERS -D full="$FULL" -f "$HERE/$q.sql" -c 1 -T "$SECONDS_PER_QUERY" -l postgres >/dev/null)
        # column 3 of pgbench's log is the latency in microseconds
        cat "$WORK"/pgbench_log.* | awk '{print $3}' | sort -n | awk -v label="$label" -v q="$q" '
            { v[NR] = $1 } END {
              p50 = v[int(NR * 0.50)]; p95 = v[int(NR * 0.95)]; p99 = v[int(NR * 0.99)];
              printf "%-12s %-18s n=%-6d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms\n", label, q, NR, p50/1000, p95/1000, p99/1000 }' \
            | tee -a "$OUT/latency.txt"
    done
    echo "# load after $label: $(uptime)" >> "$OUT/latency.txt"
}

plans() {  # $1 = label
    {
        echo "==== plans at $1 friendships ===="
        for q in $PLANNED; do
            echo "---- $q ----"
            sed -e '/^\\set/d' -e '/^--/d' "$HERE/$q.sql" | sed '1s/^/explain (analyze, buffers, costs off) /' \
                | PGOPTIONS="-c search_path=users,public" "${PSQL[@]}" -v n=42 -v o=4242 -v me=7 -v users=$USERS
        done
    } >> "$OUT/plans.txt" 2>&1
}

: > "$OUT/latency.txt"; : > "$OUT/plans.txt"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $SECONDS_PER_QUERY s per query, 1 client, $USERS users, pgbench -M $MODE" | tee -a "$OUT/latency.txt"
for FRIENDSHIPS in 100000 1000000; do
    SEEDED_AT=$(date +%s)
    PGOPTIONS="-c search_path=users,public" "${PSQL[@]}" -v users=$USERS -v friendships=$FRIENDSHIPS -f "$HERE/seed.sql"
    echo "# seeded $FRIENDSHIPS friendships (incl. suggestions table) in $(( $(date +%s) - SEEDED_AT )) s" >> "$OUT/latency.txt"
    # users whose first suggestions page is full, for suggestions-full.sql (up to 10,000, by their seed number)
    "${PSQL[@]}" -c "drop table if exists public.bench_full;
        create table public.bench_full as
        select row_number() over (order by g.n) as k, g.n
        from generate_series(1, $USERS) g(n)
        where exists (select 1 from users.friend_candidate c where c.user_id = md5(g.n::text)::uuid offset 20)
        limit 10000;
        create unique index on public.bench_full (k); analyze public.bench_full;"
    FULL=$("${PSQL[@]}" -At -c "select count(*) from public.bench_full")
    echo "# $FULL users with a full first page (>= 21 candidates) sampled for suggestions-full" >> "$OUT/latency.txt"
    measure "$FRIENDSHIPS"
    plans "$FRIENDSHIPS"
done
echo "results in $OUT/latency.txt and $OUT/plans.txt"
