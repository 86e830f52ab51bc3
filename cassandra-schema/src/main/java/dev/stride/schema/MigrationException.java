package dev.stride.schema;

/** A migration could not be loaded, planned or applied; the message says which file and why. */
public class MigrationException extends RuntimeException {

    public MigrationException(String message) {
        super(message);
    }

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
