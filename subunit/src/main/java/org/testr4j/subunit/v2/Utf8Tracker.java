package org.testr4j.subunit.v2;

/**
 * Follows the UTF-8 state of the non-subunit bytes in a stream, so that a 0xB3 byte continuing a
 * multi-byte character is not taken for a packet signature.
 *
 * <p>It mirrors python-subunit exactly, quirks included: python feeds each non-subunit byte to an
 * incremental strict UTF-8 decoder that lives for the whole stream. After a decoding error that
 * decoder keeps its buffered partial character, so {@code E2 41 82} leaves it mid-character again.
 * CPython also buffers {@code ED A0}..{@code ED BF} (the start of a surrogate) rather than failing
 * at once, and then fails on every later byte: that decoder stays stuck for the rest of the stream.
 */
final class Utf8Tracker {
    private int lead; // the buffered partial character's first byte, 0 when none
    private int have; // continuation bytes buffered after the lead
    private int need; // continuation bytes the lead still needs
    private boolean midCharacter;
    private boolean surrogate; // buffered ED A0..BF: no byte can complete it

    /** python's {@code mid_character}: did the last byte leave a character unfinished? */
    boolean midCharacter() {
        return midCharacter;
    }

    void feed(int b) {
        if (need == 0) {
            if (b >= 0xC2 && b <= 0xDF) {
                start(b, 1);
            } else if (b >= 0xE0 && b <= 0xEF) {
                start(b, 2);
            } else if (b >= 0xF0 && b <= 0xF4) {
                start(b, 3);
            } else {
                midCharacter = false; // ASCII, or an invalid start byte (an error that buffers nothing)
            }
        } else if (lead == 0xED && have == 0 && b >= 0xA0 && b <= 0xBF) {
            have = 1;
            need = 1;
            surrogate = true;
            midCharacter = true;
        } else if (continues(b)) {
            have++;
            need--;
            midCharacter = need > 0;
            if (need == 0) {
                lead = 0;
                have = 0;
            }
        } else {
            midCharacter = false; // a decoding error: python's decoder keeps its buffer
        }
    }

    private void start(int b, int continuations) {
        lead = b;
        have = 0;
        need = continuations;
        midCharacter = true;
    }

    private boolean continues(int b) {
        if (b < 0x80 || b > 0xBF || surrogate) {
            return false;
        }
        if (have > 0) {
            return true;
        }
        switch (lead) {
            case 0xE0:
                return b >= 0xA0;
            case 0xED:
                return b <= 0x9F;
            case 0xF0:
                return b >= 0x90;
            case 0xF4:
                return b <= 0x8F;
            default:
                return true;
        }
    }
}
