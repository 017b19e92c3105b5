/** The Pelita Learning Record Store: xAPI 1.0.3 and 2.0.0 on H2 or PostgreSQL. */
package org.pelita.lrs;
