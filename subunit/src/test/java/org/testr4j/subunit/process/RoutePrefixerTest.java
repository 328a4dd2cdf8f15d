package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class RoutePrefixerTest implements StreamResultContract {
    private final RecordingResult rec = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return new RoutePrefixer("0", new RecordingResult());
    }

    @Test
    void givesAnUnroutedEventThePrefixAlone() {
        new RoutePrefixer("w1", rec).status(Event.test("a").build());

        assertThat(rec.events()).extracting(Event::routeCode).containsExactly("w1");
    }

    @Test
    void joinsThePrefixToAnExistingRouteWithASlash() {
        new RoutePrefixer("0", rec).status(Event.test("a").routeCode("3/1").build());

        assertThat(rec.events()).extracting(Event::routeCode).containsExactly("0/3/1");
    }

    @Test
    void leavesEverythingElseAsItWas() {
        Event original = Event.test("a").tags("x").routeCode("3").build();

        new RoutePrefixer("0", rec).status(original);

        assertThat(rec.events().get(0)).isEqualTo(original.withRouteCode("0/3"));
        assertThat(original.routeCode()).isEqualTo("3");
    }

    @Test
    void forwardsStartAndStop() {
        RoutePrefixer prefixer = new RoutePrefixer("0", rec);

        prefixer.startRun();
        prefixer.stopRun();

        assertThat(rec.calls()).containsExactly("startRun", "stopRun");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0/1", "a\0b"})
    void refusesAPrefixThatIsNotOneRouteStep(String prefix) {
        assertThatThrownBy(() -> new RoutePrefixer(prefix, rec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("route step");
    }
}
