package org.testr4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into {@code testr4j.properties} at build time. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/testr4j.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"testr4j " + p.getProperty("version", "unknown") + " (Java " + Runtime.version() + ")"};
    }
}
