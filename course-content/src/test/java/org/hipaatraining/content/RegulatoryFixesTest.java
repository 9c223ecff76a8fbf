package org.hipaatraining.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What a privacy officer found wrong in the content (issue 16, item 5), each with a check that fails if it comes back:
 * one rule per question across modules, the right paragraph of the rule cited, and the topics no module taught.
 */
class RegulatoryFixesTest {

    static final String FAX_RULE = "If a fax goes to the wrong number, call the recipient, ask them to destroy the pages, "
            + "and report it to the Privacy Officer the same day.";
    static final String FIRST_SNOOPING = "A first case of opening a record without a work reason (snooping): a final written "
            + "warning, retraining, and an audit of the person's record access for the next six months.";

    private final Catalogue catalogue = Content.catalogue();

    /** security q13 used to tell staff not to call a misdirected fax's recipient; billing and breach said to call. */
    @Test
    void oneMisdirectedFaxRuleEverywhere() {
        assertThat(text(lesson("security", "paper-printers-visitors"))).contains(FAX_RULE);
        assertThat(text(lesson("billing", "faxes-attachments-screenshots"))).contains(FAX_RULE);
        assertThat(text(lesson("breach", "report-at-once"))).contains(FAX_RULE);
        for (String policy : List.of("privacy-policy", "security-policy", "breach-response-policy")) {
            assertThat(text(catalogue.policy(policy).orElseThrow().html())).as(policy).contains(FAX_RULE);
        }
        Pattern contradiction = Pattern.compile("(?i)(privacy officer decides who contacts whom|(calling|call) the "
                + "(recipient|wrong number)[^.]*(on (his|her|their) own|skips)|do not try to sort it out alone)");
        assertThat(everyText()).noneMatch(t -> contradiction.matcher(t).find());
        Question q13 = catalogue.module("security").orElseThrow().question("q13").orElseThrow();
        assertThat(keyText(q13)).contains("destroy").contains("Privacy Officer");
    }

    /** role-billing q08's key told an unverified caller that his adult son is a patient. */
    @Test
    void anUnverifiedRelativeIsNeitherToldNorDeniedThatSomeoneIsAPatient() {
        Question q08 = catalogue.module("role-billing").orElseThrow().question("q08").orElseThrow();
        assertThat(keyText(q08)).startsWith("Without saying if his son is a patient");
        assertThat(q08.explanation()).contains("neither confirm nor deny").doesNotContain("would be untrue and is not necessary");
        assertThat(text(lesson("role-billing", "statements-and-account-calls"))).contains("do not confirm or deny");
        Question privacyQ07 = catalogue.module("privacy").orElseThrow().question("q07").orElseThrow();
        assertThat(keyText(privacyQ07)).startsWith("Without confirming he is a patient");
    }

    @Test
    void schoolsMayGetProofOfImmunizationWithAParentsAgreement() {
        String lesson = text(lesson("role-front-desk", "records-requests-and-checkout"));
        assertThat(lesson).contains("164.512(b)(1)(vi)").contains("proof of a student's immunizations")
                .doesNotContain("employer or school needs");
        assertThat(lesson(  "role-front-desk", "records-requests-and-checkout").citations())
                .contains("45 CFR 164.512(b)(1)(vi)");
    }

    /** Since Ciox Health v. Azar (2020) the third-party directive covers electronic copies of PHI in an EHR only. */
    @Test
    void thirdPartyDirectivesAreLimitedToElectronicCopiesFromTheEhr() {
        for (String[] where : List.of(new String[] {"privacy", "patient-rights"},
                new String[] {"role-front-desk", "records-requests-and-checkout"})) {
            String lesson = text(lesson(where[0], where[1]));
            assertThat(lesson).as(where[1]).contains("Ciox Health v. Azar").contains("164.524(c)(3)(ii)")
                    .contains("authorization");
        }
        assertThat(text(lesson("privacy", "patient-rights")))
                .doesNotContain("may ask in writing to have a copy sent to a person they name");
    }

    /**
     * Addressable specifications (security reminders, malware, log-in monitoring, passwords, facility access, automatic
     * logoff, encryption) are stated as the practice's policy, not as flat legal requirements, wherever they are cited.
     */
    @Test
    void addressableSpecificationsAreStatedAsOurPolicy() {
        Pattern addressable = Pattern.compile("164\\.308\\(a\\)\\(5\\)\\(ii\\)\\([A-D]\\)|164\\.310\\(a\\)\\(2\\)"
                + "|164\\.312\\(a\\)\\(2\\)\\((iii|iv)\\)");
        List<String> problems = new ArrayList<>();
        for (Module module : catalogue.modules()) {
            for (Lesson lesson : module.lessons()) {
                for (Element element : Jsoup.parseBodyFragment(lesson.html()).select("p, li")) {
                    String text = element.text();
                    String lower = text.toLowerCase(Locale.ROOT);
                    if (addressable.matcher(text).find() && !lower.contains("addressable") && !lower.contains("our policy")
                            && !lower.contains("policy requires")) {
                        problems.add(module.id() + "/" + lesson.id() + ": " + text);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Oversight audits and subpoenas are separate permissions (164.512(d), (e)), not "required by law" (164.512(a)). */
    @Test
    void oversightAndSubpoenasAreNotFiledUnderRequiredByLaw() {
        Lesson lesson = lesson("billing", "employers-relatives-and-legal-requests");
        for (Element element : Jsoup.parseBodyFragment(lesson.html()).select("li, p")) {
            String text = element.text();
            if (text.contains("164.512(a)") && !text.contains("164.512(a)(2)")) {
                assertThat(text.toLowerCase(Locale.ROOT)).as(text).doesNotContain("subpoena").doesNotContain("oversight");
            }
        }
        assertThat(text(lesson.html())).contains("164.512(d)").contains("164.512(e)");
        assertThat(lesson.citations()).contains("45 CFR 164.512(d)", "45 CFR 164.512(e)");
        assertThat(lesson.title()).doesNotContain("required by law");
    }

    @Test
    void theFirstSnoopingSanctionIsTheSameInEveryModuleAndThePolicy() {
        assertThat(text(lesson("privacy", "privacy-officer-complaints-and-sanctions"))).contains(FIRST_SNOOPING);
        assertThat(text(lesson("role-management", "incidents-complaints-sanctions"))).contains(FIRST_SNOOPING);
        assertThat(text(catalogue.policy("privacy-policy").orElseThrow().html())).contains(FIRST_SNOOPING);
        assertThat(everyText()).noneMatch(t -> t.contains("snooping, or sharing PHI on purpose: suspension")
                || t.contains("final written warning and retraining for a first snooping incident"));
    }

    @Test
    void employerRequestsCiteAuthorizationPublicHealthAndFamilyNotPlanSponsors() {
        Topic topic = catalogue.topics().stream().filter(t -> t.id().equals("employer-relative-requests")).findFirst()
                .orElseThrow();
        assertThat(topic.citation()).isEqualTo("45 CFR 164.508, 164.512(b), 164.510(b)");
        assertThat(catalogue.topics()).noneMatch(t -> t.citation().contains("164.504(f)"));
    }

    /** A role may promise training "before" people handle PHI only if its onboarding window is that short. */
    @Test
    void roleDescriptionsMatchTheirOnboardingWindow() {
        for (Role role : catalogue.roles()) {
            if (role.description().toLowerCase(Locale.ROOT).matches(".*(completed|complete it) before.*")) {
                assertThat(role.onboardingDays()).as(role.id()).isLessThanOrEqualTo(1);
            }
        }
        assertThat(catalogue.role("everyone").orElseThrow().description()).doesNotContain("Completed before touching PHI");
    }

    /** The billing module addresses billing company staff: some business associate role takes it and its role depth. */
    @Test
    void billingCompanyStaffTakeTheBillingModules() {
        assertThat(catalogue.modules().stream().filter(m -> m.description().contains("billing company staff")))
                .isNotEmpty().allSatisfy(m -> assertThat(catalogue.roles()).filteredOn(r -> r.moduleIds().contains(m.id()))
                        .anyMatch(r -> r.moduleIds().contains("role-business-associate")));
        assertThat(catalogue.roles()).anyMatch(r -> r.moduleIds().containsAll(
                List.of("billing", "role-billing", "role-business-associate")));
    }

    /** Civil money penalties are taught with their tiers and the date of the amounts, since they change yearly. */
    @Test
    void penaltyTiersAreTaughtWithTheDateOfTheAmounts() {
        for (String[] where : List.of(new String[] {"privacy", "privacy-officer-complaints-and-sanctions"},
                new String[] {"role-management", "incidents-complaints-sanctions"})) {
            Lesson lesson = lesson(where[0], where[1]);
            assertThat(lesson.topics()).contains("civil-money-penalties");
            assertThat(text(lesson.html())).contains("160.404").contains("willful neglect").contains("February 18, 2009")
                    .contains("inflation");
        }
    }

    /** Every role takes state-law preemption and penalties (privacy); roles that release records take information blocking. */
    @Test
    void newTopicsReachTheRolesThatNeedThem() {
        for (Role role : catalogue.roles()) {
            List<String> topics = topicsOf(role);
            assertThat(topics).as(role.id()).contains("state-law-preemption", "civil-money-penalties");
        }
        for (String role : List.of("front-desk", "clinical", "management")) {
            assertThat(topicsOf(catalogue.role(role).orElseThrow())).as(role).contains("information-blocking");
        }
    }

    private List<String> topicsOf(Role role) {
        List<String> topics = new ArrayList<>();
        for (RoleModule taken : role.modules()) {
            Module module = catalogue.module(taken.moduleId()).orElseThrow();
            module.lessons().stream().filter(l -> taken.lessonIds().isEmpty() || taken.lessonIds().contains(l.id()))
                    .filter(l -> l.roles().isEmpty() || l.roles().contains(role.id())).forEach(l -> topics.addAll(l.topics()));
        }
        return topics;
    }

    private Lesson lesson(String module, String lesson) {
        return catalogue.module(module).orElseThrow().lesson(lesson).orElseThrow();
    }

    private static String text(Lesson lesson) {
        return text(lesson.html());
    }

    private static String text(String html) {
        return Jsoup.parseBodyFragment(html).text();
    }

    private static String keyText(Question q) {
        return q.choices().stream().filter(c -> q.correct().contains(c.id())).map(Choice::text).findFirst().orElseThrow();
    }

    /** Lesson text, item texts and explanations, and policy text of the whole catalogue. */
    private List<String> everyText() {
        List<String> texts = new ArrayList<>();
        for (Module module : catalogue.modules()) {
            module.lessons().forEach(l -> texts.add(text(l)));
            for (Question q : module.questions()) {
                texts.add(q.explanation());
                q.choices().forEach(c -> texts.add(c.text()));
            }
        }
        catalogue.policies().all().forEach(p -> texts.add(text(p.html())));
        return texts;
    }
}
