package org.testr4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void namesTheBuiltVersionNotAPlaceholder() throws Exception {
        String version = new Version().getVersion()[0];

        // picocli expands ${...} in version strings, so an unfiltered placeholder prints as "null".
        assertThat(version).startsWith("testr4j ").doesNotContain("${").doesNotContain("unknown");
        assertThat(version).matches("testr4j \\d+\\.\\d+\\.\\d+\\S* \\(Java .*\\)");
    }
}
