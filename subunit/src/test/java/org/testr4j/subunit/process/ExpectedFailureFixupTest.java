package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testr4j.subunit.TestStatus.EXPECTED_FAIL;
import static org.testr4j.subunit.TestStatus.FAIL;
import static org.testr4j.subunit.TestStatus.IN_PROGRESS;
import static org.testr4j.subunit.TestStatus.SKIP;
import static org.testr4j.subunit.TestStatus.SUCCESS;
import static org.testr4j.subunit.TestStatus.UNEXPECTED_SUCCESS;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class ExpectedFailureFixupTest implements StreamResultContract {
    private final RecordingResult rec = new RecordingResult();
    private final ExpectedFailureFixup fixup = new ExpectedFailureFixup(Set.of("known"), rec);

    @Override
    public StreamResult createResult() {
        return new ExpectedFailureFixup(Set.of("pkg.Case.test_1"), new RecordingResult());
    }

    @Test
    void turnsAListedFailureIntoAnExpectedFailure() {
        fixup.status(Event.test("known").status(FAIL).build());

        assertThat(rec.events()).extracting(Event::status).containsExactly(EXPECTED_FAIL);
    }

    @Test
    void turnsAListedSuccessIntoAnUnexpectedSuccess() {
        fixup.status(Event.test("known").status(SUCCESS).build());

        assertThat(rec.events()).extracting(Event::status).containsExactly(UNEXPECTED_SUCCESS);
    }

    @Test
    void leavesOtherTestsAndStatusesAlone() {
        fixup.status(Event.test("other").status(FAIL).build());
        fixup.status(Event.test("known").status(IN_PROGRESS).build());
        fixup.status(Event.test("known").status(SKIP).build());

        assertThat(rec.events()).extracting(Event::status).containsExactly(FAIL, IN_PROGRESS, SKIP);
    }
}
