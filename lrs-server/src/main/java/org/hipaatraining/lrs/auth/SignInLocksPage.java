package org.hipaatraining.lrs.auth;

import java.security.Principal;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin page of failed sign-ins and locks; admins lift a lock here, auditors only see them. */
@Controller
class SignInLocksPage {

    private final SignInThrottle throttle;
    private final Clock clock;

    SignInLocksPage(SignInThrottle throttle, Clock clock) {
        this.throttle = throttle;
        this.clock = clock;
    }

    @GetMapping("/admin/sign-in-locks")
    String page(Model model, Principal user, HttpServletRequest request) {
        model.addAttribute("currentUser", user.getName());
        model.addAttribute("canEdit", request.isUserInRole(AdminRole.ADMIN.name()));
        model.addAttribute("records", throttle.records());
        model.addAttribute("now", clock.instant());
        return "admin/sign-in-locks";
    }

    @PostMapping("/admin/sign-in-locks/lift")
    String lift(@RequestParam String id, Principal admin, RedirectAttributes redirect) {
        if (throttle.lift(id, admin.getName())) {
            redirect.addFlashAttribute("success", "Lifted the lock on " + id.substring(id.lastIndexOf('|') + 1) + ".");
        } else {
            redirect.addFlashAttribute("error", "There was no lock to lift.");
        }
        return "redirect:/admin/sign-in-locks";
    }
}
