package org.hipaatraining.lrs.admin;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.practice.PracticeProfiles;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared header of every admin page needs, whichever feature the page belongs to: who is signed in, whether
 * they may change things, and the practice (its name in the header; a prompt to set it up until an admin has). Only
 * for pages under {@code /admin}, so no API request pays for the practice lookup.
 */
@ControllerAdvice
class AdminPageModel {

    private final PracticeProfiles practice;

    AdminPageModel(PracticeProfiles practice) {
        this.practice = practice;
    }

    @ModelAttribute
    void header(HttpServletRequest request, Authentication authentication, Model model) {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/admin")) {
            return;
        }
        model.addAttribute("currentUser", authentication == null ? null : authentication.getName());
        model.addAttribute("canEdit", isAdmin(authentication));
        model.addAttribute("isSupervisor", authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AdminRole.SUPERVISOR.authority().equals(a.getAuthority())));
        model.addAttribute("practice", practice.current());
    }

    static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AdminRole.ADMIN.authority().equals(a.getAuthority()));
    }
}
