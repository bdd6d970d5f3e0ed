package org.sitrep.store;

/** A database failure (I/O, corruption, locking) with the facts needed to fix it. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) { super(message, cause); }
}
