/**
 * JUnit XML in both directions: {@link org.testr4j.subunit.junitxml.JUnitXmlWriter} writes a run as
 * python-subunit's {@code subunit2junitxml} does, and {@link
 * org.testr4j.subunit.junitxml.JUnitXmlReader} turns Surefire and Gradle report files into subunit
 * events. Both use the JDK's StAX, never hand-made XML.
 */
package org.testr4j.subunit.junitxml;
