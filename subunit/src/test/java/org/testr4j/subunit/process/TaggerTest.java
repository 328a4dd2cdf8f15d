package org.testr4j.subunit.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.RecordingResult;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.StreamResultContract;

class TaggerTest implements StreamResultContract {
    private final RecordingResult rec = new RecordingResult();

    @Override
    public StreamResult createResult() {
        return Tagger.fromArguments(List.of("added", "-tagged"), new RecordingResult());
    }

    @Test
    void addsAndRemovesTagsOnEveryEventLikeSubunitTags() {
        StreamResult tagger = Tagger.fromArguments(List.of("ci", "-flaky"), rec);

        tagger.status(Event.test("a").tags("flaky", "db").build());
        tagger.status(Event.builder().file("stdout", Bytes.utf8("x")).build());

        assertThat(rec.events()).extracting(Event::tags).containsExactly(Set.of("db", "ci"), Set.of("ci"));
    }

    @Test
    void keepsTheEventsTagOrderAndAppendsNewTags() {
        new Tagger(Set.of("z"), Set.of(), rec)
                .status(Event.test("a").tags("b", "a").build());

        assertThat(rec.events().get(0).tags()).containsExactly("b", "a", "z");
    }

    @Test
    void removesATagThatIsBothAddedAndRemoved() {
        Tagger.fromArguments(List.of("x", "-x"), rec).status(Event.test("a").build());

        assertThat(rec.events().get(0).tags()).isEmpty();
    }

    @Test
    void neverChangesTheCallersTagSets() {
        Set<String> add = new LinkedHashSet<>(Set.of("ci"));
        Tagger tagger = new Tagger(add, Set.of(), rec);
        Event original = Event.test("a").tags("db").build();

        tagger.status(original);
        add.add("later");
        tagger.status(original);

        assertThat(original.tags()).containsExactly("db");
        assertThat(rec.events()).extracting(Event::tags).containsOnly(Set.of("db", "ci"));
        assertThat(tagger.added()).containsExactly("ci");
    }

    @Test
    void passesAnAlreadyTaggedEventOnAsItIs() {
        Event tagged = Event.test("a").tags("ci").build();

        new Tagger(Set.of("ci"), Set.of("gone"), rec).status(tagged);

        assertThat(rec.events().get(0)).isSameAs(tagged);
    }

    @Test
    void refusesEmptyTags() {
        assertThatThrownBy(() -> Tagger.fromArguments(List.of("-"), rec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("removed");
    }
}
