package dev.cspctl.api;

/**
 * A non-idempotent request (POST) was sent but its reply was lost (connection reset, empty reply,
 * read timeout). The write may or may not have happened; the transport does NOT re-send it. The
 * caller must re-read the remote state to find out. See {@link dev.cspctl.api.http.RetryPolicy}.
 */
public final class ResponseLostException extends RemoteApiException {
  private final String detail;

  public ResponseLostException(
      Api api, String method, String path, String detail, ResourceRef resource, Throwable cause) {
    super(
        api,
        method,
        path,
        0,
        "reply lost ("
            + detail
            + "); the request was not re-sent, re-read the state to learn"
            + " whether it took effect",
        resource,
        cause);
    this.detail = detail;
  }

  @Override
  public RemoteApiException withResource(ResourceRef ref) {
    return new ResponseLostException(api(), method(), path(), detail, ref, this);
  }
}
