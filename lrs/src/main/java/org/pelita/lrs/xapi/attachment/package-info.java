/**
 * Attachments of statements: reading multipart/mixed requests, cross-checking attachment objects against the parts,
 * verifying signed statements, and writing multipart/mixed responses.
 *
 * <p>Sources: xAPI 1.0.3 Data §2.4.11 (Attachments), §2.6 (Signed Statements), §2.3.1 (Statement comparison), §4.6
 * (Durations) and Communication §1.5 (Content Types, Multipart/Mixed). For 2.0.0, IEEE 9274.1.1 (the LRS book)
 * keeps these rules in §4.1.3 (multipart/mixed), §4.2.6 (Statement Signing) and §4.2.7 (data types); it differs in
 * requiring the JWS Compact Serialization. The ADL suite tests them in {@code 4.1.3-Content-Types.js},
 * {@code E.Data2.6-SignedStatements.js}, {@code 4.2.7-Additional-Requirements-for-Data-Types.js} and
 * {@code 4.1.6.1-Statement-Resource.js} (2.0.0), and their 1.0.3 counterparts. Comments name the ADL requirement ids
 * (XAPI-00nnn), which are the same in both versions of the suite.
 *
 * <p>A POST or PUT of statements runs, in this order:
 * <ol>
 *   <li>{@link org.pelita.lrs.xapi.attachment.MultipartReader#read} when the Content-Type is multipart/mixed;</li>
 *   <li>parsing and validating the statements (elsewhere);</li>
 *   <li>{@link org.pelita.lrs.xapi.attachment.AttachmentRules#check} with the parts, or with {@code null} for an
 *       application/json request;</li>
 *   <li>{@link org.pelita.lrs.xapi.attachment.SignatureRules#verify} for each statement.</li>
 * </ol>
 * A GET with {@code attachments=true} answers through {@link org.pelita.lrs.xapi.attachment.MultipartWriter}.
 */
package org.pelita.lrs.xapi.attachment;
