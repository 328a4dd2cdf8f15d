package org.testr4j.runner.worker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketReader;
import org.testr4j.subunit.v2.StreamItem;

/**
 * The test ids in a test command's listing output, read as testrepository reads them.
 *
 * <p>A listing in subunit v2 gives one id per runnable {@code exists} event, and its other bytes are
 * ignored (testrepository with python-subunit 2; non-runnable entries are containers a worker lists
 * for information). Output holding no v2 packet at all is read as plain lines,
 * one id per non-blank line, stripped (testrepository's v1 fallback).
 *
 * <p>A runnable {@code exists} event tagged {@value #IN_ORDER_TAG} names a test that must run in
 * its group's order, in one process with the rest of its group (the JUnit worker tags the methods
 * of a class with {@code @TestMethodOrder} or {@code @FixMethodOrder}): its group is never split
 * across workers.
 *
 * <pre>{@code
 * ListedTests.parse("a\n  b \n\n".getBytes(UTF_8)); // [a, b]
 * }</pre>
 */
public final class ListedTests {
    /** The tag of a listed test that must run in its group's order, in one process with its group. */
    public static final String IN_ORDER_TAG = "testr4j.in-order";

    /** A listing: the ids in listed order, and those tagged {@value #IN_ORDER_TAG}. */
    public record Listing(List<String> ids, Set<String> inOrder) {
        public Listing {
            ids = List.copyOf(ids);
            inOrder = Set.copyOf(inOrder);
        }
    }

    private ListedTests() {}

    /** The ids in {@code output}, in listed order. */
    public static List<String> parse(byte[] output) {
        return read(output).ids();
    }

    /** The ids in {@code output}, in listed order, and those to keep in their group's order. */
    public static Listing read(byte[] output) {
        List<String> ids = new ArrayList<>();
        Set<String> inOrder = new HashSet<>();
        int packets = 0;
        try (PacketReader reader = PacketReader.lenient(new ByteArrayInputStream(output))) {
            for (var next = reader.read(); next.isPresent(); next = reader.read()) {
                if (next.get() instanceof StreamItem.Packet) {
                    packets++;
                    var event = ((StreamItem.Packet) next.get()).event();
                    // runnable=false names a container or an invocation: it cannot be selected by id
                    if (event.status() == TestStatus.EXISTS && event.testId() != null && event.runnable()) {
                        ids.add(event.testId());
                        if (event.tags().contains(IN_ORDER_TAG)) {
                            inOrder.add(event.testId());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        if (packets > 0) {
            return new Listing(ids, inOrder);
        }
        for (String line : new String(output, StandardCharsets.UTF_8).split("\n")) {
            String id = line.strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return new Listing(ids, Set.of());
    }
}
