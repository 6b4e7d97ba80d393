package dev.cspctl.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.cspctl.api.http.HttpTransport;
import org.slf4j.LoggerFactory;

/** {@code -v}: one line per HTTP request on stderr (secrets are redacted by the transport). */
final class Logging {
  private Logging() {}

  static void configure(GlobalOptions global) {
    Logger http = (Logger) LoggerFactory.getLogger(HttpTransport.LOGGER_NAME);
    http.setLevel(global.verbose ? Level.INFO : Level.WARN);
  }
}
