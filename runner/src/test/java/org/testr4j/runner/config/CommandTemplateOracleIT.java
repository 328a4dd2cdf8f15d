package org.testr4j.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.subunit.PythonOracle;

/** testrepository's own {@code TestCommand} and {@link CommandTemplate} build the same commands from one file. */
class CommandTemplateOracleIT {
    private static final String ORACLE = String.join(
            "\n",
            "import sys",
            "from testrepository.ui.model import UI",
            "from testrepository.testcommand import TestCommand",
            "from testrepository.repository import memory",
            "ui = UI(options=[('parallel', False)])",
            "ui.here = sys.argv[1]",
            "cmd = TestCommand(ui, memory.RepositoryFactory().initialise('memory:'))",
            "cmd.setUp()",
            "f = cmd.get_run_command(test_ids=['a', 'b$1', 'c\\\\d'], testargs=('--extra', 'y'))",
            "f.setUp()",
            "print(f.cmd.replace(f.list_file_name, 'IDFILE'))",
            "print(f.list_cmd)",
            "print(open(f.list_file_name).read().encode().hex())");

    @Test
    void buildsTheCommandsTestrepositoryBuilds(@TempDir Path dir) throws Exception {
        PythonOracle.requireModules("testrepository.testcommand");
        String text = "[DEFAULT]\n"
                + "test_command=run $LISTOPT $IDOPTION x$IDLISTy $IDFILEs $FOO $INSTANCE_ID\n"
                + "    continued %% $IDOPTION\n"
                + "test_id_option=--load-list $IDFILE $IDLIST $LISTOPT $IDOPTION\n"
                + "test_list_option=--list\n"
                + "test_id_list_default=d1 d2\n";
        Files.writeString(dir.resolve(".testr.conf"), text);

        String stdout = new String(
                PythonOracle.output(dir, null, List.of(PythonOracle.PYTHON, "-c", ORACLE, dir.toString())),
                StandardCharsets.UTF_8);

        CommandTemplate ours = TestrConf.load(dir).commandTemplate(List.of("--extra", "y"));
        List<String> ids = List.of("a", "b$1", "c\\d");
        String[] lines = stdout.split("\n");
        String theirRun = stdout.substring(0, stdout.indexOf(" y\n") + 2);
        assertThat(ours.runCommand(Path.of("IDFILE"), ids)).isEqualTo(theirRun);
        String rest = stdout.substring(theirRun.length() + 1);
        assertThat(ours.listCommand() + "\n").isEqualTo(rest.substring(0, rest.indexOf(" y\n") + 3));
        assertThat(lines[lines.length - 1]).isEqualTo("610a6224310a635c640a"); // "a\nb$1\nc\\d\n"
    }
}
