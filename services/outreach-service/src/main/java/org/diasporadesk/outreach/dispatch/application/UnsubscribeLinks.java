package org.diasporadesk.outreach.dispatch.application;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The self-service unsubscribe link of an e-mail: a page of this service, addressed by the message's id (random,
 * naming nobody), where the recipient confirms that they want no more messages; mail programs that offer their
 * own unsubscribe button post to the same address (RFC 8058 one-click). The footer is in the message's language.
 */
@Component
public class UnsubscribeLinks {

    private final String publicUrl;
    private final MessageSource texts;

    UnsubscribeLinks(@Value("${ddesk.outreach.unsubscribe.public-url}") String publicUrl, MessageSource texts) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.texts = texts;
    }

    public String url(String messageId) {
        return publicUrl + "/unsubscribe/" + messageId;
    }

    /** The line below an e-mail's text that offers the link. */
    public String footer(String messageId, String language) {
        return texts.getMessage("unsubscribe.footer", new Object[] { url(messageId) },
                Locale.forLanguageTag(language));
    }
}
