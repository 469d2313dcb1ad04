#!/usr/bin/env bash
# Times the generate goal on the full spec (examples/auth-service) as a user sees it: the very
# first generate (V1 written), a clean build (target/ wiped, migrations committed), an up-to-date
# build and a one-column change (V2 written), each as the plugin's own execution time
# (its "in N ms" log line) and the whole Maven run, against a baseline measured in the same run:
# the same Maven invocation with the plugin skipped (Maven's own start-up).
# Usage: bench/generate.sh [runs]     (installs the plugin into ~/.m2 first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
mvn -B -q -ntp install -DskipTests -pl auth-spec-model,auth-spec-maven-plugin -am
example=examples/auth-service
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp specs/auth-service-full.json "$work/spec.json"
python3 - "$work/spec.json" "$work/spec-plus-column.json" <<'PY'
import json, sys
spec = json.load(open(sys.argv[1]))
for t in spec["diagram"]["database"]["tables"]:
    if t["name"] == "user_preferences":
        t["fields"].append({"name": "font_size", "type": "INT", "nullable": True})
json.dump(spec, open(sys.argv[2], "w"), indent=2)
PY

mvn_run() { # prints "<wall ms> <plugin ms>"
  local start end log
  start=$(date +%s%N)
  log=$(mvn -B -o -ntp -f "$example/pom.xml" generate-sources "$@" 2>&1)
  end=$(date +%s%N)
  local plugin
  plugin=$(echo "$log" | sed -n 's/.*auth-spec: .* in \([0-9]*\) ms$/\1/p' | tail -1)
  echo "$(( (end - start) / 1000000 )) ${plugin:-0}"
}
clean_target() {
  rm -rf "$example/target/auth-spec" "$example/target/generated-sources/auth-spec"
}
clean_outputs() {
  clean_target
  rm -rf "$example/src/main/resources/db/migration"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A wall plugin
for i in $(seq "$runs"); do
  read -r w p < <(mvn_run -Dauthspec.skip=true); wall[baseline]+="$w "; plugin[baseline]+="0 "
  clean_outputs
  read -r w p < <(mvn_run -Dauthspec.spec="$work/spec.json"); wall[first]+="$w "; plugin[first]+="$p "
  clean_target
  read -r w p < <(mvn_run -Dauthspec.spec="$work/spec.json"); wall[clean]+="$w "; plugin[clean]+="$p "
  read -r w p < <(mvn_run -Dauthspec.spec="$work/spec.json"); wall[uptodate]+="$w "; plugin[uptodate]+="$p "
  read -r w p < <(mvn_run -Dauthspec.spec="$work/spec-plus-column.json"); wall[column]+="$w "; plugin[column]+="$p "
done
clean_outputs

base=$(echo ${wall[baseline]} | tr ' ' '\n' | median)
printf '%-28s %10s %10s %16s\n' "median of $runs runs" "wall ms" "plugin ms" "plugin/baseline"
for k in baseline first clean uptodate column; do
  w=$(echo ${wall[$k]} | tr ' ' '\n' | median)
  p=$(echo ${plugin[$k]} | tr ' ' '\n' | median)
  printf '%-28s %10s %10s %16s\n' "$k" "$w" "$p" "$(awk -v p="$p" -v b="$base" 'BEGIN {printf "%.2f", p / b}')"
done
