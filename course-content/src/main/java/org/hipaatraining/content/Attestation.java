package org.hipaatraining.content;

import java.util.List;

/**
 * The policy acknowledgement at the end of a module: the learner reads the policy (or the sections the module covers)
 * and confirms they will follow it; the record keeps which version of which text they were shown.
 *
 * @param iri           the activity id of the acknowledgement, {@code {module iri}/attestation}
 * @param policyVersion the version of the catalogue's model policy; a practice's own policy may carry another
 * @param sections      the ids of the policy's sections the module covers; empty means the whole policy
 */
public record Attestation(String iri, String policyId, String policyVersion, List<String> sections, String text) {

    public Attestation {
        sections = List.copyOf(sections);
    }
}
