package dev.stride.core.content;

/** Sunbird's content (and enrolment) status values. */
public final class ContentStatus {

    public static final int NOT_STARTED = 0;
    public static final int IN_PROGRESS = 1;
    public static final int COMPLETED = 2;

    private ContentStatus() {
    }

    public static boolean isValid(int status) {
        return status >= NOT_STARTED && status <= COMPLETED;
    }
}
