package dev.cspctl.api.personalize;

import dev.cspctl.api.Api;
import dev.cspctl.api.RemoteApiException;
import dev.cspctl.api.ResourceRef;
import dev.cspctl.api.http.Sleeper;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;

/**
 * Waits for the server's asynchronous CMS sync (§4, decision 1): polls {@code GET
 * /experiences/{uid}} with exponential backoff until {@code _cms.variantGroup} is set and {@code
 * _cms.variants} holds every expected shortUid, or fails with a clear error once the time spent
 * waiting between polls exceeds the timeout.
 */
public final class CmsSyncWaiter {
  private final PersonalizePort client;
  private final Sleeper sleeper;
  private final Duration initial;
  private final Duration max;
  private final Duration timeout;

  public CmsSyncWaiter(
      PersonalizePort client, Sleeper sleeper, Duration initial, Duration max, Duration timeout) {
    this.client = client;
    this.sleeper = sleeper;
    this.initial = initial;
    this.max = max;
    this.timeout = timeout;
  }

  /** Defaults: first wait 1 s, doubling up to 5 s (the CLI polls every 5 s), 60 s in total. */
  public static CmsSyncWaiter defaults(PersonalizePort client) {
    return new CmsSyncWaiter(
        client, Sleeper.REAL, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  /**
   * Waits until the CMS has synced the experience's variants.
   *
   * @param expectedShortUids variant shortUids that must be mapped (empty: any non-empty map)
   * @param resource spec resource for the error message (nullable)
   */
  public RemoteExperience await(
      String experienceUid, Collection<String> expectedShortUids, ResourceRef resource) {
    return awaitCounting(experienceUid, expectedShortUids, resource).experience();
  }

  /**
   * What a wait found: the synced experience, after how many polls, and when ({@link
   * System#nanoTime()}) the poll that found it was sent: the sync was complete by then.
   */
  public record Synced(RemoteExperience experience, int polls, long foundBySentAtNanos) {}

  /** As {@link #await}, also counting the polls. */
  public Synced awaitCounting(
      String experienceUid, Collection<String> expectedShortUids, ResourceRef resource) {
    int polls = 0;
    Set<String> expected = Set.copyOf(expectedShortUids);
    Duration waited = Duration.ZERO;
    Duration next = initial;
    PersonalizePort c = resource == null ? client : client.about(resource);
    while (true) {
      long sentAt = System.nanoTime();
      RemoteExperience e = c.getExperience(experienceUid);
      polls++;
      if (e.cmsReady() && e.cms().variants().keySet().containsAll(expected)) {
        return new Synced(e, polls, sentAt);
      }
      if (waited.compareTo(timeout) >= 0) {
        String state =
            e.cms() == null || e.cms().variantGroup() == null
                ? "no variant group yet"
                : "variants mapped for shortUids "
                    + e.cms().variants().keySet()
                    + ", expected "
                    + expected;
        throw new RemoteApiException(
            Api.PERSONALIZE,
            "GET",
            "/experiences/" + experienceUid,
            0,
            "CMS variant group not synced after "
                + waited.toMillis() / 1000.0
                + " s of waiting and "
                + polls
                + " poll(s) ("
                + state
                + "); the server syncs _cms asynchronously after the version gains variants",
            resource);
      }
      try {
        sleeper.sleep(next);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new RemoteApiException(
            Api.PERSONALIZE,
            "GET",
            "/experiences/" + experienceUid,
            0,
            "interrupted while waiting for the CMS sync",
            resource,
            ie);
      }
      waited = waited.plus(next);
      next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    }
  }
}
