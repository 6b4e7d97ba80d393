package dev.cspctl.api.http;

/** The documented rate limits (contentstack-api.md §0); one {@link RateWindow} each. */
public enum RateBucket {
  /** Personalize: 10 req/s per organisation, reads and writes alike. */
  PERSONALIZE,
  /** CMA GET: 10 req/s. */
  CMA_READ,
  /** CMA writes: 10 req/s. */
  CMA_WRITE,
  /** CMA bulk actions: 1 req/s. */
  CMA_BULK
}
