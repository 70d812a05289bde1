set -euo pipefail
tar xzf target/device.tgz
J=$PWD/jre/bin/java
sed -e 's/max_iterations: 500/max_iterations: 1/' -e 's/^  count: 10000$/  count: 100000/' bench/w2-peaks.yaml > /tmp/ovnone.yaml
sed -e 's/runs: none/runs: all/' /tmp/ovnone.yaml > /tmp/ovall.yaml
awk '/^  count:/ { print "  count: " $2 * 30; next } { print }' bench/w1-rastrigin.yaml > /tmp/w1x30.yaml
for t in 1 16; do
  for f in ovnone ovall; do
    $J --add-modules jdk.incubator.vector -jar target/multistart.jar run /tmp/$f.yaml --out /tmp/o --threads $t -v --force 2>&1 | grep merge | cut -c16-140
    echo "$f threads $t: $(grep -E 'wall_seconds' /tmp/o/result.json | tr -d ' \n')"
  done
done
$J --add-modules jdk.incubator.vector -jar target/multistart.jar run /tmp/w1x30.yaml --out /tmp/o --threads 16 -v --force 2>&1 | grep -E "merge|done in" | cut -c16-140
