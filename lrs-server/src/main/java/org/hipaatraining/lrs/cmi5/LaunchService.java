package org.hipaatraining.lrs.cmi5;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.hipaatraining.lrs.xapi.documents.StateDocuments;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Launches an AU for a registration (cmi5 8.1 and 10): abandons the registration's sessions still open (9.3.6), opens a
 * new session with a one-time fetch URL, writes {@code LMS.LaunchData}, records {@code launched}, and returns the URL
 * the learner's browser opens.
 */
@Service
class LaunchService {

    static final Set<String> LAUNCH_MODES = Set.of("Normal", "Browse", "Review");

    private final CourseRegistry courses;
    private final RegistrationStore registrations;
    private final SessionStore sessions;
    private final StateDocuments states;
    private final LmsStatements lms;
    private final LaunchTokens tokens;
    private final Cmi5Settings settings;
    private final Clock clock;

    LaunchService(CourseRegistry courses, RegistrationStore registrations, SessionStore sessions, StateDocuments states,
                  LmsStatements lms, LaunchTokens tokens, Cmi5Settings settings, Clock clock) {
        this.courses = courses;
        this.registrations = registrations;
        this.sessions = sessions;
        this.states = states;
        this.lms = lms;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** What to launch: the AU (publisher id or generated activity id) and optional launch data overrides. */
    record LaunchRequest(String auId, String launchMode, String returnURL, String launchParameters) {
    }

    /** The launch: the URL to open, and what it is bound to. */
    record Launch(String url, String sessionId, String registration, String auId, String activityId, String launchMode,
                  String launchMethod, Instant expiresAt) {
    }

    /** @param base this server's public URL without trailing slash, e.g. {@code https://lrs.clinic.example} */
    Launch launch(String registrationId, LaunchRequest request, String base) {
        RegistrationStore.Registration registration = registrations.find(registrationId)
                .orElseThrow(() -> Cmi5Exception.notFound("no cmi5 registration '" + registrationId + "'"));
        CourseStructure structure = courses.course(registration.courseId()).structure();
        if (request.auId() == null || request.auId().isBlank()) {
            throw new Cmi5Exception("auId: required; the course's AUs are "
                    + structure.aus().stream().map(CourseStructure.Au::publisherId).toList());
        }
        CourseStructure.Au au = structure.au(request.auId().trim()).orElseThrow(() -> new Cmi5Exception("auId: '"
                + request.auId() + "' is not an AU of course " + registration.courseId() + "; its AUs are "
                + structure.aus().stream().map(CourseStructure.Au::publisherId).toList()));
        String mode = request.launchMode() == null ? "Normal" : request.launchMode();
        if (!LAUNCH_MODES.contains(mode)) {
            throw new Cmi5Exception("launchMode: '" + mode + "' is not one of " + LAUNCH_MODES);
        }
        for (SessionStore.LaunchSession open : sessions.open(registration.id())) {
            if (sessions.abandon(open.id(), clock.instant())) {
                lms.abandoned(open);
            }
        }

        Instant now = clock.instant();
        String sessionId = UUID.randomUUID().toString();
        String fetchCode = LaunchTokens.randomSecret();
        SessionStore.LaunchSession session = new SessionStore.LaunchSession(sessionId, registration.id(),
                registration.courseId(), au.activityId(), au.publisherId(), registration.actor(), registration.actorKey(),
                mode, au.masteryScore(), au.moveOn().name(), now, now.plus(settings.tokenLifetime()),
                LaunchTokens.hash(fetchCode), null, true, now, null, null, new org.bson.Document());
        sessions.insert(session);
        String launchParameters = request.launchParameters() != null ? request.launchParameters() : au.launchParameters();
        states.putJson(au.activityId(), registration.actor(), registration.id(), Cmi5Vocabulary.LAUNCH_DATA,
                launchData(session, au, launchParameters, request.returnURL()));

        String contentUrl = isAbsolute(au.url()) ? au.url()
                : settings.contentBase(base) + "/cmi5/content/" + registration.courseId() + "/" + au.url();
        lms.launched(session, withLaunchParameters(au, launchParameters), contentUrl);
        String url = contentUrl + (contentUrl.contains("?") ? "&" : "?")
                + "endpoint=" + encode(base + "/xapi/")
                + "&fetch=" + encode(tokens.fetchUrl(base, sessionId, fetchCode))
                + "&actor=" + encode(XapiJson.write(registration.actor()))
                + "&registration=" + encode(registration.id())
                + "&activityId=" + encode(au.activityId());
        return new Launch(url, sessionId, registration.id(), au.publisherId(), au.activityId(), mode, au.launchMethod(),
                session.expiresAt());
    }

    /** {@code LMS.LaunchData} (10.2): the context template every AU statement starts from, and the launch settings. */
    private static ObjectNode launchData(SessionStore.LaunchSession session, CourseStructure.Au au, String launchParameters,
                                         String returnUrl) {
        ObjectNode data = XapiJson.MAPPER.createObjectNode();
        ObjectNode template = data.putObject("contextTemplate");
        template.putObject("contextActivities").putArray("grouping").addObject()
                .put("objectType", "Activity").put("id", au.publisherId());
        template.putObject("extensions").put(Cmi5Vocabulary.EXT_SESSION_ID, session.id());
        data.put("launchMode", session.launchMode());
        if (launchParameters != null) {
            data.put("launchParameters", launchParameters);
        }
        if (au.masteryScore() != null) {
            data.put("masteryScore", au.masteryScore());
        }
        data.put("moveOn", au.moveOn().name());
        if (returnUrl != null && !returnUrl.isBlank()) {
            data.put("returnURL", returnUrl);
        }
        if (au.entitlementKey() != null) {
            data.putObject("entitlementKey").put("courseStructure", au.entitlementKey());
        }
        return data;
    }

    private static CourseStructure.Au withLaunchParameters(CourseStructure.Au au, String launchParameters) {
        return new CourseStructure.Au(au.publisherId(), au.activityId(), au.title(), au.description(), au.url(),
                au.moveOn(), au.masteryScore(), au.launchMethod(), launchParameters, au.entitlementKey());
    }

    private static boolean isAbsolute(String url) {
        return url.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
