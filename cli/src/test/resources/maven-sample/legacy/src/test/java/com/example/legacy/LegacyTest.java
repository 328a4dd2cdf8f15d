package com.example.legacy;

import static org.junit.Assert.assertEquals;

import com.example.Calculator;
import org.junit.Ignore;
import org.junit.Test;

public class LegacyTest {
    @Test
    public void addsThroughCore() {
        assertEquals(4, Calculator.add(2, 2));
    }

    @Ignore("legacy skip")
    @Test
    public void ignored() {}
}
