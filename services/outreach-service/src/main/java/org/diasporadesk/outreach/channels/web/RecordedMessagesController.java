package org.diasporadesk.outreach.channels.web;

import java.util.List;

import org.diasporadesk.outreach.channels.RecordedMessages;
import org.diasporadesk.outreach.channels.RecordedMessages.RecordedMessage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the recording channels would have sent, newest first: the local stack's window on dispatch. */
@RestController
class RecordedMessagesController {

    private final RecordedMessages recorded;

    RecordedMessagesController(RecordedMessages recorded) {
        this.recorded = recorded;
    }

    @GetMapping("/recorded-messages")
    List<RecordedMessage> latest(@RequestParam(required = false) String address,
            @RequestParam(defaultValue = "100") int limit) {
        return recorded.latest(address, Math.min(Math.max(limit, 1), 1000));
    }
}
