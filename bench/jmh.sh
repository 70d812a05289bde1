#!/usr/bin/env bash
# JMH for the per-step loop (src/test/java/multistart/bench/StepBenchmark.java): nanoseconds
# per gradient step of the product's Descent against a hand-written loop, and of its SIMD lanes.
# Usage: bench/jmh.sh [JMH options]      e.g. bench/jmh.sh -p function=rastrigin
set -euo pipefail
source "$(dirname "$0")/test-classpath.sh"
java --add-modules jdk.incubator.vector -cp "$testcp" org.openjdk.jmh.Main StepBenchmark "$@"
