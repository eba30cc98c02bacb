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
 *       send, console line, failure policy, record) and {@link io.jenkins.plugins.nexor.BulkRun} (many leads, from a
 *       {@link io.jenkins.plugins.nexor.BulkOrder}: the summary saved before the first send, the client's send record
 *       in the build directory, {@link io.jenkins.plugins.nexor.BulkResultsFile} written as leads are done,
 *       {@link io.jenkins.plugins.nexor.BulkProgress}, archive); {@link io.jenkins.plugins.nexor.BulkFiles} (its files
 *       on the controller), {@link io.jenkins.plugins.nexor.EarlierRecord} ({@code resumeFrom}),
 *       {@link io.jenkins.plugins.nexor.RunningBulks} (stopped gently at shutdown). The Pipeline step runs it in
 *       {@link io.jenkins.plugins.nexor.NexorSendBulkExecution}, which resumes it after a controller restart.</li>
 *   <li>Forms, written once: {@link io.jenkins.plugins.nexor.MessageFormMethods} (the {@code @POST} drop-downs and
 *       checks every descriptor serves) over {@link io.jenkins.plugins.nexor.MessageForm}; the Jelly fragments
 *       {@code MessageFields/fields.jelly}, {@code message.jelly} and {@code bulk.jelly}.</li>
 *   <li>{@link io.jenkins.plugins.nexor.NexorGlobalConfiguration} ({@code unclassified: nexor:}) and
 *       {@link io.jenkins.plugins.nexor.NexorClients}, the shared clients it configures;
 *       {@link io.jenkins.plugins.nexor.NexorCatalog}, the cached workflow and template lists.</li>
 *   <li>{@link io.jenkins.plugins.nexor.ApiKeyCredentials} – Secret text lookup in the run's or item's context;
 *       {@link io.jenkins.plugins.nexor.RunCredentials} keeps a build's keys (looked up and tracked once per build and
 *       id, in memory only, dropped when the build ends).</li>
 *   <li>{@link io.jenkins.plugins.nexor.SendLog} – the build's write-ahead log of single sends ({@code nexor-sends.csv}:
 *       a line before each request leaves, one with its outcome), read back by the build page after a restart.</li>
 *   <li>What builds and scripts see: {@link io.jenkins.plugins.nexor.NexorSendResult},
 *       {@link io.jenkins.plugins.nexor.NexorBulkResult} and {@link io.jenkins.plugins.nexor.NexorBulkEntry} (Pipeline
 *       return values); {@link io.jenkins.plugins.nexor.NexorSendAction} (build page summary, {@code NEXOR_*}
 *       variables) with {@link io.jenkins.plugins.nexor.SentMessage}, {@link io.jenkins.plugins.nexor.BulkSummary} and
 *       {@link io.jenkins.plugins.nexor.BulkReport} (every lead of a bulk send, page by page; for one that did not
 *       finish, what its record says: {@link io.jenkins.plugins.nexor.BulkRecordView}).</li>
 * </ul>
 */
package io.jenkins.plugins.nexor;
