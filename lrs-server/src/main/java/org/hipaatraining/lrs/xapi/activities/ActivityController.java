package org.hipaatraining.lrs.xapi.activities;

import java.util.List;
import java.util.Set;

import org.hipaatraining.lrs.xapimodel.XapiException;
import org.hipaatraining.lrs.xapi.XapiRequest;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.hipaatraining.lrs.xapimodel.Formats;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/** The Activities Resource: the canonical definition the LRS holds for an activity id. */
@RestController
class ActivityController {

    private final ActivityStore activities;

    ActivityController(ActivityStore activities) {
        this.activities = activities;
    }

    @GetMapping("/xapi/activities")
    ResponseEntity<String> get(@RequestParam MultiValueMap<String, String> params) {
        XapiRequest.allowOnly(params, Set.of("activityId"));
        List<String> ids = params.get("activityId");
        if (ids == null || ids.size() != 1) {
            throw XapiException.badRequest("activityId: required, once");
        }
        String id = ids.get(0);
        if (!Formats.isIri(id)) {
            throw XapiException.badRequest("activityId: must be an IRI");
        }
        ObjectNode activity = XapiJson.MAPPER.createObjectNode().put("objectType", "Activity").put("id", id);
        ObjectNode definition = activities.definitions(List.of(id)).get(id);
        if (definition != null) {
            activity.set("definition", definition);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(XapiJson.write(activity));
    }
}
