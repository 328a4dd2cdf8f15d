package org.testr4j.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.PythonOracle;

/**
 * Python's configparser, as testrepository constructs it, and {@link PythonIni} read the same
 * files to the same values (or both refuse them): the hand-written cases and 400 generated ones
 * mixing sections, comments, continuation lines, blank lines, delimiters, key case and {@code %}.
 */
class PythonIniOracleIT {
    private static final String ORACLE = String.join(
            "\n",
            "import configparser, sys",
            "for f in sys.argv[1:]:",
            "    p = configparser.ConfigParser()",
            "    try:",
            "        p.read(f, encoding='utf-8')",
            "        vals = [(k, p.get('DEFAULT', k)) for k in p.defaults()]",
            "        print(f + '\\t' + ' '.join(k + '=' + v.encode('utf-8').hex() for k, v in vals))",
            "    except Exception as e:",
            "        print(f + '\\tERROR ' + type(e).__name__)");

    private static final String[] FRAGMENTS = {
        "run",
        " ",
        "  ",
        "\t",
        "$IDOPTION",
        "$LISTOPT",
        "#",
        ";",
        "=",
        ":",
        "%%",
        "%(base)s",
        "%(Base)s",
        "%",
        "\\",
        "\"",
        "'",
        "${PYTHON:-python}",
        "[x]",
        "é",
        "%(missing)s",
        "(",
        ")"
    };

    @Test
    void readsWhatConfigparserReads(@TempDir Path dir) throws Exception {
        PythonOracle.requireModules("configparser");
        List<String> texts = new ArrayList<>(List.of(
                "[DEFAULT]\ntest_command=OS_STDOUT_CAPTURE=1 \\\n    python -m x $LISTOPT $IDOPTION\n",
                "[DEFAULT]\ntest_command=a\n  b\n\n  c\n\n",
                "[DEFAULT]\ntest_list_option: --list\ntest_command = run  \nx=a=b:c\ny :d=e\n",
                "[DEFAULT]\n# a comment\n  ; indented comment\ntest_command=foo # not a comment; b\n",
                "[DEFAULT]\ntest_command=a\n  # gone\n  b\n",
                "[DEFAULT]\nTest_Command=x\n",
                "[DEFAULT]\nBase=python\ntest_command=%(BASE)s -c \"print(100%%)\"\n",
                "[DEFAULT]\ntest_command=sed 's/\\./x/' \"${HOME}\" \\t\n",
                "[DEFAULT]\ntest_id_list_default=\ntest_command=\n  run\n",
                "[tox]\ntest_command=other\n  more\n[DEFAULT]\ntest_command=mine\n",
                "[DEFAULT]\n\ntest_command=echo 100%\n",
                "[DEFAULT]\ntest_command=%(py)s\n",
                "[DEFAULT]\na=%(a)s\n",
                "test_command=x\n",
                "[DEFAULT]\ntest_command\n",
                "[DEFAULT]\ntest_command=a\nTEST_COMMAND=b\n",
                "[DEFAULT]\na=1\n[x]\nb=2\n[DEFAULT]\nc=3\n",
                "[DEFAULT] trailing\na=1\n",
                " [DEFAULT]\n a=1\n  b\n"));
        Random random = new Random(20261122);
        for (int i = 0; i < 400; i++) {
            texts.add(generate(random));
        }
        List<String> command = new ArrayList<>(List.of(PythonOracle.PYTHON, "-c", ORACLE));
        for (int i = 0; i < texts.size(); i++) {
            Path file = dir.resolve("case" + i + ".conf");
            Files.writeString(file, texts.get(i), StandardCharsets.UTF_8);
            command.add(file.toString());
        }

        String stdout = new String(PythonOracle.output(dir, null, command), StandardCharsets.UTF_8);

        Map<String, String> expected = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            String[] parts = line.split("\t", 2);
            expected.put(parts[0], parts[1]);
        }
        int errors = 0;
        for (int i = 0; i < texts.size(); i++) {
            Path file = dir.resolve("case" + i + ".conf");
            String ours = ours(file, texts.get(i));
            String theirs = expected.get(file.toString());
            if (theirs.startsWith("ERROR")) {
                errors++;
                assertThat(ours).as("case %d:\n%s", i, texts.get(i)).startsWith("ERROR");
            } else {
                assertThat(ours).as("case %d:\n%s", i, texts.get(i)).isEqualTo(theirs);
            }
        }
        assertThat(errors).as("some generated files are refused, some accepted").isBetween(20, texts.size() - 100);
    }

    private static String ours(Path file, String text) {
        try {
            Map<String, PythonIni.Entry> raw =
                    PythonIni.readDefaults(text.lines().toList(), file);
            List<String> parts = new ArrayList<>();
            for (PythonIni.Entry e : raw.values()) {
                String value = PythonIni.interpolate(e, raw, file);
                parts.add(e.key() + "=" + HexFormat.of().formatHex(value.getBytes(StandardCharsets.UTF_8)));
            }
            return String.join(" ", parts);
        } catch (ConfigException e) {
            return "ERROR " + e.getMessage();
        }
    }

    private static String generate(Random random) {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(10) > 0) {
            b.append(random.nextInt(8) == 0 ? "[default]\n" : "[DEFAULT]\n");
        }
        b.append("base=python\n");
        int lines = 1 + random.nextInt(8);
        String[] keys = {"test_command", "Test_Command", "test_id_option", "group_regex", "x", "FILTER_TAGS"};
        for (int i = 0; i < lines; i++) {
            switch (random.nextInt(7)) {
                case 0:
                    b.append(random.nextBoolean() ? "# c" : "  ; c").append(fragments(random, 2));
                    break;
                case 1:
                    b.append("");
                    break;
                case 2:
                    b.append(" ".repeat(1 + random.nextInt(3))).append(fragments(random, 3));
                    break;
                case 3:
                    b.append(random.nextBoolean() ? "[other]" : "[DEFAULT]");
                    break;
                default:
                    b.append(keys[random.nextInt(keys.length)])
                            .append(random.nextBoolean() ? " " : "")
                            .append(random.nextBoolean() ? "=" : ":")
                            .append(random.nextBoolean() ? " " : "")
                            .append(fragments(random, 4));
            }
            b.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        return b.toString();
    }

    private static String fragments(Random random, int most) {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(most + 1);
        for (int i = 0; i < n; i++) {
            b.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return b.toString();
    }
}
