package org.hipaatraining.lrs.cmi5;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hipaatraining.lrs.auth.Scope;
import org.hipaatraining.lrs.auth.XapiClient;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapimodel.XapiVersion;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapi.statements.StatementService;
import org.hipaatraining.lrs.xapimodel.Timestamps;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The statements the LMS side of cmi5 writes itself (launched, abandoned, waived, satisfied), stored through the normal
 * statement path so they are validated, queryable and reach the compliance records like any other. Their authority is
 * the launcher, an account on this LRS that no client credential can take.
 */
@Component
class LmsStatements {

    private final StatementService statements;
    private final XapiClient launcher;
    private final Clock clock;

    LmsStatements(StatementService statements, ServerSettings server, Clock clock) {
        this.statements = statements;
        this.clock = clock;
        ObjectNode authority = XapiJson.MAPPER.createObjectNode().put("objectType", "Agent")
                .put("name", "cmi5 launcher");
        authority.putObject("account").put("homePage", server.base() + "/cmi5").put("name", "cmi5-launcher");
        this.launcher = new XapiClient("cmi5-launcher", "cmi5 launcher", EnumSet.of(Scope.ALL), authority);
    }

    /** 9.3.1: recorded before the AU is launched, with the launch data in context extensions (9.6.3). */
    String launched(SessionStore.LaunchSession session, CourseStructure.Au au, String launchUrl) {
        ObjectNode statement = base(session.actor(), session.registration(), session.id(), au.activityId(), au.publisherId(),
                Cmi5Vocabulary.LAUNCHED, "launched", au.title(), null);
        ObjectNode extensions = (ObjectNode) statement.get("context").get("extensions");
        extensions.put(Cmi5Vocabulary.EXT_LAUNCH_MODE, session.launchMode())
                .put(Cmi5Vocabulary.EXT_LAUNCH_URL, launchUrl)
                .put(Cmi5Vocabulary.EXT_MOVE_ON, session.moveOn());
        if (session.masteryScore() != null) {
            extensions.put(Cmi5Vocabulary.EXT_MASTERY_SCORE, session.masteryScore());
        }
        if (au.launchParameters() != null) {
            extensions.put(Cmi5Vocabulary.EXT_LAUNCH_PARAMETERS, au.launchParameters());
        }
        return store(statement);
    }

    /** 9.3.6: the session ended without terminated; duration from launch to the AU's last statement (9.5.4.2). */
    String abandoned(SessionStore.LaunchSession session) {
        ObjectNode statement = base(session.actor(), session.registration(), session.id(), session.auActivityId(),
                session.auPublisherId(), Cmi5Vocabulary.ABANDONED, "abandoned", null, null);
        Instant last = session.lastActivityAt() == null || session.lastActivityAt().isBefore(session.launchedAt())
                ? session.launchedAt() : session.lastActivityAt();
        statement.putObject("result").put("duration", Duration.between(session.launchedAt(), last).toString());
        return store(statement);
    }

    /** 9.3.7: an admin waived the AU; its own session id, success and completion true, the reason (9.5.5.2). */
    String waived(JsonNode actor, String registration, CourseStructure.Au au, String reason) {
        ObjectNode statement = base(actor, registration, UUID.randomUUID().toString(), au.activityId(), au.publisherId(),
                Cmi5Vocabulary.WAIVED, "waived", au.title(), Cmi5Vocabulary.CATEGORY_MOVE_ON);
        statement.putObject("result").put("success", true).put("completion", true).putObject("extensions")
                .put(Cmi5Vocabulary.RESULT_REASON, reason);
        return store(statement);
    }

    /**
     * 9.3.9: every AU of a block or of the course met its moveOn. The object is the LMS's id for the block or course
     * (with the cmi5 activity type), grouping names the publisher's id; the session is the one whose statement
     * completed the criteria, or a new one when none did (a waiver, a registration of NotApplicable AUs).
     */
    String satisfied(JsonNode actor, String registration, String sessionId, String activityId, String publisherId,
                     String type, String title) {
        ObjectNode statement = base(actor, registration, sessionId == null ? UUID.randomUUID().toString() : sessionId,
                activityId, publisherId, Cmi5Vocabulary.SATISFIED, "satisfied", title, null);
        ((ObjectNode) statement.get("object")).withObjectProperty("definition").put("type", type);
        return store(statement);
    }

    private ObjectNode base(JsonNode actor, String registration, String sessionId, String objectId, String publisherId,
                            String verb, String verbName, String title, String extraCategory) {
        ObjectNode statement = XapiJson.MAPPER.createObjectNode();
        statement.put("id", UUID.randomUUID().toString());
        statement.set("actor", actor);
        statement.putObject("verb").put("id", verb).putObject("display").put("en-US", verbName);
        ObjectNode object = statement.putObject("object").put("objectType", "Activity").put("id", objectId);
        if (title != null && !title.isBlank()) {
            object.putObject("definition").putObject("name").put("en-US", title);
        }
        ObjectNode context = statement.putObject("context").put("registration", registration);
        ObjectNode activities = context.putObject("contextActivities");
        activities.putArray("grouping").addObject().put("objectType", "Activity").put("id", publisherId);
        var category = activities.putArray("category");
        category.addObject().put("objectType", "Activity").put("id", Cmi5Vocabulary.CATEGORY_CMI5);
        if (extraCategory != null) {
            category.addObject().put("objectType", "Activity").put("id", extraCategory);
        }
        context.putObject("extensions").put(Cmi5Vocabulary.EXT_SESSION_ID, sessionId);
        statement.put("timestamp", Timestamps.format(clock.instant()));
        return statement;
    }

    private String store(ObjectNode statement) {
        return statements.store(List.of(statement), Map.of(), launcher, XapiVersion.V1_0_3, true).get(0);
    }
}
