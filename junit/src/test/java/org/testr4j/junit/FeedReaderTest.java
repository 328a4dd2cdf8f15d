package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedReaderTest {
    private static FeedReader feed(String text) {
        return new FeedReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEmptyLineEndsABatchAndEofTheLast() throws IOException {
        FeedReader feed = feed("a\nb\n\nc\n");

        assertThat(feed.nextBatch()).contains(List.of("a", "b"));
        assertThat(feed.nextBatch()).contains(List.of("c"));
        assertThat(feed.nextBatch()).isEmpty();
    }

    @Test
    void eofRightAfterABatchEndsTheFeed() throws IOException {
        FeedReader feed = feed("a\n\n");

        assertThat(feed.nextBatch()).contains(List.of("a"));
        assertThat(feed.nextBatch()).isEqualTo(Optional.empty());
    }

    @Test
    void idsAreUtf8AndStripped() throws IOException {
        assertThat(feed("  t.Ünïcode.prüft \r\n").nextBatch()).contains(List.of("t.Ünïcode.prüft"));
    }
}
