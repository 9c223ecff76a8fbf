package org.hipaatraining.lrs.reports;

import jakarta.servlet.http.HttpServletRequest;
import org.hipaatraining.lrs.auth.AdminRole;
import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the report pages know (who is signed in, whether they may change things) and how report requests fail: a
 * 400 naming the parameter, as a problem detail for the admin API ({@code /api/...}, {@code system.ApiProblems}) and as
 * the error page for the admin pages.
 */
@ControllerAdvice(basePackageClasses = ReportErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReportErrors {

    @ModelAttribute("currentUser")
    String currentUser(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("canEdit")
    boolean canEdit(Authentication authentication) {
        return isAdmin(authentication);
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> AdminRole.ADMIN.authority().equals(a.getAuthority()));
    }

    @ExceptionHandler(ReportRequestException.class)
    Object badRequest(ReportRequestException e, HttpServletRequest request, Authentication authentication) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), request, authentication);
    }

    @ExceptionHandler(ReportNotFoundException.class)
    Object notFound(ReportNotFoundException e, HttpServletRequest request, Authentication authentication) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage(), request, authentication);
    }

    private static Object answer(HttpStatus status, String message, HttpServletRequest request, Authentication authentication) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return ApiProblems.of(status, message);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("currentUser", authentication == null ? null : authentication.getName());
        page.addObject("canEdit", isAdmin(authentication));
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
