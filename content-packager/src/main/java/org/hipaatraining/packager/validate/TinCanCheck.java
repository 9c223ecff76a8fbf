package org.hipaatraining.packager.validate;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Structural checks of {@code tincan.xml} (there is no official XSD to validate against offline): the Rustici
 * namespace, activities with absolute IRIs, at least one launchable activity, and launch files that exist.
 */
final class TinCanCheck {

    static final String FILE = "tincan.xml";
    static final String NAMESPACE = "http://projecttincan.com/tincan.xsd";

    private TinCanCheck() {
    }

    static void check(Document document, PackageEntries entries, Findings findings) {
        Element root = document.getDocumentElement();
        if (!"tincan".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            findings.error(FILE, "the root element must be <tincan xmlns=\"" + NAMESPACE + "\">, found <"
                    + root.getNodeName() + "> in namespace " + root.getNamespaceURI());
            return;
        }
        Element activities = XmlChecks.child(root, NAMESPACE, "activities").orElse(null);
        List<Element> list = activities == null ? List.of() : XmlChecks.children(activities, NAMESPACE, "activity");
        if (list.isEmpty()) {
            findings.error(FILE, "no <activities><activity>: nothing to launch or track");
            return;
        }
        int launchable = 0;
        for (Element activity : list) {
            String id = activity.getAttribute("id");
            if (!isAbsoluteIri(id)) {
                findings.error(FILE, "<activity id=\"" + id + "\">: the id must be an absolute IRI (it is the xAPI"
                        + " activity id statements are recorded under)");
            }
            if (XmlChecks.child(activity, NAMESPACE, "name").isEmpty()) {
                findings.warning(FILE, "<activity id=\"" + id + "\"> has no <name>; LMSs show the IRI instead");
            }
            for (Element launch : XmlChecks.children(activity, NAMESPACE, "launch")) {
                launchable++;
                Hrefs.checkInZip("", launch.getTextContent(), entries, findings, FILE,
                        "<activity id=\"" + id + "\"> <launch>");
            }
        }
        if (launchable == 0) {
            findings.error(FILE, "no activity has a <launch>: the LMS has no page to open");
        }
    }

    static boolean isAbsoluteIri(String value) {
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && !value.isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
