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
 *   <li>sending: {@link io.jenkins.plugins.nexor.client.NexorClient} (thread-safe, one connection pool per keep-alive,
 *       {@code ConnectionPools}), {@link io.jenkins.plugins.nexor.client.PendingSend} (a cancellable send; each try is
 *       an {@code Attempt}, bounded and watched by {@code AttemptWatch}: the answer's deadline, the TLS handshake, an
 *       idle connection checked before writing by {@code IdleConnections}), {@code Failures} (what an I/O failure
 *       means: sent or not), {@link io.jenkins.plugins.nexor.client.MessageResult}; the wire format in
 *       {@link io.jenkins.plugins.nexor.client.WireFormat}, server answers read by {@code Responses};</li>
 *   <li>errors a caller can branch on: {@link io.jenkins.plugins.nexor.client.NexorException} and its subclasses,
 *       each saying whether the message may have reached Nexor;</li>
 *   <li>the secret: {@link io.jenkins.plugins.nexor.client.ApiKey}, which never prints itself;</li>
 *   <li>bulk sending: {@link io.jenkins.plugins.nexor.client.BulkSender} (settings) prepares a
 *       {@link io.jenkins.plugins.nexor.client.BulkSend} (the run) from a
 *       {@link io.jenkins.plugins.nexor.client.RecipientSource} ({@link io.jenkins.plugins.nexor.client.Recipients}:
 *       CSV streamed with {@code CsvReader}, or Pipeline lists; files as people have them through
 *       {@link io.jenkins.plugins.nexor.client.LeadsFile}: encoding from the bytes, separator from the header by
 *       {@code CsvHeader}); {@code BulkPlan} is the validation pass, {@code LeadSender} sends one lead (retries only
 *       what cannot have been delivered), {@code BulkStop} says why a run stopped, {@code InOrder} hands entries over
 *       in input order, {@code RateGate} spaces requests;</li>
 *   <li>the send record (write-ahead): {@link io.jenkins.plugins.nexor.client.SendRecord} writes a line before each
 *       request leaves and one with its outcome (fsync with group commit), {@link io.jenkins.plugins.nexor.client.RecordedLeads}
 *       reads a record or results file back (sent, may have been sent, surely not sent), {@code RunRecord} is a run's
 *       use of it (resume, stop when it cannot be written);
 *       {@link io.jenkins.plugins.nexor.client.BulkEntry}, {@link io.jenkins.plugins.nexor.client.BulkResult},
 *       {@link io.jenkins.plugins.nexor.client.BulkTotals} and {@link io.jenkins.plugins.nexor.client.Csv} are what
 *       comes out.</li>
 * </ul>
 * Nothing here imports Jenkins; an architecture test keeps it so.
 */
package io.jenkins.plugins.nexor.client;
