/** The HIPAA course catalogue: modules, lessons, knowledge checks, roles and topics, read from the content folder. */
package org.hipaatraining.content;
