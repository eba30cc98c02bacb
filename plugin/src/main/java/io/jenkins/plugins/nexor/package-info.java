/**
 * Nexor for Jenkins: the thin Jenkins layer over {@code nexor-client}.
 *
 * <ul>
 *   <li>Data binding only: {@link io.jenkins.plugins.nexor.NexorSendStep} ({@code nexorSend}) and
 *       {@link io.jenkins.plugins.nexor.NexorSendBulkStep} ({@code nexorSendBulk}), sharing
 *       {@link io.jenkins.plugins.nexor.MessageStep}; the freestyle {@link io.jenkins.plugins.nexor.NexorSendBuilder}
 *       and {@link io.jenkins.plugins.nexor.NexorSendBulkBuilder}, sharing
 *       {@link io.jenkins.plugins.nexor.MessageBuilder}. Each holds a {@link io.jenkins.plugins.nexor.MessageFields}.</li>
 *   <li>The post-build action {@link io.jenkins.plugins.nexor.NexorNotifier} ({@code nexorNotify} in Pipeline, through
 *       {@code step}): the single send's fields plus when-conditions ({@link io.jenkins.plugins.nexor.NotifyCondition}),
 *       sent through {@link io.jenkins.plugins.nexor.NexorSender} like the build step.</li>
 *   <li>Sending, written once: {@link io.jenkins.plugins.nexor.NexorSender} (one message: credentials, validation,
 *       send, console line, failure policy, record) and {@link io.jenkins.plugins.nexor.BulkRun} (many leads:
 *       progress, {@link io.jenkins.plugins.nexor.BulkResultsFile} written as leads are done, archive, summary).</li>
 *   <li>Forms, written once: {@link io.jenkins.plugins.nexor.MessageFormMethods} (the {@code @POST} drop-downs and
 *       checks every descriptor serves) over {@link io.jenkins.plugins.nexor.MessageForm}; the Jelly fragments
 *       {@code MessageFields/fields.jelly}, {@code message.jelly} and {@code bulk.jelly}.</li>
 *   <li>{@link io.jenkins.plugins.nexor.NexorGlobalConfiguration} ({@code unclassified: nexor:}) and
 *       {@link io.jenkins.plugins.nexor.NexorClients}, the shared clients it configures;
 *       {@link io.jenkins.plugins.nexor.NexorCatalog}, the cached workflow and template lists.</li>
 *   <li>{@link io.jenkins.plugins.nexor.ApiKeyCredentials} – Secret text lookup in the run's or item's context.</li>
 *   <li>What builds and scripts see: {@link io.jenkins.plugins.nexor.NexorSendResult},
 *       {@link io.jenkins.plugins.nexor.NexorBulkResult} and {@link io.jenkins.plugins.nexor.NexorBulkEntry} (Pipeline
 *       return values); {@link io.jenkins.plugins.nexor.NexorSendAction} (build page summary, {@code NEXOR_*}
 *       variables) with {@link io.jenkins.plugins.nexor.SentMessage}, {@link io.jenkins.plugins.nexor.BulkSummary} and
 *       {@link io.jenkins.plugins.nexor.BulkReport} (every lead of a bulk send, page by page).</li>
 * </ul>
 */
package io.jenkins.plugins.nexor;
