package org.sitrep.cli;

/** An error the user can fix (a missing file, a bad option); printed without a stack trace. */
public final class UserException extends RuntimeException {
    public UserException(String message) { super(message); }
}
