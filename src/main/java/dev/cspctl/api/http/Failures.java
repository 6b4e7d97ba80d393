package dev.cspctl.api.http;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;

/** A failure in words for the user, never a Java type name. */
public final class Failures {
  private Failures() {}

  public static String describe(Throwable e) {
    String m = e.getMessage();
    String detail = m == null || m.isBlank() ? "" : ": " + m;
    if (e instanceof SocketTimeoutException) return "timed out" + detail;
    if (e instanceof ConnectException) return "connection refused" + detail;
    if (e instanceof UnknownHostException) return "unknown host" + detail;
    if (e instanceof NoHttpResponseException)
      return "the server closed the connection without a reply";
    if (e instanceof ConnectionClosedException)
      return "the connection closed before the reply was complete";
    if (e instanceof SSLException) return "TLS failure" + detail;
    if (e instanceof SocketException) return "connection error" + detail;
    if (e instanceof NoSuchFileException) return "no such file" + detail;
    if (e instanceof AccessDeniedException) return "permission denied" + detail;
    if (e instanceof java.io.IOException) return "input/output error" + detail;
    return m == null || m.isBlank() ? "unexpected error" : m;
  }
}
