package org.hipaatraining.packager.manifest;

import java.math.BigDecimal;
import java.util.List;

import org.hipaatraining.packager.PackageFormat;
import org.hipaatraining.packager.course.Course;
import org.hipaatraining.packager.course.CourseModule;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * {@code cmi5.xml}, the cmi5 course structure: the course (the role course, or the module of a single-module package)
 * and one AU per module whose id is the module IRI. moveOn tells the LMS when the AU counts as satisfied: after the
 * knowledge check is passed and the lessons are done, or, without a knowledge check, when completed. The namespace must
 * be exactly the CourseStructure.xsd one; a wrong one is the classic "Cannot find the declaration of element
 * 'courseStructure'" rejection.
 */
final class Cmi5ManifestWriter implements ManifestWriter {

    static final String CMI5 = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";
    private static final String LANG = "en-US";

    @Override
    public PackageFormat format() {
        return PackageFormat.CMI5;
    }

    /**
     * The course id. cmi5 wants course and AU ids distinct (an LMS records course-level satisfied statements under the
     * course id), so a single-module package gets a course id of its own next to the module IRI its AU keeps.
     */
    static String courseId(Course course) {
        return course.spec().isRole() ? course.iri() : course.iri().replace("/activities/module/", "/activities/module-course/");
    }

    @Override
    public byte[] write(Course course, List<String> sharedFiles) {
        Document document = Xml.document(CMI5, "courseStructure");
        Element root = document.getDocumentElement();
        Element courseElement = Xml.child(root, CMI5, "course");
        courseElement.setAttribute("id", courseId(course));
        text(courseElement, "title", course.title());
        text(courseElement, "description", course.description());
        for (CourseModule module : course.modules()) {
            Element au = Xml.child(root, CMI5, "au");
            au.setAttribute("id", module.module().iri());
            if (module.hasQuestions()) {
                au.setAttribute("moveOn", "CompletedAndPassed");
                au.setAttribute("masteryScore",
                        BigDecimal.valueOf(module.module().masteryScore()).stripTrailingZeros().toPlainString());
            } else {
                au.setAttribute("moveOn", "Completed");
            }
            // AnyWindow: the LMS may show the AU in a frame or a new window, whichever suits the device.
            au.setAttribute("launchMethod", "AnyWindow");
            text(au, "title", module.module().title());
            text(au, "description", module.module().description());
            Xml.child(au, CMI5, "url", module.launchPath());
        }
        return Xml.bytes(document);
    }

    private static void text(Element parent, String name, String value) {
        Element element = Xml.child(parent, CMI5, name);
        Xml.child(element, CMI5, "langstring", value).setAttribute("lang", LANG);
    }
}
