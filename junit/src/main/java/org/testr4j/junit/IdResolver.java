package org.testr4j.junit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns test ids back into JUnit unique-id selectors, so exactly the named tests run.
 *
 * <p>The classes an id names are discovered once (a worker fed many batches discovers each class a
 * single time) and every test in them is named with {@link TestIds}; an id then selects the unique
 * id it names. An invocation ({@code adds(int, int)[2]}) selects that one invocation of its runnable
 * parent. An id that names nothing (its class or method is gone) is unresolved, with a message
 * saying so, or with the exception when its class is there but cannot be loaded.
 *
 * <pre>{@code
 * IdResolver.Resolution r = resolver.resolve(List.of("pkg.T.adds", "pkg.Gone.x"));
 * r.selectors();  // [selectUniqueId("[engine:junit-jupiter]/[class:pkg.T]/[method:adds()]")]
 * r.unresolved(); // {pkg.Gone.x=test not found: pkg.Gone.x}
 * }</pre>
 */
final class IdResolver {
    /** Selectors for the ids that name tests, and a failure text for each id that does not. */
    record Resolution(List<DiscoverySelector> selectors, Map<String, String> unresolved) {}

    private final TestIds ids;
    private final ClassLoader loader;
    private final Function<LauncherDiscoveryRequest, TestPlan> discoverer;
    private final Function<List<DiscoverySelector>, LauncherDiscoveryRequest> requests;
    private final Set<String> triedClasses = new HashSet<>();
    private final Map<String, Throwable> unloadable = new HashMap<>();

    /**
     * @param discoverer discovers a request without running it ({@code launcher::discover})
     * @param requests builds the discovery request for some selectors
     */
    IdResolver(
            TestIds ids,
            ClassLoader loader,
            Function<LauncherDiscoveryRequest, TestPlan> discoverer,
            Function<List<DiscoverySelector>, LauncherDiscoveryRequest> requests) {
        this.ids = ids;
        this.loader = loader;
        this.discoverer = discoverer;
        this.requests = requests;
    }

    Resolution resolve(Collection<String> wanted) {
        discoverClassesOf(wanted);
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        Map<String, String> unresolved = new LinkedHashMap<>();
        for (String id : wanted) {
            if (!id.startsWith(ids.prefix())) {
                unresolved.put(id, notFound(id) + " (it does not start with the prefix '" + ids.prefix() + "')\n");
                continue;
            }
            String local = id.substring(ids.prefix().length());
            Optional<String> exact = ids.uniqueIdOf(id);
            if (exact.isPresent()) {
                selectors.add(DiscoverySelectors.selectUniqueId(exact.get()));
            } else if (TestIds.isUniqueIdForm(local)) {
                selectUniqueIdForm(id, local, selectors, unresolved);
            } else {
                String base = TestIds.withoutInvocations(local);
                Optional<String> parent = base.equals(local) ? Optional.empty() : ids.uniqueIdOf(ids.prefix() + base);
                if (parent.isPresent()) {
                    selectors.addAll(invocationSelectors(UniqueId.parse(parent.get()), local.substring(base.length())));
                } else {
                    unresolved.put(id, whyNotFound(id, local));
                }
            }
        }
        return new Resolution(new ArrayList<>(selectors), unresolved);
    }

    /** Discovers, once, the classes the ids name that were not discovered before. */
    private void discoverClassesOf(Collection<String> wanted) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (String id : wanted) {
            if (!id.startsWith(ids.prefix()) || ids.uniqueIdOf(id).isPresent()) {
                continue;
            }
            for (String className :
                    TestIds.classCandidates(id.substring(ids.prefix().length()))) {
                if (!triedClasses.add(className)) {
                    continue;
                }
                try {
                    selectors.add(DiscoverySelectors.selectClass(Class.forName(className, false, loader)));
                } catch (ClassNotFoundException e) {
                    // not a class: the id's other reading may be (a.B.m is class a.B or class a.B.m)
                } catch (LinkageError e) {
                    unloadable.put(className, e);
                }
            }
        }
        if (!selectors.isEmpty()) {
            ids.nameAll(discoverer.apply(requests.apply(selectors)));
        }
    }

    private void selectUniqueIdForm(
            String id, String local, Set<DiscoverySelector> selectors, Map<String, String> unresolved) {
        try {
            selectors.add(DiscoverySelectors.selectUniqueId(UniqueId.parse(local)));
        } catch (RuntimeException e) {
            unresolved.put(id, notFound(id) + " (not a JUnit unique id: " + e.getMessage() + ")\n");
        }
    }

    /**
     * Selects invocation {@code [2][1]} of the runnable parent {@code parent}. Jupiter's invocations
     * are selected one by one; for another engine's the parent runs whole and the listener reports
     * every invocation, so the wanted one is among them if it exists.
     */
    private static List<DiscoverySelector> invocationSelectors(UniqueId parent, String invocations) {
        List<String> numbers = new ArrayList<>();
        for (String part : invocations.substring(1, invocations.length() - 1).split("\\]\\[", -1)) {
            numbers.add(part);
        }
        List<UniqueId.Segment> segments = parent.getSegments();
        String parentType = segments.get(segments.size() - 1).getType();
        if (parentType.equals("test-template") && numbers.size() == 1) {
            return List.of(
                    DiscoverySelectors.selectUniqueId(parent.append("test-template-invocation", "#" + numbers.get(0))));
        }
        if (parentType.equals("test-factory")) {
            UniqueId container = parent;
            for (String number : numbers.subList(0, numbers.size() - 1)) {
                container = container.append("dynamic-container", "#" + number);
            }
            String last = "#" + numbers.get(numbers.size() - 1);
            return List.of(
                    DiscoverySelectors.selectUniqueId(container.append("dynamic-test", last)),
                    DiscoverySelectors.selectUniqueId(container.append("dynamic-container", last)));
        }
        return List.of(DiscoverySelectors.selectUniqueId(parent));
    }

    private String whyNotFound(String id, String local) {
        for (String className : TestIds.classCandidates(local)) {
            Throwable broken = unloadable.get(className);
            if (broken != null) {
                return "class " + className + " of test " + id + " cannot be loaded:\n"
                        + SubunitListener.traceback(broken);
            }
        }
        return notFound(id) + "\n";
    }

    static String notFound(String id) {
        return "test not found: " + id;
    }
}
