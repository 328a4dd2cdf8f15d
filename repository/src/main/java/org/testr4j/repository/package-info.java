/**
 * The test repository: every run kept as the subunit v2 stream it arrived as, plus a derived index
 * ({@link org.testr4j.repository.RunIndex}, SQLite by default) that answers queries without
 * re-reading the streams. The streams are the truth; the index can always be rebuilt from them.
 */
package org.testr4j.repository;
