#!/usr/bin/env python3
"""What a start of the service is made of (issue 15). Standard library only.

    startup_profile.py jfr RECORDING.jfr [THREAD]   CPU samples of one thread (default "main"), inclusive by component
    startup_profile.py classes CLASSLOAD.log        classes loaded by library, from -Xlog:class+load

A recording for the first mode: java -XX:StartFlightRecording=filename=start.jfc,settings=bench/startup.jfc ...
(bench/startup.jfc samples every 1 ms, where JDK 17's profile settings sample every 10 ms). JFR samples only threads
running Java code: time a thread spends inside the VM (parsing, verifying and linking classes) is not sampled, so
the shares are of the sampled Java time; the class counts of the second mode show the class-loading side."""
import collections
import re
import subprocess
import sys

# First matching prefix wins; order from the specific to the general.
COMPONENTS = [
    ("uk.dsltriage.rules", "ours: rules engine"),
    ("com.networknt.schema", "rule-set JSON schema (networknt)"),
    ("uk.dsltriage", "ours: other"),
    ("org.hibernate.validator", "Hibernate Validator"),
    ("io.quarkus.hibernate.validator", "Hibernate Validator"),
    ("org.flywaydb", "Flyway"),
    ("io.quarkus.flyway", "Flyway"),
    ("org.hibernate", "Hibernate ORM"),
    ("io.quarkus.hibernate", "Hibernate ORM"),
    ("io.quarkus.oidc", "OIDC"),
    ("org.jose4j", "OIDC"),
    ("com.google.crypto.tink", "Tink"),
    ("com.google.protobuf", "Tink"),
    ("io.quarkus.qute", "Qute"),
    ("io.quarkus.mailer", "mailer"),
    ("io.vertx.ext.mail", "mailer"),
    ("io.smallrye.openapi", "OpenAPI"),
    ("io.quarkus.smallrye.openapi", "OpenAPI"),
    ("io.micrometer", "Micrometer"),
    ("io.quarkus.micrometer", "Micrometer"),
    ("io.agroal", "Agroal"),
    ("org.postgresql", "PostgreSQL JDBC"),
    ("com.arjuna", "Narayana"),
    ("io.quarkus.narayana", "Narayana"),
    ("io.quarkus.scheduler", "scheduler"),
    ("io.smallrye.config", "SmallRye Config"),
    ("io.quarkus.runtime.configuration", "SmallRye Config"),
    ("io.quarkus.arc", "ArC (CDI)"),
    ("io.quarkus.resteasy.reactive", "Quarkus REST"),
    ("org.jboss.resteasy.reactive", "Quarkus REST"),
    ("io.quarkus.vertx", "Vert.x"),
    ("io.vertx", "Vert.x"),
    ("io.netty", "Netty"),
    ("com.fasterxml.jackson", "Jackson"),
    ("org.jboss.logmanager", "logging"),
    ("io.quarkus.bootstrap", "Quarkus bootstrap (class loading)"),
    ("io.quarkus.runner", "Quarkus generated start-up code"),
    ("io.quarkus.deployment.steps", "Quarkus generated start-up code"),
    ("java.lang.ClassLoader", "JDK class loading"),
    ("jdk.internal.loader", "JDK class loading"),
    ("java.util.zip", "JDK zip/jar"),
    ("java.util.jar", "JDK zip/jar"),
]


def component(frame):
    for prefix, name in COMPONENTS:
        if frame.startswith(prefix):
            return name
    return None


def jfr(rec, thread):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", rec],
                          capture_output=True, text=True, check=True).stdout
    inclusive = collections.Counter()
    top = collections.Counter()
    n = total = 0
    for block in re.split(r"\n(?=jdk\.ExecutionSample \{)", text):
        t = re.search(r'sampledThread = "([^"]*)"', block)
        if not t:
            continue
        total += 1
        if t.group(1) != thread:
            continue
        n += 1
        frames = re.findall(r"^\s{4}([\w.$<>/]+)\(", block, re.M)
        seen = set()
        for f in frames:
            c = component(f)
            if c and c not in seen:
                seen.add(c)
                inclusive[c] += 1
        if frames:
            top[frames[0]] += 1
    print(f"{n} samples of thread {thread!r} ({total} samples of all threads)\n")
    print("inclusive share by component (a sample counts for every component on its stack):")
    for c, k in inclusive.most_common(30):
        print(f"  {100.0 * k / max(n, 1):5.1f}%  {c}")
    print("\ntop frames (self):")
    for f, k in top.most_common(15):
        print(f"  {100.0 * k / max(n, 1):5.1f}%  {f}")


def classes(log):
    by_lib = collections.Counter()
    by_source = collections.Counter()
    n = 0
    for line in open(log, errors="replace"):
        m = re.search(r"\[class,load\] (\S+) source: (.*)$", line)
        if not m:
            continue
        n += 1
        name, source = m.group(1), m.group(2)
        parts = name.split(".")
        by_lib[".".join(parts[:3]) if len(parts) > 3 else ".".join(parts[:-1])] += 1
        if "shared objects file" in source:
            by_source["CDS archive"] += 1
        elif source.startswith("jrt:"):
            by_source["JDK modules (jrt)"] += 1
        elif "__JVM_" in source or "instance of" in source or source.startswith("__"):
            by_source["generated at run time (lambdas, proxies)"] += 1
        else:
            by_source["application jars"] += 1
    print(f"{n} classes loaded\n\nby source:")
    for s, k in by_source.most_common():
        print(f"  {k:6d}  {s}")
    print("\nby package (first three segments), top 40:")
    for p, k in by_lib.most_common(40):
        print(f"  {k:6d}  {p}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "jfr":
        jfr(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "main")
    elif len(sys.argv) == 3 and sys.argv[1] == "classes":
        classes(sys.argv[2])
    else:
        print(__doc__)
        sys.exit(2)
