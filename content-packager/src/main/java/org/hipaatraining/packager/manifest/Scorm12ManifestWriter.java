package org.hipaatraining.packager.manifest;

import java.math.BigDecimal;
import java.util.List;

import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code imsmanifest.xml} for SCORM 1.2 (IMS CP 1.1.2 + ADL CP 1.2): one item and one SCO resource per module, the
 * player as a shared asset resource the SCOs depend on, and every file listed, as ADL's conformance test expects.
 * Moodle reads the version from {@code schemaversion}; anything it does not recognise silently becomes 1.2.
 */
final class Scorm12ManifestWriter implements ManifestWriter {

    static final String IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    static final String PLAYER_RESOURCE = "player";

    @Override
    public PackageFormat format() {
        return PackageFormat.SCORM_12;
    }

    @Override
    public byte[] write(Course course, List<String> sharedFiles) {
        Document document = Xml.document(IMSCP, "manifest");
        Element manifest = document.getDocumentElement();
        Xml.declare(manifest, "adlcp", ADLCP);
        Xml.declare(manifest, "xsi", Xml.XSI);
        manifest.setAttribute("identifier", course.identifier());
        manifest.setAttribute("version", "1.0");
        manifest.setAttributeNS(Xml.XSI, "xsi:schemaLocation", IMSCP + " imscp_rootv1p1p2.xsd " + ADLCP
                + " adlcp_rootv1p2.xsd");

        Element metadata = Xml.child(manifest, IMSCP, "metadata");
        Xml.child(metadata, IMSCP, "schema", "ADL SCORM");
        Xml.child(metadata, IMSCP, "schemaversion", "1.2");

        String organizationId = "org-" + course.identifier();
        Element organizations = Xml.child(manifest, IMSCP, "organizations");
        organizations.setAttribute("default", organizationId);
        Element organization = Xml.child(organizations, IMSCP, "organization");
        organization.setAttribute("identifier", organizationId);
        Xml.child(organization, IMSCP, "title", course.title());
        for (CourseModule module : course.modules()) {
            Element item = Xml.child(organization, IMSCP, "item");
            item.setAttribute("identifier", "item-" + module.module().id());
            item.setAttribute("identifierref", "sco-" + module.module().id());
            item.setAttribute("isvisible", "true");
            Xml.child(item, IMSCP, "title", module.module().title());
            // Without a knowledge check there is no score to master: the player reports "completed" instead.
            if (module.hasQuestions()) {
                Xml.child(item, ADLCP, "adlcp:masteryscore", percent(module.module().masteryScore()));
            }
        }

        Element resources = Xml.child(manifest, IMSCP, "resources");
        for (CourseModule module : course.modules()) {
            Element resource = Xml.child(resources, IMSCP, "resource");
            resource.setAttribute("identifier", "sco-" + module.module().id());
            resource.setAttribute("type", "webcontent");
            resource.setAttributeNS(ADLCP, "adlcp:scormtype", "sco");
            resource.setAttribute("href", module.launchPath());
            module.files().forEach(file -> Xml.child(resource, IMSCP, "file").setAttribute("href", file));
            Xml.child(resource, IMSCP, "dependency").setAttribute("identifierref", PLAYER_RESOURCE);
        }
        Element player = Xml.child(resources, IMSCP, "resource");
        player.setAttribute("identifier", PLAYER_RESOURCE);
        player.setAttribute("type", "webcontent");
        player.setAttributeNS(ADLCP, "adlcp:scormtype", "asset");
        sharedFiles.forEach(file -> Xml.child(player, IMSCP, "file").setAttribute("href", file));
        return Xml.bytes(document);
    }

    /** 0.8 -> "80": SCORM 1.2 masteryscore is on the 0..100 scale of cmi.core.score.raw. */
    static String percent(double scaled) {
        return BigDecimal.valueOf(scaled).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
