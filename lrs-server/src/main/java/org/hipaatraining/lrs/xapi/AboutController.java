package org.hipaatraining.lrs.xapi;

import java.util.List;
import java.util.Map;

import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The About Resource: which xAPI versions this LRS speaks. The only resource that needs no credentials. */
@RestController
class AboutController {

    record About(List<String> version, Map<String, Object> extensions) {
    }

    @GetMapping("/xapi/about")
    About about() {
        return new About(List.of(XapiVersion.V1_0_3.header(), XapiVersion.V2_0_0.header()),
                Map.of("https://hipaa-training.org/xapi/extensions/lrs",
                        Map.of("name", "HIPAA Training LRS", "compliance-records", true)));
    }
}
