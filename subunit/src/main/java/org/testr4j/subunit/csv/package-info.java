/**
 * CSV output: {@link org.testr4j.subunit.csv.CsvWriter} writes one row per test, as python-subunit's
 * {@code subunit2csv} does.
 */
package org.testr4j.subunit.csv;
