package org.testr4j.repository;

import java.io.IOException;

/** A run id that names no run; the message says which ids exist. */
public final class NoSuchRunException extends IOException {
    private static final long serialVersionUID = 1L;

    public NoSuchRunException(String message) {
        super(message);
    }
}
