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
import java.util.LinkedHashMap;
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
import org.hipaatraining.lrs.xapimodel.AgentKey;
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

    /**
     * Whom one mail goes to: the notices due in a pass to one address about one person (a learner's own notices; a
     * supervisor's or the privacy officer's about one of their people) go out as one mail listing each requirement.
     */
    private record Addressee(String email, String personId, NoticeKind.Audience audience) {
        static Addressee of(Planned p) {
            return new Addressee(p.to().email(), p.person().personId(), p.kind().audience());
        }

        static Addressee of(Notice n) {
            return new Addressee(n.to().isEmpty() ? null : n.to().get(0), n.personId(), n.kind().audience());
        }
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
        Map<Addressee, List<Planned>> mails = new LinkedHashMap<>();
        Set<Addressee> busy = new java.util.HashSet<>();
        for (int from = 0; from < planned.size(); from += BATCH) {
            List<Planned> batch = planned.subList(from, Math.min(planned.size(), from + BATCH));
            Map<String, Notice.Status> claimed = ledger.statuses(batch.stream().map(Planned::key).toList());
            for (Planned p : batch) {
                Notice.Status status = claimed.get(p.key());
                if (status == null) {
                    mails.computeIfAbsent(Addressee.of(p), a -> new ArrayList<>()).add(p);
                } else if (status == Notice.Status.SENDING) {
                    busy.add(Addressee.of(p));
                }
            }
        }
        // a mail another instance is sending right now: it claims the rest of it too (or the next pass sends the rest)
        mails.keySet().removeAll(busy);
        for (List<Planned> mail : mails.values()) {
            result = add(result, claimAndSend(mail, byId.get(mail.get(0).person().personId()), writer, settings, today));
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

    /**
     * Claims each notice of one mail (its own key, its own evidence) and sends one mail listing the ones this instance
     * claimed: 1 sent, -1 failed, 0 when another instance had claimed them all. Every instance plans a mail's notices
     * in the same order and stops claiming at the first one taken already (they were unclaimed when planned, so another
     * instance is sending this mail): two instances never split one mail between them.
     */
    private int claimAndSend(List<Planned> mail, Person person, NoticeWriter writer, NotificationSettings settings,
                             LocalDate today) {
        String subject = compose(mail, "", writer, today).subject();
        List<Planned> claimed = new ArrayList<>();
        for (Planned p : mail) {
            if (!ledger.claim(notice(p, subject))) {
                break;
            }
            claimed.add(p);
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        Planned first = claimed.get(0);
        String link = first.kind().audience() == NoticeKind.Audience.PERSON
                ? startLink(person, claimed.stream().map(p -> p.status().moduleId()).distinct().toList(), settings)
                : recordLink(first.kind(), first.person().personId());
        MailContent content = compose(claimed, link, writer, today);
        return send(claimed.stream().map(p -> notice(p, content.subject())).toList(), content) ? 1 : -1;
    }

    /** What one mail of these notices (all to one address, about one person) says. */
    private static MailContent compose(List<Planned> notices, String link, NoticeWriter writer, LocalDate today) {
        return notices.get(0).kind().audience() == NoticeKind.Audience.PERSON ? writer.toLearner(notices, link, today)
                : writer.aboutSomeone(notices, link, today);
    }

    private Notice notice(Planned p, String subject) {
        return new Notice(p.key(), p.person().personId(), p.person().name(), p.status().requirement(),
                p.status().moduleTitle(), p.status().dueDate().toString(), p.kind(), p.step(), p.status().dueDate(),
                List.of(p.to().email()), subject, Notice.Status.SENDING, 1, clock.instant(), null,
                clock.instant().plus(mail.lease()), null, null);
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
    private String startLink(Person person, List<String> moduleIds, NotificationSettings settings) {
        boolean inLms = person != null && person.identifiers().stream().anyMatch(id -> AgentKey.accountOf(id) != null
                && !AgentKey.accountOf(id).homePage().equals(server.base() + "/people"));
        if (inLms && settings.lmsUrl() != null) {
            return settings.lmsUrl();
        }
        return server.base() + "/start/" + links.issue(person == null ? "" : person.id(), moduleIds);
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
        return send(List.of(outgoing.notice()), outgoing.content()) ? 1 : -1;
    }

    /** Sends one mail for these claimed notices; each records its Message-ID, or the failure and its next try. */
    private boolean send(List<Notice> notices, MailContent content) {
        List<String> ids = notices.stream().map(Notice::id).toList();
        List<NoticeKind> kinds = notices.stream().map(Notice::kind).toList();
        try {
            String messageId = sender.send(notices.get(0).to(), content, kinds);
            ledger.sent(ids, messageId, content.subject(), "accepted by the SMTP server", clock.instant());
            return true;
        } catch (Exception e) {
            int attempts = notices.stream().mapToInt(Notice::attempts).max().orElse(1);
            Instant retryAt = attempts >= mail.maxAttempts() ? null
                    : clock.instant().plus(mail.firstRetry().multipliedBy(1L << Math.min(20, attempts - 1)));
            log.warn("Notice {} to {} not sent (attempt {}): {}", kinds, notices.get(0).to(), attempts, e.getMessage());
            ledger.failed(ids, String.valueOf(e.getMessage()), retryAt);
            return false;
        }
    }

    /** Sends again what failed (or was left half-sent by a stopped instance) and is due for another try. */
    private Result retry(Result result) {
        Instant now = clock.instant();
        int retried = 0;
        int sent = result.sent();
        int failed = result.failed();
        // notices that went out together are retried together; digests and summaries each on their own
        Map<Object, List<Notice>> mails = new LinkedHashMap<>();
        for (Notice due : ledger.retryDue(now, 100)) {
            mails.computeIfAbsent(due.requirement() == null ? due.id() : Addressee.of(due), k -> new ArrayList<>()).add(due);
        }
        for (List<Notice> dueTogether : mails.values()) {
            // in key order, stopping at the first taken: as in a pass, two instances do not split a mail
            List<Notice> claimed = new ArrayList<>();
            for (Notice due : dueTogether.stream().sorted(java.util.Comparator.comparing(Notice::id)).toList()) {
                var reclaimed = ledger.reclaim(due.id(), now, now.plus(mail.lease()));
                if (reclaimed.isEmpty()) {
                    break;
                }
                claimed.add(reclaimed.get());
            }
            if (claimed.isEmpty()) {
                continue;
            }
            retried++;
            MailContent content = rewrite(claimed);
            if (send(claimed, content)) {
                sent++;
            } else {
                failed++;
            }
        }
        return new Result(result.planned(), sent, failed, retried);
    }

    /**
     * Retried notices say what their first try said, with today's facts (a fresh link for a learner); notices that
     * went out together go out together again.
     */
    private MailContent rewrite(List<Notice> notices) {
        NoticeWriter writer = new NoticeWriter(practice.current().name());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Notice notice = notices.get(0);
        if (notice.requirement() != null) {
            KeptStatus k = compliance.kept(notice.personId());
            List<Planned> planned = new ArrayList<>();
            for (Notice n : notices) {
                k.statuses().stream().filter(s -> s.requirement().equals(n.requirement())).findFirst()
                        .ifPresent(s -> planned.add(new Planned(n.id(), k, s, n.kind(), n.step(),
                                new Recipient(null, n.personName(), n.to().get(0)))));
            }
            if (!planned.isEmpty()) {
                String link = notice.kind().audience() == NoticeKind.Audience.PERSON
                        ? startLink(roster.find(k.personId()).orElse(null),
                        planned.stream().map(p -> p.status().moduleId()).distinct().toList(), settingsStore.current())
                        : recordLink(notice.kind(), k.personId());
                return compose(planned, link, writer, today);
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
