package org.testr4j.repository;

import java.io.IOException;
import java.nio.file.Path;

/** There is no repository where one was expected; the message says how to make one. */
public final class RepositoryNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    public RepositoryNotFoundException(Path dir) {
        super("no repository at " + dir.toAbsolutePath().normalize() + ": run 'testr init'");
    }
}
