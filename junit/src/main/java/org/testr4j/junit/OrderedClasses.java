package org.testr4j.junit;

import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Which tests belong to a class that asks for its methods to run in a set order: Jupiter's {@code
 * @TestMethodOrder} with any orderer but {@code MethodOrderer.Random} (on the class, a superclass
 * or, for {@code @Nested} classes, an enclosing class), a default method orderer configured for all
 * of Jupiter ({@code junit.jupiter.testmethod.order.default}), or JUnit 4's {@code
 * @FixMethodOrder}. Such tests may depend on one another's effects, so the listing tags them
 * {@value #TAG} and testr never splits their class across workers. Annotations are matched by name:
 * the worker does not depend on Jupiter's or JUnit 4's API.
 *
 * <pre>{@code
 * OrderedClasses ordered = new OrderedClasses(loader, Optional.empty());
 * ordered.inOrder(identifier); // true for a method of a class with @TestMethodOrder(OrderAnnotation.class)
 * }</pre>
 */
final class OrderedClasses {
    /** Read by testr4j-runner's {@code ListedTests.IN_ORDER_TAG}, which must say the same. */
    static final String TAG = "testr4j.in-order";

    static final String DEFAULT_ORDER_PARAMETER = "junit.jupiter.testmethod.order.default";
    private static final String RANDOM = "org.junit.jupiter.api.MethodOrderer$Random";
    private static final String JUPITER_ORDER = "org.junit.jupiter.api.TestMethodOrder";
    private static final String JUNIT4_ORDER = "org.junit.FixMethodOrder";

    private final ClassLoader loader;
    private final boolean jupiterOrdersAll;
    private final Map<String, Boolean> byClass = new HashMap<>();

    /**
     * @param defaultOrderer the configured {@value #DEFAULT_ORDER_PARAMETER}, if any
     */
    OrderedClasses(ClassLoader loader, Optional<String> defaultOrderer) {
        this.loader = loader;
        this.jupiterOrdersAll =
                defaultOrderer.map(String::strip).filter(o -> !o.equals(RANDOM)).isPresent();
    }

    /** True when {@code identifier} is a method of a class whose methods run in a set order. */
    boolean inOrder(TestIdentifier identifier) {
        Optional<TestSource> source = identifier.getSource();
        if (source.isEmpty() || !(source.get() instanceof MethodSource)) {
            return false;
        }
        if (jupiterOrdersAll
                && UniqueId.parse(identifier.getUniqueId()).getEngineId().equals(Optional.of("junit-jupiter"))) {
            return true;
        }
        return byClass.computeIfAbsent(((MethodSource) source.get()).getClassName(), this::ordered);
    }

    private boolean ordered(String className) {
        try {
            for (Class<?> c = Class.forName(className, false, loader); c != null; c = c.getEnclosingClass()) {
                for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                    for (Annotation a : k.getDeclaredAnnotations()) {
                        if (asksForOrder(a)) {
                            return true;
                        }
                    }
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            return false; // a class that cannot be loaded fails on its own; nothing to keep together
        }
        return false;
    }

    private static boolean asksForOrder(Annotation a) throws ReflectiveOperationException {
        String type = a.annotationType().getName();
        if (type.equals(JUNIT4_ORDER)) {
            return true;
        }
        if (!type.equals(JUPITER_ORDER)) {
            return false;
        }
        Object orderer = a.annotationType().getMethod("value").invoke(a);
        return !(orderer instanceof Class && ((Class<?>) orderer).getName().equals(RANDOM));
    }
}
