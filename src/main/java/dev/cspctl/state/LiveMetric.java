package dev.cspctl.state;

/** A version metric; {@code type} is the wire {@code __type} (Primary / Secondary). */
public record LiveMetric(String type, String eventUid, String name) {}
