#!/usr/bin/python3
"""Writes a Maven project of JUnit Jupiter tests for testr4j's JUnit benchmarks.

  gen_java_suite.py trivial N CLASSES DIR     N empty tests spread over CLASSES classes
  gen_java_suite.py sleep DURATIONS.json DIR  one test per entry of ../shared/bench/gen_pysuite.py's
                                              durations.json, sleeping that long, one class per
                                              Python class (so the heavy tests stay together)

The project pins JUnit 6.1.3, the compiler and Surefire 3.6.1; Surefire's forkCount and reuseForks
come from the command line (-DforkCount=4 -DreuseForks=true).
"""
import json
import pathlib
import sys

POM = """<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId>
  <artifactId>{name}</artifactId>
  <version>1</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>6.1.3</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.16.0</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.6.1</version></plugin>
    </plugins>
  </build>
</project>
"""


def write_class(root, package, name, methods):
    lines = [
        f"package {package};",
        "",
        "import org.junit.jupiter.api.Test;",
        "",
        f"class {name} {{",
    ]
    for method, millis in methods:
        lines += ["    @Test", f"    void {method}() throws InterruptedException {{"]
        if millis > 0:
            lines.append(f"        Thread.sleep({millis});")
        lines += ["    }", ""]
    lines.append("}")
    path = root / "src/test/java" / package.replace(".", "/") / f"{name}.java"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")


def camel(text):
    return "".join(part[:1].upper() + part[1:] for part in text.split("_"))


def main(argv):
    if len(argv) >= 4 and argv[0] == "trivial":
        n, classes, root = int(argv[1]), int(argv[2]), pathlib.Path(argv[3])
        root.mkdir(parents=True, exist_ok=True)
        (root / "pom.xml").write_text(POM.format(name="trivial"))
        per = -(-n // classes)
        for c in range(classes):
            methods = [(f"t{i:05d}", 0) for i in range(c * per, min(n, (c + 1) * per))]
            write_class(root, "bench.trivial", f"Trivial{c:03d}Test", methods)
    elif len(argv) >= 3 and argv[0] == "sleep":
        durations = json.loads(pathlib.Path(argv[1]).read_text())
        root = pathlib.Path(argv[2])
        root.mkdir(parents=True, exist_ok=True)
        (root / "pom.xml").write_text(POM.format(name="sleep"))
        classes = {}
        for test_id, seconds in durations.items():
            parts = test_id.split(".")  # bsuite.test_heavy.TestHeavy.test_h0
            classes.setdefault(parts[-2], []).append((parts[-1], int(round(seconds * 1000))))
        for name, methods in classes.items():
            write_class(root, "bench.sleep", name + "Test", methods)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
