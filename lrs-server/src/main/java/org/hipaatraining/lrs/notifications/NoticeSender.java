package org.hipaatraining.lrs.notifications;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Sends a notice as one mail with a plain text and an HTML part, through the SMTP server of {@code spring.mail.*}. */
@Component
class NoticeSender {

    /** The header that names a notice's kind, for mail rules and for the tests that read what arrived. */
    static final String KIND_HEADER = "X-Training-Notice";

    private final ObjectProvider<JavaMailSender> mailSender;
    private final MailSettings settings;
    private final ITemplateEngine templates;

    NoticeSender(ObjectProvider<JavaMailSender> mailSender, MailSettings settings, ITemplateEngine templates) {
        this.mailSender = mailSender;
        this.settings = settings;
        this.templates = templates;
    }

    /** Why nothing is sent, or null when mail is set up. */
    String offBecause() {
        boolean noFrom = settings.from() == null || settings.from().isBlank();
        boolean noHost = mailSender.getIfAvailable() == null;
        if (noFrom && noHost) {
            return "no SMTP server (spring.mail.host) and no sender (lrs.notifications.from) are set";
        }
        if (noHost) {
            return "no SMTP server (spring.mail.host) is set";
        }
        return noFrom ? "no sender (lrs.notifications.from) is set" : null;
    }

    boolean enabled() {
        return offBecause() == null;
    }

    String html(MailContent content) {
        Context context = new Context(java.util.Locale.US);
        context.setVariable("mail", content);
        return templates.process("mail/notice", context);
    }

    /**
     * Sends; returns the Message-ID. Throws MailException or MessagingException when the server refuses. A mail that
     * combines notices of several kinds names each in the kind header, in order, separated by ", ".
     */
    String send(List<String> to, MailContent content, java.util.Collection<NoticeKind> kinds) throws MessagingException {
        JavaMailSender sender = mailSender.getObject();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(content.subject());
        helper.setText(content.text(), html(content));
        message.setHeader(KIND_HEADER, String.join(", ", kinds.stream().map(NoticeKind::name).distinct().toList()));
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new MessagingException(e.getMessage(), e);
        }
        return message.getMessageID();
    }
}
