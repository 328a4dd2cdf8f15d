package com.example.ng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

public class NgTest {
    @Test
    public void passesUnderTestNg() {
        assertEquals(2 + 2, 4);
    }

    @Test
    public void failsUnderTestNg() {
        assertEquals(2 + 2, 5, "TestNG arithmetic");
    }
}
