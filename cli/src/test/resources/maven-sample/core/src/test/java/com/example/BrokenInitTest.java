package com.example;

import org.junit.jupiter.api.Test;

class BrokenInitTest {
    static final int VALUE = Integer.parseInt("not a number");

    @Test
    void neverRuns() {}
}
