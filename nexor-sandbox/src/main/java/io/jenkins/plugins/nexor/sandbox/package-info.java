/**
 * nexor-sandbox: a local Nexor that speaks the public API on loopback, for tests, demos and rehearsals.
 *
 * <ul>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.NexorSandbox} – start, stop, inspect (embeddable from Java);
 *       {@link io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension} for JUnit 5;
 *       {@link io.jenkins.plugins.nexor.sandbox.SandboxMain} – the command line.</li>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.SandboxDirectory} – leads, workflows and templates (seeded, extendable
 *       from JSON) with {@link io.jenkins.plugins.nexor.sandbox.Lead}.</li>
 *   <li>{@code ApiHandler} – the HTTP routes; {@code MessageRules} – what Nexor checks beyond the request itself (lead
 *       exists, has a phone or e-mail, WhatsApp's 24-hour window) – the request itself is checked by nexor-client's
 *       validator, never re-implemented; {@code PageHandler} – the HTML page at {@code /}.</li>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.Fault} – injected failures; {@code RateLimiter} – the optional cap.</li>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.RecordedRequest}, {@link io.jenkins.plugins.nexor.sandbox.SentMessage}
 *       and {@code Journal} – what was received and sent, bounded, without the API key.</li>
 * </ul>
 */
package io.jenkins.plugins.nexor.sandbox;
