package org.hipaatraining.lrs.lti;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.packages.CoursePackages;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapi.json.XapiJson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The launcher used until a cmi5 launcher is wired in: opens the module from our xAPI package (the role's course
 * package for a role link, so the learner sees the role's lessons) served by this server, with the xAPI launch
 * parameters (endpoint, auth, actor, registration, activity_id) the package's player reads.
 */
@Component
class PackagedModuleLauncher implements CourseLauncher {

    private final CoursePackages packages;
    private final Catalogue catalogue;
    private final LaunchCredentials credentials;
    private final ServerSettings server;

    PackagedModuleLauncher(CoursePackages packages, Catalogue catalogue, LaunchCredentials credentials,
                           ServerSettings server) {
        this.packages = packages;
        this.catalogue = catalogue;
        this.credentials = credentials;
        this.server = server;
    }

    @Override
    public URI launch(String courseId, String auId, Person person, JsonNode actor, String returnUrl) {
        int colon = courseId.indexOf(':');
        String kind = colon < 0 ? LaunchTarget.MODULE : courseId.substring(0, colon);
        String id = courseId.substring(colon + 1);
        Module module = catalogue.module(auId).orElseThrow(() -> LtiException.badRequest("module '" + auId
                + "' is not in the course catalogue"));
        CoursePackages.Available zip = packages.all().stream()
                .filter(p -> p.format().equals("xapi") && p.kind().equals(kind) && p.id().equals(id))
                .findFirst().orElseThrow(() -> LtiException.badRequest("there is no xAPI package for " + courseId));
        String auth = credentials.issue(person.id(), person.name() + " / " + auId);
        String url = server.base() + PackageContentController.PREFIX + zip.fileName() + "/modules/" + module.id() + "/index.html"
                + "?endpoint=" + enc(server.base() + "/xapi/")
                + "&auth=" + enc(auth)
                + "&actor=" + enc(XapiJson.write(actor))
                + "&registration=" + UUID.randomUUID()
                + "&activity_id=" + enc(module.iri());
        return URI.create(url);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
