package org.testr4j.junit.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Steps that depend on running in order: testr must keep the class (and its nested class) whole.
 * Outside the fixtures package: the fixture scans do not see it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderedExample {
    static int step;

    @Test
    @Order(1)
    void first() {
        step = 1;
    }

    @Test
    @Order(2)
    void second() {
        assertEquals(1, step);
    }

    @Nested
    class Inner {
        @Test
        void inside() {}
    }
}
