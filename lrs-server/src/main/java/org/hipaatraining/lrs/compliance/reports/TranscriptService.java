package org.hipaatraining.lrs.compliance.reports;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.hipaatraining.content.Catalogue;
import org.hipaatraining.content.Module;
import org.hipaatraining.lrs.compliance.events.TrainingEvent;
import org.hipaatraining.lrs.compliance.remediation.RemedialActionStore;
import org.hipaatraining.lrs.compliance.roster.Person;
import org.hipaatraining.lrs.compliance.status.ComplianceService;
import org.hipaatraining.lrs.system.ServerSettings;
import org.hipaatraining.lrs.xapimodel.AgentKey;
import org.hipaatraining.lrs.xapimodel.XapiJson;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

@Service
public class TranscriptService {

    private final ComplianceService compliance;
    private final RemedialActionStore remedial;
    private final Catalogue catalogue;
    private final ServerSettings server;

    TranscriptService(ComplianceService compliance, RemedialActionStore remedial, Catalogue catalogue, ServerSettings server) {
        this.compliance = compliance;
        this.remedial = remedial;
        this.catalogue = catalogue;
        this.server = server;
    }

    public Transcript of(String personId, LocalDate day) {
        Person person = compliance.person(personId);
        LocalDate on = day == null ? compliance.today() : day;
        Map<String, List<Transcript.Entry>> byModule = new LinkedHashMap<>();
        for (TrainingEvent event : compliance.eventsOf(person)) {
            byModule.computeIfAbsent(event.moduleId(), m -> new ArrayList<>())
                    .add(new Transcript.Entry(event, statementUrl(event.statementId())));
        }
        List<Transcript.ModuleRecord> modules = new ArrayList<>();
        for (Module module : catalogue.modules()) {
            List<Transcript.Entry> entries = byModule.get(module.id());
            if (entries != null) {
                modules.add(new Transcript.ModuleRecord(module.id(), module.title(), entries));
            }
        }
        return new Transcript(person, on, compliance.statusOf(personId, on), modules, remedial.forPerson(personId),
                person.identifiers().stream().filter(k -> !k.startsWith("person|")).map(this::agentQuery).filter(Objects::nonNull).toList());
    }

    public String statementUrl(String statementId) {
        return server.base() + "/xapi/statements?statementId=" + statementId;
    }

    /** The xAPI query for everything an identity did; null for an identity that names no Agent. */
    private String agentQuery(String agentKey) {
        ObjectNode agent = AgentKey.toAgent(agentKey);
        if (agent == null) {
            return null;
        }
        return server.base() + "/xapi/statements?agent="
                + URLEncoder.encode(XapiJson.write(agent), StandardCharsets.UTF_8);
    }
}
