package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StdoutFileTest {
    @Test
    void readsAppendModeFromFdinfosOctalFlags() {
        assertThat(StdoutFile.appending(List.of("pos:\t0", "flags:\t0100001", "mnt_id:\t25")))
                .isFalse();
        assertThat(StdoutFile.appending(List.of("pos:\t0", "flags:\t0102001", "mnt_id:\t25")))
                .isTrue();
        assertThat(StdoutFile.appending(List.of("pos:\t0")))
                .as("no flags: assume append")
                .isTrue();
    }

    @Test
    void isNoneForAStreamThatIsNotStandardOutput(@TempDir Path dir) throws Exception {
        assertThat(StdoutFile.of(new ByteArrayOutputStream())).isEmpty();
        try (FileOutputStream other = new FileOutputStream(dir.resolve("other").toFile())) {
            assertThat(StdoutFile.of(other)).isEmpty();
        }
    }
}
