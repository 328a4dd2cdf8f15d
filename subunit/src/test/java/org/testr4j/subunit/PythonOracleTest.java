package org.testr4j.subunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing oracle fails the test in CI and aborts it elsewhere, saying what to install. */
class PythonOracleTest {
    private static final String PROPERTY = "testr4j.requireOracles";
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, saved);
        }
    }

    @Test
    void aMissingCommandFailsWhenOraclesAreRequired() {
        System.setProperty(PROPERTY, "true");

        Throwable thrown = catchThrowable(() -> PythonOracle.command("testr4j-no-such-tool"));

        assertThat(thrown)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("/usr/bin/testr4j-no-such-tool")
                .hasMessageContaining("apt-get install -y python3-subunit");
    }

    @Test
    void aMissingModuleAbortsWithTheInstallCommandOtherwise() {
        System.setProperty(PROPERTY, "false");

        Throwable thrown = catchThrowable(() -> PythonOracle.requireModules("testr4j_no_such_module"));

        assertThat(thrown)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("testr4j_no_such_module")
                .hasMessageContaining("apt-get install -y python3-subunit");
    }

    @Test
    void aMissingBenchScriptIsAMissingOracle() {
        System.setProperty(PROPERTY, "true");

        Throwable thrown = catchThrowable(() -> PythonOracle.benchScript("no_such_generator.py"));

        assertThat(thrown).isInstanceOf(AssertionFailedError.class).hasMessageContaining("no_such_generator.py");
    }
}
