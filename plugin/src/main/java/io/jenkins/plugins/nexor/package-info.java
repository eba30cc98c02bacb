/**
 * Nexor for Jenkins: the thin Jenkins layer over {@code nexor-client}.
 *
 * <ul>
 *   <li>{@link io.jenkins.plugins.nexor.NexorSendStep} ({@code nexorSend}), {@link io.jenkins.plugins.nexor.NexorSendBulkStep} ({@code nexorSendBulk}, sharing {@link io.jenkins.plugins.nexor.MessageStep}) and
 *       {@link io.jenkins.plugins.nexor.NexorSendBuilder} (freestyle) – data binding only; both hold a
 *       {@link io.jenkins.plugins.nexor.MessageFields} and hand it to {@link io.jenkins.plugins.nexor.NexorSender},
 *       which does everything else once: credentials, validation, sending, console line, failure policy, record.</li>
 *   <li>{@link io.jenkins.plugins.nexor.MessageForm} – the form checks and drop-downs both descriptors delegate to;
 *       the form itself is one Jelly fragment ({@code MessageFields/fields.jelly}) included by both.</li>
 *   <li>{@link io.jenkins.plugins.nexor.NexorGlobalConfiguration} ({@code unclassified: nexor:}) and
 *       {@link io.jenkins.plugins.nexor.NexorClients}, the shared clients it configures.</li>
 *   <li>{@link io.jenkins.plugins.nexor.ApiKeyCredentials} – Secret text lookup in the run's or item's context.</li>
 *   <li>{@link io.jenkins.plugins.nexor.NexorSendResult} (what a Pipeline script gets back) and
 *       {@link io.jenkins.plugins.nexor.NexorSendAction} (build page summary, {@code NEXOR_*} variables).</li>
 * </ul>
 */
package io.jenkins.plugins.nexor;
