/** Builds course content into SCORM 1.2, SCORM 2004 4th Edition, xAPI and cmi5 packages. */
package org.hipaatraining.packager;
