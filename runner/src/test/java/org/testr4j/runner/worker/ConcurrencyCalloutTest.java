package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyCalloutTest {
    @Test
    void readsTheNumberTheCommandPrints(@TempDir Path dir) throws Exception {
        assertThat(new ConcurrencyCallout(dir).workers("echo '  3 '")).isEqualTo(3);
    }

    @Test
    void aFailingCommandIsNamedWithItsStatusAndStderr(@TempDir Path dir) {
        assertThatThrownBy(() -> new ConcurrencyCallout(dir).workers("echo nope >&2; exit 4"))
                .isInstanceOf(CommandException.class)
                .hasMessage("test_run_concurrency `echo nope >&2; exit 4` failed with exit status 4, stderr: 'nope'");
    }

    @Test
    void anythingButAPositiveNumberIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> new ConcurrencyCallout(dir).workers("echo four"))
                .hasMessage("test_run_concurrency `echo four` must print a positive whole number, printed: 'four'");
        assertThatThrownBy(() -> new ConcurrencyCallout(dir).workers("echo 0")).hasMessageEndingWith("printed: '0'");
    }
}
