package org.hipaatraining.lrs.store.sqlite;

/** An index whose table the query planner can read in key order. */
interface ScannableIndex {

    IndexTable table();

    String getName();
}
