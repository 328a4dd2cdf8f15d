package org.testr4j.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.testr4j.repository.FileRepository;
import org.testr4j.repository.RepositoryNotFoundException;
import org.testr4j.repository.RunMetadata;
import org.testr4j.repository.RunWriter;
import org.testr4j.repository.TestHistory;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.v2.PacketReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code testr import}: bring over a stestr or testrepository history. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Copy the runs of a .stestr/ or .testrepository/ folder into this (new or empty) repository,"
                + " keeping their ids, so 'testr last', 'failing' and 'history' carry on where they left off."
                + " The folder is only read.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand
    TestrCommand parent;

    @Parameters(paramLabel = "PATH", description = "The .stestr or .testrepository folder (or the project holding it).")
    Path source;

    @Override
    public Integer call() throws IOException {
        Path from = locate(source);
        List<Integer> ids = runIds(from);
        PrintWriter err = parent.streams().err();
        try (FileRepository repo = openOrCreate(err)) {
            if (!repo.runs().isEmpty()) {
                throw new UserException(
                        "the repository at " + repo.root().toAbsolutePath().normalize() + " has runs"
                                + " already; import into a new one (testr -C NEWDIR import " + source
                                + ") to keep the run ids");
            }
            String tool = from.getFileName().toString().equals(".stestr") ? "stestr" : "testrepository";
            for (int id : ids) {
                Path file = from.resolve(Integer.toString(id));
                RunMetadata meta =
                        RunMetadata.EMPTY.with(RunMetadata.IMPORTED_FROM, tool + " " + file.toAbsolutePath());
                try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                        InputStream v2 = InputFormat.detect(in).toV2(in);
                        RunWriter run = repo.startRun(id, meta)) {
                    v2.transferTo(run);
                    run.finish();
                }
            }
            Set<String> theirs = failingIn(from.resolve("failing"));
            Set<String> ours = new TreeSet<>();
            for (TestHistory t : repo.failing()) {
                ours.add(t.testId());
            }
            err.println("testr: imported " + ids.size() + " runs from "
                    + from.toAbsolutePath().normalize() + "; " + ours.size() + " tests failing");
            if (theirs != null && !theirs.equals(ours)) {
                Set<String> missing = new TreeSet<>(theirs);
                missing.removeAll(ours);
                Set<String> extra = new TreeSet<>(ours);
                extra.removeAll(theirs);
                err.println("testr: warning: " + from.resolve("failing") + " lists a different failing set (some runs"
                        + " were partial, which " + tool + " does not record): only theirs " + missing
                        + ", only ours " + extra);
            }
        }
        return ExitCode.OK;
    }

    private FileRepository openOrCreate(PrintWriter err) throws IOException {
        try {
            return parent.openRepository();
        } catch (RepositoryNotFoundException e) {
            SqliteNativeLibrary.useCachedCopy();
            return FileRepository.init(parent.directory(), notice -> err.println("testr: " + notice));
        }
    }

    private static Path locate(Path source) {
        if (Files.isRegularFile(source.resolve("next-stream"))) {
            return source;
        }
        for (String name : new String[] {".stestr", ".testrepository"}) {
            if (Files.isRegularFile(source.resolve(name).resolve("next-stream"))) {
                return source.resolve(name);
            }
        }
        throw new UserException("no .stestr or .testrepository repository at "
                + source.toAbsolutePath().normalize()
                + ": name the folder holding 'next-stream' and the numbered runs");
    }

    /** The numbered stream files, in order. */
    private static List<Integer> runIds(Path from) throws IOException {
        List<Integer> ids = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(from)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.matches("0|[1-9][0-9]{0,8}") && Files.isRegularFile(p)) {
                    ids.add(Integer.parseInt(name));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /** The test ids their {@code failing} stream holds as failed, or null if it has none. */
    private static Set<String> failingIn(Path failing) throws IOException {
        if (!Files.isRegularFile(failing)) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(failing));
                InputStream v2 = InputFormat.detect(in).toV2(in)) {
            TestAssembler assembler = new TestAssembler(r -> {
                if (r.status() == TestStatus.FAIL || r.status() == TestStatus.UNEXPECTED_SUCCESS) {
                    ids.add(r.testId());
                }
            });
            PacketReader.lenient(v2).readAll(assembler);
            assembler.stopRun();
        }
        return new TreeSet<>(ids);
    }
}
