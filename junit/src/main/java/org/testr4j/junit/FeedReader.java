package org.testr4j.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the feed protocol: test ids one per line (UTF-8), each batch ended by an empty line; at the
 * end of input any ids not yet ended form a last batch.
 *
 * <pre>{@code
 * FeedReader feed = new FeedReader(new ByteArrayInputStream("a\nb\n\nc\n".getBytes(UTF_8)));
 * feed.nextBatch(); // [a, b]
 * feed.nextBatch(); // [c]
 * feed.nextBatch(); // empty: the feed has ended
 * }</pre>
 */
final class FeedReader {
    private final BufferedReader lines;

    FeedReader(InputStream in) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next batch, in fed order; empty once the input has ended and every id was handed out. */
    Optional<List<String>> nextBatch() throws IOException {
        List<String> batch = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String id = line.strip();
            if (id.isEmpty()) {
                return Optional.of(batch);
            }
            batch.add(id);
        }
        return batch.isEmpty() ? Optional.empty() : Optional.of(batch);
    }
}
