package org.testr4j.junit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Gives JUnit's tests readable, exact and stable subunit test ids, and remembers which JUnit unique
 * id each one names.
 *
 * <p>A method is {@code com.example.FooTest.adds}, with its parameters' simple type names when it has
 * any ({@code adds(int, int)}); a class is its binary name ({@code Outer$Inner}); an invocation of a
 * parameterized, repeated or dynamic test is its parent's id with the number from its unique id
 * ({@code adds(int, int)[2]}, nested dynamic containers append more). Anything with neither a class
 * nor a method source keeps its unique id as it is written ({@code [engine:junit-jupiter]}). Two
 * siblings that would share an id (overloads differing only in packages) are told apart by their
 * place: {@code run[1]}, {@code run[2]}. Every id starts with the prefix.
 *
 * <pre>{@code
 * TestIds ids = new TestIds("core:");
 * ids.nameAll(plan);
 * ids.idOf(identifier); // "core:com.example.FooTest.adds(int, int)"
 * }</pre>
 */
final class TestIds {
    /** What a name stands for: its children are invocations when it is a method or an invocation. */
    enum Kind {
        CLASS,
        METHOD,
        INVOCATION,
        OTHER
    }

    /** A test's id and kind. */
    record Name(String id, Kind kind) {
        boolean invocable() {
            return kind == Kind.METHOD || kind == Kind.INVOCATION;
        }
    }

    private final String prefix;
    private final Map<String, Name> byUniqueId = new ConcurrentHashMap<>();
    private final Map<String, String> uniqueIdById = new ConcurrentHashMap<>();

    TestIds(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** Names every node of {@code plan} not named yet, parents before children. */
    void nameAll(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            remember(root, baseName(root, null));
            nameChildren(plan, root);
        }
    }

    private void nameChildren(TestPlan plan, TestIdentifier parent) {
        Name parentName = byUniqueId.get(parent.getUniqueId());
        Map<TestIdentifier, Name> names = new LinkedHashMap<>();
        Map<String, Integer> uses = new HashMap<>();
        for (TestIdentifier child : plan.getChildren(parent)) {
            Name name = baseName(child, parentName);
            names.put(child, name);
            uses.merge(name.id(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Map.Entry<TestIdentifier, Name> entry : names.entrySet()) {
            Name name = entry.getValue();
            if (uses.get(name.id()) > 1) {
                int place = seen.merge(name.id(), 1, Integer::sum);
                name = new Name(name.id() + "[" + place + "]", name.kind());
            }
            remember(entry.getKey(), name);
            nameChildren(plan, entry.getKey());
        }
    }

    /**
     * The name given to {@code identifier}, naming it now from its parent's if it was not named
     * before (a test registered while running: an invocation).
     */
    Name nameOf(TestIdentifier identifier) {
        Name known = byUniqueId.get(identifier.getUniqueId());
        if (known != null) {
            return known;
        }
        Name parent = identifier.getParentId().map(byUniqueId::get).orElse(null);
        Name name = baseName(identifier, parent);
        remember(identifier, name);
        return name;
    }

    /** The JUnit unique id of the test named {@code id}, if it has been named. */
    Optional<String> uniqueIdOf(String id) {
        return Optional.ofNullable(uniqueIdById.get(id));
    }

    private void remember(TestIdentifier identifier, Name name) {
        Name earlier = byUniqueId.putIfAbsent(identifier.getUniqueId(), name);
        if (earlier == null) {
            uniqueIdById.putIfAbsent(name.id(), identifier.getUniqueId());
        }
    }

    private Name baseName(TestIdentifier identifier, Name parent) {
        UniqueId uniqueId = identifier.getUniqueIdObject();
        if (parent != null && parent.invocable()) {
            return new Name(parent.id() + "[" + invocationNumber(uniqueId) + "]", Kind.INVOCATION);
        }
        Optional<TestSource> source = identifier.getSource();
        if (source.isPresent() && source.get() instanceof MethodSource) {
            MethodSource method = (MethodSource) source.get();
            return new Name(
                    prefix + method.getClassName() + "." + method.getMethodName()
                            + parameters(method.getMethodParameterTypes()),
                    Kind.METHOD);
        }
        if (source.isPresent() && source.get() instanceof ClassSource) {
            return new Name(prefix + ((ClassSource) source.get()).getClassName(), Kind.CLASS);
        }
        return new Name(prefix + uniqueId, Kind.OTHER);
    }

    /** {@code 2} for {@code [test-template-invocation:#2]}; the segment's value for other engines. */
    private static String invocationNumber(UniqueId uniqueId) {
        List<UniqueId.Segment> segments = uniqueId.getSegments();
        String value = segments.get(segments.size() - 1).getValue();
        return value.startsWith("#") ? value.substring(1) : value;
    }

    /**
     * False for what is not run by its own id in a listing: a parameterized or dynamic invocation
     * ({@code adds(int, int)[2]}: it runs through its parent) and a class (a container).
     */
    static boolean runnable(String id, Kind kind) {
        return kind != Kind.CLASS && kind != Kind.INVOCATION && !id.endsWith("]");
    }

    /** {@code (int, String)} for {@code "int, java.lang.String"}; nothing for no parameters. */
    static String parameters(String parameterTypes) {
        if (parameterTypes == null || parameterTypes.isBlank()) {
            return "";
        }
        List<String> simple = new ArrayList<>();
        for (String type : parameterTypes.split(",")) {
            String t = type.strip();
            simple.add(t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('$')) + 1));
        }
        return "(" + String.join(", ", simple) + ")";
    }

    /**
     * The classes an id without its prefix may belong to, most likely first: {@code a.B.m(int)[2]}
     * gives {@code a.B}; {@code a.B.m} gives {@code a.B.m} (a class id) and {@code a.B}. Empty for an
     * id written as a unique id.
     */
    static List<String> classCandidates(String localId) {
        if (isUniqueIdForm(localId)) {
            return List.of();
        }
        String base = withoutInvocations(localId);
        int open = base.indexOf('(');
        if (open >= 0) {
            int dot = base.lastIndexOf('.', open);
            return dot > 0 ? List.of(base.substring(0, dot)) : List.of();
        }
        int dot = base.lastIndexOf('.');
        return dot > 0 ? List.of(base, base.substring(0, dot)) : List.of(base);
    }

    /** {@code a.B.m(int)} for {@code a.B.m(int)[2][1]}. */
    static String withoutInvocations(String localId) {
        String base = localId;
        while (base.endsWith("]")) {
            int open = base.lastIndexOf('[');
            if (open <= 0) {
                break;
            }
            base = base.substring(0, open);
        }
        return base;
    }

    /** True for ids written as a JUnit unique id, the form for tests with no class or method. */
    static boolean isUniqueIdForm(String localId) {
        return localId.startsWith("[");
    }
}
