package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.v2.PacketWriter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code subunit output}: emit one test status, one file, or both, as v2 packets, like {@code
 * subunit-output}, so a shell script can speak subunit:
 *
 * <pre>{@code
 * subunit output --inprogress my.test
 * subunit output --fail my.test --attach-file log.txt --mimetype text/plain
 * }</pre>
 */
@Command(
        name = "output",
        mixinStandardHelpOptions = true,
        description = "Write a subunit v2 packet for a test status and/or an attached file (like subunit-output).")
final class OutputCommand implements Callable<Integer> {
    /** python-subunit reads attached files in hunks of this size (3.5 MiB), one packet each. */
    private static final int HUNK = 3_670_016;

    @ParentCommand
    SubunitCommand parent;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Status (one at most):%n")
    StatusOption status;

    static final class StatusOption {
        @Option(names = "--exists", paramLabel = "TEST_ID", description = "Report that the test exists.")
        String exists;

        @Option(names = "--inprogress", paramLabel = "TEST_ID", description = "Report that the test started.")
        String inprogress;

        @Option(names = "--success", paramLabel = "TEST_ID", description = "Report that the test passed.")
        String success;

        @Option(names = "--fail", paramLabel = "TEST_ID", description = "Report that the test failed.")
        String fail;

        @Option(names = "--skip", paramLabel = "TEST_ID", description = "Report that the test was skipped.")
        String skip;

        @Option(names = "--xfail", paramLabel = "TEST_ID", description = "Report an expected failure.")
        String xfail;

        @Option(names = "--uxsuccess", paramLabel = "TEST_ID", description = "Report an unexpected success.")
        String uxsuccess;

        TestStatus status() {
            return exists != null
                    ? TestStatus.EXISTS
                    : inprogress != null
                            ? TestStatus.IN_PROGRESS
                            : success != null
                                    ? TestStatus.SUCCESS
                                    : fail != null
                                            ? TestStatus.FAIL
                                            : skip != null
                                                    ? TestStatus.SKIP
                                                    : xfail != null
                                                            ? TestStatus.EXPECTED_FAIL
                                                            : TestStatus.UNEXPECTED_SUCCESS;
        }

        String testId() {
            for (String id : new String[] {exists, inprogress, success, fail, skip, xfail, uxsuccess}) {
                if (id != null) {
                    return id;
                }
            }
            throw new IllegalStateException("a status option without a test id");
        }
    }

    @Option(
            names = "--attach-file",
            paramLabel = "FILE",
            description = "Attach FILE ('-' for standard input) to the test, or to the stream if no status is given.")
    String attachFile;

    @Option(
            names = "--file-name",
            paramLabel = "NAME",
            description = "Name of the attachment (default: the file's path, or 'stdin').")
    String fileName;

    @Option(names = "--mimetype", paramLabel = "TYPE", description = "MIME type of the attachment.")
    String mimeType;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag for the event; may be repeated.")
    List<String> tags = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        if (attachFile == null && (fileName != null || mimeType != null)) {
            throw new UserException("--file-name and --mimetype need --attach-file", ExitCode.USAGE);
        }
        if (status == null && attachFile == null) {
            throw new UserException(
                    "nothing to output: give a status (--success TEST_ID ...) or --attach-file", ExitCode.USAGE);
        }
        StandardStreams io = parent.streams();
        PacketWriter writer = PacketWriter.live(io.out());
        TestStatus finalStatus = status == null ? TestStatus.NONE : status.status();
        Event.Builder first = Event.builder()
                .testId(status == null ? null : status.testId())
                .timestamp(Instant.now())
                .tags(new LinkedHashSet<>(tags));
        if (attachFile == null) {
            writer.write(first.status(finalStatus).build());
            return ExitCode.OK;
        }
        boolean stdin = attachFile.equals("-");
        String name = fileName != null ? fileName : stdin ? "stdin" : attachFile;
        try (InputStream in = stdin ? io.in() : Files.newInputStream(Path.of(attachFile))) {
            // Read one hunk ahead, so the last packet carries eof and the final status, as subunit-output does.
            byte[] hunk = in.readNBytes(HUNK);
            boolean firstPacket = true;
            while (true) {
                byte[] next = in.readNBytes(HUNK);
                boolean last = next.length == 0;
                Event.Builder packet = firstPacket
                        ? first.mimeType(mimeType).status(finalStatus.isFinal() ? TestStatus.NONE : finalStatus)
                        : Event.builder().testId(status == null ? null : status.testId());
                packet.file(name, Bytes.of(hunk)).eof(last);
                if (last && finalStatus.isFinal()) {
                    packet.status(finalStatus);
                }
                writer.write(packet.build());
                if (last) {
                    return ExitCode.OK;
                }
                hunk = next;
                firstPacket = false;
            }
        } catch (NoSuchFileException e) {
            throw new UserException("cannot attach " + attachFile + ": no such file");
        }
    }
}
