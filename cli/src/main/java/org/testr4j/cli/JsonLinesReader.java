package org.testr4j.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.testr4j.subunit.Bytes;
import org.testr4j.subunit.Event;
import org.testr4j.subunit.StreamResult;
import org.testr4j.subunit.TestStatus;

/**
 * Reads JSON lines written by {@link JsonLinesWriter#events} back into events, one line at a time.
 * A bad line is reported with its line number and skipped; the other lines still flow.
 */
final class JsonLinesReader {
    private final JsonFactory factory = new JsonFactory();

    /**
     * Reads every line of {@code in} into {@code sink}; returns how many lines were bad.
     *
     * @param problems receives one message per bad line ({@code "line 3: unknown status 'passed'"})
     */
    long read(InputStream in, StreamResult sink, Consumer<String> problems) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long bad = 0;
        long number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                sink.status(parse(line));
            } catch (JsonParseException e) {
                bad++;
                problems.accept("line " + number + ": not JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                bad++;
                problems.accept("line " + number + ": " + e.getMessage());
            }
        }
        return bad;
    }

    private Event parse(String line) throws IOException {
        try (JsonParser p = factory.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected a JSON object, found " + p.currentToken());
            }
            Event.Builder b = Event.builder();
            String fileName = null;
            Bytes content = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "timestamp":
                        b.timestamp(Instant.parse(p.getText()));
                        break;
                    case "test_id":
                        b.testId(p.getText());
                        break;
                    case "status":
                        b.status(TestStatus.fromWireName(p.getText()));
                        break;
                    case "tags":
                        b.tags(readTags(p, value));
                        break;
                    case "runnable":
                        b.runnable(p.getBooleanValue());
                        break;
                    case "route_code":
                        b.routeCode(p.getText());
                        break;
                    case "mime_type":
                        b.mimeType(p.getText());
                        break;
                    case "eof":
                        b.eof(p.getBooleanValue());
                        break;
                    case "file_name":
                        fileName = p.getText();
                        break;
                    case "file_text":
                        content = Bytes.utf8(p.getText());
                        break;
                    case "file_base64":
                        content = Bytes.of(Base64.getDecoder().decode(p.getText()));
                        break;
                    default:
                        p.skipChildren(); // unknown fields are ignored, for forward compatibility
                }
            }
            if ((fileName == null) != (content == null)) {
                throw new IllegalArgumentException("file_name and file_text/file_base64 go together");
            }
            if (fileName != null) {
                b.file(fileName, content);
            }
            return b.build();
        }
    }

    private static Set<String> readTags(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("tags must be an array of strings");
        }
        Set<String> tags = new LinkedHashSet<>();
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            tags.add(p.getText());
        }
        return tags;
    }
}
