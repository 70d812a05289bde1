#!/usr/bin/env bash
# The speed benchmark of issue 5, all in one run on this machine:
#  1. run-phase throughput (steps/s) of the product on W1-W3 (bench/w*.yaml; result.json's
#     timing) against hand-written scalar and SIMD baselines (bench/java/Baselines.java), at 1
#     and 2 threads (or the thread counts given), with the ratios;
#  2. whole-command wall time, product vs the scalar baseline's whole process;
#  2b. how each run phase's CPU divides between workers, merge and JIT compilers (the -v log's figure);
#  3. per-run overhead: the run phase of a 1-step sweep at 1.8e6 and at 5.4e6 runs (with
#     runs: all, plus the pass that writes runs.csv), the difference per run against the cost
#     of 50 steps;
#  4. a test-sized memory check: peak RSS with output.runs: none, and with runs: all (runs.csv
#     written), for 1e4 vs 1e6 runs (MEMORY_RUNS="100000 10000000" for the full check).
# The product runs as README's command runs it, through bin/multistart (SIMD lanes, and a
# class-data archive built after the first run after a build; MULTISTART_CDS=off leaves that out);
# PRODUCT_FLAGS=--scalar measures the one-run-at-a-time path instead.
# Usage: bench/run.sh [THREADS...]        e.g. bench/run.sh 1 2
# Environment: JAVA (default java), BASELINE_CLASSES (precompiled Baselines, for a machine
# without javac), SCALE (multiply every workload's starts, e.g. 10 to see warm throughput).
# Thread scaling on longer sweeps: bench/scaling.sh.
set -euo pipefail
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
source "$(dirname "$0")/common.sh"
seconds() {  # wall-clock seconds of a command, its output discarded: the least of WHOLE_REPEATS
    # (3) processes, as the overhead check takes (noise on a shared machine only adds; one process
    # each moved W3's ratio from 1.59 to 2.23 between runs of this script on the same build)
    local TIMEFORMAT=%R i
    for ((i = 0; i < ${WHOLE_REPEATS:-3}; i++)); do
        { time "$@" >/dev/null 2>&1; } 2>&1
    done | sort -n | head -1
}
machine
[ "${SCALE:-1}" = 1 ] || echo "starts x $SCALE (baselines: the fixed workloads; compare steps per second)"
echo "baselines: fastest of 3 repetitions in one JVM (as BENCHMARKS.md); 'cold': their first repetition,"
echo "in a fresh JVM, as the product's runs are (product: best of 2 processes)"
printf '%-3s %7s %11s %11s %11s %7s %7s | %11s %11s %7s %7s\n' load threads product scalar simd 'p/scal' 'p/simd' \
    'scal cold' 'simd cold' 'p/scal' 'p/simd'
for w in W1 W2 W3; do
    for t in "${threads[@]}"; do
        p=$(best2 "${config[$w]}" "$t")
        read -r s s1 <<< "$(baseline "$w" scalar "$t")"
        read -r v v1 <<< "$(baseline "$w" simd "$t")"
        printf '%-3s %7s %11.4g %11.4g %11.4g %7.2f %7.2f | %11.4g %11.4g %7.2f %7.2f\n' "$w" "$t" "$p" "$s" "$v" \
            "$(div "$p" "$s")" "$(div "$p" "$v")" "$s1" "$v1" "$(div "$p" "$s1")" "$(div "$p" "$v1")"
        check "$w, threads=$t: run-phase steps/s vs the scalar loop" "$(div "$p" "$s")" ge 0.8
        check "$w, threads=$t: run-phase steps/s vs the SIMD loop" "$(div "$p" "$v")" ge 0.6
    done
done
echo
echo "whole command, ${threads[-1]} threads (seconds, least of ${WHOLE_REPEATS:-3} processes each; product includes JVM start,"
echo "analysis, reports):"
for w in W1 W2 W3; do
    t=${threads[-1]}
    a=$(seconds multistart run "bench/${config[$w]}.yaml" --out "$out/x" --threads "$t" --quiet --force \
        ${PRODUCT_FLAGS:-})
    b=$(seconds "$JAVA" -cp "$classes" --add-modules jdk.incubator.vector Baselines "$w" scalar "$t" once)
    v=$(seconds "$JAVA" -cp "$classes" --add-modules jdk.incubator.vector Baselines "$w" simd "$t" once)
    printf '%-3s product %6.2f  scalar baseline %6.2f (ratio %5.2f)  SIMD baseline %6.2f (ratio %5.2f)\n' \
        "$w" "$a" "$b" "$(div "$a" "$b")" "$v" "$(div "$a" "$v")"
    check "$w, threads=$t: whole command vs the scalar baseline's process" "$(div "$a" "$b")" le 1.3
done
echo
# Where the run phase's CPU goes besides the steps: on a machine with few cores the JIT compilers
# (C2 compiling the lane code, then everything else that became hot) share the cores with the
# workers through a short sweep. From the -v log's line (Linux only; absent elsewhere).
echo "the run phase's CPU: workers, merge, JIT compilers; ${threads[-1]} threads (one -v run each):"
for w in W1 W2 W3; do
    line=$(multistart run "bench/${config[$w]}.yaml" --out "$out/x" --threads "${threads[-1]}" --force --verbose \
        ${PRODUCT_FLAGS:-} 2>&1 | grep -o 'run phase CPU: .*' || true)
    printf '%-3s %s\n' "$w" "${line:-(not known on this system)}"
done
echo
t=${threads[-1]}
# A run's overhead is what each further run costs beyond its steps, so it is measured as a
# difference: the same sweep at N and 3N runs, one step each. The fixed costs of a process (JVM
# start, the JIT compiling the lane code) cancel out; the average over one sweep is printed too.
# runs: none: a run is its start point, one step, the merge, the basin lookup and a journal
# record, all in the run phase. runs: all adds its runs.csv row, which is written after the run
# phase from the journal (formatted on the sweep's threads), so that pass counts too.
# Two measures of the same difference, each against the cost of 50 W2 steps of one worker:
#  - CPU (the target's check): the CPU time of the threads that do a run's work, as the -v log
#    reports it (Linux /proc): the workers, the merge (both stages), the runs.csv pass; 50 steps
#    cost 50 times the workers' CPU per step in a W2 sweep of 10x the starts;
#  - wall x threads (the run phase's wall time, plus the runs.csv pass's, times the thread
#    count, as if every thread were busy throughout): this also counts what the JIT compilers
#    do in the longer run phase of the two (their backlog, not a per-run cost) and the cores'
#    idle time; 50 steps cost 50 / (steps/s of one thread of the same W2 sweep).
echo "per-run overhead, $t threads: W2 with max_iterations 1, 1.8e6 and 5.4e6 runs: the run phase"
echo "plus, with runs: all, the runs.csv pass after it (least of ${OVERHEAD_REPEATS:-3} processes each):"
p=$(product w2-peaks "$t" 10)  # warm-ish: the 1.8e6-run W2
step50=$(awk -v p="$p" -v t="$t" 'BEGIN { print 50 / (p / t) * 1e6 }')
# the same sweep once more with -v: the workers' CPU per step
read -r wcpu wsteps <<< "$(multistart run "$(config w2-peaks 10)" --out "$out/o" --threads "$t" --force --verbose \
    ${PRODUCT_FLAGS:-} 2>&1 | awk '/run phase CPU: workers/ { for (i = 1; i <= NF; i++) if ($i == "workers") c = $(i + 1) + 0 }
        /gradient descent done in/ { for (i = 1; i <= NF; i++) if ($i ~ /^\(/) { s = substr($i, 2) + 0 } }
        END { print (c == "" ? 0 : c), (s == "" ? 0 : s) }')"
rm -rf "$out/o"
cpu50=$(awk -v c="$wcpu" -v s="$wsteps" 'BEGIN { print (c > 0 && s > 0) ? 50 * c / s * 1e6 : 0 }')
overhead() {  # runs: all|none, starts -> "wall cpu": least of OVERHEAD_REPEATS (3) processes
    # (noise on a shared machine only adds, and a difference of two single runs moved by half
    # the figure from one script run to the next)
    local i
    for ((i = 0; i < ${OVERHEAD_REPEATS:-3}; i++)); do
        overhead1 "$@"
    done | awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < c { c = $2 } END { print w, c }'
}
overhead1() {  # runs: all|none, starts -> "wall cpu": seconds of the run phase + the runs.csv pass
    sed -e 's/max_iterations: 500/max_iterations: 1/' -e "s/runs: none/runs: $1/" \
        -e "s/^  count: 10000\$/  count: $2/" bench/w2-peaks.yaml > "$out/overhead.yaml"
    local log run
    log=$(multistart run "$out/overhead.yaml" --out "$out/o" --threads "$t" --quiet --verbose --force \
        ${PRODUCT_FLAGS:-} 2>&1)
    run=$(sed -n 's/.*"wall_seconds" : \([0-9.eE+-]*\).*/\1/p' "$out/o/result.json" | head -1)
    rm -rf "$out/o"
    awk -v run="$run" '
        /run phase CPU: workers/ { for (i = 1; i <= NF; i++) { if ($i == "workers") w = $(i + 1) + 0; if ($i == "merging") m = $(i + 1) + 0 } }
        /runs\.csv written in/ { for (i = 1; i <= NF; i++) { if ($i == "in") cw = $(i + 1) + 0; if ($i == "(" || $i ~ /^\(/) cc = substr($i, 2) + 0 } }
        END { print run + cw, w + m + cc }' <<< "$log"
}
for rows in all none; do
    read -r w1 c1 <<< "$(overhead "$rows" 100000)"
    read -r w3 c3 <<< "$(overhead "$rows" 300000)"
    awk -v a="$w1" -v b="$w3" -v ca="$c1" -v cb="$c3" -v t="$t" -v rows="$rows" 'BEGIN {
        printf "  runs: %-4s  CPU: 1.8e6 runs %.2f s, 5.4e6 runs %.2f s; per run %.3f us more (%.3f us on average)\n", rows, ca, cb, (cb - ca) / 3.6e6 * 1e6, ca / 1.8e6 * 1e6
        printf "              wall: 1.8e6 runs %.2f s, 5.4e6 runs %.2f s; per run %.3f us more wall (%.3f us of a thread),", a, b, (b - a) / 3.6e6 * 1e6, (b - a) / 3.6e6 * 1e6 * t
        printf " %.3f us on average (%.3f us of a thread)\n", a / 1.8e6 * 1e6, a / 1.8e6 * 1e6 * t }'
    if awk -v c="$cpu50" -v a="$c1" 'BEGIN { exit !(c > 0 && a > 0) }'; then
        check "per-run overhead, threads=$t, runs: $rows: CPU / 50 steps' CPU" \
            "$(awk -v a="$c1" -v b="$c3" -v s="$cpu50" 'BEGIN { print ((b - a) / 3.6e6 * 1e6) / s }')" le 1
    else
        echo "  (no CPU figures on this system: the wall measure is checked instead)"
        check "per-run overhead, threads=$t, runs: $rows: thread time / 50 steps" \
            "$(awk -v a="$w1" -v b="$w3" -v t="$t" -v s="$step50" 'BEGIN { print ((b - a) / 3.6e6 * 1e6 * t) / s }')" le 1
    fi
    echo "              (wall x threads / 50 steps: $(awk -v a="$w1" -v b="$w3" -v t="$t" -v s="$step50" 'BEGIN { printf "%.2f", ((b - a) / 3.6e6 * 1e6 * t) / s }'))"
done
echo "  50 W2 steps (x10 starts) of one worker: $(printf '%.3f' "$cpu50") us of CPU; $(printf '%.3f' "$step50") us of a thread's wall time"
echo
if [ ! -x /usr/bin/time ]; then
    echo "(no /usr/bin/time here: memory check skipped)"
    verdict
    exit 0
fi
# The heap is capped at 64 MiB: the sweep has to fit in it whatever its size, and one process's
# peak RSS no longer follows how far the JVM let the heap grow before collecting the warm-up's
# garbage (with -Xmx512m the same sweep peaked anywhere from 186 to 314 MiB).
for rows in none all; do
    echo "peak memory with output.runs: $rows (rastrigin 2-d, runs stop when |g| < 1e-6, heap capped at"
    echo "64 MiB, least of 3 processes):"
    first=
    for runs in ${MEMORY_RUNS:-10000 1000000}; do
        sed -e "s/count: 100000/count: $runs/" -e "s/gradient_norm: 0/gradient_norm: 1.0e-6/" \
            -e "s/name: w1-rastrigin/name: memory/" -e "s/runs: none/runs: $rows/" bench/w1-rastrigin.yaml \
            > "$out/memory.yaml"
        all=()
        for rep in 1 2 3; do
            kb=$( { /usr/bin/time -f %M "$JAVA" -Xmx64m --add-modules jdk.incubator.vector -jar target/multistart.jar \
                run "$out/memory.yaml" --out "$out/m" --threads "${threads[-1]}" --quiet --force >/dev/null; } 2>&1 \
                | tail -1)
            all+=("$(div "$kb" 1024)")
        done
        rm -rf "$out/m"
        least=$(printf '%s\n' "${all[@]}" | sort -n | head -1)
        printf '%10s runs: %6.1f MiB peak RSS (runs: %s)\n' "$runs" "$least" "${all[*]}"
        [ -n "$first" ] || first=$least
    done
    check "memory, runs: $rows: peak RSS of the largest sweep / the smallest's" "$(div "$least" "$first")" le 1.1
done
verdict
