package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class-data-sharing training really runs every command: none is refused or breaks. */
class CdsTrainingTest {
    @Test
    void everyCommandRunsToAVerdict(@TempDir Path scratch) throws Exception {
        // 0 passed, 1 tests failed (the training streams have failures); 2, 3, 4 would mean a
        // command never got to do its work, so the archive would miss its classes
        assertThat(CdsTraining.train(scratch)).containsOnly(ExitCode.OK, ExitCode.TESTS_FAILED);
    }
}
