package org.hipaatraining.lrs.compliance.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.hipaatraining.lrs.compliance.PracticeProfileSource;
import org.hipaatraining.lrs.compliance.reports.Certificates;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public check of a completion certificate, for an employer, a payer or an auditor who holds one: no sign-in, and
 * no more than the certificate itself says (name, module, version, date).
 */
@Controller
class VerifyController {

    private final Certificates certificates;
    private final PracticeProfileSource practice;

    VerifyController(Certificates certificates, PracticeProfileSource practice) {
        this.certificates = certificates;
        this.practice = practice;
    }

    @GetMapping("/verify/{statementId}")
    String verify(@PathVariable String statementId, Model model, HttpServletResponse response) {
        Optional<Certificates.Certificate> certificate = certificates.find(statementId);
        if (certificate.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("certificateId", statementId);
        model.addAttribute("certificate", certificate.orElse(null));
        model.addAttribute("practice", practice.current().name());
        return "verify";
    }
}
