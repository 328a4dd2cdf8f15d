package org.testr4j.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SurefirePatternsTest {
    @ParameterizedTest
    @CsvSource({
        "com.example.FooTest, true",
        "com.example.TestFoo, true",
        "com.example.FooTests, true",
        "com.example.FooTestCase, true",
        "FooTest, true",
        "com.example.Foo, false",
        "com.example.FooTestHelper, false",
        "com.example.Outer$InnerTest, false",
        "com.example.FooTest$1, false"
    })
    void defaultsAreSurefires(String className, boolean included) {
        assertThat(SurefirePatterns.of(List.of(), List.of()).includes(className))
                .isEqualTo(included);
    }

    @ParameterizedTest
    @CsvSource({
        "**/*Example.java, com.example.FooExample, true",
        "**/*Example.java, com.example.FooTest, false",
        "com/example/**, com.example.deep.Anything, true",
        "com/example/**, org.example.Anything, false",
        "com.example.FooTest, com.example.FooTest, true",
        "com.example.FooTest, com.other.FooTest, false",
        "FooTest, com.other.FooTest, true",
        "com/example/Foo?Test.class, com.example.FooXTest, true",
        "'%regex[.*(Cat|Dog).*Test.*]', com.example.CatFoodTest, true",
        "'%regex[.*(Cat|Dog).*Test.*]', com.example.FishTest, false"
    })
    void includesTakeSurefiresForms(String pattern, String className, boolean included) {
        assertThat(SurefirePatterns.of(List.of(pattern), List.of()).includes(className))
                .isEqualTo(included);
    }

    @ParameterizedTest
    @CsvSource({"**/Slow*.java, com.example.SlowTest, false", "**/Slow*.java, com.example.FastTest, true"})
    void excludesWinOverIncludes(String exclude, String className, boolean included) {
        assertThat(SurefirePatterns.of(List.of(), List.of(exclude)).includes(className))
                .isEqualTo(included);
    }

    @org.junit.jupiter.api.Test
    void commaSeparatedPatternsAreSeveral() {
        SurefirePatterns patterns = SurefirePatterns.of(List.of("**/A*.java, **/B*.java"), List.of());

        assertThat(patterns.includes("x.Alpha")).isTrue();
        assertThat(patterns.includes("x.Beta")).isTrue();
        assertThat(patterns.includes("x.Gamma")).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aRegexThatDoesNotCompileIsNamed() {
        assertThatThrownBy(() -> SurefirePatterns.of(List.of("%regex[(]"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("pattern '%regex[(]': not a regular expression");
    }
}
