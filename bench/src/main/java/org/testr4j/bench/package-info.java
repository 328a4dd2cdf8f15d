/**
 * Throughput and heap benchmarks for the subunit v2 codec, compared with python-subunit by the
 * {@code bench/codec} script on the same stream files in the same run.
 */
package org.testr4j.bench;
