package org.hipaatraining.packager.validate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;

import org.hipaatraining.packager.PackageFormat;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What an LMS needs from an {@code imsmanifest.xml} beyond its schema: the default organization exists, items point at
 * resources that exist, there is at least one SCO to launch, and every href and file is in the zip. These checks run
 * with or without the XSDs; they are what makes "imported fine, then a blank frame" failures show up before upload.
 */
final class ScormManifestCheck {

    static final String MANIFEST = "imsmanifest.xml";
    static final String IMSCP_12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    static final String ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    static final String IMSCP_2004 = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3";

    private final String cp;
    private final String adlcp;
    private final String scormTypeAttribute;
    private final PackageEntries entries;
    private final Findings findings;

    ScormManifestCheck(PackageFormat version, PackageEntries entries, Findings findings) {
        boolean scorm12 = version == PackageFormat.SCORM_12;
        this.cp = scorm12 ? IMSCP_12 : IMSCP_2004;
        this.adlcp = scorm12 ? ADLCP_12 : ADLCP_2004;
        // SCORM 1.2 spells it scormtype, 2004 scormType; an LMS ignores the wrong spelling and sees no SCO.
        this.scormTypeAttribute = scorm12 ? "scormtype" : "scormType";
        this.entries = entries;
        this.findings = findings;
    }

    void check(Document document) {
        Element manifest = document.getDocumentElement();
        if (!"manifest".equals(manifest.getLocalName()) || !cp.equals(manifest.getNamespaceURI())) {
            findings.error(MANIFEST, "the root element must be <manifest> in namespace " + cp);
            return;
        }
        Map<String, Element> resources = resources(manifest);
        Set<String> launchedScos = new HashSet<>();
        checkOrganizations(manifest, resources, launchedScos);
        for (Element resource : resources.values()) {
            checkResource(manifest, resource, resources);
        }
        if (launchedScos.isEmpty()) {
            findings.error(MANIFEST, "no item launches a SCO (a resource with adlcp:" + scormTypeAttribute
                    + "=\"sco\"): the LMS has nothing it can track");
        }
    }

    private Map<String, Element> resources(Element manifest) {
        Map<String, Element> byId = new HashMap<>();
        XmlChecks.child(manifest, cp, "resources").ifPresentOrElse(
                resources -> XmlChecks.children(resources, cp, "resource").forEach(resource -> {
                    if (byId.put(resource.getAttribute("identifier"), resource) != null) {
                        findings.error(MANIFEST, "two resources have identifier \"" + resource.getAttribute("identifier") + "\"");
                    }
                }),
                () -> findings.error(MANIFEST, "no <resources> element"));
        return byId;
    }

    private void checkOrganizations(Element manifest, Map<String, Element> resources, Set<String> launchedScos) {
        Element organizations = XmlChecks.child(manifest, cp, "organizations").orElse(null);
        if (organizations == null) {
            findings.error(MANIFEST, "no <organizations> element");
            return;
        }
        List<Element> list = XmlChecks.children(organizations, cp, "organization");
        if (list.isEmpty()) {
            findings.error(MANIFEST, "no <organization>: LMSs have no course structure to show");
            return;
        }
        String defaultId = organizations.getAttribute("default");
        if (defaultId.isEmpty()) {
            findings.warning(MANIFEST, "<organizations> has no default; LMSs will pick the first organization");
        } else if (list.stream().noneMatch(o -> defaultId.equals(o.getAttribute("identifier")))) {
            findings.error(MANIFEST, "<organizations default=\"" + defaultId + "\"> names no organization");
        }
        for (Element item : XmlChecks.descendants(organizations, cp, "item")) {
            String ref = item.getAttribute("identifierref");
            if (ref.isEmpty()) {
                continue; // a folder-like item grouping others
            }
            Element resource = resources.get(ref);
            if (resource == null) {
                findings.error(MANIFEST, "<item identifier=\"" + item.getAttribute("identifier") + "\"> refers to"
                        + " resource \"" + ref + "\", which does not exist");
            } else if ("sco".equalsIgnoreCase(resource.getAttributeNS(adlcp, scormTypeAttribute))) {
                launchedScos.add(ref);
            }
        }
    }

    private void checkResource(Element manifest, Element resource, Map<String, Element> resources) {
        String id = resource.getAttribute("identifier");
        String base = base(manifest, resource);
        String type = resource.getAttributeNS(adlcp, scormTypeAttribute);
        if (type.isEmpty()) {
            findings.error(MANIFEST, "resource \"" + id + "\" has no adlcp:" + scormTypeAttribute + " (sco or asset)");
        }
        String href = resource.getAttribute("href");
        if (href.isEmpty()) {
            if ("sco".equalsIgnoreCase(type)) {
                findings.error(MANIFEST, "SCO resource \"" + id + "\" has no href to launch");
            }
        } else {
            checkHref(base, href, "resource \"" + id + "\" href");
        }
        for (Element file : XmlChecks.children(resource, cp, "file")) {
            checkHref(base, file.getAttribute("href"), "resource \"" + id + "\" <file>");
        }
        for (Element dependency : XmlChecks.children(resource, cp, "dependency")) {
            if (!resources.containsKey(dependency.getAttribute("identifierref"))) {
                findings.error(MANIFEST, "resource \"" + id + "\" depends on \"" + dependency.getAttribute("identifierref")
                        + "\", which does not exist");
            }
        }
    }

    private void checkHref(String base, String href, String what) {
        Hrefs.checkInZip(base, href, entries, findings, MANIFEST, what);
    }

    /** xml:base on resources and resource prefixes their hrefs (rarely used, but legal). */
    private String base(Element manifest, Element resource) {
        String outer = ((Element) resource.getParentNode()).getAttributeNS(XMLConstants.XML_NS_URI, "base");
        String inner = resource.getAttributeNS(XMLConstants.XML_NS_URI, "base");
        return folder(outer) + folder(inner);
    }

    private static String folder(String base) {
        return base.isEmpty() || base.endsWith("/") ? base : base + "/";
    }
}
