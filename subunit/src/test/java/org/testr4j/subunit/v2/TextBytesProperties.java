package org.testr4j.subunit.v2;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class TextBytesProperties {
    @Property
    void agreesWithAByteAtATimeScan(
            @ForAll("textLikeBytes") byte[] bytes,
            @ForAll @IntRange(max = 20) int cutFront,
            @ForAll @IntRange(max = 20) int cutBack) {
        int from = Math.min(cutFront, bytes.length);
        int length = Math.max(0, bytes.length - from - cutBack);

        int kind = TextBytes.scan(bytes, from, length);

        assertThat(kind).isEqualTo(slowScan(bytes, from, length));
    }

    /** Mostly ASCII with the odd NUL or high byte, at every position relative to a word boundary. */
    @Provide
    Arbitrary<byte[]> textLikeBytes() {
        Arbitrary<Byte> oneByte = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.bytes().between((byte) 1, (byte) 0x7F)),
                Tuple.of(1, Arbitraries.just((byte) 0)),
                Tuple.of(1, Arbitraries.bytes().between(Byte.MIN_VALUE, (byte) -1)));
        return oneByte.array(byte[].class).ofMaxSize(70);
    }

    private static int slowScan(byte[] bytes, int from, int length) {
        int kind = TextBytes.ASCII;
        for (int i = from; i < from + length; i++) {
            if (bytes[i] == 0) {
                kind |= TextBytes.HAS_NUL;
            }
            if (bytes[i] < 0) {
                kind |= TextBytes.NON_ASCII;
            }
        }
        return kind;
    }
}
