package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Points sqlite-jdbc at a copy of its native library kept beside the jar. Left alone, sqlite-jdbc
 * extracts and checksums its 1 MB library into the temp folder on every start: tens of
 * milliseconds of a command that should take a few hundred in all.
 */
final class SqliteNativeLibrary {
    private SqliteNativeLibrary() {}

    /** Extracts the library once (keyed by the jar's build time); on any trouble, sqlite-jdbc's own way is used. */
    static void useCachedCopy() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            Path jar = Path.of(SqliteNativeLibrary.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (!Files.isRegularFile(jar)) {
                return; // running from classes (tests): nothing to key the copy by
            }
            // Keyed by what the JVM reports, so a later start needs no OSInfo (which runs 'uname -o').
            Path dir = jar.resolveSibling("native")
                    .resolve(Files.getLastModifiedTime(jar).toMillis() + "-" + System.getProperty("os.name") + "-"
                            + System.getProperty("os.arch"));
            String name = System.mapLibraryName("sqlitejdbc");
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                String folder = LibraryLoaderUtil.getNativeLibResourcePath();
                name = LibraryLoaderUtil.getNativeLibName();
                lib = dir.resolve(name);
                try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(folder + "/" + name)) {
                    if (in == null) {
                        return;
                    }
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            System.setProperty("org.sqlite.lib.path", dir.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | java.net.URISyntaxException e) {
            // a read-only install: sqlite-jdbc extracts to the temp folder as usual
        }
    }
}
