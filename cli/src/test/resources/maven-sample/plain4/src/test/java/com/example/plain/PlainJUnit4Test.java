package com.example.plain;

import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class PlainJUnit4Test {
    @Test
    public void runsWithoutAnyJUnitPlatformDependency() {
        System.out.println("printed by a JUnit 4 test");
        assertTrue(true);
    }

    @Test
    public void failsPlainly() {
        assertTrue("plainly false", false);
    }
}
