package org.testr4j.junit.ordering;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/** A JUnit 4 class that fixes its methods' order. Outside the fixtures package: the fixture scans do not see it. */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class JUnit4OrderedExample {
    @Test
    public void a() {}

    @Test
    public void b() {}
}
