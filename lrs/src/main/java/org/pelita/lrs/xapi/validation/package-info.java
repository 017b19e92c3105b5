/**
 * What the LRS checks in a statement, and in the JSON values the resources take as parameters, before storing
 * anything: xAPI 1.0.3 (Data §2, §4) and xAPI 2.0 (IEEE 9274.1.1 §4.2). Each failure is an
 * {@link org.pelita.lrs.xapi.InvalidRequestException} carrying the JSON path of the offending value and a message
 * that states the rule and cites the section. Where the specifications leave room, the ADL conformance suite
 * decides. The validators walk each object once, build no path strings unless something is wrong and compile no
 * patterns, so they stay cheap at tens of thousands of statements a second.
 */
package org.pelita.lrs.xapi.validation;
