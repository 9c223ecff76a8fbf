package org.hipaatraining.lrs.notifications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.lrs.practice.PracticeProfiles;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.notifications.NoticePlanner.Contacts;
import org.hipaatraining.lrs.notifications.NoticePlanner.Planned;
import org.hipaatraining.lrs.notifications.NoticePlanner.Recipient;
import org.hipaatraining.lrs.system.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The loop that runs the training program: every {@code lrs.notifications.pass-interval} it plans what is due today
 * from everyone's kept statuses ({@link NoticePlanner}), the supervisors' weekly digests and the privacy officer's
 * monthly summary; claims each new notice in the ledger and sends it; and sends again what failed, with backoff.
 * Any number of instances may run it at once: a notice is sent by whichever claims its key first.
 */
@Service
public class NotificationPass {

    private static final Logger log = LoggerFactory.getLogger(NotificationPass.class);
    private static final int BATCH = 500;
    static final String PRACTICE = "practice";

    private final ComplianceService compliance;
    private final RosterService roster;
    private final NoticeLedger ledger;
    private final NotificationSettingsStore settingsStore;
    private final NoticeSender sender;
    private final StartLinks links;
    private final MailSettings mail;
    private final PracticeProfiles practice;
    private final ServerSettings server;
    private final Catalogue catalogue;
    private final Clock clock;

    NotificationPass(ComplianceService compliance, RosterService roster, NoticeLedger ledger,
                     NotificationSettingsStore settingsStore, NoticeSender sender, StartLinks links, MailSettings mail,
                     PracticeProfiles practice, ServerSettings server, Catalogue catalogue, Clock clock) {
        this.compliance = compliance;
        this.roster = roster;
        this.ledger = ledger;
        this.settingsStore = settingsStore;
        this.sender = sender;
        this.links = links;
        this.mail = mail;
        this.practice = practice;
        this.server = server;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** What one pass did. */
    public record Result(int planned, int sent, int failed, int retried) {
        static final Result OFF = new Result(0, 0, 0, 0);
    }

    /** A notice ready to claim: its ledger entry and what it says. */
    private record Outgoing(Notice notice, MailContent content) {
    }

    @Scheduled(initialDelayString = "${lrs.notifications.first-pass-delay:1m}",
            fixedDelayString = "#{@mailSettings.passInterval().toMillis()}")
    public synchronized Result run() {
        if (!sender.enabled()) {
            return Result.OFF;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        NotificationSettings settings = settingsStore.current();
        List<Person> people = roster.all();
        Map<String, Person> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.id(), p));
        TeamDigests teams = new TeamDigests(people, today);
        NoticePlanner planner = new NoticePlanner(settings);
        NoticeWriter writer = new NoticeWriter(practice.current().name());
        Recipient officer = privacyOfficer(settings);

        List<Planned> planned = new ArrayList<>();
        List<KeptStatus> everyone = new ArrayList<>();
        compliance.forEachKept(kept -> {
            KeptStatus k = kept.nextChange() != null && !kept.nextChange().isAfter(today)
                    ? compliance.kept(kept.personId()) : kept;
            everyone.add(k);
            Person supervisor = teams.supervisorOf(k.supervisor());
            Recipient toSupervisor = supervisor == null || supervisor.statusOn(today) != Person.Status.ACTIVE ? null
                    : new Recipient(supervisor.id(), supervisor.name(), supervisor.email());
            planned.addAll(planner.plan(k, new Contacts(toSupervisor, officer), today));
        });
        Result result = new Result(planned.size(), 0, 0, 0);
        for (int from = 0; from < planned.size(); from += BATCH) {
            List<Planned> batch = planned.subList(from, Math.min(planned.size(), from + BATCH));
            Set<String> claimed = ledger.claimed(batch.stream().map(Planned::key).toList());
            for (Planned p : batch) {
                if (!claimed.contains(p.key())) {
                    result = add(result, claimAndSend(outgoing(p, byId.get(p.person().personId()), writer, settings, today)));
                }
            }
        }
        for (Outgoing digest : digests(teams, everyone, writer, settings, officer, today)) {
            result = add(new Result(result.planned() + 1, result.sent(), result.failed(), result.retried()),
                    claimAndSend(digest));
        }
        return retry(result);
    }

    /** The privacy officer of the Notifications page if set there, else the practice profile's. */
    private Recipient privacyOfficer(NotificationSettings settings) {
        if (settings.privacyOfficerEmail() != null) {
            return new Recipient(PRACTICE, settings.privacyOfficerName() == null ? "Privacy officer"
                    : settings.privacyOfficerName(), settings.privacyOfficerEmail());
        }
        var profiled = practice.current().privacyOfficer();
        return profiled == null || profiled.email() == null ? null
                : new Recipient(PRACTICE, profiled.name(), profiled.email());
    }

    private Outgoing outgoing(Planned p, Person person, NoticeWriter writer, NotificationSettings settings, LocalDate today) {
        MailContent content;
        if (p.kind().audience() == NoticeKind.Audience.PERSON) {
            content = writer.toLearner(p, startLink(person, p.status().moduleId(), settings), today);
        } else {
            content = writer.aboutSomeone(p, recordLink(p.kind(), p.person().personId()), today);
        }
        Notice notice = new Notice(p.key(), p.person().personId(), p.person().name(), p.status().requirement(),
                p.status().moduleTitle(), p.status().dueDate().toString(), p.kind(), p.step(), p.status().dueDate(),
                List.of(p.to().email()), content.subject(), Notice.Status.SENDING, 1, clock.instant(), null,
                clock.instant().plus(mail.lease()), null, null);
        return new Outgoing(notice, content);
    }

    /**
     * Where a notice about someone leads: the privacy officer to the person's record, a supervisor to their team page
     * (the one page a supervisor's sign-in opens; docs/clients.md, "Supervisors").
     */
    private String recordLink(NoticeKind kind, String personId) {
        return kind.audience() == NoticeKind.Audience.PRIVACY_OFFICER ? server.base() + "/admin/people/" + personId
                : teamPage();
    }

    private String teamPage() {
        return server.base() + "/admin/team";
    }

    /** The one link of a learner's notice: their LMS when their training runs there, else a one-time launch link. */
    private String startLink(Person person, String moduleId, NotificationSettings settings) {
        boolean inLms = person != null && person.identifiers().stream().anyMatch(id -> id.startsWith("account|")
                && !id.startsWith("account|" + server.base() + "/people|"));
        if (inLms && settings.lmsUrl() != null) {
            return settings.lmsUrl();
        }
        return server.base() + "/start/" + links.issue(person == null ? "" : person.id(), moduleId);
    }

    private List<Outgoing> digests(TeamDigests teams, List<KeptStatus> everyone, NoticeWriter writer,
                                   NotificationSettings settings, Recipient officer, LocalDate today) {
        List<Outgoing> digests = new ArrayList<>();
        Map<String, KeptStatus> keptById = new HashMap<>();
        everyone.forEach(k -> keptById.put(k.personId(), k));
        LocalDate weekOf = today.with(TemporalAdjusters.previousOrSame(settings.digestDay()));
        for (Person supervisor : teams.supervisors()) {
            String key = Notice.key(supervisor.id(), null, weekOf.toString(), NoticeKind.SUPERVISOR_DIGEST, 0);
            if (supervisor.statusOn(today) != Person.Status.ACTIVE || supervisor.email() == null || isClaimed(key)) {
                continue;
            }
            List<KeptStatus> team = teams.team(supervisor).stream().map(keptById::get).filter(k -> k != null).toList();
            if (team.isEmpty()) {
                continue;
            }
            MailContent content = TeamDigests.digest(writer, practice.current().name(), supervisor, team, catalogue, weekOf,
                    teamPage());
            digests.add(new Outgoing(notice(key, supervisor.id(), supervisor.name(), weekOf.toString(),
                    NoticeKind.SUPERVISOR_DIGEST, supervisor.email(), content), content));
        }
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        String cycle = lastMonth.toString().substring(0, 7);
        String summaryKey = Notice.key(PRACTICE, null, cycle, NoticeKind.PRIVACY_OFFICER_SUMMARY, 0);
        if (officer != null && today.getDayOfMonth() >= settings.summaryDayOfMonth() && !isClaimed(summaryKey)) {
            String month = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US).format(lastMonth);
            Map<NoticeKind, Integer> counts = new EnumMap<>(NoticeKind.class);
            ledger.forEachIn(lastMonth, lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()),
                    n -> counts.merge(n.kind(), 1, Integer::sum));
            MailContent content = TeamDigests.summary(writer, practice.current().name(), everyone, counts,
                    ledger.failing(100).size(), month, server.base() + "/admin");
            digests.add(new Outgoing(notice(summaryKey, PRACTICE, officer.name(), cycle,
                    NoticeKind.PRIVACY_OFFICER_SUMMARY, officer.email(), content), content));
        }
        return digests;
    }

    private boolean isClaimed(String key) {
        return !ledger.claimed(List.of(key)).isEmpty();
    }

    private Notice notice(String key, String personId, String name, String cycle, NoticeKind kind, String to,
                          MailContent content) {
        return new Notice(key, personId, name, null, null, cycle, kind, 0, null, List.of(to), content.subject(),
                Notice.Status.SENDING, 1, clock.instant(), null, clock.instant().plus(mail.lease()), null, null);
    }

    /** Claims and sends one notice; 1 sent, -1 failed, 0 when another instance had claimed it. */
    private int claimAndSend(Outgoing outgoing) {
        if (!ledger.claim(outgoing.notice())) {
            return 0;
        }
        return send(outgoing.notice(), outgoing.content()) ? 1 : -1;
    }

    private boolean send(Notice notice, MailContent content) {
        try {
            String messageId = sender.send(notice.to(), content, notice.kind());
            ledger.sent(notice.id(), messageId, "accepted by the SMTP server", clock.instant());
            return true;
        } catch (Exception e) {
            Instant retryAt = notice.attempts() >= mail.maxAttempts() ? null
                    : clock.instant().plus(mail.firstRetry().multipliedBy(1L << Math.min(20, notice.attempts() - 1)));
            log.warn("Notice {} to {} not sent (attempt {}): {}", notice.kind(), notice.to(), notice.attempts(), e.getMessage());
            ledger.failed(notice.id(), String.valueOf(e.getMessage()), retryAt);
            return false;
        }
    }

    /** Sends again what failed (or was left half-sent by a stopped instance) and is due for another try. */
    private Result retry(Result result) {
        Instant now = clock.instant();
        int retried = 0;
        int sent = result.sent();
        int failed = result.failed();
        for (Notice due : ledger.retryDue(now, 100)) {
            var claimed = ledger.reclaim(due.id(), now, now.plus(mail.lease()));
            if (claimed.isEmpty()) {
                continue;
            }
            retried++;
            MailContent content = rewrite(claimed.get());
            if (send(claimed.get(), content)) {
                sent++;
            } else {
                failed++;
            }
        }
        return new Result(result.planned(), sent, failed, retried);
    }

    /** A retried notice says what its first try said, with today's facts (a fresh link for a learner). */
    private MailContent rewrite(Notice notice) {
        NoticeWriter writer = new NoticeWriter(practice.current().name());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (notice.requirement() != null) {
            KeptStatus k = compliance.kept(notice.personId());
            var status = k.statuses().stream().filter(s -> s.requirement().equals(notice.requirement())).findFirst();
            if (status.isPresent()) {
                Planned p = new Planned(notice.id(), k, status.get(), notice.kind(), notice.step(),
                        new Recipient(null, notice.personName(), notice.to().get(0)));
                return p.kind().audience() == NoticeKind.Audience.PERSON
                        ? writer.toLearner(p, startLink(roster.find(k.personId()).orElse(null), status.get().moduleId(),
                        settingsStore.current()), today)
                        : writer.aboutSomeone(p, recordLink(p.kind(), k.personId()), today);
            }
        }
        return new MailContent(notice.subject(), practice.current().name(), notice.subject(), List.of(
                "This notice could not be delivered earlier; see the training records for today's details."),
                List.of(), null, List.of(), writer.footer(""));
    }

    private static Result add(Result result, int outcome) {
        return new Result(result.planned(), result.sent() + (outcome > 0 ? 1 : 0), result.failed() + (outcome < 0 ? 1 : 0),
                result.retried());
    }
}
