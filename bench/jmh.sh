#!/usr/bin/env bash
# JMH for the per-step loop (src/test/java/multistart/bench/StepBenchmark.java): nanoseconds
# per gradient step of the product's Descent against a hand-written loop, and of its SIMD lanes.
# Usage: bench/jmh.sh [JMH options]      e.g. bench/jmh.sh -p function=rastrigin
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -ntp test-compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
mvn -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp" >/dev/null
java --add-modules jdk.incubator.vector -cp "target/test-classes:target/classes:$(cat "$cp")" org.openjdk.jmh.Main StepBenchmark "$@"
