package org.testr4j.runner.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code test_command} with testrepository's substitutions: {@code $LISTOPT}, {@code $IDOPTION},
 * {@code $IDFILE} and {@code $IDLIST}.
 *
 * <p>The rules are testrepository's ({@code testcommand.py}), so an existing {@code .testr.conf}
 * means the same: a variable is its name right after {@code $}, even inside a longer word ({@code
 * $IDFILEs} is {@code $IDFILE} then {@code s}); a variable with no value becomes the empty string;
 * substituted text is not substituted again. {@code $IDOPTION} is {@code test_id_option} with
 * {@code $IDFILE} and {@code $IDLIST} already put in. The result is a shell command, run with
 * {@code sh -c}.
 *
 * <pre>{@code
 * // test_command=run $LISTOPT $IDOPTION, test_id_option=--load-list $IDFILE, test_list_option=--list
 * template.listCommand();                                   // "run --list "
 * template.runCommand(Path.of("/tmp/ids"), List.of("a", "b")); // "run  --load-list /tmp/ids"
 * template.withFeedOption("--feed").feedCommand();          // "run  --feed"
 * }</pre>
 */
public final class CommandTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\$(IDOPTION|IDFILE|IDLIST|LISTOPT)");

    private final String command;
    private final String idOption;
    private final String listOption;
    private final String idListDefault;
    private final String feedOption;

    /**
     * @param command {@code test_command}, with any extra test arguments appended
     * @param idOption {@code test_id_option}, empty when unset
     * @param listOption {@code test_list_option}, empty when unset
     * @param idListDefault {@code test_id_list_default}, or null when unset
     */
    public CommandTemplate(String command, String idOption, String listOption, String idListDefault) {
        this(command, idOption, listOption, idListDefault, null);
    }

    private CommandTemplate(
            String command, String idOption, String listOption, String idListDefault, String feedOption) {
        this.command = Objects.requireNonNull(command, "command");
        this.idOption = Objects.requireNonNull(idOption, "idOption");
        this.listOption = Objects.requireNonNull(listOption, "listOption");
        this.idListDefault = idListDefault;
        this.feedOption = feedOption;
    }

    /**
     * A copy that can be fed test ids on standard input with {@code test_feed_option} in {@code
     * $IDOPTION}; null or blank leaves it unable to.
     */
    public CommandTemplate withFeedOption(String option) {
        return new CommandTemplate(
                command, idOption, listOption, idListDefault, option == null || option.isBlank() ? null : option);
    }

    /** True if {@code test_feed_option} is set: workers start once and are fed ids on stdin. */
    public boolean canFeed() {
        return feedOption != null;
    }

    /** The command that reads test ids from stdin: {@code $IDOPTION} is {@code test_feed_option}. */
    public String feedCommand() {
        if (feedOption == null) {
            throw new IllegalStateException("test_feed_option is not set for " + command);
        }
        return substitute(command, Map.of("IDOPTION", feedOption));
    }

    /** The command before substitution. */
    public String command() {
        return command;
    }

    /** True if the command can list its tests: it uses {@code $LISTOPT}. */
    public boolean canList() {
        return command.contains("$LISTOPT");
    }

    /** The ids of {@code test_id_list_default}, split on whitespace, if it is set. */
    public Optional<List<String>> defaultIds() {
        if (idListDefault == null) {
            return Optional.empty();
        }
        String trimmed = idListDefault.strip();
        return Optional.of(trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+")));
    }

    /** The command that lists the tests: {@code $LISTOPT} is {@code test_list_option}. */
    public String listCommand() {
        return substitute(
                command,
                idListDefault == null
                        ? Map.of("LISTOPT", listOption)
                        : Map.of("LISTOPT", listOption, "IDLIST", idListDefault));
    }

    /**
     * True if the command takes its ids only from {@code $IDFILE}, never {@code $IDLIST}: it can be
     * started before its ids are known, with a pipe as {@code $IDFILE} that they are written to later.
     */
    public boolean takesIdsFromFileOnly() {
        String withOption = command.replace("$IDOPTION", idOption);
        return withOption.contains("$IDFILE") && !withOption.contains("$IDLIST");
    }

    /** The command that runs every test: no ids, so {@code $IDOPTION}, {@code $IDFILE}, {@code $IDLIST} are empty. */
    public String runAllCommand() {
        return substitute(command, Map.of());
    }

    /**
     * The command that runs {@code ids}, listed one per line in {@code idFile} ({@code $IDFILE}) and
     * space-separated in {@code $IDLIST}.
     */
    public String runCommand(Path idFile, List<String> ids) {
        Map<String, String> variables = Map.of("IDFILE", idFile.toString(), "IDLIST", String.join(" ", ids));
        String option = substitute(idOption, variables);
        return substitute(
                command,
                Map.of("IDFILE", variables.get("IDFILE"), "IDLIST", variables.get("IDLIST"), "IDOPTION", option));
    }

    private static String substitute(String template, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(template);
        return m.replaceAll(r -> Matcher.quoteReplacement(variables.getOrDefault(r.group(1), "")));
    }

    @Override
    public String toString() {
        return command;
    }
}
