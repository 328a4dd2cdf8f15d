package com.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PrintingTest {
    @BeforeAll
    static void announce() {
        System.out.println("before all tests of PrintingTest");
    }

    @Test
    void printsBytesThatLookLikeSubunit() {
        // A v2 signature byte and a partial packet: must land in an attachment, never in the stream.
        System.out.print("\u00b3\u0029\u0001\u0000 not a packet\n");
        System.err.println("and some stderr");
        assertTrue(true);
    }

    @Test
    void printsALot() {
        for (int i = 0; i < 2000; i++) {
            System.out.println("line " + i + " of a chatty test");
        }
    }

    @AfterAll
    static void goodbye() {
        System.err.println("after all tests of PrintingTest");
    }
}
