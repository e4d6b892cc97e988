package org.diasporadesk.outreach.channels;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail over SMTP (Jakarta Mail through Spring's {@link JavaMailSender}, configured by {@code spring.mail.*}).
 * The Message-ID is derived from the idempotency key, so that a message sent again after a lost answer is the
 * same message to every mail system that deduplicates by it.
 */
public class SmtpEmailChannel implements ChannelAdapter {

    private final JavaMailSender mail;
    private final String from;

    public SmtpEmailChannel(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(OutgoingMessage message) {
        String messageId = "<" + message.idempotencyKey() + "@outreach.diasporadesk.org>";
        try {
            MimeMessage mime = mail.createMimeMessage();
            // JavaMailSenderImpl keeps an explicitly set Message-ID when it saves the message.
            mime.setHeader("Message-ID", messageId);
            if (message.unsubscribeUrl() != null) {
                // Mail programs show their own unsubscribe button for these and post to the link (RFC 2369, 8058).
                mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
            helper.setFrom(from);
            helper.setTo(message.address());
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.body());
            mail.send(mime);
            return messageId;
        }
        catch (MessagingException | MailParseException | MailPreparationException malformed) {
            throw new ChannelException("the e-mail could not be composed: " + malformed.getMessage(), true, malformed);
        }
        catch (MailAuthenticationException login) {
            throw new ChannelException("the mail server refused the login; check spring.mail.username and password",
                    false, login);
        }
        catch (MailException unavailable) {
            throw new ChannelException("the mail server did not take the message: " + unavailable.getMessage(), false,
                    unavailable);
        }
    }
}
