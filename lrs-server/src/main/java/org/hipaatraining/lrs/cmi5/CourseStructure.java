package org.hipaatraining.lrs.cmi5;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;

/**
 * A cmi5 course structure as imported (cmi5 13.1): the course, its blocks and AUs, each with the publisher's id from
 * cmi5.xml and the activity id this LMS generated for it (8.1.5 and 9.4: generated ids never equal the publisher's).
 */
record CourseStructure(String publisherId, String activityId, String title, String description, List<Node> children) {

    CourseStructure {
        children = List.copyOf(children);
    }

    /** A block or an AU. */
    sealed interface Node permits Block, Au {
        String publisherId();

        String activityId();

        String title();
    }

    record Block(String publisherId, String activityId, String title, String description, List<Node> children)
            implements Node {

        Block {
            children = List.copyOf(children);
        }
    }

    /**
     * @param url              relative to the package root (served by the LRS) or absolute (hosted elsewhere)
     * @param masteryScore     0..1, or null when the structure has none
     * @param launchParameters the structure's launchParameters, or null
     * @param entitlementKey   the structure's entitlementKey, or null
     */
    record Au(String publisherId, String activityId, String title, String description, String url, MoveOn moveOn,
              Double masteryScore, String launchMethod, String launchParameters, String entitlementKey) implements Node {
    }

    /** Every AU, in structure order. */
    List<Au> aus() {
        List<Au> aus = new ArrayList<>();
        collect(children, aus);
        return aus;
    }

    private static void collect(List<Node> nodes, List<Au> aus) {
        for (Node node : nodes) {
            if (node instanceof Au au) {
                aus.add(au);
            } else if (node instanceof Block block) {
                collect(block.children(), aus);
            }
        }
    }

    /** The AU with this publisher id or generated activity id. */
    Optional<Au> au(String id) {
        return aus().stream().filter(a -> a.publisherId().equals(id) || a.activityId().equals(id)).findFirst();
    }

    /** Every AU under a block, however deeply nested. */
    static List<Au> ausOf(Block block) {
        List<Au> aus = new ArrayList<>();
        collect(block.children(), aus);
        return aus;
    }

    // ---- storage

    Document toDocument() {
        return new Document("publisherId", publisherId).append("activityId", activityId).append("title", title)
                .append("description", description).append("children", toDocuments(children));
    }

    static CourseStructure from(Document d) {
        return new CourseStructure(d.getString("publisherId"), d.getString("activityId"), d.getString("title"),
                d.getString("description"), fromDocuments(d.getList("children", Document.class)));
    }

    private static List<Document> toDocuments(List<Node> nodes) {
        List<Document> documents = new ArrayList<>();
        for (Node node : nodes) {
            Document d = new Document("publisherId", node.publisherId()).append("activityId", node.activityId())
                    .append("title", node.title());
            if (node instanceof Block block) {
                d.append("kind", "block").append("description", block.description())
                        .append("children", toDocuments(block.children()));
            } else if (node instanceof Au au) {
                d.append("kind", "au").append("description", au.description()).append("url", au.url())
                        .append("moveOn", au.moveOn().name()).append("masteryScore", au.masteryScore())
                        .append("launchMethod", au.launchMethod()).append("launchParameters", au.launchParameters())
                        .append("entitlementKey", au.entitlementKey());
            }
            documents.add(d);
        }
        return documents;
    }

    private static List<Node> fromDocuments(List<Document> documents) {
        List<Node> nodes = new ArrayList<>();
        for (Document d : documents) {
            if ("block".equals(d.getString("kind"))) {
                nodes.add(new Block(d.getString("publisherId"), d.getString("activityId"), d.getString("title"),
                        d.getString("description"), fromDocuments(d.getList("children", Document.class))));
            } else {
                Number mastery = d.get("masteryScore", Number.class);
                nodes.add(new Au(d.getString("publisherId"), d.getString("activityId"), d.getString("title"),
                        d.getString("description"), d.getString("url"), MoveOn.valueOf(d.getString("moveOn")),
                        mastery == null ? null : mastery.doubleValue(), d.getString("launchMethod"),
                        d.getString("launchParameters"), d.getString("entitlementKey")));
            }
        }
        return nodes;
    }
}
