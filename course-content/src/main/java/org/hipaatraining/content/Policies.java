package org.hipaatraining.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies modules' acknowledgements cite, by id: the catalogue's model policies, or a practice's own versions
 * (the LRS builds packages with those, {@link #with} replacing the model text).
 */
public final class Policies {

    private final Map<String, Policy> byId = new LinkedHashMap<>();

    public Policies(List<Policy> policies) {
        for (Policy policy : policies) {
            if (byId.put(policy.id(), policy) != null) {
                throw new ContentException("policy " + policy.id() + " given twice");
            }
        }
    }

    public List<Policy> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Policy> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** These policies with one replaced (or added): a practice's own version of a model policy. */
    public Policies with(Policy policy) {
        Map<String, Policy> copy = new LinkedHashMap<>(byId);
        copy.put(policy.id(), policy);
        return new Policies(List.copyOf(copy.values()));
    }

    /** The excerpt a module's acknowledgement shows, from these policies. */
    public PolicyExcerpt excerptFor(Module module) {
        Attestation attestation = module.attestation();
        if (attestation == null) {
            throw new ContentException(module.id() + " has no policy acknowledgement");
        }
        Policy policy = get(attestation.policyId()).orElseThrow(() -> new ContentException(
                module.id() + ": attestation cites policy " + attestation.policyId() + ", which is not among the policies"));
        return policy.excerpt(attestation.sections());
    }
}
