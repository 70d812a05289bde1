#!/usr/bin/env bash
# Compares this working tree's build with another revision's on one config, in alternating
# pairs (old, new, old, new, ...), which is how changes are judged on a machine whose speed
# drifts by 10-40% within the hour: single runs of two builds taken minutes apart cannot be told
# apart there. Both run through bin/multistart (each with its own class-data archive).
# Usage: bench/pairs.sh REV CONFIG THREADS [PAIRS]      e.g. bench/pairs.sh HEAD~1 bench/w3-rosenbrock.yaml 2 6
# Prints, per build, the whole command's seconds and the run phase's steps/s (result.json) of each
# run and their medians. Builds REV in a temporary git worktree (removed at the end); the working
# tree's jar must be built (mvn -q package -DskipTests).
set -euo pipefail
[ $# -ge 3 ] || { sed -n '2,9p' "$0"; exit 2; }
rev=$1 config=$2 threads=$3 pairs=${4:-6}
cd "$(dirname "$0")/.."
new=$PWD
[ -f "$new/target/multistart.jar" ] || { echo "build first: mvn -q package -DskipTests" >&2; exit 2; }
config=$(cd "$(dirname "$config")" && pwd)/$(basename "$config")
old=$(mktemp -d)
out=$(mktemp -d)
trap 'git -C "$new" worktree remove --force "$old" >/dev/null 2>&1 || rm -rf "$old"; rm -rf "$out"' EXIT
git worktree add -q --detach "$old" "$rev"
(cd "$old" && mvn -q -B -ntp -Dstyle.color=never package -DskipTests >/dev/null 2>&1) || { echo "could not build $rev" >&2; exit 1; }
one() {  # root -> "seconds steps/s"
    local TIMEFORMAT=%R s
    s=$( { time "$1/bin/multistart" run "$config" --out "$out/r" --threads "$threads" --force --quiet \
        >/dev/null 2>&1; } 2>&1 )
    echo "$s $(sed -n 's/.*"steps_per_second" : \([0-9.eE+-]*\).*/\1/p' "$out/r/result.json" | head -1)"
}
# a first run of each writes its class-data archive; not counted. The working tree's archive is
# made again here: the launcher keeps the one the first run after a build wrote, and before stop
# 47 (the `exercise` sweeps that add the kinds the first run lacked) one written by an expression
# config's run made the same build read 14% slower in W3's run phase than its twin in the worktree
rm -f "$new/target/multistart.jsa" "$new/target/multistart.jsa.java"
one "$old" >/dev/null
one "$new" >/dev/null
for ((i = 0; i < pairs; i++)); do
    echo "old $(one "$old")"
    echo "new $(one "$new")"
done | awk -v first="$rev" -v second="working tree" -f bench/medians.awk
