package org.hipaatraining.lrs.practice;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hipaatraining.lrs.compliance.PracticeProfile;
import org.hipaatraining.lrs.system.ApiProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/practice")
@Tag(name = "Practice", description = "Who the records belong to: name, address, privacy and security officers, training policy")
class PracticeController {

    private final PracticeProfiles profiles;

    PracticeController(PracticeProfiles profiles) {
        this.profiles = profiles;
    }

    /**
     * A profile as sent: the time zone as an id ("America/Chicago"), the onboarding window optional (the default for
     * the training-before-access choice), officers as {@code {name, email}} or {@code {personId}}.
     */
    record ProfileRequest(String name, String addressLine, PracticeProfile.Officer privacyOfficer,
                          PracticeProfile.Officer securityOfficer, String timeZone, Boolean trainingBeforeAccess,
                          Integer onboardingWindowDays) {
    }

    @GetMapping
    @Operation(summary = "The practice profile in effect (the set-up page's, else the lrs.practice.* properties)")
    PracticeProfile current() {
        return profiles.current();
    }

    @PutMapping
    @Operation(summary = "Save the practice profile, as the set-up page does")
    PracticeProfile save(@RequestBody ProfileRequest request, Principal admin) {
        boolean beforeAccess = Boolean.TRUE.equals(request.trainingBeforeAccess());
        return profiles.save(new PracticeProfile(request.name(), request.addressLine(), request.privacyOfficer(),
                request.securityOfficer(), PracticeProfiles.zone(request.timeZone()), beforeAccess,
                request.onboardingWindowDays() == null ? PracticeProfile.defaultWindow(beforeAccess) : request.onboardingWindowDays(),
                null, null), admin.getName());
    }

    @ExceptionHandler(PracticeProfiles.InvalidProfile.class)
    ResponseEntity<ProblemDetail> invalid(PracticeProfiles.InvalidProfile e) {
        ResponseEntity<ProblemDetail> answer = ApiProblems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        answer.getBody().setProperty("problems", e.problems());
        return answer;
    }
}
