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

    private static Optional<FeedReader.Item> batch(String... ids) {
        return Optional.of(new FeedReader.Batch(List.of(ids)));
    }

    @Test
    void anEmptyLineEndsABatchAndEofTheLast() throws IOException {
        FeedReader feed = feed("a\nb\n\nc\n");

        assertThat(feed.next()).isEqualTo(batch("a", "b"));
        assertThat(feed.next()).isEqualTo(batch("c"));
        assertThat(feed.next()).isEmpty();
    }

    @Test
    void eofRightAfterABatchEndsTheFeed() throws IOException {
        FeedReader feed = feed("a\n\n");

        assertThat(feed.next()).isEqualTo(batch("a"));
        assertThat(feed.next()).isEqualTo(Optional.empty());
    }

    @Test
    void idsAreUtf8AndStripped() throws IOException {
        assertThat(feed("  t.Ünïcode.prüft \r\n").next()).isEqualTo(batch("t.Ünïcode.prüft"));
    }

    @Test
    void aCancelLineIsAnItemOfItsOwnAndKeepsTheIdsAroundIt() throws IOException {
        FeedReader feed = feed("a\n\n!cancel\nb\n!cancel\nc\n\n");

        assertThat(feed.next()).isEqualTo(batch("a"));
        assertThat(feed.next()).contains(new FeedReader.Cancel());
        assertThat(feed.next()).contains(new FeedReader.Cancel());
        assertThat(feed.next()).isEqualTo(batch("b", "c"));
        assertThat(feed.next()).isEmpty();
    }
}
