package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalculatorTest {
    @Test
    void adds() {
        System.out.println("adding 1 and 2");
        assertEquals(3, Calculator.add(1, 2));
    }

    @Test
    void subtractsWrongly() {
        System.err.println("about to fail");
        assertEquals(0, Calculator.add(1, 1), "one and one");
    }

    @Test
    void seesArgLine() {
        assertEquals("on", System.getProperty("sample.flag"));
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 2", "2, 3, 5", "2, 2, 5"})
    void addsPairs(int a, int b, int sum) {
        assertEquals(sum, Calculator.add(a, b));
    }

    @TestFactory
    Stream<DynamicTest> addsZero() {
        return Stream.of(1, 2).map(n -> DynamicTest.dynamicTest("zero+" + n, () -> assertEquals(n, Calculator.add(0, n))));
    }

    @Disabled("not yet")
    @Test
    void multiplies() {}

    @Nested
    class Negative {
        @Test
        void addsNegatives() {
            assertEquals(-3, Calculator.add(-1, -2));
        }
    }
}
