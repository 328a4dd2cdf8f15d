package org.testr4j.runner.config;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The instance hooks of {@code .testr.conf} with testrepository's substitutions: {@code
 * instance_provision} ({@code $INSTANCE_COUNT}), {@code instance_execute} ({@code $INSTANCE_ID},
 * {@code $COMMAND}, {@code $FILES}) and {@code instance_dispose} ({@code $INSTANCE_IDS}).
 *
 * <pre>{@code
 * // instance_execute=ssh $INSTANCE_ID $COMMAND
 * hooks.executeCommand("vm1", "run --list", "").orElseThrow(); // "ssh vm1 run --list"
 * }</pre>
 */
public final class InstanceHooks {
    private static final Pattern EXECUTE_VARIABLE = Pattern.compile("\\$(INSTANCE_ID|COMMAND|FILES)");

    private final TestrConf conf;

    InstanceHooks(TestrConf conf) {
        this.conf = conf;
    }

    /** The configured hooks of {@code conf}. */
    public static InstanceHooks of(TestrConf conf) {
        return new InstanceHooks(conf);
    }

    /** True if {@code instance_provision} is set, so tests run in provisioned environments. */
    public boolean provisions() {
        return conf.get(ConfigKey.INSTANCE_PROVISION).isPresent();
    }

    /** {@code instance_provision} asking for {@code count} environments. */
    public Optional<String> provisionCommand(int count) {
        return conf.get(ConfigKey.INSTANCE_PROVISION).map(t -> t.replace("$INSTANCE_COUNT", Integer.toString(count)));
    }

    /**
     * {@code instance_execute} wrapping {@code command} for environment {@code instanceId}; {@code
     * files} is the id file to copy there, empty when listing.
     */
    public Optional<String> executeCommand(String instanceId, String command, String files) {
        Map<String, String> variables = Map.of("INSTANCE_ID", instanceId, "COMMAND", command, "FILES", files);
        return conf.get(ConfigKey.INSTANCE_EXECUTE)
                .map(t -> EXECUTE_VARIABLE
                        .matcher(t)
                        .replaceAll(r -> Matcher.quoteReplacement(variables.get(r.group(1)))));
    }

    /** {@code instance_dispose} for {@code instanceIds}, sorted and space-separated as testrepository passes them. */
    public Optional<String> disposeCommand(Collection<String> instanceIds) {
        String ids = String.join(" ", new TreeSet<>(instanceIds));
        return conf.get(ConfigKey.INSTANCE_DISPOSE).map(t -> t.replace("$INSTANCE_IDS", ids));
    }
}
