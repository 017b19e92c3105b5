/**
 * {@code pelita-lrs demo}: builds the sample modules as web packages that report to this LRS, serves them with a
 * landing page, and provisions the credentials they need. See docs/demo.md.
 */
package org.pelita.lrs.demo;
