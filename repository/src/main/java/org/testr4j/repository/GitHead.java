package org.testr4j.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The commit checked out in a directory, read from {@code .git} without starting git (it costs 5 ms or more). */
final class GitHead {
    private GitHead() {}

    static Optional<String> commitOf(Path dir) {
        try {
            for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
                Path git = d.resolve(".git");
                if (Files.isDirectory(git)) {
                    return commitIn(git, git);
                }
                if (Files.isRegularFile(git)) { // a worktree: "gitdir: /repo/.git/worktrees/x"
                    String line = Files.readString(git, StandardCharsets.UTF_8).trim();
                    if (!line.startsWith("gitdir:")) {
                        return Optional.empty();
                    }
                    Path gitDir =
                            d.resolve(line.substring("gitdir:".length()).trim()).normalize();
                    Path common = gitDir;
                    Path commonFile = gitDir.resolve("commondir");
                    if (Files.exists(commonFile)) {
                        common = gitDir.resolve(Files.readString(commonFile).trim())
                                .normalize();
                    }
                    return commitIn(gitDir, common);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no commit is an answer too: metadata is best effort
        }
        return Optional.empty();
    }

    private static Optional<String> commitIn(Path gitDir, Path commonDir) throws IOException {
        String head =
                Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (!head.startsWith("ref:")) {
            return Optional.of(head);
        }
        String ref = head.substring(4).trim();
        for (Path base : new Path[] {gitDir, commonDir}) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Optional.of(
                        Files.readString(loose, StandardCharsets.UTF_8).trim());
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                if (line.endsWith(" " + ref)) {
                    return Optional.of(line.substring(0, line.indexOf(' ')));
                }
            }
        }
        return Optional.empty();
    }
}
