#!/usr/bin/env bash
# Compares two sets of JVM flags on one config with this working tree's build, in alternating
# pairs (A, B, A, B, ...), as bench/pairs.sh compares two revisions. The flags reach the JVM
# through JAVA_TOOL_OPTIONS, on top of bin/multistart's own; "" is none.
# Usage: bench/flags.sh "FLAGS_A" "FLAGS_B" CONFIG THREADS [PAIRS]
#   e.g. bench/flags.sh "" "-XX:+UseSerialGC" bench/w3-rosenbrock.yaml 2 6
# Prints, per set, the whole command's seconds and the run phase's steps/s of each run, and medians.
set -euo pipefail
[ $# -ge 4 ] || { sed -n '2,7p' "$0"; exit 2; }
a=$1 b=$2 config=$3 threads=$4 pairs=${5:-6}
cd "$(dirname "$0")/.."
[ -f target/multistart.jar ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
one() {  # flags -> "seconds steps/s"
    local TIMEFORMAT=%R s
    s=$( { time JAVA_TOOL_OPTIONS="$1" bin/multistart run "$config" --out "$out/r" --threads "$threads" \
        --force --quiet >/dev/null 2>&1; } 2>&1 )
    echo "$s $(sed -n 's/.*"steps_per_second" : \([0-9.eE+-]*\).*/\1/p' "$out/r/result.json" | head -1)"
}
one "" >/dev/null  # the class-data archive, if the jar is new
for ((i = 0; i < pairs; i++)); do
    echo "A $(one "$a")"
    echo "B $(one "$b")"
done | awk -v first="[$a]" -v second="[$b]" -f bench/medians.awk
