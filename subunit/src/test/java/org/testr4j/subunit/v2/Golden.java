package org.testr4j.subunit.v2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.EventText;

/** One golden case: a stream python-subunit wrote and the events python-subunit read from it. */
record Golden(String name, Path subunit, Path events) {
    private static final String DECODE_ONLY = "# decode-only:";

    /** Every case under {@code golden/v2} on the test class path, by name. */
    static List<Golden> all() {
        Path dir = resource("golden/v2");
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".subunit"))
                    .sorted()
                    .map(p -> {
                        String name = p.getFileName().toString().replaceFirst("\\.subunit$", "");
                        return new Golden(name, p, dir.resolve(name + ".events"));
                    })
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path resource(String name) {
        try {
            return Paths.get(Golden.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing; run generate.py", e);
        }
    }

    byte[] bytes() throws IOException {
        return Files.readAllBytes(subunit);
    }

    String eventsText() throws IOException {
        return Files.readString(events, StandardCharsets.UTF_8);
    }

    List<Event> expectedEvents() throws IOException {
        return EventText.parseAll(eventsText());
    }

    /** False for streams with bytes StreamResultToBytes did not write (noise between packets). */
    boolean encodable() throws IOException {
        return !eventsText().contains(DECODE_ONLY);
    }

    @Override
    public String toString() {
        return name;
    }
}
