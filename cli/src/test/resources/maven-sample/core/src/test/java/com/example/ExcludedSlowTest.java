package com.example;

import org.junit.jupiter.api.Test;

class ExcludedSlowTest {
    @Test
    void excludedBySurefireConfiguration() {
        throw new AssertionError("surefire excludes this class");
    }
}
