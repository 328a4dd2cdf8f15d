package org.testr4j.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testr4j.runner.config.CommandTemplate;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;

class TestListerTest {
    @Test
    void readsExistsEventsAndIgnoresTheRest(@TempDir Path dir) throws Exception {
        FakeSuite.write(
                dir.resolve("list.subunit"),
                Event.test("a.T.one").status(TestStatus.EXISTS).build(),
                Event.test("a.T.skip").status(TestStatus.SKIP).build(),
                Event.test("a.T.two").status(TestStatus.EXISTS).build());
        var template = new CommandTemplate("echo junk; cat list.subunit $LISTOPT", "", "", null);

        assertThat(new TestLister(dir).list(template)).containsExactly("a.T.one", "a.T.two");
    }

    @Test
    void plainLinesWhenTheOutputHoldsNoSubunit(@TempDir Path dir) throws Exception {
        var template = new CommandTemplate("printf ' x.1 \\n\\nx.2\\n' $LISTOPT", "", "", null);

        assertThat(new TestLister(dir).list(template)).containsExactly("x.1", "x.2");
    }

    @Test
    void theListOptionIsSubstituted(@TempDir Path dir) throws Exception {
        var template = new CommandTemplate("echo $LISTOPT", "", "--list", null);

        assertThat(new TestLister(dir).list(template)).containsExactly("--list");
    }

    @Test
    void aFailingListingNamesTheCommandStatusAndStderr(@TempDir Path dir) {
        var template = new CommandTemplate("echo 'no module named x' >&2; exit 2 $LISTOPT", "", "", null);

        assertThatThrownBy(() -> new TestLister(dir).list(template))
                .isInstanceOf(CommandException.class)
                .hasMessage("listing tests with `echo 'no module named x' >&2; exit 2 ` failed with exit status 2; its"
                        + " stderr ends:\nno module named x\n");
    }

    @Test
    void aCommandWithoutListoptCannotList(@TempDir Path dir) {
        assertThatThrownBy(() -> new TestLister(dir).list(new CommandTemplate("run", "", "", null)))
                .hasMessageStartingWith("test_command does not use $LISTOPT, so testr cannot list the tests");
    }

    @Test
    void aMissingDirectoryIsACommandThatCannotStart(@TempDir Path dir) {
        Path missing = dir.resolve("gone");
        assertThatThrownBy(() -> new TestLister(missing).list(new CommandTemplate("run $LISTOPT", "", "", null)))
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("cannot start `sh -c run ` in " + missing);
    }

    @Test
    void parseKeepsListedOrder() {
        byte[] out = v2(
                Event.test("z").status(TestStatus.EXISTS).build(),
                Event.test("a").status(TestStatus.EXISTS).build());

        assertThat(ListedTests.parse(out)).containsExactly("z", "a");
        assertThat(ListedTests.parse("\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void parseLeavesOutContainersAWorkerListsAsNotRunnable() {
        byte[] out = v2(
                Event.test("com.example.FooTest")
                        .status(TestStatus.EXISTS)
                        .runnable(false)
                        .build(),
                Event.test("com.example.FooTest.adds").status(TestStatus.EXISTS).build());

        assertThat(ListedTests.parse(out)).containsExactly("com.example.FooTest.adds");
    }

    @Test
    void readSaysWhichTestsMustRunInTheirGroupsOrder() {
        byte[] out = v2(
                Event.test("Steps.first")
                        .status(TestStatus.EXISTS)
                        .tags(java.util.Set.of(ListedTests.IN_ORDER_TAG))
                        .build(),
                Event.test("Plain.any").status(TestStatus.EXISTS).build());

        ListedTests.Listing listing = ListedTests.read(out);

        assertThat(listing.ids()).containsExactly("Steps.first", "Plain.any");
        assertThat(listing.inOrder()).containsExactly("Steps.first");
    }

    /** {@code events} as a subunit v2 listing. */
    private static byte[] v2(Event... events) {
        var out = new ByteArrayOutputStream();
        try (PacketWriter w = PacketWriter.to(out)) {
            for (Event e : events) {
                w.status(e);
            }
        }
        return out.toByteArray();
    }
}
