/**
 * nexor-sandbox: a local Nexor that speaks the public API on loopback, for tests, demos and rehearsals.
 *
 * <ul>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.NexorSandbox} – start, stop, inspect (embeddable from Java);
 *       {@link io.jenkins.plugins.nexor.sandbox.NexorSandboxExtension} for JUnit 5;
 *       {@link io.jenkins.plugins.nexor.sandbox.SandboxMain} – the command line.</li>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.SandboxDirectory} – leads, workflows and templates (seeded, extendable
 *       from JSON and Java) with {@link io.jenkins.plugins.nexor.sandbox.Lead}.</li>
 *   <li>{@code ApiHandler} – the HTTP routes and where each fault strikes; {@code Exchange} – one exchange: bounded
 *       body, the answer (or a dropped connection, or broken JSON), recorded once without the key.</li>
 *   <li>Slow clients: {@code RequestWorkers} – the HTTP workers, each request with a time budget to arrive
 *       (headers and body), and {@code RequestRead} – the cut when it is spent; {@code BodyReader} with
 *       {@code DeadlineInputStream} – bodies bounded in size (413), time (408) and how many at once (503).</li>
 *   <li>{@code MessageRules} – what Nexor checks beyond the request itself (lead and workflow exist, phone or
 *       e-mail present, WhatsApp's 24-hour window, template approved and given parameters when it has
 *       variables: {@code TemplateParameters}); the request itself is checked by
 *       nexor-client's parser and validator ({@code WireFormat}, {@code Validation}), never re-implemented.</li>
 *   <li>{@code PageHandler} – the HTML page at {@code /}; {@code SandboxJson} – the JSON of listings and inspection.</li>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.Fault} – injected failures; {@code RateLimiter} – the optional cap.</li>
 *   <li>{@link io.jenkins.plugins.nexor.sandbox.RecordedRequest}, {@link io.jenkins.plugins.nexor.sandbox.SentMessage}
 *       and {@code Journal} – what was received and sent: the last N, long texts cut, never the API key; send
 *       counts per lead for the whole run.</li>
 * </ul>
 */
package io.jenkins.plugins.nexor.sandbox;
