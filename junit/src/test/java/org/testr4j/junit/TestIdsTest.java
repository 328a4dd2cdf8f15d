package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestIdsTest {
    @Test
    void parametersAreSimpleTypeNames() {
        assertThat(TestIds.parameters("")).isEmpty();
        assertThat(TestIds.parameters("int, java.lang.String")).isEqualTo("(int, String)");
        assertThat(TestIds.parameters("java.lang.String[], com.example.Outer$Inner"))
                .isEqualTo("(String[], Inner)");
    }

    @Test
    void invocationsAreStrippedFromTheEnd() {
        assertThat(TestIds.withoutInvocations("a.B.m(int[])[2][1]")).isEqualTo("a.B.m(int[])");
        assertThat(TestIds.withoutInvocations("a.B.m")).isEqualTo("a.B.m");
    }

    @Test
    void classCandidatesComeFromTheIdsShape() {
        assertThat(TestIds.classCandidates("a.B.m(int, int)[2]")).containsExactly("a.B");
        assertThat(TestIds.classCandidates("a.B$C.m")).containsExactly("a.B$C.m", "a.B$C");
        assertThat(TestIds.classCandidates("a.B")).containsExactly("a.B", "a");
        assertThat(TestIds.classCandidates("[engine:x]/[class:y]")).isEmpty();
    }
}
