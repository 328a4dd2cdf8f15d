package org.testr4j.subunit.junitxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LongTextWriterTest {
    @Test
    void writesShortAndLongPiecesInOrderAsUtf8() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LongTextWriter writer = new LongTextWriter(out);
        String traceback = "é".repeat(LongTextWriter.LONG);

        writer.write("<a x=\"");
        writer.write('1');
        writer.write("\">".toCharArray(), 0, 2);
        writer.write(traceback);
        writer.write("</a>", 2, 2);
        writer.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("<a x=\"1\">" + traceback + "a>");
    }

    @Test
    void keepsASurrogatePairSplitBetweenTwoBuffers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LongTextWriter writer = new LongTextWriter(out);
        String text = "a".repeat(32 * 1024 - 1) + "\uD83D\uDE00 ok"; // the pair straddles the first buffer's end

        for (char c : text.toCharArray()) {
            writer.write(c);
        }
        writer.flush();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    }
}
