package dev.cspctl.api;

import java.util.Optional;

/**
 * A failed call to one of the remote APIs: a non-2xx reply, an unreadable reply, or a transport
 * failure. Like fabric8's {@code KubernetesClientException} it carries structured context (API,
 * method, path, status, server message, resource) and builds a one-line message from it:
 *
 * <pre>
 * Personalize PUT /experiences/…/versions/… failed (400): personalize.EXPERIENCES.VERSIONS.CANNOT_UPDATE_LOCKED_VERSION [experience "Homepage hero"]
 * </pre>
 *
 * <p>{@code status} is 0 when no HTTP reply was received.
 */
public class RemoteApiException extends RuntimeException {
  private final Api api;
  private final String method;
  private final String path;
  private final int status;
  private final String serverMessage;
  private final ResourceRef resource;

  public RemoteApiException(
      Api api,
      String method,
      String path,
      int status,
      String serverMessage,
      ResourceRef resource,
      Throwable cause) {
    super(format(api, method, path, status, serverMessage, resource), cause);
    this.api = api;
    this.method = method;
    this.path = path;
    this.status = status;
    this.serverMessage = serverMessage;
    this.resource = resource;
  }

  public RemoteApiException(
      Api api, String method, String path, int status, String serverMessage, ResourceRef resource) {
    this(api, method, path, status, serverMessage, resource, null);
  }

  static String format(
      Api api, String method, String path, int status, String serverMessage, ResourceRef resource) {
    StringBuilder sb = new StringBuilder();
    sb.append(api.displayName())
        .append(' ')
        .append(method)
        .append(' ')
        .append(path)
        .append(" failed");
    if (status > 0) {
      sb.append(" (").append(status).append(')');
    }
    if (serverMessage != null && !serverMessage.isBlank()) {
      sb.append(": ").append(serverMessage);
    }
    if (resource != null) {
      sb.append(" [").append(resource).append(']');
    }
    return sb.toString();
  }

  /** The same failure, naming the spec resource the caller was working on. */
  public RemoteApiException withResource(ResourceRef ref) {
    RemoteApiException e =
        new RemoteApiException(api, method, path, status, serverMessage, ref, this);
    return e;
  }

  public Api api() {
    return api;
  }

  public String method() {
    return method;
  }

  /** Path with (redacted) query string. */
  public String path() {
    return path;
  }

  /** HTTP status, or 0 when no reply was received. */
  public int status() {
    return status;
  }

  public String serverMessage() {
    return serverMessage;
  }

  public Optional<ResourceRef> resource() {
    return Optional.ofNullable(resource);
  }
}
