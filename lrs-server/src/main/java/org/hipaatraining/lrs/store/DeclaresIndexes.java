package org.hipaatraining.lrs.store;

import java.util.List;

/** A component whose queries need indexes; {@link IndexInitializer} creates them at start-up. */
public interface DeclaresIndexes {

    List<IndexDeclaration> indexes();
}
