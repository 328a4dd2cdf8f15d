package org.testr4j.subunit.process;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;

/**
 * Adds tags to and removes tags from every event, as python's {@code subunit-tags} does.
 *
 * <p>Each event leaves with its own tags, plus the added ones, minus the removed ones; a tag both
 * added and removed is removed (python's order). Events with no test id are tagged too, again as
 * python does. The event's tag set is never changed: each tagged event is a new one. Events whose
 * tags do not change are passed on as they are.
 *
 * <pre>{@code
 * StreamResult tagger = Tagger.fromArguments(List.of("ci", "-flaky"), writer);
 * tagger.status(Event.test("a").tags("flaky", "db").build()); // writer sees tags [db, ci]
 * }</pre>
 */
public final class Tagger implements StreamResult {
    private final Set<String> added;
    private final Set<String> removed;
    private final StreamResult downstream;

    /**
     * @param added tags put on every event
     * @param removed tags taken off every event, after adding
     * @param downstream where the tagged events go
     */
    public Tagger(Set<String> added, Set<String> removed, StreamResult downstream) {
        this.added = requireTags(added, "added");
        this.removed = requireTags(removed, "removed");
        this.downstream = Objects.requireNonNull(downstream, "downstream");
    }

    /**
     * A tagger from {@code subunit-tags} arguments: {@code foo} adds {@code foo}, {@code -foo}
     * removes it.
     *
     * @throws IllegalArgumentException for an empty argument or a lone {@code -}
     */
    public static Tagger fromArguments(List<String> arguments, StreamResult downstream) {
        Set<String> add = new LinkedHashSet<>();
        Set<String> remove = new LinkedHashSet<>();
        for (String argument : arguments) {
            if (argument.startsWith("-")) {
                remove.add(argument.substring(1));
            } else {
                add.add(argument);
            }
        }
        return new Tagger(add, remove, downstream);
    }

    /** The tags put on every event, in the order given. */
    public Set<String> added() {
        return added;
    }

    /** The tags taken off every event. */
    public Set<String> removed() {
        return removed;
    }

    @Override
    public void startRun() {
        downstream.startRun();
    }

    @Override
    public void status(Event event) {
        Set<String> tags = event.tags();
        if (tags.containsAll(added) && !containsAny(tags, removed)) {
            downstream.status(event);
            return;
        }
        Set<String> changed = new LinkedHashSet<>(tags);
        changed.addAll(added);
        changed.removeAll(removed);
        downstream.status(event.withTags(changed));
    }

    @Override
    public void stopRun() {
        downstream.stopRun();
    }

    private static boolean containsAny(Set<String> tags, Set<String> wanted) {
        for (String tag : wanted) {
            if (tags.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> requireTags(Set<String> tags, String what) {
        Objects.requireNonNull(tags, what);
        for (String tag : tags) {
            if (tag == null || tag.isEmpty() || tag.indexOf('\0') >= 0) {
                throw new IllegalArgumentException(
                        "tags to be " + what + " must be non-empty without NUL, found '" + tag + "' in " + tags);
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(tags));
    }
}
