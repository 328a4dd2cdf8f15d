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
 * end of input any ids not yet ended form a last batch. The line {@value #CANCEL} asks the worker to
 * stop the batch it is running after the test in progress (see {@link JUnitWorker}).
 *
 * <pre>{@code
 * FeedReader feed = new FeedReader(new ByteArrayInputStream("a\nb\n\n!cancel\nc\n".getBytes(UTF_8)));
 * feed.next(); // Batch[a, b]
 * feed.next(); // Cancel
 * feed.next(); // Batch[c]
 * feed.next(); // empty: the feed has ended
 * }</pre>
 */
final class FeedReader {
    /** The line that asks for the running batch to be cut short. */
    static final String CANCEL = "!cancel";

    /** What the feed says next. */
    sealed interface Item permits Batch, Cancel {}

    /** Ids to run together. */
    record Batch(List<String> ids) implements Item {
        Batch {
            ids = List.copyOf(ids);
        }
    }

    /** Stop the running batch after the test in progress. */
    record Cancel() implements Item {}

    private final BufferedReader lines;
    private final List<String> pending = new ArrayList<>();

    FeedReader(InputStream in) {
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next item, in fed order; empty once the input has ended and every id was handed out. */
    Optional<Item> next() throws IOException {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String id = line.strip();
            if (id.equals(CANCEL)) {
                return Optional.of(new Cancel()); // ids read so far stay for the batch they belong to
            }
            if (id.isEmpty()) {
                return Optional.of(takePending());
            }
            pending.add(id);
        }
        return pending.isEmpty() ? Optional.empty() : Optional.of(takePending());
    }

    private Batch takePending() {
        Batch batch = new Batch(pending);
        pending.clear();
        return batch;
    }
}
