package org.testr4j.subunit.v1;

import org.testr4j.subunit.TestStatus;

/**
 * The v1 outcome directives and what python-subunit's {@code subunit-1to2} turns each into: the
 * v2 status, and the name and MIME type it gives a {@code [ ... ]} (simple) details block.
 */
enum Outcome {
    SUCCESS("success", TestStatus.SUCCESS, "message", "text/plain"),
    FAILURE("failure", TestStatus.FAIL, "traceback", Outcome.TRACEBACK),
    /** v2 has no separate error status: testtools reports both as {@code fail}. */
    ERROR("error", TestStatus.FAIL, "traceback", Outcome.TRACEBACK),
    SKIP("skip", TestStatus.SKIP, "reason", "text/plain"),
    XFAIL("xfail", TestStatus.EXPECTED_FAIL, "traceback", Outcome.TRACEBACK),
    UXSUCCESS("uxsuccess", TestStatus.UNEXPECTED_SUCCESS, "traceback", Outcome.TRACEBACK);

    /** testtools' {@code repr} of the content type python-subunit gives a simple traceback block. */
    static final String TRACEBACK = "text/x-traceback; charset=\"utf8\"";

    private final String label;
    private final TestStatus status;
    private final String simpleDetailName;
    private final String simpleDetailMimeType;

    Outcome(String label, TestStatus status, String simpleDetailName, String simpleDetailMimeType) {
        this.label = label;
        this.status = status;
        this.simpleDetailName = simpleDetailName;
        this.simpleDetailMimeType = simpleDetailMimeType;
    }

    /** The outcome a directive keyword (colons already stripped) names, or null if it names none. */
    static Outcome forKeyword(String keyword) {
        switch (keyword) {
            case "success":
            case "successful":
                return SUCCESS;
            case "failure":
                return FAILURE;
            case "error":
                return ERROR;
            case "skip":
                return SKIP;
            case "xfail":
                return XFAIL;
            case "uxsuccess":
                return UXSUCCESS;
            default:
                return null;
        }
    }

    /** The word python-subunit uses for this outcome in "lost connection during ... report" messages. */
    String label() {
        return label;
    }

    TestStatus status() {
        return status;
    }

    String simpleDetailName() {
        return simpleDetailName;
    }

    String simpleDetailMimeType() {
        return simpleDetailMimeType;
    }
}
