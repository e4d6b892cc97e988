package org.diasporadesk.outreach.channels.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.outreach.channels.RecordedMessages;
import org.diasporadesk.outreach.channels.RecordedMessages.RecordedMessage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the recording channels would have sent, newest first: the local stack's window on dispatch. */
@Tag(name = "Recorded messages", description = "What the recording channel sent, for trying campaigns out without a "
        + "provider.")
@RestController
class RecordedMessagesController {

    private final RecordedMessages recorded;

    RecordedMessagesController(RecordedMessages recorded) {
        this.recorded = recorded;
    }

    @Operation(summary = "List recorded messages",
            description = "The latest messages the recording channel sent (the local stack's stand-in for SMS and "
                    + "e-mail providers).")
    @GetMapping("/recorded-messages")
    List<RecordedMessage> latest(@RequestParam(required = false) String address,
            @RequestParam(defaultValue = "100") int limit) {
        return recorded.latest(address, Math.min(Math.max(limit, 1), 1000));
    }
}
