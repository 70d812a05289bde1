# Sourced by bench/jmh.sh and bench/merge.sh (not run): compiles the test sources and sets
# testcp to the class path of the test classes, the product's classes and every test-scope
# dependency, for benchmarks that live in the test sources.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -ntp test-compile
testcp_file=$(mktemp)
mvn -q -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$testcp_file" >/dev/null
testcp="target/test-classes:target/classes:$(cat "$testcp_file")"
rm -f "$testcp_file"
