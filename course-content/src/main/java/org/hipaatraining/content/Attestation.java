package org.hipaatraining.content;

/**
 * The policy acknowledgement at the end of a module: the learner confirms they read and will follow a policy, and the
 * record keeps which version of it.
 *
 * @param iri the activity id of the acknowledgement, {@code {module iri}/attestation}
 */
public record Attestation(String iri, String policyId, String policyVersion, String text) {
}
