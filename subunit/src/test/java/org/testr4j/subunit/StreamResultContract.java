package org.testr4j.subunit;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/**
 * What every {@link StreamResult} must do, as testtools' {@code TestStreamResultContract} puts it:
 * accept a run with any combination of the optional event fields without throwing.
 *
 * <p>A processor's test implements this interface and says how to make the sink under test:
 *
 * <pre>{@code
 * class TaggerTest implements StreamResultContract {
 *     public StreamResult createResult() { return new Tagger(Set.of("a"), Set.of(), new RecordingResult()); }
 * }
 * }</pre>
 */
public interface StreamResultContract {
    /** A fresh sink under test, wired to whatever downstream it needs. */
    StreamResult createResult();

    @Test
    default void acceptsEveryFieldCombination() {
        StreamResult result = createResult();

        assertThatCode(() -> {
                    result.startRun();
                    for (Event event : EventCombinations.all()) {
                        result.status(event);
                    }
                    result.stopRun();
                })
                .doesNotThrowAnyException();
    }

    @Test
    default void acceptsARunWithoutEvents() {
        StreamResult result = createResult();

        assertThatCode(() -> {
                    result.startRun();
                    result.stopRun();
                })
                .doesNotThrowAnyException();
    }
}
