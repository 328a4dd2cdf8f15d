package org.testr4j.runner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestrConfTest {
    private static final Path FILE = Path.of("/p/.testr.conf");

    static TestrConf parse(String text) throws ConfigException {
        return TestrConf.parse(FILE, text.lines().toList());
    }

    @Test
    void readsTestrepositorysUsualFile(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve(".testr.conf"),
                "[DEFAULT]\n"
                        + "test_command=${PYTHON:-python} -m subunit.run discover . $LISTOPT $IDOPTION\n"
                        + "test_id_option=--load-list $IDFILE\n"
                        + "test_list_option=--list\n"
                        + "group_regex=([^\\.]+\\.)+\n"
                        + "filter_tags=  zope:layer   worker-0 \n");

        TestrConf conf = TestrConf.load(dir);

        assertThat(conf.testCommand()).isEqualTo("${PYTHON:-python} -m subunit.run discover . $LISTOPT $IDOPTION");
        assertThat(conf.get(ConfigKey.TEST_ID_OPTION)).contains("--load-list $IDFILE");
        assertThat(conf.groupRegex().orElseThrow().pattern()).isEqualTo("([^\\.]+\\.)+");
        assertThat(conf.filterTags()).containsExactly("zope:layer", "worker-0");
        assertThat(conf.lineOf(ConfigKey.GROUP_REGEX)).contains(5);
        assertThat(conf.file()).isEqualTo(dir.resolve(".testr.conf"));
    }

    @Test
    void aMissingFileSaysHowToCreateOne(@TempDir Path dir) {
        assertThatThrownBy(() -> TestrConf.load(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage(dir.resolve(".testr.conf")
                        + ": no such file: create it with [DEFAULT] and test_command=<command that writes subunit>");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("[DEFAULT]\ntest_command=run\ntest_path=./tests\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("/p/.testr.conf:3: test_path: unknown key: testr reads test_command,")
                .satisfies(e -> {
                    ConfigException c = (ConfigException) e;
                    assertThat(c.line()).isEqualTo(3);
                    assertThat(c.key()).contains("test_path");
                });
    }

    @Test
    void aKeyOnlyUsedThroughPercentReferencesIsAllowed() throws Exception {
        TestrConf conf = parse("[DEFAULT]\npython=python3\ntest_command=%(python)s -m x\n");

        assertThat(conf.testCommand()).isEqualTo("python3 -m x");
    }

    @Test
    void keysInOtherSectionsAreIgnoredAsTestrepositoryIgnoresThem() throws Exception {
        assertThat(parse("[DEFAULT]\ntest_command=run\n[other]\nanything=1\n").testCommand())
                .isEqualTo("run");
    }

    @Test
    void aMissingTestCommandIsAnError() {
        assertThatThrownBy(() -> parse("[DEFAULT]\ntest_list_option=--list\n"))
                .hasMessage("/p/.testr.conf: test_command: missing from [DEFAULT]: set it to the command that runs"
                        + " the tests and writes subunit");
    }

    @Test
    void aLowerCaseDefaultSectionGetsAHint() {
        assertThatThrownBy(() -> parse("[default]\ntest_command=run\n"))
                .hasMessageEndingWith("(the section name is case-sensitive: [DEFAULT])");
    }

    @Test
    void idOptionMustBeSetWhenTheCommandUsesIt() {
        assertThatThrownBy(() -> parse("[DEFAULT]\ntest_command=run $IDOPTION\n"))
                .hasMessage("/p/.testr.conf:2: test_id_option: missing, but test_command uses $IDOPTION: set"
                        + " test_id_option (substituted for $IDOPTION when specific tests run)");
    }

    @Test
    void listOptionMustBeSetWhenTheCommandUsesIt() {
        assertThatThrownBy(() -> parse("[DEFAULT]\ntest_command=run $LISTOPT\n"))
                .hasMessageContaining(":2: test_list_option: missing, but test_command uses $LISTOPT");
    }

    @Test
    void aBadGroupRegexIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("[DEFAULT]\ntest_command=run\ngroup_regex=([a-z]+\n"))
                .hasMessageStartingWith("/p/.testr.conf:3: group_regex: invalid regular expression: Unclosed group");
    }

    @Test
    void anEmptyGroupRegexMeansNoGrouping() throws Exception {
        assertThat(parse("[DEFAULT]\ntest_command=run\ngroup_regex=\n").groupRegex())
                .isEmpty();
    }

    @Test
    void effectiveConfigSaysWhereEachValueCameFrom() throws Exception {
        TestrConf conf = parse("[DEFAULT]\ntest_command=run\n\ngroup_regex=a\n");

        EffectiveConfig view = conf.effective().withCommandLine("concurrency", "4", "--concurrency");

        assertThat(view.setting("test_command").orElseThrow())
                .isEqualTo(new EffectiveConfig.Setting("test_command", "run", new EffectiveConfig.FromFile(FILE, 2)));
        assertThat(view.setting("group_regex").orElseThrow().source()).isEqualTo(new EffectiveConfig.FromFile(FILE, 4));
        assertThat(view.setting("test_run_concurrency").orElseThrow().source())
                .isEqualTo(new EffectiveConfig.Default("unset: one worker per core"));
        assertThat(view.setting("concurrency").orElseThrow().source())
                .isEqualTo(new EffectiveConfig.CommandLine("--concurrency"));
        assertThat(view.settings()).hasSize(ConfigKey.values().length + 1);
    }

    @Test
    void commandLineOverridesAFileValue() throws Exception {
        EffectiveConfig view = parse("[DEFAULT]\ntest_command=run\ngroup_regex=a\n")
                .effective()
                .withCommandLine("group_regex", "b", "--group-regex");

        assertThat(view.setting("group_regex").orElseThrow())
                .isEqualTo(new EffectiveConfig.Setting(
                        "group_regex", "b", new EffectiveConfig.CommandLine("--group-regex")));
        assertThat(view.settings()).hasSize(ConfigKey.values().length);
    }

    @Test
    void instanceHooksSubstituteTheirVariables() throws Exception {
        TestrConf conf = parse("[DEFAULT]\ntest_command=run\n"
                + "instance_provision=make $INSTANCE_COUNT\n"
                + "instance_execute=ssh $INSTANCE_ID 'cd $FILES && $COMMAND'\n"
                + "instance_dispose=drop $INSTANCE_IDS\n");
        InstanceHooks hooks = InstanceHooks.of(conf);

        assertThat(hooks.provisions()).isTrue();
        assertThat(hooks.provisionCommand(3)).contains("make 3");
        assertThat(hooks.executeCommand("vm$1", "run --list", "/tmp/ids"))
                .contains("ssh vm$1 'cd /tmp/ids && run --list'");
        assertThat(hooks.disposeCommand(List.of("b", "a"))).contains("drop a b");
    }

    @Test
    void aFeedOptionGoesInIdOptionAndNeedsNoIdFile() throws Exception {
        TestrConf conf = parse("[DEFAULT]\ntest_command=java -cp x Worker $LISTOPT $IDOPTION\ntest_list_option=--list\n"
                + "test_feed_option=--feed\n");

        CommandTemplate template = conf.commandTemplate(List.of());

        assertThat(template.canFeed()).isTrue();
        assertThat(template.feedCommand()).isEqualTo("java -cp x Worker  --feed");
        assertThat(template.takesIdsFromFileOnly()).isFalse();
        assertThat(conf.effective().setting("test_feed_option").orElseThrow().value())
                .isEqualTo("--feed");
    }

    @Test
    void aFeedOptionWithoutIdOptionInTheCommandSaysWhereItGoes() {
        assertThatThrownBy(() -> parse("[DEFAULT]\ntest_command=run\ntest_feed_option=--feed\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("test_feed_option")
                .hasMessageContaining("test_command does not use $IDOPTION");
    }

    @Test
    void withoutAFeedOptionACommandTakesItsIdsFromAFile() throws Exception {
        TestrConf conf = parse("[DEFAULT]\ntest_command=run $IDOPTION\ntest_id_option=--load-list $IDFILE\n");

        assertThat(conf.commandTemplate(List.of()).canFeed()).isFalse();
        assertThat(conf.commandTemplate(List.of()).takesIdsFromFileOnly()).isTrue();
        assertThat(conf.effective().setting("test_feed_option").orElseThrow().source())
                .isInstanceOf(EffectiveConfig.Default.class);
    }
}
