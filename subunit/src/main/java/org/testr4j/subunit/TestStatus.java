package org.testr4j.subunit;

/**
 * The status a subunit v2 packet carries in its low three flag bits.
 *
 * <p>Each constant keeps python-subunit's wire name and code, so results can be compared with the
 * reference implementation directly: {@code TestStatus.fromWireName("xfail") == EXPECTED_FAIL}.
 */
public enum TestStatus {
    /** No status: the packet carries only a file chunk or tags. Python writes it as {@code None}. */
    NONE(0, ""),
    /** The test exists (it was listed, not run). */
    EXISTS(1, "exists"),
    /** The test has started. */
    IN_PROGRESS(2, "inprogress"),
    SUCCESS(3, "success"),
    /** Passed although it was expected to fail: counts as a failure. */
    UNEXPECTED_SUCCESS(4, "uxsuccess"),
    SKIP(5, "skip"),
    FAIL(6, "fail"),
    /** Failed as expected: counts as a success. */
    EXPECTED_FAIL(7, "xfail");

    private static final TestStatus[] BY_CODE = values();

    private final int code;
    private final String wireName;

    TestStatus(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    /** The three-bit code on the wire (0 to 7). */
    public int code() {
        return code;
    }

    /** python-subunit's name for the status ({@code "inprogress"}, {@code "xfail"}); empty for {@link #NONE}. */
    public String wireName() {
        return wireName;
    }

    /** True for the statuses that end a test: success, uxsuccess, skip, fail, xfail. */
    public boolean isFinal() {
        return code >= SUCCESS.code;
    }

    /** True for the final statuses that make a run unsuccessful: fail and uxsuccess (as testtools counts them). */
    public boolean isFailure() {
        return this == FAIL || this == UNEXPECTED_SUCCESS;
    }

    /** The status for a three-bit wire code. */
    public static TestStatus fromCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("status code must be 0 to 7, was " + code);
        }
        return BY_CODE[code];
    }

    /** The status for python-subunit's name; {@code ""} or {@code "none"} give {@link #NONE}. */
    public static TestStatus fromWireName(String name) {
        if (name.isEmpty() || name.equals("none")) {
            return NONE;
        }
        for (TestStatus s : BY_CODE) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown test status '" + name
                + "': expected one of exists, inprogress, success, uxsuccess, skip, fail, xfail");
    }
}
