package org.hipaatraining.lrs.forwarding;

import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin pages: the targets, one target's figures and deliveries, and its buttons (admins only). */
@Controller
class ForwardingPage {

    private final ForwardingService forwarding;

    ForwardingPage(ForwardingService forwarding) {
        this.forwarding = forwarding;
    }

    @GetMapping("/admin/forwarding")
    String targets(Model model) {
        model.addAttribute("targets", forwarding.all());
        model.addAttribute("eventTypes", ComplianceEventType.values());
        return "admin/forwarding";
    }

    @GetMapping("/admin/forwarding/{id}")
    String target(@PathVariable String id, Model model) {
        model.addAttribute("target", forwarding.view(id));
        model.addAttribute("deliveries", forwarding.deliveries(id));
        model.addAttribute("deadLetters", forwarding.deadLetters(id));
        return "admin/forwarding-target";
    }

    @PostMapping("/admin/forwarding")
    String add(@RequestParam String name, @RequestParam String kind, @RequestParam String url,
               @RequestParam(required = false) String xapiVersion, @RequestParam(required = false) String credentialsKind,
               @RequestParam(required = false) String username, @RequestParam(required = false) String secret,
               @RequestParam(required = false) String verbs, @RequestParam(required = false) String activities,
               @RequestParam(required = false) String sources, @RequestParam(required = false) List<String> events,
               @RequestParam(required = false) String startFrom, RedirectAttributes redirect) {
        TargetForm form = new TargetForm(name, kind, url, xapiVersion,
                new TargetForm.CredentialsForm(credentialsKind, username, secret), null,
                new StatementSelection(lines(verbs), lines(activities), lines(sources)), events, false, startFrom);
        try {
            ForwardingService.Created created = forwarding.create(form);
            redirect.addFlashAttribute("success", created.signingSecret() == null ? "Added " + name + "."
                    : "Added " + name + ". Its signing secret, shown this once (give it to the receiver): "
                    + created.signingSecret());
            return "redirect:/admin/forwarding/" + created.target().id();
        } catch (ForwardingException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/admin/forwarding";
        }
    }

    @PostMapping("/admin/forwarding/{id}/pause")
    String pause(@PathVariable String id, RedirectAttributes redirect) {
        forwarding.pause(id);
        redirect.addFlashAttribute("success", "Paused: nothing is sent until you resume; nothing is lost meanwhile.");
        return "redirect:/admin/forwarding/" + id;
    }

    @PostMapping("/admin/forwarding/{id}/resume")
    String resume(@PathVariable String id, RedirectAttributes redirect) {
        forwarding.resume(id);
        redirect.addFlashAttribute("success", "Resumed: delivery goes on from where it stopped.");
        return "redirect:/admin/forwarding/" + id;
    }

    @PostMapping("/admin/forwarding/{id}/replay")
    String replay(@PathVariable String id, @RequestParam(required = false) String from, RedirectAttributes redirect) {
        try {
            forwarding.replay(id, TargetForm.parseFrom(from, "from"));
            redirect.addFlashAttribute("success", "Everything from " + from + " on is being delivered again, in order.");
        } catch (ForwardingException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/forwarding/" + id;
    }

    @PostMapping("/admin/forwarding/{id}/test")
    String test(@PathVariable String id, RedirectAttributes redirect) {
        DeliveryLog.Delivery tried;
        try {
            tried = forwarding.test(id);
        } catch (ForwardingException e) {
            if (e.notFound()) {
                throw e;
            }
            redirect.addFlashAttribute("error", "Not tested: " + e.getMessage());
            return "redirect:/admin/forwarding/" + id;
        }
        if (tried.succeeded()) {
            redirect.addFlashAttribute("success", "The target answered " + tried.status() + " in " + tried.millis() + " ms.");
        } else {
            redirect.addFlashAttribute("error", "The test failed: " + tried.error());
        }
        return "redirect:/admin/forwarding/" + id;
    }

    @PostMapping("/admin/forwarding/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        forwarding.delete(id);
        redirect.addFlashAttribute("success", "Removed the target and its delivery history.");
        return "redirect:/admin/forwarding";
    }

    /** An unknown target (a stale link, a target removed meanwhile): the error page with a 404. */
    @ExceptionHandler(ForwardingException.class)
    String refused(ForwardingException e, Model model, HttpServletResponse response) {
        HttpStatus status = e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("error", status.getReasonPhrase());
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
