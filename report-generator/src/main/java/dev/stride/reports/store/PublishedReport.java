package dev.stride.reports.store;

/** A report file as published: its store path, size in bytes and SHA-256 (lower-case hex) of exactly those bytes. */
public record PublishedReport(String path, long sizeBytes, String sha256) {
}
