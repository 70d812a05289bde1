#!/usr/bin/env bash
# The merge's capacity (src/test/java/multistart/engine/MergeBench.java): microseconds per run
# of the part of a sweep that takes the finished runs in run order (basin lookups, statistics,
# journal), on one thread and split over two as the engine does from 2 threads on, with nothing
# else running. On many cores this, not the gradient steps, caps W2 and W3 (bench/scaling.sh).
# Usage: bench/merge.sh [CONFIG [STARTS_MULTIPLIER [REPETITIONS]]]   default: W2 x10, 5 repetitions
set -euo pipefail
source "$(dirname "$0")/test-classpath.sh"
java -Xmx3g --add-modules jdk.incubator.vector -cp "$testcp" multistart.engine.MergeBench \
    "${1:-bench/w2-peaks.yaml}" "${2:-10}" "${3:-5}" 2>/dev/null
