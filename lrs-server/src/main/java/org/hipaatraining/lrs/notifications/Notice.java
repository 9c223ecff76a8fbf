package org.hipaatraining.lrs.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.hipaatraining.lrs.compliance.SentNotice;

/**
 * One notice, as kept in the ledger ({@code notices}): its key, whom it went to, about what, and how the sending went.
 * Kept as evidence that the workforce was told, for as long as the training records.
 *
 * @param id          the key: person (or supervisor, or "practice"), requirement, cycle, kind and step
 * @param personId    whom the notice is about (the supervisor for a digest, "practice" for the summary)
 * @param requirement the requirement (module id or security-reminders); null for digests and summaries
 * @param cycle       the due date the notice belongs to (for digests: the week or month)
 * @param step        which reminder of the cycle (overdue reminders count up), 0 otherwise
 * @param to          the recipients' addresses
 * @param status      SENDING (claimed, being sent), RETRY (failed, tried again at {@code retryAt}), SENT, FAILED (gave up)
 * @param messageId   the Message-ID the mail went out with
 * @param result      the SMTP server's last answer, or the error
 */
public record Notice(String id, String personId, String personName, String requirement, String moduleTitle,
                     String cycle, NoticeKind kind, int step, LocalDate dueDate, List<String> to, String subject,
                     Status status, int attempts, Instant createdAt, Instant sentAt, Instant retryAt, String messageId,
                     String result) implements SentNotice {

    public enum Status { SENDING, RETRY, SENT, FAILED }

    public Notice {
        to = to == null ? List.of() : List.copyOf(to);
    }

    static String key(String personId, String requirement, String cycle, NoticeKind kind, int step) {
        return personId + "|" + (requirement == null ? "-" : requirement) + "|" + cycle + "|" + kind.name() + "|" + step;
    }

    Document toDocument() {
        Document d = new Document("_id", id).append("personId", personId).append("personName", personName)
                .append("cycle", cycle).append("kind", kind.name()).append("step", step).append("to", to)
                .append("subject", subject).append("status", status.name()).append("attempts", attempts)
                .append("createdAt", Date.from(createdAt));
        put(d, "requirement", requirement);
        put(d, "moduleTitle", moduleTitle);
        put(d, "dueDate", dueDate == null ? null : dueDate.toString());
        put(d, "sentAt", sentAt == null ? null : Date.from(sentAt));
        put(d, "retryAt", retryAt == null ? null : Date.from(retryAt));
        put(d, "messageId", messageId);
        put(d, "result", result);
        return d;
    }

    static Notice from(Document d) {
        String due = d.getString("dueDate");
        return new Notice(d.getString("_id"), d.getString("personId"), d.getString("personName"),
                d.getString("requirement"), d.getString("moduleTitle"), d.getString("cycle"),
                NoticeKind.valueOf(d.getString("kind")), d.getInteger("step", 0), due == null ? null : LocalDate.parse(due),
                d.getList("to", String.class), d.getString("subject"), Status.valueOf(d.getString("status")),
                d.getInteger("attempts", 0), instant(d.getDate("createdAt")), instant(d.getDate("sentAt")),
                instant(d.getDate("retryAt")), d.getString("messageId"), d.getString("result"));
    }

    private static void put(Document d, String field, Object value) {
        if (value != null) {
            d.append(field, value);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
