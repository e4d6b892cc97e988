package org.diasporadesk.outreach.channels.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.diasporadesk.chassis.web.InvalidFieldException;
import org.diasporadesk.outreach.channels.Channel;
import org.diasporadesk.outreach.channels.ChannelProperties;
import org.diasporadesk.outreach.dispatch.application.DeliveryReceipts;
import org.diasporadesk.outreach.replies.application.ReplyDesk;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * What channel providers call back with: delivery receipts and inbound replies. Each call carries the shared
 * token in {@code X-Callback-Token}; a wrong or missing token is refused before anything is read.
 */
@Tag(name = "Provider callbacks", description = "SMS and e-mail providers report deliveries and replies; "
        + "authenticated by the shared callback token, not a user's.")
@RestController
class ProviderCallbackController {

    private final DeliveryReceipts receipts;
    private final ReplyDesk replies;
    private final byte[] token;

    ProviderCallbackController(DeliveryReceipts receipts, ReplyDesk replies, ChannelProperties properties) {
        this.receipts = receipts;
        this.replies = replies;
        this.token = properties.callbackToken() == null ? new byte[0]
                : properties.callbackToken().getBytes(StandardCharsets.UTF_8);
    }

    /** @param messageId the idempotency key the message was sent with */
    record ReceiptRequest(@NotBlank String messageId, @NotNull DeliveryReceipts.Outcome status,
            @Size(max = 500) String reason) {
    }

    record ReplyRequest(@NotBlank @Size(max = 320) String from, @NotNull @Size(max = 1600) String text) {
    }

    @Operation(summary = "Post a delivery receipt",
            description = "The provider reports what became of a message (delivered, failed). Needs the "
                    + "`X-Callback-Token` header with the shared callback token.",
            responses = @ApiResponse(responseCode = "204", description = "Recorded."))
    @PostMapping("/providers/{channel}/receipts")
    ResponseEntity<Void> receipt(@PathVariable String channel, @RequestHeader(name = "X-Callback-Token", required = false) String given,
            @Valid @RequestBody ReceiptRequest request) {
        authenticate(given);
        receipts.receive(channel(channel), request.messageId(), request.status(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Post a recipient's reply",
            description = "A recipient answered a message (a survey answer, or STOP to opt out). Answered with 202 "
                    + "whatever became of it, so that a caller learns nothing about who outreach knows. Needs the "
                    + "`X-Callback-Token` header.",
            responses = @ApiResponse(responseCode = "202", description = "Taken in, whatever becomes of it."))
    @PostMapping("/providers/{channel}/replies")
    ResponseEntity<Map<String, String>> reply(@PathVariable String channel,
            @RequestHeader(name = "X-Callback-Token", required = false) String given,
            @Valid @RequestBody ReplyRequest request) {
        authenticate(given);
        replies.receive(channel(channel), request.from(), request.text());
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }

    private void authenticate(String given) {
        if (token.length == 0 || given == null
                || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new AccessDeniedException("X-Callback-Token does not match ddesk.outreach.channels.callback-token");
        }
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException unknown) {
            throw new InvalidFieldException("channel", "'" + name + "' is not a channel; use sms, email or messenger");
        }
    }
}
