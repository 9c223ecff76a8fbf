package org.hipaatraining.lrs.support;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Test only: an API endpoint and an admin page that fail as a bug would, to see what a 500 looks like. */
@TestComponent
@Controller
public class FailingEndpoints {

    @GetMapping("/api/test-failure")
    @ResponseBody
    String api() {
        throw new IllegalStateException("a bug in an API");
    }

    @GetMapping("/admin/test-failure")
    String page() {
        throw new IllegalStateException("a bug in an admin page");
    }
}
