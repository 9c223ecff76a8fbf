package org.hipaatraining.lrs.compliance.lms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names an admin gives LMS activities, against the real catalogue's titles. */
class ModuleNameMatcherTest {

    private static final ModuleNameMatcher MATCHER = new ModuleNameMatcher(Catalogue.loadDefault().modules());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "HIPAA Privacy Rule essentials (SCORM 2004)   | privacy",
            "Privacy essentials 2026                      | privacy",
            "HIPAA Privacy training                       | privacy",
            "Security awareness - annual refresher        | security",
            "Breaches and incident response               | breach",
            "hipaa-module-billing-1.0.0-scorm12           | billing",
            "Front desk in depth                          | role-front-desk",
            "Security reminder: phishing (Q3)             | reminder-phishing",
            "Security reminder – MFA prompts              | reminder-mfa",
            "Running the HIPAA program                    | role-management",
            "Staff meeting notes                          | none",
            "Fire safety                                  | none",
            "HIPAA                                        | none",
            "Reminder                                     | none"})
    void suggestsTheModuleANameDescribes(String name, String expected) {
        Optional<Module> match = MATCHER.match(name);
        assertThat(match.map(Module::id).orElse(null)).isEqualTo(expected);
    }
}
