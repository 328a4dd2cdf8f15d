package org.testr4j.runner.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The pom files of a Maven reactor, found by following {@code <modules>} from the root pom as
 * written (profiles' modules are not followed): what the cached classpaths depend on.
 *
 * <pre>{@code
 * ReactorLayout layout = ReactorLayout.read(Path.of("."));
 * layout.poms();        // [./pom.xml, ./core/pom.xml, ...]
 * layout.fingerprint(); // changes when any of them changes
 * }</pre>
 *
 * @param root the directory of the root pom
 * @param poms every pom of the reactor, the root's first
 */
public record ReactorLayout(Path root, List<Path> poms) {
    public ReactorLayout {
        poms = List.copyOf(poms);
    }

    /** Reads the reactor whose root pom is {@code root/pom.xml}. */
    public static ReactorLayout read(Path root) throws MavenException {
        List<Path> poms = new ArrayList<>();
        collect(root.resolve("pom.xml").toAbsolutePath().normalize(), poms, 0);
        return new ReactorLayout(root.toAbsolutePath().normalize(), poms);
    }

    /**
     * The directory Maven must run in to build the project in {@code dir}: the topmost ancestor
     * whose reactor (its {@code <modules>}, followed down) includes {@code dir}'s pom, so that a
     * module's siblings resolve from the reactor; {@code dir} itself when no ancestor lists it.
     */
    public static Path enclosingReactor(Path dir) throws MavenException {
        Path project = dir.toAbsolutePath().normalize();
        Path pom = project.resolve("pom.xml");
        Path top = project;
        for (Path up = project.getParent();
                up != null && Files.isRegularFile(up.resolve("pom.xml"));
                up = up.getParent()) {
            try {
                if (read(up).poms().contains(pom)) {
                    top = up;
                }
            } catch (MavenException e) {
                break; // an unreadable pom above is not this project's reactor
            }
        }
        return top;
    }

    /** A digest of every pom's bytes and path: equal fingerprints, equal project model inputs. */
    public String fingerprint() throws MavenException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path pom : poms) {
                sha.update(pom.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(pom));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new MavenException("cannot read a pom of " + root + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void collect(Path pom, List<Path> poms, int depth) throws MavenException {
        if (depth > 32 || poms.contains(pom)) {
            return; // a module cycle: Maven itself reports it when it builds
        }
        poms.add(pom);
        for (String module : modules(pom)) {
            Path target = pom.getParent().resolve(module).normalize();
            boolean file = Files.isRegularFile(target)
                    || target.getFileName().toString().endsWith(".xml");
            collect(file ? target : target.resolve("pom.xml"), poms, depth + 1);
        }
    }

    /** The {@code <module>} entries of {@code pom}'s own {@code <modules>}, not of its profiles. */
    private static List<String> modules(Path pom) throws MavenException {
        List<String> modules = new ArrayList<>();
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        try (InputStream in = Files.newInputStream(pom)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            List<String> path = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamReader.START_ELEMENT) {
                    path.add(xml.getLocalName());
                    if (path.equals(List.of("project", "modules", "module"))) {
                        modules.add(xml.getElementText().strip());
                        path.remove(path.size() - 1); // getElementText consumed the end tag
                    }
                } else if (event == XMLStreamReader.END_ELEMENT) {
                    path.remove(path.size() - 1);
                }
            }
            xml.close();
        } catch (NoSuchFileException e) {
            throw new MavenException("no pom at " + pom + " (named in <modules> of the parent pom)");
        } catch (IOException e) {
            throw new MavenException("cannot read " + pom + ": " + e.getMessage());
        } catch (XMLStreamException e) {
            throw new MavenException(pom + ":" + lineOf(e) + ": not a well-formed pom: " + e.getMessage());
        }
        return modules;
    }

    private static String lineOf(XMLStreamException e) {
        return e.getLocation() == null ? "?" : Integer.toString(e.getLocation().getLineNumber());
    }
}
