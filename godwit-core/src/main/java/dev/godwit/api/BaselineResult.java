package dev.godwit.api;

/**
 * The result of {@code baseline}.
 *
 * @param version the baseline version
 * @param description the baseline description
 * @param created false when an identical baseline already existed
 */
public record BaselineResult(String version, String description, boolean created) {}
