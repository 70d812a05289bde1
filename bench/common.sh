# Shared by bench/run.sh and bench/scaling.sh (sourced, not run): the jar, the compiled baselines,
# a scratch folder, and how to read a rate from each side.
# Environment: JAVA (default java), BASELINE_CLASSES (precompiled Baselines, for a machine
# without javac), SCALE (multiply every workload's starts), PRODUCT_FLAGS (e.g. --scalar).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA=${JAVA:-java}
[ -f target/multistart.jar ] || mvn -q -ntp package -DskipTests
out=$(mktemp -d)
if [ -n "${BASELINE_CLASSES:-}" ]; then
    classes=$BASELINE_CLASSES
    trap 'rm -rf "$out"' EXIT
else
    classes=$(mktemp -d)
    trap 'rm -rf "$classes" "$out"' EXIT
    javac --add-modules jdk.incubator.vector -nowarn -d "$classes" bench/java/Baselines.java 2>/dev/null
fi
declare -A config=([W1]=w1-rastrigin [W2]=w2-peaks [W3]=w3-rosenbrock)
# The launcher's class-data archive is made by the first run after a build, from the classes that
# run loaded and those of the hidden `exercise` command's tiny sweeps of the kinds it lacked, and
# kept. Before stop 47 it held the first run's alone, and one made by an expression config's run
# read 14% slower in W3's run phase in alternating pairs of one build; it is still made afresh
# here, from one run of the three workloads together, so that every bench run starts alike.
if [ "${MULTISTART_CDS:-on}" != off ]; then
    rm -f target/multistart.jsa target/multistart.jsa.java
    JAVA="$JAVA" bin/multistart run bench/w1-rastrigin.yaml bench/w2-peaks.yaml bench/w3-rosenbrock.yaml \
        --out "$out/archive" --quiet --force >/dev/null 2>&1 || true
    rm -rf "$out/archive"
fi
baseline() {  # workload scalar|simd threads -> "fastest-of-3 first-repetition" steps/s
    "$JAVA" --add-modules jdk.incubator.vector -cp "$classes" Baselines "$@" 2>/dev/null | awk '{print $4, $5}'
}
config() {  # config name [scale] -> its file, starts multiplied by scale (default SCALE)
    local f="bench/$1.yaml" s=${2:-${SCALE:-1}}
    if [ "$s" != 1 ]; then
        awk -v s="$s" '/^  count:/ { print "  count: " $2 * s; next } { print }' "$f" > "$out/$1-x$s.yaml"
        f="$out/$1-x$s.yaml"
    fi
    echo "$f"
}
multistart() {  # the product as README runs it: bin/multistart, with JAVA as its java
    JAVA="$JAVA" bin/multistart "$@"
}
product() {  # config name, threads [, scale] -> steps/s of the run phase (result.json)
    multistart run "$(config "$1" "${3:-}")" --out "$out/$1" --threads "$2" --quiet --force ${PRODUCT_FLAGS:-} \
        >/dev/null 2>&1
    sed -n 's/.*"steps_per_second" : \([0-9.eE+-]*\).*/\1/p' "$out/$1/result.json" | head -1
}
best2() {  # as product, fastest of two processes
    echo "$(product "$@") $(product "$@")" | awk '{print ($1 > $2) ? $1 : $2}'
}
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
machine() { echo "machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2)"; }
verdicts=()  # the issue's targets met or not, one line each, printed by verdict
check() {  # what, value, op (le|ge), bound
    local ok
    ok=$(awk -v v="$2" -v b="$4" -v op="$3" 'BEGIN { print ((op == "ge" ? v >= b : v <= b) ? "met" : "NOT met") }')
    verdicts+=("$(printf '%-60s %9.3f %s %-5s %s' "$1" "$2" "$([ "$3" = ge ] && echo '>=' || echo '<=')" "$4" "$ok")")
}
verdict() {
    [ ${#verdicts[@]} -gt 0 ] || return 0
    echo
    echo "the issue's targets on this machine:"
    printf '  %s\n' "${verdicts[@]}"
}
