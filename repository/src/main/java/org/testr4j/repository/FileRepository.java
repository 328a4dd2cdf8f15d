package org.testr4j.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.testr4j.subunit.v2.PacketReader;

/**
 * A repository in a {@code .testr/} folder: the streams are the truth, {@code index.sqlite} is a
 * cache of them.
 *
 * <pre>
 * .testr/format            "testr4j-repository 1"
 * .testr/next-run          the next run id
 * .testr/runs/7.subunit.gz run 7's stream, exactly as it arrived (gzip)
 * .testr/runs/7.properties run 7's metadata (host, JDK, git commit, command, partial)
 * .testr/index.sqlite      derived: deleted, damaged or missing runs, it is rebuilt or caught up
 * </pre>
 *
 * <p>A run is written as it arrives to {@code N.subunit.part}, synced to disk at least once a
 * second, then compressed and renamed into place. A {@code .part} whose writer died is an
 * interrupted run holding every byte that arrived. Run ids are handed out under a file lock, so
 * concurrent writers never share one; the index is updated in SQLite transactions.
 *
 * <pre>{@code
 * try (FileRepository repo = FileRepository.open(Path.of("."), System.err::println)) {
 *     repo.latestRun().ifPresent(run -> System.out.println(run.counts()));
 * }
 * }</pre>
 */
@SuppressWarnings("try") // try (RepositoryLock lock = lock()) holds the lock for the body: that is its use
public final class FileRepository implements Repository {
    /** The folder a repository lives in, inside the project directory. */
    public static final String DIR = ".testr";

    static final String FORMAT = "testr4j-repository 1";

    private final Path root;
    private final Path runs;
    private final Consumer<String> notices;
    private final RunIndex index;

    private FileRepository(Path root, RunIndex index, Consumer<String> notices) {
        this.root = root;
        this.runs = root.resolve("runs");
        this.index = index;
        this.notices = notices;
    }

    /**
     * Creates a repository in {@code projectDir}/.testr.
     *
     * @throws IOException naming the folder, if it exists already or cannot be created
     */
    public static FileRepository init(Path projectDir, Consumer<String> notices) throws IOException {
        Path root = projectDir.toAbsolutePath().normalize().resolve(DIR);
        if (Files.exists(root.resolve("format"))) {
            throw new FileAlreadyExistsException(
                    root.toString(),
                    null,
                    "a repository exists already at " + root.toAbsolutePath().normalize());
        }
        try {
            Files.createDirectories(root.resolve("runs"));
            writeAtomically(root.resolve("next-run"), "0\n");
            writeAtomically(root.resolve("format"), FORMAT + "\n");
        } catch (IOException e) {
            throw new IOException(
                    "cannot create a repository at " + root.toAbsolutePath().normalize() + ": " + reason(e), e);
        }
        return open(projectDir, notices);
    }

    /**
     * Opens the repository in {@code projectDir}/.testr and brings its index up to date with the
     * run files, telling {@code notices} what it repaired.
     *
     * @throws RepositoryNotFoundException if there is none
     */
    public static FileRepository open(Path projectDir, Consumer<String> notices) throws IOException {
        Objects.requireNonNull(notices, "notices");
        Path root = projectDir.toAbsolutePath().normalize().resolve(DIR);
        Path format = root.resolve("format");
        if (!Files.isRegularFile(format)) {
            throw new RepositoryNotFoundException(projectDir);
        }
        String found = Files.readString(format, StandardCharsets.UTF_8).trim();
        if (!found.equals(FORMAT)) {
            throw new IOException(format.toAbsolutePath().normalize() + " says '" + found + "', expected '" + FORMAT
                    + "': this repository was made by another tool or version");
        }
        Path indexFile = root.resolve("index.sqlite");
        SqliteIndex index;
        try {
            index = SqliteIndex.open(indexFile);
        } catch (IOException damaged) {
            notices.accept(damaged.getMessage() + "; rebuilding it from the run files");
            try (RepositoryLock lock = RepositoryLock.acquire(root.resolve("lock"))) {
                Files.deleteIfExists(indexFile);
                for (String suffix : new String[] {"-journal", "-wal", "-shm"}) {
                    Files.deleteIfExists(root.resolve("index.sqlite" + suffix));
                }
                index = SqliteIndex.open(indexFile);
            }
        }
        FileRepository repository = new FileRepository(root, index, notices);
        try {
            repository.catchUp(index.created());
        } catch (IOException | RuntimeException e) {
            index.close();
            throw e;
        }
        return repository;
    }

    Path runsDir() {
        return runs;
    }

    /** The {@code .testr} folder. */
    public Path root() {
        return root;
    }

    // ---------------------------------------------------------------- the index follows the files

    /** Indexes run files the index lacks and forgets runs whose files are gone or changed. */
    private void catchUp(boolean fresh) throws IOException {
        if (inStep(scan(), index.sources())) {
            return;
        }
        try (RepositoryLock lock = lock()) {
            Map<Integer, RunFile> files = scan();
            Map<Integer, String> indexed = index.sources();
            if (inStep(files, indexed)) {
                return; // another process caught up while we waited for the lock
            }
            List<Integer> gone = new ArrayList<>();
            List<RunFile> added = new ArrayList<>();
            for (Map.Entry<Integer, String> e : indexed.entrySet()) {
                RunFile file = files.get(e.getKey());
                if (file == null || !file.stamp().equals(e.getValue())) {
                    gone.add(e.getKey());
                }
            }
            for (RunFile file : files.values()) {
                if (!file.stamp().equals(indexed.get(file.id()))) {
                    added.add(file);
                }
            }
            if (fresh || indexed.isEmpty()) {
                notices.accept("building the index " + root.resolve("index.sqlite") + " from " + added.size()
                        + " run file(s)");
            } else {
                notices.accept("index " + root.resolve("index.sqlite") + " was behind the run files: indexing runs "
                        + ids(added) + (gone.isEmpty() ? "" : ", forgetting runs " + gone));
            }
            for (int id : gone) {
                if (!files.containsKey(id)) {
                    index.remove(id);
                }
            }
            for (RunFile file : added) {
                indexFile(file);
            }
        }
    }

    private static boolean inStep(Map<Integer, RunFile> files, Map<Integer, String> indexed) {
        if (files.size() != indexed.size()) {
            return false;
        }
        for (RunFile file : files.values()) {
            if (!file.stamp().equals(indexed.get(file.id()))) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> ids(List<RunFile> files) {
        List<Integer> ids = new ArrayList<>();
        files.forEach(f -> ids.add(f.id()));
        return ids;
    }

    /** The run files by id, without the ones still being written. */
    private Map<Integer, RunFile> scan() throws IOException {
        Map<Integer, RunFile> files = new TreeMap<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(runs)) {
            for (Path path : dir) {
                RunFile file;
                try {
                    file = RunFile.of(path).orElse(null);
                } catch (NoSuchFileException e) {
                    continue; // renamed or removed while we looked
                }
                if (file == null || (file.interrupted() && RepositoryLock.isBeingWritten(path))) {
                    continue;
                }
                RunFile other = files.get(file.id());
                if (other == null || file.kind().preferredTo(other.kind())) {
                    files.put(file.id(), file);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException("the repository at " + root + " has no runs folder: was it damaged? ('testr init'"
                    + " in a new folder, then 'testr import' the old one)");
        }
        return files;
    }

    StoredRun indexFile(RunFile file) throws IOException {
        RunIndexer indexer = new RunIndexer();
        try (InputStream in = file.open()) {
            PacketReader.lenient(in).readAll(indexer);
        } catch (IOException e) {
            throw new IOException("cannot read run " + file.id() + " from " + file.path() + ": " + reason(e), e);
        }
        indexer.stopRun();
        return store(file, indexer);
    }

    StoredRun store(RunFile file, RunIndexer indexer) throws IOException {
        Path sidecar = metadataPath(file.id());
        long size = file.size() + (Files.exists(sidecar) ? Files.size(sidecar) : 0);
        StoredRun run = indexer.toRun(file.id(), file.interrupted(), RunMetadata.read(sidecar), size);
        index.add(run, file.stamp(), indexer.outcomes());
        return run;
    }

    // ---------------------------------------------------------------- writing runs

    @Override
    public RunWriter startRun(RunMetadata metadata) throws IOException {
        try (RepositoryLock lock = lock()) {
            return startLocked(nextRunId(), metadata);
        }
    }

    /**
     * Starts a run with a chosen id, for imports that keep the ids of another repository.
     *
     * @throws IOException if a run with that id exists
     */
    public RunWriter startRun(int id, RunMetadata metadata) throws IOException {
        if (id < 0) {
            throw new IllegalArgumentException("run ids start at 0, was " + id);
        }
        try (RepositoryLock lock = lock()) {
            if (scanAll().contains(id)) {
                throw new FileAlreadyExistsException(
                        runs.toString(), null, "run " + id + " exists already in " + runs.toAbsolutePath());
            }
            RunWriter writer = startLocked(id, metadata);
            nextRunId(); // moves the counter past the id
            return writer;
        }
    }

    private RunWriter startLocked(int id, RunMetadata metadata) throws IOException {
        Path part = RunFile.pathOf(runs, id, RunFile.Kind.PART);
        if (!metadata.values().isEmpty()) {
            writeAtomically(metadataPath(id), metadata.toText());
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot create " + part + ": " + reason(e), e);
        }
        RepositoryLock.writing(part);
        try {
            return new FileRunWriter(this, id, part, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            RepositoryLock.doneWriting(part);
            channel.close();
            throw e;
        }
    }

    private int nextRunId() throws IOException {
        Path counter = root.resolve("next-run");
        int next = 0;
        if (Files.exists(counter)) {
            try {
                next = Integer.parseInt(
                        Files.readString(counter, StandardCharsets.UTF_8).trim());
            } catch (NumberFormatException e) {
                notices.accept(counter + " did not hold a number; taking the next id from the run files");
            }
        }
        for (int id : scanAll()) {
            next = Math.max(next, id + 1); // runs copied in by hand, and runs still being written
        }
        writeAtomically(counter, (next + 1) + "\n");
        return next;
    }

    private List<Integer> scanAll() throws IOException {
        List<Integer> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(runs)) {
            for (Path path : (Iterable<Path>) files::iterator) {
                String name = path.getFileName().toString();
                int dot = name.indexOf('.');
                if (dot > 0 && name.substring(0, dot).chars().allMatch(Character::isDigit) && dot < 10) {
                    ids.add(Integer.parseInt(name.substring(0, dot)));
                }
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- queries

    @Override
    public List<StoredRun> runs() throws IOException {
        return index.runs();
    }

    @Override
    public List<TestOutcome> outcomes(int runId) throws IOException {
        return index.outcomes(runId);
    }

    @Override
    public List<TestHistory> tests() throws IOException {
        return index.tests();
    }

    @Override
    public List<TestHistory> failing() throws IOException {
        return index.failing();
    }

    @Override
    public InputStream openStream(int runId) throws IOException {
        RunFile file = scan().get(runId);
        if (file == null) {
            throw new NoSuchRunException("run " + runId + " has no stream in " + runs);
        }
        return file.open();
    }

    @Override
    public void remove(int runId) throws IOException {
        try (RepositoryLock lock = lock()) {
            RunFile file = scan().get(runId);
            if (file == null) {
                throw new NoSuchRunException("run " + runId + " has no stream in " + runs);
            }
            for (RunFile.Kind kind : RunFile.Kind.values()) {
                Files.deleteIfExists(RunFile.pathOf(runs, runId, kind));
            }
            Files.deleteIfExists(metadataPath(runId));
            index.remove(runId);
        }
    }

    @Override
    public long sizeOnDisk() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            long total = 0;
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
            return total;
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
    }

    // ---------------------------------------------------------------- files

    RepositoryLock lock() throws IOException {
        return RepositoryLock.acquire(root.resolve("lock"));
    }

    private Path metadataPath(int id) {
        return runs.resolve(id + ".properties");
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** What went wrong, in words: the JDK's file exceptions carry only the path as their message. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (is the folder read-only?)";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            String reason = ((FileSystemException) e).getReason();
            return reason.equals("Read-only file system") ? reason + " (testr needs to write there)" : reason;
        }
        return String.valueOf(e.getMessage());
    }
}
