#!/usr/bin/env bash
# Times `stride up` to all-healthy (after the first build) N times on its own home and ports,
# so a running developer stack is not disturbed. Prints each run and the median.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS=${RUNS:-3}
HOME_DIR=${BENCH_HOME:-/tmp/stride-bench-up}
PORTS=(--home "$HOME_DIR" --cassandra-port 19042 --cassandra-storage-port 17000 --kafka-port 19092
       --kafka-controller-port 19093 --zookeeper-port 12181 --redis-port 16379)
"$ROOT/ops/stride" down "${PORTS[@]}" >/dev/null
"$ROOT/ops/stride" up "${PORTS[@]}" >/dev/null   # first start: classpaths, formatting
"$ROOT/ops/stride" down "${PORTS[@]}" >/dev/null
times=()
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s.%N)
  "$ROOT/ops/stride" up "${PORTS[@]}" >/dev/null
  t1=$(date +%s.%N)
  times+=("$(echo "$t1 - $t0" | bc)")
  echo "run $i: ${times[-1]} s"
  "$ROOT/ops/stride" down "${PORTS[@]}" >/dev/null
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " s"}'
