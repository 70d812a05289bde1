#!/usr/bin/env bash
# Expression objectives against built-ins: the same function, the same 2e7 gradient steps, one
# thread. Prints steps per second of the run phase (result.json's timing) and the ratio.
# Usage: bench/expressions.sh [threads]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-1}
[ -f target/multistart.jar ] || mvn -q -ntp package -DskipTests
out=$(mktemp -d)
rate() {
    java -jar target/multistart.jar run "bench/expressions/$1.yaml" --out "$out/$1" --threads "$threads" \
        --quiet --force >/dev/null
    sed -n 's/.*"steps_per_second" : \([0-9.eE+-]*\).*/\1/p' "$out/$1/result.json" | head -1
}
printf '%-10s %14s %14s %7s\n' function builtin expression ratio
for f in rastrigin peaks; do
    # one warm-up pass each so neither side pays for its first JIT alone
    rate "$f-builtin" >/dev/null
    b=$(rate "$f-builtin")
    e=$(rate "$f-expression")
    printf '%-10s %14.4g %14.4g %7.2f\n' "$f" "$b" "$e" "$(awk -v a="$e" -v b="$b" 'BEGIN { printf "%.4f", a / b }')"
done
rm -rf "$out"
