package org.testr4j.subunit.junitxml;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A JUnit XML suite parsed into what Jenkins and GitLab read from it, so two documents can be
 * compared structurally.
 */
record JUnitXml(long tests, long failures, long errors, BigDecimal time, List<Case> cases) {

    /** One test case: its identity, time, and outcome; system-out/err are not part of it. */
    record Case(
            String classname,
            String name,
            BigDecimal time,
            String failureType,
            String failure,
            String skipped,
            String error) {}

    static JUnitXml parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            Element suite = DocumentBuilderFactory.newDefaultInstance()
                    .newDocumentBuilder()
                    .parse(in)
                    .getDocumentElement();
            List<Case> cases = new ArrayList<>();
            NodeList nodes = suite.getElementsByTagName("testcase");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element c = (Element) nodes.item(i);
                Element failure = child(c, "failure");
                cases.add(new Case(
                        c.getAttribute("classname"),
                        c.getAttribute("name"),
                        new BigDecimal(c.getAttribute("time")),
                        failure == null ? null : failure.getAttribute("type"),
                        failure == null ? null : failure.getTextContent(),
                        text(child(c, "skipped")),
                        text(child(c, "error"))));
            }
            return new JUnitXml(
                    Long.parseLong(suite.getAttribute("tests")),
                    Long.parseLong(suite.getAttribute("failures")),
                    Long.parseLong(suite.getAttribute("errors")),
                    new BigDecimal(suite.getAttribute("time")),
                    cases);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element && n.getNodeName().equals(name)) {
                return (Element) n;
            }
        }
        return null;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }
}
