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
done | awk -v a="$a" -v b="$b" '
    { wall[$1] = wall[$1] " " $2; rate[$1] = rate[$1] " " sprintf("%.3g", $3); w[$1, ++n[$1]] = $2; r[$1, n[$1]] = $3 }
    function median(x, k, m,    i, j, t, v) {
        for (i = 1; i <= m; i++) v[i] = x[k, i]
        for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return m % 2 ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2
    }
    END {
        for (k in n) {
            printf "%s [%s]: seconds%s (median %.3f); steps/s%s (median %.3g)\n", k, (k == "A" ? a : b),
                wall[k], median(w, k, n[k]), rate[k], median(r, k, n[k])
        }
    }'
