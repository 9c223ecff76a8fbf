package org.hipaatraining.packager.manifest;

import java.math.BigDecimal;
import java.util.List;

import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code imsmanifest.xml} for SCORM 2004 4th Edition. Sequencing is kept as plain as SCORM allows: the modules in a
 * flow the learner may also choose from, each module's primary objective satisfied by its knowledge-check score
 * (minNormalizedMeasure = the module's mastery score), and the SCO itself reporting completion and success. No inline
 * LOM metadata: there is no LOM schema to validate it against, and LMSs ignore it.
 */
final class Scorm2004ManifestWriter implements ManifestWriter {

    static final String IMSCP = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String ADLCP = "http://www.adlnet.org/xsd/adlcp_v1p3";
    static final String IMSSS = "http://www.imsglobal.org/xsd/imsss";
    static final String PLAYER_RESOURCE = "player";

    @Override
    public PackageFormat format() {
        return PackageFormat.SCORM_2004;
    }

    @Override
    public byte[] write(Course course, List<String> sharedFiles) {
        Document document = Xml.document(IMSCP, "manifest");
        Element manifest = document.getDocumentElement();
        Xml.declare(manifest, "adlcp", ADLCP);
        Xml.declare(manifest, "imsss", IMSSS);
        Xml.declare(manifest, "xsi", Xml.XSI);
        manifest.setAttribute("identifier", course.identifier());
        manifest.setAttribute("version", "1.0");
        manifest.setAttributeNS(Xml.XSI, "xsi:schemaLocation", IMSCP + " imscp_v1p1.xsd " + ADLCP + " adlcp_v1p3.xsd "
                + IMSSS + " imsss_v1p0.xsd");

        Element metadata = Xml.child(manifest, IMSCP, "metadata");
        Xml.child(metadata, IMSCP, "schema", "ADL SCORM");
        Xml.child(metadata, IMSCP, "schemaversion", "2004 4th Edition");

        String organizationId = "org-" + course.identifier();
        Element organizations = Xml.child(manifest, IMSCP, "organizations");
        organizations.setAttribute("default", organizationId);
        Element organization = Xml.child(organizations, IMSCP, "organization");
        organization.setAttribute("identifier", organizationId);
        Xml.child(organization, IMSCP, "title", course.title());
        for (CourseModule module : course.modules()) {
            item(organization, module);
        }
        // Flow: Continue/Previous walk the modules in order; choice: the LMS menu may open any of them.
        Element sequencing = Xml.child(organization, IMSSS, "imsss:sequencing");
        Element controlMode = Xml.child(sequencing, IMSSS, "imsss:controlMode");
        controlMode.setAttribute("choice", "true");
        controlMode.setAttribute("flow", "true");

        Element resources = Xml.child(manifest, IMSCP, "resources");
        for (CourseModule module : course.modules()) {
            Element resource = Xml.child(resources, IMSCP, "resource");
            resource.setAttribute("identifier", "sco-" + module.module().id());
            resource.setAttribute("type", "webcontent");
            resource.setAttributeNS(ADLCP, "adlcp:scormType", "sco");
            resource.setAttribute("href", module.launchPath());
            module.files().forEach(file -> Xml.child(resource, IMSCP, "file").setAttribute("href", file));
            Xml.child(resource, IMSCP, "dependency").setAttribute("identifierref", PLAYER_RESOURCE);
        }
        Element player = Xml.child(resources, IMSCP, "resource");
        player.setAttribute("identifier", PLAYER_RESOURCE);
        player.setAttribute("type", "webcontent");
        player.setAttributeNS(ADLCP, "adlcp:scormType", "asset");
        sharedFiles.forEach(file -> Xml.child(player, IMSCP, "file").setAttribute("href", file));
        return Xml.bytes(document);
    }

    private static void item(Element organization, CourseModule module) {
        String id = module.module().id();
        Element item = Xml.child(organization, IMSCP, "item");
        item.setAttribute("identifier", "item-" + id);
        item.setAttribute("identifierref", "sco-" + id);
        Xml.child(item, IMSCP, "title", module.module().title());
        Element sequencing = Xml.child(item, IMSSS, "imsss:sequencing");
        if (module.hasQuestions()) {
            Element objectives = Xml.child(sequencing, IMSSS, "imsss:objectives");
            Element primary = Xml.child(objectives, IMSSS, "imsss:primaryObjective");
            primary.setAttribute("objectiveID", id + "-knowledge-check");
            primary.setAttribute("satisfiedByMeasure", "true");
            Xml.child(primary, IMSSS, "imsss:minNormalizedMeasure",
                    BigDecimal.valueOf(module.module().masteryScore()).stripTrailingZeros().toPlainString());
        } else {
            // Nothing to pass: the module counts towards course completion but not towards course success.
            Element rollup = Xml.child(sequencing, IMSSS, "imsss:rollupRules");
            rollup.setAttribute("rollupObjectiveSatisfied", "false");
        }
        Element delivery = Xml.child(sequencing, IMSSS, "imsss:deliveryControls");
        delivery.setAttribute("completionSetByContent", "true");
        delivery.setAttribute("objectiveSetByContent", "true");
    }
}
