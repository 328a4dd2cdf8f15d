package org.testr4j.subunit.tap;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Attachment;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;

/**
 * Writes finished tests as TAP version 13, one line each as they end, the plan last (TAP allows
 * it there, and the count is only known at the end):
 *
 * <pre>{@code
 * TAP version 13
 * ok 1 - pkg.T.adds
 * not ok 2 - pkg.T.subtracts
 *   # Traceback ...
 * ok 3 - pkg.T.later # SKIP not on this platform
 * not ok 4 - pkg.T.known # TODO expected failure
 * 1..4
 * }</pre>
 *
 * An expected failure is TAP's {@code not ok # TODO}; an unexpected success is a plain {@code not
 * ok}, since subunit counts it as a failure. Text attachments of failed tests follow as comments.
 */
public final class TapWriter implements StreamResult {
    private final Writer out;
    private final TestAssembler assembler = new TestAssembler(this::write);
    private int number;

    private TapWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    public static TapWriter to(OutputStream out) {
        return new TapWriter(out);
    }

    @Override
    public void startRun() {
        print("TAP version 13\n");
    }

    @Override
    public void status(Event event) {
        assembler.status(event);
    }

    @Override
    public void stopRun() {
        assembler.stopRun();
        print("1.." + number + "\n");
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(TestResult test) {
        TestStatus status = test.status();
        if (status == TestStatus.EXISTS) {
            return;
        }
        number++;
        String name = test.testId().replace("#", "\\#").replace('\n', ' ');
        switch (status) {
            case SUCCESS:
                print("ok " + number + " - " + name + "\n");
                break;
            case SKIP:
                print("ok " + number + " - " + name + " # SKIP" + reason(test) + "\n");
                break;
            case EXPECTED_FAIL:
                print("not ok " + number + " - " + name + " # TODO expected failure\n");
                break;
            case UNEXPECTED_SUCCESS:
                print("not ok " + number + " - " + name + " # unexpected success\n");
                break;
            case IN_PROGRESS:
                print("not ok " + number + " - " + name + " # did not finish\n");
                break;
            default:
                print("not ok " + number + " - " + name + "\n");
                comments(test);
        }
    }

    private void print(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reason(TestResult test) {
        return test.attachment("reason")
                .map(a -> " " + a.content().utf8().strip().replace('\n', ' '))
                .orElse("");
    }

    private void comments(TestResult test) {
        for (Attachment a : test.attachments()) {
            if (!a.isText() || a.content().isEmpty()) {
                continue;
            }
            print("  # " + a.name() + ":\n");
            for (String line : a.content().utf8().split("\n")) {
                print("  #   " + line + "\n");
            }
        }
    }
}
