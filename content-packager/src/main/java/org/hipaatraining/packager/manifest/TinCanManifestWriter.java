package org.hipaatraining.packager.manifest;

import java.util.List;

import org.hipaatraining.content.Vocabulary;
import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code tincan.xml}, the xAPI launch descriptor LMSs such as SCORM Cloud and Moodle plugins read: the package's
 * activity and, for each module, an activity with the page to launch (the LMS appends endpoint, auth, actor,
 * registration and activity_id). Activity ids are the catalogue's IRIs, the same ones SCORM and cmi5 packages report
 * through the LRS, so an LRS counts a module the same way whatever package delivered it.
 *
 * <p>A role course lists its own activity first, without a launch, and one launchable activity per module; LMSs that
 * launch only one activity per package start the first module, so per-module xAPI packages suit those better.
 */
final class TinCanManifestWriter implements ManifestWriter {

    static final String TINCAN = "http://projecttincan.com/tincan.xsd";
    private static final String LANG = "en-US";

    @Override
    public PackageFormat format() {
        return PackageFormat.XAPI;
    }

    @Override
    public byte[] write(Course course, List<String> sharedFiles) {
        Document document = Xml.document(TINCAN, "tincan");
        Element activities = Xml.child(document.getDocumentElement(), TINCAN, "activities");
        if (course.spec().isRole()) {
            // The course activity groups the modules (the player's context grouping); the LMS launches the modules.
            activity(activities, course.iri(), Vocabulary.TYPE_COURSE, course.title(), course.description());
        }
        for (CourseModule module : course.modules()) {
            Element activity = activity(activities, module.module().iri(), Vocabulary.TYPE_MODULE,
                    module.module().title(), module.module().description());
            Xml.child(activity, TINCAN, "launch", module.launchPath()).setAttribute("lang", LANG);
        }
        return Xml.bytes(document);
    }

    private static Element activity(Element activities, String id, String type, String name, String description) {
        Element activity = Xml.child(activities, TINCAN, "activity");
        activity.setAttribute("id", id);
        activity.setAttribute("type", type);
        Xml.child(activity, TINCAN, "name", name).setAttribute("lang", LANG);
        Xml.child(activity, TINCAN, "description", description).setAttribute("lang", LANG);
        return activity;
    }
}
