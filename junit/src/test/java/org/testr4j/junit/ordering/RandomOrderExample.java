package org.testr4j.junit.ordering;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Asks for a random order: its tests must not depend on one another, so testr may split it.
 * Outside the fixtures package: the fixture scans do not see it.
 */
@TestMethodOrder(MethodOrderer.Random.class)
class RandomOrderExample {
    @Test
    void any() {}
}
