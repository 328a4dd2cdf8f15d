package org.testr4j.runner.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations are what testrepository 0.0.21 builds for the same file (CommandTemplateOracleIT runs it). */
class CommandTemplateTest {
    private static final String CONF = "[DEFAULT]\n"
            + "test_command=run $LISTOPT $IDOPTION x$IDLISTy $IDFILEs $FOO\n"
            + "test_id_option=--load-list $IDFILE $IDLIST $LISTOPT\n"
            + "test_list_option=--list\n";

    static CommandTemplate template(String text, List<String> args) throws ConfigException {
        return TestrConf.parse(Path.of(".testr.conf"), text.lines().toList()).commandTemplate(args);
    }

    @Test
    void runCommandPutsIdsInEveryVariableAndLeavesListoptEmpty() throws Exception {
        CommandTemplate t = template(CONF, List.of("--extra"));

        assertThat(t.runCommand(Path.of("/tmp/ids"), List.of("a", "b c")))
                .isEqualTo("run  --load-list /tmp/ids a b c  xa b cy /tmp/idss $FOO --extra");
    }

    @Test
    void listCommandUsesListoptAndTheDefaultIdList() throws Exception {
        CommandTemplate t = template(CONF + "test_id_list_default=d1 d2\n", List.of("--extra"));

        assertThat(t.listCommand()).isEqualTo("run --list  xd1 d2y s $FOO --extra");
        assertThat(t.defaultIds()).contains(List.of("d1", "d2"));
        assertThat(t.canList()).isTrue();
    }

    @Test
    void runAllCommandEmptiesEveryVariable() throws Exception {
        assertThat(template(CONF, List.of()).runAllCommand()).isEqualTo("run   xy s $FOO");
    }

    @Test
    void substitutedTextIsNotSubstitutedAgainNorReadAsAReplacementPattern() throws Exception {
        CommandTemplate t = template("[DEFAULT]\ntest_command=run $IDLIST\n", List.of());

        assertThat(t.runCommand(Path.of("ids"), List.of("$IDFILE", "a$1\\b"))).isEqualTo("run $IDFILE a$1\\b");
    }

    @Test
    void withoutTestIdListDefaultThereAreNoDefaultIds() throws Exception {
        assertThat(template("[DEFAULT]\ntest_command=run\n", List.of()).defaultIds())
                .isEmpty();
        assertThat(template("[DEFAULT]\ntest_command=run\n", List.of()).canList())
                .isFalse();
    }
}
