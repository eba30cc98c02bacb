/**
 * Jenkins-free Java client for Nexor's public API.
 *
 * <p>What lives here, one job per file:
 * <ul>
 *   <li>the request model: {@link io.jenkins.plugins.nexor.client.MessageRequest} (immutable, built by its builder from
 *       typed or raw form input), {@link io.jenkins.plugins.nexor.client.Channel},
 *       {@link io.jenkins.plugins.nexor.client.Components};</li>
 *   <li>validation shared by every caller (Jenkins step, form checks, bulk sending, the sandbox):
 *       {@link io.jenkins.plugins.nexor.client.Validation}, {@link io.jenkins.plugins.nexor.client.Problem},
 *       {@link io.jenkins.plugins.nexor.client.Field}, messages in English and Spanish;</li>
 *   <li>sending: {@link io.jenkins.plugins.nexor.client.NexorClient} (thread-safe, one connection pool),
 *       {@link io.jenkins.plugins.nexor.client.PendingSend} (a cancellable send),
 *       {@link io.jenkins.plugins.nexor.client.MessageResult}; the wire format in {@link io.jenkins.plugins.nexor.client.WireFormat};</li>
 *   <li>errors a caller can branch on: {@link io.jenkins.plugins.nexor.client.NexorException} and its subclasses,
 *       each saying whether the message may have reached Nexor;</li>
 *   <li>the secret: {@link io.jenkins.plugins.nexor.client.ApiKey}, which never prints itself;</li>
 *   <li>bulk sending: {@link io.jenkins.plugins.nexor.client.BulkSender} (settings) prepares a
 *       {@link io.jenkins.plugins.nexor.client.BulkSend} (the run) from a
 *       {@link io.jenkins.plugins.nexor.client.RecipientSource} ({@link io.jenkins.plugins.nexor.client.Recipients}:
 *       CSV streamed with {@code CsvReader}, or Pipeline lists); {@code BulkPlan} is the validation pass,
 *       {@code InOrder} hands entries over in input order, {@code RateGate} spaces requests;
 *       {@link io.jenkins.plugins.nexor.client.BulkEntry}, {@link io.jenkins.plugins.nexor.client.BulkResult},
 *       {@link io.jenkins.plugins.nexor.client.BulkTotals} and {@link io.jenkins.plugins.nexor.client.Csv} are what
 *       comes out.</li>
 * </ul>
 * Nothing here imports Jenkins; an architecture test keeps it so.
 */
package io.jenkins.plugins.nexor.client;
