package org.testr4j.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.process.Tagger;
import org.testr4j.subunit.v2.PacketWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code subunit tags}: add and remove tags on every event, like {@code subunit-tags}. */
@Command(
        name = "tags",
        mixinStandardHelpOptions = true,
        description = {
            "Add and remove tags on every event of a stream (like subunit-tags); writes subunit v2.",
            "Example: subunit tags worker-3 -quick < in.subunit > out.subunit"
        })
final class TagsCommand implements Callable<Integer> {
    @ParentCommand
    SubunitCommand parent;

    @Parameters(paramLabel = "TAG", arity = "1..*", description = "A tag to add, or -TAG to remove.")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "Read FILE instead of standard input; may be repeated.")
    List<java.nio.file.Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        StandardStreams io = parent.streams();
        PacketWriter writer = PacketWriter.to(io.out());
        StreamResult tagger = Tagger.fromArguments(tags, writer);
        StreamInput input = new StreamInput();
        input.files = files;
        tagger.startRun();
        StreamInput.Outcome outcome = input.pump(io, "subunit tags", tagger, writer);
        tagger.stopRun();
        writer.flush();
        return outcome.clean() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }
}
