package io.jenkins.plugins.nexor.client;

/**
 * What Nexor answered to a sent message. Every id may be null (each applies to one channel); {@code callStatus} is
 * an open string ({@code registered}, {@code ongoing}, {@code ended}, {@code error}, {@code not_connected}, or a
 * value added later), {@code channel} is kept as Nexor wrote it.
 *
 * @param success           whether Nexor sent the message (the client only returns results with {@code true})
 * @param channel           channel used
 * @param type              whatsapp only: {@code text} or {@code template}
 * @param messageId         Nexor's internal message id
 * @param providerMessageId whatsapp only: Meta's {@code wamid…}
 * @param activityId        email only: delivery tracking id
 * @param callId            call only: call id
 * @param callStatus        call only: initial status
 */
public record MessageResult(
        boolean success,
        String channel,
        String type,
        String messageId,
        String providerMessageId,
        String activityId,
        String callId,
        String callStatus) {}
