/**
 * Rules of the researchers' data (docs/research-data.md): pseudonyms of agents, the export filters and the CSV columns.
 * No HTTP and no SQL here: the handlers call them, the service feeds them what the store reads.
 */
package org.pelita.lrs.research;
