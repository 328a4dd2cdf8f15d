/**
 * TAP (Test Anything Protocol) input: {@link org.testr4j.subunit.tap.TapReader} turns TAP text into
 * subunit events as python-subunit's {@code tap2subunit} does.
 */
package org.testr4j.subunit.tap;
