/**
 * Local emulator of the Contentstack Personalize Management API and the CMA, for tests and {@code
 * cspctl emulator} / {@code --sandbox}.
 *
 * <p>One port on 127.0.0.1: Personalize at the root ({@code /attributes}, {@code /events}, {@code
 * /audiences}, {@code /experiences[/{uid}[/versions[/{vuid}]]]}, {@code /experiences-priority});
 * CMA under {@code /v3} ({@code /user-session}, {@code /variant_groups[/{uid}[/variants]]}, {@code
 * /content_types[/{ct}[/entries[/{uid}[/variants[/{vuid}]|/publish]]]]}, {@code /bulk/publish},
 * {@code /bulk/jobs/{id}}).
 *
 * <p>Admin paths (no auth; loopback only): {@code GET /_emulator/state} (state JSON), {@code GET
 * /_emulator/requests} (request log, secrets redacted), {@code GET /_emulator/counters} (per
 * rate-limit bucket: requests, throttled), {@code POST /_emulator/reset} (back to the seed).
 *
 * <p>Credentials: {@link dev.cspctl.emulator.AcceptedCredentials#fromEnvironment} (cli.md
 * variables) else {@link dev.cspctl.emulator.SandboxCredentials}. Every inferred or undocumented
 * behaviour is a constant in {@link dev.cspctl.emulator.EmulatorAssumptions}.
 */
package dev.cspctl.emulator;
