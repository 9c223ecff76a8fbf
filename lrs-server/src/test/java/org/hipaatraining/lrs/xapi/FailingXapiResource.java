package org.hipaatraining.lrs.xapi;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test only: an xAPI resource that fails as a bug would, to see what a 500 looks like (system.FailureReportTest). */
@TestComponent
@RestController
public class FailingXapiResource {

    @GetMapping("/xapi/test-failure")
    String fail() {
        throw new IllegalStateException("a bug in an xAPI resource");
    }
}
