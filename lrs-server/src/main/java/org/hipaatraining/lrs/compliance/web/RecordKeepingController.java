package org.hipaatraining.lrs.compliance.web;

import org.hipaatraining.lrs.backup.BackupException;
import org.hipaatraining.lrs.backup.DailyBackup;
import org.hipaatraining.lrs.compliance.events.ProjectionErrors;
import org.hipaatraining.lrs.compliance.events.RecordsRebuild;
import org.hipaatraining.lrs.xapi.statements.StatementLogRecovery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Record keeping at a glance: whether every stored statement has reached the records (the statement log), which
 * statements the records set aside and why, and the backups; with a rebuild and a backup at a click for admins.
 */
@Controller
class RecordKeepingController {

    private final StatementLogRecovery statementLog;
    private final ProjectionErrors setAside;
    private final RecordsRebuild rebuild;
    private final DailyBackup backups;

    RecordKeepingController(StatementLogRecovery statementLog, ProjectionErrors setAside, RecordsRebuild rebuild,
                            DailyBackup backups) {
        this.statementLog = statementLog;
        this.setAside = setAside;
        this.rebuild = rebuild;
        this.backups = backups;
    }

    @GetMapping("/admin/record-keeping")
    String page(Model model) {
        model.addAttribute("backlog", statementLog.backlog());
        model.addAttribute("setAsideCount", setAside.count());
        model.addAttribute("setAside", setAside.latest(200));
        model.addAttribute("backups", backups.status());
        return "admin/record-keeping";
    }

    @PostMapping("/admin/record-keeping/rebuild")
    String rebuild(RedirectAttributes redirect) {
        long read = rebuild.rebuild();
        redirect.addFlashAttribute("success", "The training records were rebuilt from " + read + " statements; "
                + setAside.count() + " statements are set aside.");
        return "redirect:/admin/record-keeping";
    }

    @PostMapping("/admin/record-keeping/backup")
    String backUp(RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("success", "Backed up to " + backups.backUpNow().toAbsolutePath() + ".");
        } catch (BackupException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/record-keeping";
    }
}
