package org.hipaatraining.lrs.system;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one error shape of the JSON APIs under {@code /api} (not xAPI's, which its specification fixes): RFC 9457
 * {@code application/problem+json}, its {@code detail} naming the field to fix first ({@code "courseId: required"}).
 * Spring fills in {@code instance} (the request's path); {@code title} is the status's reason phrase.
 */
public final class ApiProblems {

    private ApiProblems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String detail) {
        return answer(ProblemDetail.forStatusAndDetail(status, detail));
    }

    /** With the field also as a property of its own ({@code "field": "url"}), for clients that mark the input. */
    public static ResponseEntity<ProblemDetail> of(HttpStatusCode status, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return answer(problem);
    }

    static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        // problem+json even for a PDF or CSV download's error: the one type every caller can read
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
