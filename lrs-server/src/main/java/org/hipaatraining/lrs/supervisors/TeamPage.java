package org.hipaatraining.lrs.supervisors;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.hipaatraining.lrs.auth.AdminUserService;
import org.hipaatraining.lrs.compliance.ComplianceException;
import org.hipaatraining.lrs.compliance.coaching.CoachingNote;
import org.hipaatraining.lrs.compliance.coaching.CoachingNotes;
import org.hipaatraining.lrs.compliance.remediation.RemedialAction;
import org.hipaatraining.lrs.compliance.remediation.RemedialActions;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.compliance.status.ComplianceState;
import org.hipaatraining.lrs.compliance.status.KeptStatus;
import org.hipaatraining.lrs.compliance.status.ModuleStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A supervisor's one page: the people who report to them, each requirement's state, due date, days overdue, last
 * activity and failed checks waiting for a retake; and a coaching note per person. Only people on their team: a note
 * about anyone else is a 403, like every other page for a supervisor (auth.AdminSecurityConfiguration).
 */
@Controller
class TeamPage {

    private final SupervisorTeams teams;
    private final ComplianceService compliance;
    private final CoachingNotes notes;
    private final AdminUserService users;
    private final RemedialActions remedial;

    TeamPage(SupervisorTeams teams, ComplianceService compliance, CoachingNotes notes, AdminUserService users,
             RemedialActions remedial) {
        this.users = users;
        this.remedial = remedial;
        this.teams = teams;
        this.compliance = compliance;
        this.notes = notes;
    }

    /** One requirement as the team page shows it. */
    record Line(String moduleTitle, ComplianceState state, boolean needsRetake, LocalDate dueDate, LocalDate validUntil,
                long daysOverdue, Instant lastActivity, boolean beforeAccess, boolean onLeave) {

        static Line of(ModuleStatus s, LocalDate today) {
            long late = s.overdue() ? ChronoUnit.DAYS.between(s.dueDate(), today) : 0;
            return new Line(s.moduleTitle(), s.state(), s.state() == ComplianceState.FAILED, s.dueDate(), s.compliantUntil(),
                    late, s.lastActivity(), s.beforeAccess(), s.onLeave());
        }
    }

    /** A module the supervisor may name in a remedial action: one of the person's requirements. */
    record ModuleChoice(String id, String title) {
    }

    /**
     * One person on the team, with the notes this supervisor wrote about them and the remedial actions recorded for
     * them (by anyone: the supervisor sees what was done before).
     */
    record Member(KeptStatus person, List<Line> lines, List<CoachingNote> myNotes, List<RemedialAction> actions,
                  List<ModuleChoice> modules) {

        public long overdue() {
            return lines.stream().filter(l -> l.daysOverdue() > 0).count();
        }

        public long retakes() {
            return lines.stream().filter(Line::needsRetake).count();
        }
    }

    @GetMapping("/admin/team")
    String team(Principal user, Model model) {
        return page(supervisor(user), user.getName(), model);
    }

    @PostMapping("/admin/team/people/{id}/coaching-notes")
    String addNote(@PathVariable String id, @RequestParam(required = false) String text, Principal user, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Person supervisor = supervisor(user);
        if (!teams.teamOf(supervisor).contains(id)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not on your team");
        }
        try {
            notes.add(id, text, user.getName());
        } catch (ComplianceException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Not saved: " + e.getMessage());
            model.addAttribute("draftFor", id);
            model.addAttribute("draft", text);
            return page(supervisor, user.getName(), model);
        }
        redirect.addFlashAttribute("success", "Note saved. Admins see it on the person's training record.");
        return "redirect:/admin/team#person-" + id;
    }

    /**
     * A remedial action for someone on the team: retraining, coaching, or a sanction under the practice's sanction
     * policy (45 CFR 164.530(e)), with the day and what was done. Anyone else is a 403.
     */
    @PostMapping("/admin/team/people/{id}/remedial-actions")
    String addRemedialAction(@PathVariable String id, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String moduleId,
                             @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                     iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate date,
                             @RequestParam(required = false) String action, Principal user, Model model,
                             HttpServletResponse response, RedirectAttributes redirect) {
        Person supervisor = supervisor(user);
        if (!teams.teamOf(supervisor).contains(id)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not on your team");
        }
        try {
            remedial.record(id, moduleId, date, kindOf(kind), action, user.getName());
        } catch (ComplianceException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Not recorded: " + e.getMessage());
            model.addAttribute("actionDraftFor", id);
            model.addAttribute("actionDraft", action);
            return page(supervisor, user.getName(), model);
        }
        redirect.addFlashAttribute("success", "Remedial action recorded. It is on their training record and in the "
                + "audit package.");
        return "redirect:/admin/team#person-" + id;
    }

    private static RemedialAction.Kind kindOf(String kind) {
        if (kind != null) {
            for (RemedialAction.Kind k : RemedialAction.Kind.values()) {
                if (k.name().equals(kind)) {
                    return k;
                }
            }
        }
        throw new ComplianceException("kind: one of RETRAINING, COACHING, SANCTION, OTHER");
    }

    /** The supervisor sets a password of their own, replacing the one the admin handed over. */
    @PostMapping("/admin/team/password")
    String changePassword(@RequestParam(required = false) String currentPassword,
                          @RequestParam(required = false) String newPassword, Principal user, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        Person supervisor = supervisor(user);
        try {
            users.changeSupervisorPassword(user.getName(), currentPassword, newPassword);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Password not changed: " + e.getMessage());
            return page(supervisor, user.getName(), model);
        }
        redirect.addFlashAttribute("success", "Your password is changed. Use it the next time you sign in.");
        return "redirect:/admin/team";
    }

    private String page(Person supervisor, String username, Model model) {
        LocalDate today = compliance.today();
        List<Member> members = teams.teamOf(supervisor).inNameOrder().stream()
                .map(k -> new Member(k, k.statuses().stream().map(s -> Line.of(s, today)).toList(),
                        notes.forPerson(k.personId()).stream().filter(n -> n.author().equals(username)).toList(),
                        remedial.forPerson(k.personId()),
                        k.statuses().stream().filter(s -> s.moduleId() != null)
                                .map(s -> new ModuleChoice(s.moduleId(), s.moduleTitle())).distinct().toList()))
                .toList();
        model.addAttribute("kinds", RemedialAction.Kind.values());
        model.addAttribute("supervisor", supervisor);
        model.addAttribute("members", members);
        model.addAttribute("today", today);
        model.addAttribute("overdue", members.stream().filter(m -> m.overdue() > 0).count());
        model.addAttribute("retakes", members.stream().filter(m -> m.retakes() > 0).count());
        return "admin/team";
    }

    /** The signed-in supervisor's roster entry: an account whose person left the roster sees nothing. */
    private Person supervisor(Principal user) {
        return teams.supervisor(user.getName()).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN,
                "this sign-in is not linked to a supervisor on the roster"));
    }
}
