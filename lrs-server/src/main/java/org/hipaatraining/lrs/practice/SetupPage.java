package org.hipaatraining.lrs.practice;

import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.roster.RosterService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The first-run set-up page (admins change it, auditors read it): the practice's name, officers and training policy. */
@Controller
class SetupPage {

    /** The zones US practices use most, offered first; any other zone id may be typed. */
    static final List<String> COMMON_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico", "UTC");

    private final PracticeProfiles profiles;
    private final RosterService roster;

    SetupPage(PracticeProfiles profiles, RosterService roster) {
        this.profiles = profiles;
        this.roster = roster;
    }

    /**
     * The form as posted. An officer is either a roster person (their id) or a name and email typed in; the onboarding
     * window left empty takes the default for the training-before-access choice.
     */
    record Form(String name, String addressLine, String privacyPersonId, String privacyName, String privacyEmail,
                String securityPersonId, String securityName, String securityEmail, String timeZone,
                Boolean trainingBeforeAccess, String onboardingWindowDays) {

        public boolean beforeAccess() {
            return Boolean.TRUE.equals(trainingBeforeAccess);
        }

        static Form of(PracticeProfile p) {
            PracticeProfile.Officer privacy = p.privacyOfficer();
            PracticeProfile.Officer security = p.securityOfficer();
            return new Form(p.isSetUp() ? p.name() : (p.name().startsWith("(") ? "" : p.name()), p.addressLine(),
                    privacy == null ? null : privacy.personId(), privacy == null || privacy.personId() != null ? null : privacy.name(),
                    privacy == null || privacy.personId() != null ? null : privacy.email(),
                    security == null ? null : security.personId(), security == null || security.personId() != null ? null : security.name(),
                    security == null || security.personId() != null ? null : security.email(),
                    p.timeZone().getId(), p.trainingBeforeAccess(), String.valueOf(p.onboardingWindowDays()));
        }

        PracticeProfile profile() {
            ZoneId zone = PracticeProfiles.zone(timeZone);
            int window;
            if (onboardingWindowDays == null || onboardingWindowDays.isBlank()) {
                window = PracticeProfile.defaultWindow(beforeAccess());
            } else {
                try {
                    window = Integer.parseInt(onboardingWindowDays.trim());
                } catch (NumberFormatException e) {
                    throw new PracticeProfiles.InvalidProfile(List.of("onboardingWindowDays: '" + onboardingWindowDays
                            + "' is not a number of days"));
                }
            }
            return new PracticeProfile(name, addressLine, officer(privacyPersonId, privacyName, privacyEmail),
                    officer(securityPersonId, securityName, securityEmail), zone, beforeAccess(), window, null, null);
        }

        /** A roster person wins over typed fields: choosing someone is the clearer intent. */
        private static PracticeProfile.Officer officer(String personId, String name, String email) {
            if (personId != null && !personId.isBlank()) {
                return new PracticeProfile.Officer(null, null, personId);
            }
            return new PracticeProfile.Officer(name, email, null);
        }
    }

    @GetMapping("/admin/setup")
    String page(Model model) {
        PracticeProfile current = profiles.current();
        return form(model, Form.of(current), current);
    }

    @PostMapping("/admin/setup")
    String save(@ModelAttribute Form form, Principal admin, Model model, HttpServletResponse response,
                RedirectAttributes redirect) {
        PracticeProfile current = profiles.current();
        try {
            boolean first = !current.isSetUp();
            profiles.save(form.profile(), admin.getName());
            redirect.addFlashAttribute("success", first
                    ? "Saved. Next: import your staff list, so everyone is assigned the training for their role."
                    : "Saved. Certificates and audit packages now show these details.");
            return "redirect:/admin/setup";
        } catch (PracticeProfiles.InvalidProfile e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Not saved. Fix these and save again:");
            model.addAttribute("errors", e.problems());
            return form(model, form, current);
        }
    }

    private String form(Model model, Form form, PracticeProfile current) {
        LocalDate today = LocalDate.now(current.timeZone());
        List<Person> people = roster.all().stream().filter(p -> p.statusOn(today) != Person.Status.DEPARTED)
                .sorted(Comparator.comparing(Person::name)).toList();
        model.addAttribute("form", form);
        model.addAttribute("profile", current);
        model.addAttribute("people", people);
        model.addAttribute("zones", COMMON_ZONES);
        model.addAttribute("windowBeforeAccess", PracticeProfile.WINDOW_BEFORE_ACCESS_DAYS);
        model.addAttribute("window", PracticeProfile.WINDOW_DAYS);
        return "admin/setup";
    }
}
