package org.diasporadesk.outreach.replies.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.diasporadesk.outreach.replies.application.ReplyDesk;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page behind the unsubscribe link of every e-mail, for people without an account, in the browser's
 * language (English if we have no texts in it). Opening the link only asks: mail filters open links to check
 * them, and that must not unsubscribe anyone. Confirming, or a mail program's one-click unsubscribe (RFC 8058),
 * posts to the same address.
 */
@Tag(name = "Unsubscribe", description = "The link in every message, for the recipient to stop outreach messages.")
@RestController
class UnsubscribeController {

    private final ReplyDesk desk;
    private final MessageSource texts;

    UnsubscribeController(ReplyDesk desk, MessageSource texts) {
        this.desk = desk;
        this.texts = texts;
    }

    @Operation(summary = "Show the unsubscribe page",
            description = "A page in the recipient's language asking them to confirm that they want no more messages.")
    @Parameter(name = "messageId", in = ParameterIn.PATH, required = true,
            description = "The message whose link was followed; the page only asks, so it does not read it.",
            schema = @Schema(type = "string"))
    @GetMapping(path = "/unsubscribe/{messageId}", produces = MediaType.TEXT_HTML_VALUE)
    String ask(Locale locale) {
        // No action: the form posts to the page's own address.
        return page(locale, "<p>" + text("unsubscribe.question", locale) + "</p>\n<form method=\"post\">"
                + "<button type=\"submit\">" + text("unsubscribe.confirm", locale) + "</button></form>");
    }

    @Operation(summary = "Confirm unsubscribing",
            description = "Withdraws the recipient's outreach consent and answers a page saying so.")
    @PostMapping(path = "/unsubscribe/{messageId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> unsubscribe(@PathVariable String messageId, Locale locale) {
        if (!desk.unsubscribe(messageId)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(page(locale, "<p>" + text("unsubscribe.unknown", locale) + "</p>"));
        }
        return ResponseEntity.ok(page(locale, "<p>" + text("unsubscribe.done", locale) + "</p>"));
    }

    private String page(Locale locale, String content) {
        return "<!DOCTYPE html>\n<html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag()) + "\">\n<head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>"
                + text("unsubscribe.title", locale)
                + "</title></head>\n<body>\n" + content + "\n</body>\n</html>\n";
    }

    private String text(String code, Locale locale) {
        return HtmlUtils.htmlEscape(texts.getMessage(code, null, locale));
    }
}
