package io.jenkins.plugins.nexor.sandbox;

import io.jenkins.plugins.nexor.client.MessageResult;
import java.time.Instant;

/** A message the sandbox "sent": what was asked and what was answered. */
public record SentMessage(Instant time, String leadId, String leadName, String workflowId, String channel,
        String content, String subject, String templateId, String components, String beginMessage,
        MessageResult result) {}
