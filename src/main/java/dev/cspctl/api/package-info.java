/**
 * Typed clients of the two remote APIs and the transport policy they share.
 *
 * <ul>
 *   <li>{@link dev.cspctl.api.ContentstackClients} wires a run: {@link dev.cspctl.api.Credentials}
 *       (from the cli.md environment) + {@link dev.cspctl.api.ApiEndpoints} (region or explicit
 *       URLs; plain http only to loopback) + {@link dev.cspctl.api.http.TransportConfig}.
 *   <li>{@link dev.cspctl.api.personalize.PersonalizeClient} and {@link
 *       dev.cspctl.api.cma.CmaClient} are the typed clients; {@code about(ResourceRef)} makes their
 *       errors name the spec resource.
 *   <li>{@link dev.cspctl.api.http.HttpTransport} is the one policy: rate buckets ({@link
 *       dev.cspctl.api.http.RateLimiter}), retries ({@link dev.cspctl.api.http.RetryPolicy} — the
 *       rule for POST lives there), redaction ({@link dev.cspctl.api.http.Redactor}), error mapping
 *       to {@link dev.cspctl.api.RemoteApiException} / {@link
 *       dev.cspctl.api.ResponseLostException}.
 *   <li>{@link dev.cspctl.api.ApiAssumptions} holds every [inf]/SILENT behaviour and conflict
 *       decision of contentstack-api.md as one constant each.
 * </ul>
 */
package dev.cspctl.api;
