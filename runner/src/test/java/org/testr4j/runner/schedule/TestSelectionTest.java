package org.testr4j.runner.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestSelectionTest {
    private static final List<String> IDS = List.of("api.T.fast", "api.T.slow", "db.T.fast", "db.T.slow_io");

    @Test
    void noFiltersKeepsEverything() {
        assertThat(TestSelection.ALL.apply(IDS)).isEqualTo(IDS);
        assertThat(TestSelection.ALL.keepsAll()).isTrue();
    }

    @Test
    void includeFiltersAreSearchedAndUnited() {
        TestSelection s =
                TestSelection.builder().include("^api.*fast").include("slow_").build();

        assertThat(s.apply(IDS)).containsExactly("api.T.fast", "db.T.slow_io");
    }

    @Test
    void excludeRegexDropsWhatIncludesKept() {
        TestSelection s =
                TestSelection.builder().include("T").excludeRegex("slow").build();

        assertThat(s.apply(IDS)).containsExactly("api.T.fast", "db.T.fast");
    }

    @Test
    void listFilesHoldOneRegexPerLineWithComments(@TempDir Path dir) throws Exception {
        Path include = Files.writeString(dir.resolve("inc"), "# only these\napi  # the api\n\n   \ndb\\.T\\.slow\n");
        Path exclude = Files.writeString(dir.resolve("exc"), "fast$ # flaky on CI\n");

        TestSelection s = TestSelection.builder()
                .includeList(include)
                .excludeList(exclude)
                .build();

        assertThat(s.apply(IDS)).containsExactly("api.T.slow", "db.T.slow_io");
    }

    @Test
    void aBadRegexSaysWhereItCameFrom(@TempDir Path dir) throws Exception {
        Path exclude = Files.writeString(dir.resolve("exc"), "ok\n(unclosed\n");

        assertThatThrownBy(() -> TestSelection.builder().excludeList(exclude))
                .hasMessageStartingWith(exclude + ":2: invalid regular expression '(unclosed': Unclosed group");
        assertThatThrownBy(() -> TestSelection.builder().excludeRegex("["))
                .hasMessageStartingWith("--exclude-regex: invalid regular expression '['");
    }
}
