package dev.cspctl.api.http;

import org.slf4j.LoggerFactory;

/**
 * Apache HttpClient logs request headers ({@code org.apache.hc.client5.http.headers}) and raw bytes
 * ({@code org.apache.hc.client5.http.wire}) at DEBUG, tokens included. cspctl describes requests
 * itself (redacted, {@link Redactor}); these two loggers are pinned to INFO when the SLF4J binding
 * is Logback, so turning the root logger up to TRACE cannot leak secrets.
 */
final class HttpWireLogGuard {
  static final String[] LEAKY = {
    "org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire"
  };

  private HttpWireLogGuard() {}

  static void apply() {
    for (String name : LEAKY) {
      org.slf4j.Logger l = LoggerFactory.getLogger(name);
      if (l instanceof ch.qos.logback.classic.Logger lb) {
        lb.setLevel(ch.qos.logback.classic.Level.INFO);
      }
    }
  }
}
