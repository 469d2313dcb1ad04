#!/usr/bin/env bash
# The plugin's own phases (read, validate, each generator, write) at several spec sizes, each in
# a fresh JVM as in a Maven build, and how their cost grows: a least-squares line over the sizes
# gives ms per table and the fixed part per phase. Three builds per size: first (no migrations),
# CI (target wiped, migrations committed) and first with the orchestrator's parallel generators.
# Baseline measured in the same run: a JVM that only starts. Figures are process CPU time
# (least disturbed by a loaded machine), with wall time for the whole JVM.
# The N-table specs clone the example's 63 tables with suffix _c<k> (the method of the shared
# compare bench), foreign keys pointing into the same clone round.
# Every JVM runs with JVM_FLAGS, by default the flags of the JVM that generate forks to
# regenerate (ForkedGeneration.JVM_FLAGS); JVM_FLAGS= measures with the JDK's defaults, as
# generation in Maven's own JVM (-Dauthspec.fork=false) runs.
# usage: bench/phases.sh [sizes...]   (default 63 250 1000; RUNS=3 per size; MVN_ARGS for mvn)
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C
sizes=${*:-63 250 1000}
runs=${RUNS:-3}
export JVM_FLAGS=${JVM_FLAGS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
mvn -B -q -o ${MVN_ARGS:-} test-compile \
  org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test -pl auth-spec-maven-plugin -am
p=auth-spec-maven-plugin
cp="$p/target/test-classes:$p/target/classes:auth-spec-model/target/classes:$(cat $p/target/cp.txt)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" $sizes <<'PY'
import copy, json, sys
out, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
spec = json.load(open("specs/auth-service-full.json"))
tables = spec["diagram"]["database"]["tables"]
base = [t["name"] for t in tables]
for n in sizes:
    picked, k = [], 0
    while len(picked) < n:
        for t in tables:
            if len(picked) < n:
                picked.append((k, t))
        k += 1
    present = {t["name"] if k == 0 else "%s_c%d" % (t["name"], k) for k, t in picked}
    res = []
    for k, t in picked:
        c = copy.deepcopy(t)
        if k:
            c["name"] = "%s_c%d" % (t["name"], k)
            for f in c["fields"]:
                fk = f.get("foreignKey")
                if fk and fk["table"] in base and "%s_c%d" % (fk["table"], k) in present:
                    fk["table"] = "%s_c%d" % (fk["table"], k)
        res.append(c)
    s = copy.deepcopy(spec)
    s["diagram"]["database"]["tables"] = res
    json.dump(s, open("%s/spec_%d.json" % (out, n), "w"), indent=2)
PY
cat >"$work/Nothing.java" <<'JAVA'
public class Nothing { public static void main(String[] a) {} }
JAVA
javac -d "$work" "$work/Nothing.java"
python3 - "$work" "$cp" "$runs" $sizes <<'PY'
import collections, os, shutil, statistics, subprocess, sys, time
work, cp, runs, sizes = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(s) for s in sys.argv[4:]]
flags = os.environ["JVM_FLAGS"].split()

def run(argv):  # (stdout, wall s, cpu s of the whole process incl. children)
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s" % " ".join(argv))
    return out, time.monotonic() - t0, ru.ru_utime + ru.ru_stime

med = collections.defaultdict(list)
for r in range(runs):
    _, w, c = run(["java"] + flags + ["-cp", work, "Nothing"])
    med[("baseline", "jvm", 0, "wall")].append(w * 1000); med[("baseline", "jvm", 0, "cpu")].append(c * 1000)
    for n in sizes:
        d = os.path.join(work, "p%d" % n)
        for build in ("first", "ci", "parallel"):
            if build in ("first", "parallel"):
                shutil.rmtree(d, ignore_errors=True)
            else:
                shutil.rmtree(os.path.join(d, "target"), ignore_errors=True)
            argv = ["java"] + flags + ["-cp", cp, "io.github.authspec.plugin.generation.PhaseBench",
                    os.path.join(work, "spec_%d.json" % n), d] + (["--orchestrated"] if build == "parallel" else [])
            out, w, c = run(argv)
            for line in out.splitlines():
                phase, cpu, wall, nf, nb = line.split("\t")
                med[(build, phase, n, "cpu")].append(float(cpu)); med[(build, phase, n, "wall")].append(float(wall))
            med[(build, "jvm", n, "wall")].append(w * 1000); med[(build, "jvm", n, "cpu")].append(c * 1000)
m = {k: statistics.median(v) for k, v in med.items()}
jc, jw = m[("baseline", "jvm", 0, "cpu")], m[("baseline", "jvm", 0, "wall")]
print("medians of %d runs; JVM flags: %s" % (runs, " ".join(flags) or "(JDK defaults)"))
print("baseline = a JVM that only starts: %.0f ms cpu, %.0f ms wall" % (jc, jw))
print("cpu = process CPU time (JIT and GC included), least disturbed by a loaded machine;")
print("(x) = ratio to the baseline's cpu (wall rows: to its wall); the line fit over the sizes gives ms per table")
titles = {"first": "first build (no migrations), phases one after another",
          "ci": "CI build (target wiped, migrations committed), phases one after another",
          "parallel": "first build through the orchestrator (generators in parallel)"}
for build in ("first", "ci", "parallel"):
    phases = []
    for (b, ph, n, kind) in m:
        if b == build and ph not in phases:
            phases.append(ph)
    print("\n" + titles[build])
    print("%-15s" % "cpu ms" + "".join("%15s" % ("%d tables" % n) for n in sizes) + "%10s%9s%7s" % ("ms/table", "fixed", "r2"))
    for ph in phases:
        kinds = ("wall",) if ph == "peak-heap-MiB" else ("cpu", "wall") if ph in ("total", "jvm") else ("cpu",)
        for kind in kinds:
            ys = [m.get((build, ph, n, kind)) for n in sizes]
            if None in ys:
                continue
            xs = sizes; mx = sum(xs) / len(xs); my = sum(ys) / len(ys)
            sxx = sum((x - mx) ** 2 for x in xs)
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx else 0
            fixed = my - slope * mx
            ss = sum((y - my) ** 2 for y in ys); res = sum((y - fixed - slope * x) ** 2 for x, y in zip(xs, ys))
            label = ph + " (wall)" if kind == "wall" and ph != "peak-heap-MiB" else ph
            if ph == "peak-heap-MiB":
                cells = "".join("%15s" % ("%.0f MiB" % y) for y in ys)
            else:
                base = jw if kind == "wall" else jc
                cells = "".join("%15s" % ("%.0f (%.2f)" % (y, y / base)) for y in ys)
            print("%-15s%s%10.2f%9.0f%7.3f" % (label, cells, slope, fixed, 1 - res / ss if ss else 1))
PY
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"
