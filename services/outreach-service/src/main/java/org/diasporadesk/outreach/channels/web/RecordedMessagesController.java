package org.diasporadesk.outreach.channels.web;

import java.util.List;

import org.diasporadesk.outreach.channels.RecordingChannel;
import org.diasporadesk.outreach.channels.RecordingChannel.RecordedMessage;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the recording channels would have sent, newest first: the local stack's window on dispatch. */
@RestController
class RecordedMessagesController {

    private final MongoTemplate mongo;

    RecordedMessagesController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/recorded-messages")
    List<RecordedMessage> latest(@RequestParam(required = false) String address,
            @RequestParam(defaultValue = "100") int limit) {
        return RecordingChannel.latest(mongo, address, Math.min(Math.max(limit, 1), 1000));
    }
}
