package org.testr4j.runner.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the file {@code maven-help-plugin:effective-pom} writes (one {@code <project>}, or all of a
 * reactor's in {@code <projects>}) into each module's {@link ModuleSettings}.
 *
 * <p>Maven has already interpolated {@code ${...}}; Surefire's late {@code @{name}} references
 * (the JaCoCo agent's {@code @{argLine}}) are replaced here from the module's properties, or by
 * nothing, as Surefire does. Surefire's configuration is the plugin's own merged with its {@code
 * default-test} execution's.
 *
 * <pre>{@code
 * List<ModuleSettings> modules = EffectivePom.read(Path.of("target/testr4j/effective-pom.xml"));
 * }</pre>
 */
public final class EffectivePom {
    private static final Pattern LATE_REFERENCE = Pattern.compile("@\\{([^}]+)}");

    private EffectivePom() {}

    /** Every module in {@code file}, in the order Maven wrote them (the reactor's build order). */
    public static List<ModuleSettings> read(Path file) throws MavenException {
        Element root;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setNamespaceAware(false);
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // the exception says it all; the default handler also prints it
            root = builder.parse(file.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new MavenException("cannot read Maven's effective pom " + file + ": " + e.getMessage());
        }
        List<ModuleSettings> modules = new ArrayList<>();
        if (root.getTagName().equals("project")) {
            modules.add(module(root));
        } else {
            for (Element project : children(root, "project")) {
                modules.add(module(project));
            }
        }
        return modules;
    }

    private static ModuleSettings module(Element project) {
        Map<String, String> properties = new HashMap<>();
        Element props = child(project, "properties");
        if (props != null) {
            for (Element p : children(props, null)) {
                properties.put(p.getTagName(), p.getTextContent().strip());
            }
        }
        Element build = child(project, "build");
        Path buildDir = Path.of(text(build, "directory", "target"));
        Map<String, Element> surefire = surefireConfiguration(build);
        String argLine = lateReplaced(value(surefire, "argLine", ""), properties);
        boolean skipped = isTrue(value(surefire, "skip", null))
                || isTrue(value(surefire, "skipTests", null))
                || isTrue(value(surefire, "skipExec", null))
                || isTrue(properties.get("skipTests"))
                || isTrue(properties.get("maven.test.skip"))
                || isTrue(properties.get("maven.test.skip.exec"));
        Map<String, String> systemProperties = new LinkedHashMap<>();
        Element vars = surefire.get("systemPropertyVariables");
        if (vars != null) {
            for (Element v : children(vars, null)) {
                systemProperties.put(
                        v.getTagName(), lateReplaced(v.getTextContent().strip(), properties));
            }
        }
        return new ModuleSettings(
                text(project, "artifactId", "?"),
                text(project, "packaging", "jar"),
                buildDir.getParent() == null ? buildDir : buildDir.getParent(),
                Path.of(text(
                        build, "outputDirectory", buildDir.resolve("classes").toString())),
                Path.of(text(
                        build,
                        "testOutputDirectory",
                        buildDir.resolve("test-classes").toString())),
                buildDir,
                argLine,
                list(surefire.get("includes")),
                list(surefire.get("excludes")),
                systemProperties,
                skipped);
    }

    /** Surefire's configuration elements by name: the plugin's, overridden by its default-test execution's. */
    private static Map<String, Element> surefireConfiguration(Element build) {
        Map<String, Element> config = new LinkedHashMap<>();
        Element plugins = build == null ? null : child(build, "plugins");
        if (plugins == null) {
            return config;
        }
        for (Element plugin : children(plugins, "plugin")) {
            if (!"maven-surefire-plugin".equals(text(plugin, "artifactId", ""))) {
                continue;
            }
            putAll(config, child(plugin, "configuration"));
            Element executions = child(plugin, "executions");
            if (executions != null) {
                for (Element execution : children(executions, "execution")) {
                    if ("default-test".equals(text(execution, "id", ""))) {
                        putAll(config, child(execution, "configuration"));
                    }
                }
            }
        }
        return config;
    }

    private static void putAll(Map<String, Element> config, Element configuration) {
        if (configuration != null) {
            for (Element e : children(configuration, null)) {
                config.put(e.getTagName(), e);
            }
        }
    }

    private static String value(Map<String, Element> config, String name, String otherwise) {
        Element e = config.get(name);
        return e == null ? otherwise : e.getTextContent().strip();
    }

    private static List<String> list(Element e) {
        List<String> values = new ArrayList<>();
        if (e != null) {
            for (Element item : children(e, null)) {
                String v = item.getTextContent().strip();
                if (!v.isEmpty()) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    /** Surefire's late replacement: {@code @{name}} is the property's value, or nothing when unset. */
    static String lateReplaced(String text, Map<String, String> properties) {
        Matcher m = LATE_REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(properties.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    private static boolean isTrue(String value) {
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    private static String text(Element parent, String name, String otherwise) {
        Element e = parent == null ? null : child(parent, name);
        return e == null ? otherwise : e.getTextContent().strip();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element
                    && (name == null || ((Element) n).getTagName().equals(name))) {
                out.add((Element) n);
            }
        }
        return out;
    }
}
