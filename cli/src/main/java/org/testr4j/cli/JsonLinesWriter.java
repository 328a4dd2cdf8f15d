package org.testr4j.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;
import org.testr4j.subunit.process.Attachment;
import org.testr4j.subunit.process.TestAssembler;
import org.testr4j.subunit.process.TestResult;

/**
 * Writes a stream as JSON lines: one object per event ({@link #events}) or per finished test
 * ({@link #tests}). Field names follow python-subunit's {@code status()} arguments. File content
 * that is valid UTF-8 goes in {@code file_text}, anything else in {@code file_base64}, so the
 * output is both readable and lossless:
 *
 * <pre>{@code
 * {"timestamp":"2024-02-29T23:59:58.123456Z","test_id":"pkg.T.a","status":"fail","route_code":"0"}
 * }</pre>
 */
final class JsonLinesWriter {
    private JsonLinesWriter() {}

    /** One JSON object per event; {@link JsonLinesReader} reads it back to the same events. */
    static StreamResult events(OutputStream out) throws IOException {
        JsonGenerator json = generator(out);
        return new StreamResult() {
            @Override
            public void status(Event e) {
                try {
                    json.writeStartObject();
                    if (e.timestamp() != null) {
                        json.writeStringField("timestamp", e.timestamp().toString());
                    }
                    stringField(json, "test_id", e.testId());
                    if (e.status() != TestStatus.NONE) {
                        json.writeStringField("status", e.status().wireName());
                    }
                    tags(json, e.tags());
                    if (!e.runnable()) {
                        json.writeBooleanField("runnable", false);
                    }
                    stringField(json, "route_code", e.routeCode());
                    stringField(json, "mime_type", e.mimeType());
                    if (e.hasFile()) {
                        json.writeStringField("file_name", e.fileName());
                        content(json, "file", e.fileBytes());
                    }
                    if (e.eof()) {
                        json.writeBooleanField("eof", true);
                    }
                    json.writeEndObject();
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            }

            @Override
            public void stopRun() {
                flush(json);
            }
        };
    }

    /** One JSON object per finished test: outcome, times, worker, tags and attachments. */
    static StreamResult tests(OutputStream out) throws IOException {
        JsonGenerator json = generator(out);
        TestAssembler assembler = new TestAssembler(r -> write(json, r));
        return new StreamResult() {
            @Override
            public void status(Event event) {
                assembler.status(event);
            }

            @Override
            public void stopRun() {
                assembler.stopRun();
                flush(json);
            }
        };
    }

    private static void write(JsonGenerator json, TestResult r) {
        try {
            json.writeStartObject();
            json.writeStringField("test_id", r.testId());
            json.writeStringField("status", r.status().wireName());
            stringField(json, "route_code", r.routeCode());
            instantField(json, "start", r.start());
            instantField(json, "stop", r.stop());
            if (r.duration().isPresent()) {
                json.writeNumberField("duration", r.duration().get().toNanos() / 1e9);
            }
            tags(json, r.tags());
            if (!r.runnable()) {
                json.writeBooleanField("runnable", false);
            }
            if (!r.attachments().isEmpty()) {
                json.writeObjectFieldStart("attachments");
                for (Attachment a : r.attachments()) {
                    json.writeObjectFieldStart(a.name());
                    stringField(json, "mime_type", a.mimeType());
                    content(json, "", a.content());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        json.setRootValueSeparator(new SerializedString("\n"));
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return json;
    }

    private static void flush(JsonGenerator json) {
        try {
            json.writeRaw('\n');
            json.flush();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    private static void stringField(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void instantField(JsonGenerator json, String name, Instant value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value.toString());
        }
    }

    private static void tags(JsonGenerator json, Set<String> tags) throws IOException {
        if (!tags.isEmpty()) {
            json.writeArrayFieldStart("tags");
            for (String tag : tags) {
                json.writeString(tag);
            }
            json.writeEndArray();
        }
    }

    /** {@code <prefix>_text} for UTF-8 content, {@code <prefix>_base64} otherwise. */
    private static void content(JsonGenerator json, String prefix, Bytes bytes) throws IOException {
        String lead = prefix.isEmpty() ? "" : prefix + "_";
        byte[] raw = bytes.toByteArray();
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
            json.writeStringField(lead + "text", text);
        } catch (CharacterCodingException notText) {
            json.writeStringField(lead + "base64", Base64.getEncoder().encodeToString(raw));
        }
    }
}
