package org.hipaatraining.packager.validate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Structural checks of {@code cmi5.xml}, run with or without CourseStructure.xsd: the namespace (the classic SCORM
 * Cloud rejection), a course id, AUs with unique absolute ids, known moveOn values, a masteryScore between 0 and 1,
 * and relative AU urls that exist in the zip.
 */
final class Cmi5Check {

    static final String FILE = "cmi5.xml";
    static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    private static final List<String> MOVE_ON = List.of("NotApplicable", "Passed", "Completed", "CompletedAndPassed",
            "CompletedOrPassed");
    private static final List<String> LAUNCH_METHODS = List.of("AnyWindow", "OwnWindow");

    private Cmi5Check() {
    }

    static void check(Document document, PackageEntries entries, Findings findings) {
        Element root = document.getDocumentElement();
        if (!"courseStructure".equals(root.getLocalName())) {
            findings.error(FILE, "the root element must be <courseStructure>, found <" + root.getNodeName() + ">");
            return;
        }
        if (!NAMESPACE.equals(root.getNamespaceURI())) {
            findings.error(FILE, "<courseStructure> must be in namespace " + NAMESPACE + " (found "
                    + root.getNamespaceURI() + "); LMSs reject it with \"Cannot find the declaration of element"
                    + " 'courseStructure'\"");
            return;
        }
        Element course = XmlChecks.child(root, NAMESPACE, "course").orElse(null);
        if (course == null) {
            findings.error(FILE, "no <course> element");
        } else if (!TinCanCheck.isAbsoluteIri(course.getAttribute("id"))) {
            findings.error(FILE, "<course id=\"" + course.getAttribute("id") + "\">: the id must be an absolute IRI");
        }
        List<Element> aus = XmlChecks.descendants(root, NAMESPACE, "au");
        if (aus.isEmpty()) {
            findings.error(FILE, "no <au>: nothing to launch");
        }
        Set<String> ids = new HashSet<>();
        for (Element au : aus) {
            checkAu(au, ids, entries, findings);
        }
    }

    private static void checkAu(Element au, Set<String> ids, PackageEntries entries, Findings findings) {
        String id = au.getAttribute("id");
        String what = "<au id=\"" + id + "\">";
        if (!TinCanCheck.isAbsoluteIri(id)) {
            findings.error(FILE, what + ": the id must be an absolute IRI");
        } else if (!ids.add(id)) {
            findings.error(FILE, what + ": two AUs have this id");
        }
        String moveOn = au.getAttribute("moveOn");
        if (!moveOn.isEmpty() && !MOVE_ON.contains(moveOn)) {
            findings.error(FILE, what + ": moveOn=\"" + moveOn + "\" is not one of " + MOVE_ON);
        }
        String launchMethod = au.getAttribute("launchMethod");
        if (!launchMethod.isEmpty() && !LAUNCH_METHODS.contains(launchMethod)) {
            findings.error(FILE, what + ": launchMethod=\"" + launchMethod + "\" is not one of " + LAUNCH_METHODS);
        }
        String mastery = au.getAttribute("masteryScore");
        if (!mastery.isEmpty()) {
            try {
                BigDecimal score = new BigDecimal(mastery);
                if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
                    findings.error(FILE, what + ": masteryScore " + mastery + " is not between 0 and 1");
                }
            } catch (NumberFormatException e) {
                findings.error(FILE, what + ": masteryScore \"" + mastery + "\" is not a number");
            }
        }
        Element url = XmlChecks.child(au, NAMESPACE, "url").orElse(null);
        if (url == null || url.getTextContent().isBlank()) {
            findings.error(FILE, what + ": no <url> to launch");
            return;
        }
        Hrefs.Target target = Hrefs.resolve("", url.getTextContent());
        if (!(target instanceof Hrefs.External)) {
            // Absolute urls are legal in cmi5 (AUs hosted elsewhere); relative ones must be in this zip.
            Hrefs.checkInZip("", url.getTextContent(), entries, findings, FILE, what + " <url>");
        }
    }
}
