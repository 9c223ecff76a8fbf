package org.hipaatraining.lrs.cmi5;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads cmi5.xml into a {@link CourseStructure} and gives every course, block and AU the activity id this LMS uses for
 * it. Generated ids derive from the course id in this LRS and the publisher's id, so re-importing a course keeps them
 * (8.1.5: the same activityId for an AU across launches and registrations) and they never equal the publisher's id.
 * Whitespace around values is removed (13.1). The XML is parsed with DTDs and external entities disabled.
 */
final class CourseStructureReader {

    static final String NAMESPACE = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

    private final String idBase;

    /** @param idBase the IRI prefix of generated activity ids, e.g. {@code https://hipaa-training.org/xapi/cmi5} */
    CourseStructureReader(String idBase) {
        this.idBase = idBase;
    }

    CourseStructure read(byte[] xml, String courseId) {
        Element root = parse(xml).getDocumentElement();
        if (!"courseStructure".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new Cmi5Exception("cmi5.xml: the root must be <courseStructure> in namespace " + NAMESPACE);
        }
        Element course = firstChild(root, "course");
        if (course == null) {
            throw new Cmi5Exception("cmi5.xml: no <course> element");
        }
        String courseBase = idBase + "/course/" + courseId;
        Set<String> seen = new HashSet<>();
        List<CourseStructure.Node> children = new ArrayList<>();
        for (Element child : children(root)) {
            if (child.getLocalName().equals("au") || child.getLocalName().equals("block")) {
                children.add(node(child, courseBase, seen));
            }
        }
        CourseStructure structure = new CourseStructure(required(course, "id"), courseBase, langstring(course, "title"),
                langstring(course, "description"), children);
        if (structure.aus().isEmpty()) {
            throw new Cmi5Exception("cmi5.xml: no <au>: nothing to launch");
        }
        return structure;
    }

    private CourseStructure.Node node(Element element, String courseBase, Set<String> seen) {
        String id = required(element, "id");
        if (!seen.add(id)) {
            throw new Cmi5Exception("cmi5.xml: the id " + id + " is used twice; block and AU ids must be unique");
        }
        String generated = courseBase + "/" + element.getLocalName() + "/"
                + UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8));
        if (element.getLocalName().equals("block")) {
            List<CourseStructure.Node> children = new ArrayList<>();
            for (Element child : children(element)) {
                if (child.getLocalName().equals("au") || child.getLocalName().equals("block")) {
                    children.add(node(child, courseBase, seen));
                }
            }
            return new CourseStructure.Block(id, generated, langstring(element, "title"),
                    langstring(element, "description"), children);
        }
        Element url = firstChild(element, "url");
        if (url == null || url.getTextContent().isBlank()) {
            throw new Cmi5Exception("cmi5.xml: <au id=\"" + id + "\"> has no <url>");
        }
        return new CourseStructure.Au(id, generated, langstring(element, "title"), langstring(element, "description"),
                url.getTextContent().trim(), MoveOn.parse(attribute(element, "moveOn")), masteryScore(element, id),
                attribute(element, "launchMethod") == null ? "AnyWindow" : attribute(element, "launchMethod"),
                text(firstChild(element, "launchParameters")), text(firstChild(element, "entitlementKey")));
    }

    private static Double masteryScore(Element au, String id) {
        String value = attribute(au, "masteryScore");
        if (value == null) {
            return null;
        }
        try {
            BigDecimal score = new BigDecimal(value);
            if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
                throw new NumberFormatException();
            }
            return score.doubleValue();
        } catch (NumberFormatException e) {
            throw new Cmi5Exception("cmi5.xml: <au id=\"" + id + "\"> masteryScore '" + value
                    + "' must be a decimal from 0 to 1");
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new Cmi5Exception("cmi5.xml: not well-formed XML (" + e.getMessage() + ")");
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI())) {
                elements.add(e);
            }
        }
        return elements;
    }

    private static Element firstChild(Element parent, String localName) {
        return children(parent).stream().filter(e -> e.getLocalName().equals(localName)).findFirst().orElse(null);
    }

    private static String required(Element element, String attribute) {
        String value = attribute(element, attribute);
        if (value == null) {
            throw new Cmi5Exception("cmi5.xml: <" + element.getLocalName() + "> needs an " + attribute + " attribute");
        }
        return value;
    }

    private static String attribute(Element element, String name) {
        String value = element.getAttribute(name).trim();
        return value.isEmpty() ? null : value;
    }

    private static String text(Element element) {
        return element == null || element.getTextContent().isBlank() ? null : element.getTextContent().trim();
    }

    /** The en-US langstring of a title or description, else the first one. */
    private static String langstring(Element parent, String name) {
        Element holder = firstChild(parent, name);
        if (holder == null) {
            return "";
        }
        List<Element> strings = children(holder);
        return strings.stream().filter(s -> s.getAttribute("lang").toLowerCase().startsWith("en"))
                .findFirst().or(() -> strings.stream().findFirst()).map(CourseStructureReader::text).orElse("");
    }
}
