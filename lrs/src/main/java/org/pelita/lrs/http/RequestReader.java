package org.pelita.lrs.http;

import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pelita.lrs.auth.Authenticator;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * Builds an {@link XapiRequest} from HTTP: unpacks the Alternate Request Syntax (1.0.3 only; 2.0.0 forbids it),
 * checks X-Experience-API-Version and authenticates.
 */
public final class RequestReader {
    /** Form fields of the Alternate Request Syntax that stand for headers (Communication §1.3). */
    private static final Set<String> HEADER_FIELDS = Set.of("authorization", "x-experience-api-version", "content-type",
            "content-length", "if-match", "if-none-match");
    private static final Set<String> METHODS = Set.of("GET", "PUT", "POST", "DELETE", "HEAD");

    private final Authenticator authenticator;

    public RequestReader(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    public XapiRequest read(Context ctx, String path, boolean authenticate) {
        String method = ctx.method().name();
        Map<String, List<String>> parameters = new LinkedHashMap<>(ctx.queryParamMap());
        Map<String, String> headers = headers(ctx);
        byte[] body = ctx.bodyAsBytes();
        if ("POST".equals(method) && parameters.containsKey("method")) {
            String alternate = parameters.get("method").get(0).toUpperCase(Locale.ROOT);
            XapiVersion headerVersion = XapiVersion.fromHeader(headers.get("x-experience-api-version")).orElse(null);
            if (headerVersion == XapiVersion.V2_0_0) {
                throw new InvalidRequestException("xAPI 2.0.0 has no Alternate Request Syntax: send a plain " + alternate + " request");
            }
            if (parameters.size() > 1) {
                throw new InvalidRequestException("in the Alternate Request Syntax the query string holds only 'method'; put the other"
                        + " parameters in the form body");
            }
            if (!METHODS.contains(alternate) || "POST".equals(alternate)) {
                throw new InvalidRequestException("the Alternate Request Syntax's method must be GET, PUT, DELETE or HEAD, not " + alternate);
            }
            String type = headers.getOrDefault("content-type", "").split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (!"application/x-www-form-urlencoded".equals(type)) {
                throw new InvalidRequestException("the Alternate Request Syntax needs a form body (Content-Type: application/x-www-form-urlencoded)");
            }
            method = alternate;
            parameters = new LinkedHashMap<>();
            body = new byte[0];
            headers.remove("content-type"); // the form's own type; the content's type is a form field (JSON by default)
            for (Map.Entry<String, List<String>> field : form(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8)).entrySet()) {
                String name = field.getKey();
                String lower = name.toLowerCase(Locale.ROOT);
                if (HEADER_FIELDS.contains(lower)) {
                    headers.put(lower, field.getValue().get(0));
                } else if ("content".equals(name)) {
                    body = field.getValue().get(0).getBytes(StandardCharsets.UTF_8);
                } else {
                    parameters.put(name, field.getValue());
                }
            }
            // The version may also come as a form field, so the 2.0.0 refusal is checked again on what the form said.
            if (XapiVersion.fromHeader(headers.get("x-experience-api-version")).orElse(null) == XapiVersion.V2_0_0) {
                throw new InvalidRequestException("xAPI 2.0.0 has no Alternate Request Syntax: send a plain " + alternate + " request");
            }
            if (("PUT".equals(method)) && body.length == 0) {
                throw new InvalidRequestException("an alternate PUT needs the document or statement in the form field 'content'");
            }
            if (body.length > 0) {
                headers.putIfAbsent("content-type", "application/json");
            }
        }
        String versionHeader = headers.get("x-experience-api-version");
        XapiVersion version = versionHeader == null && !authenticate
                ? XapiVersion.V2_0_0
                : XapiVersion.fromHeader(versionHeader).orElseThrow(() -> new InvalidRequestException(versionHeader == null
                        ? "the X-Experience-API-Version header is missing; send 2.0.0 or 1.0.3"
                        : "X-Experience-API-Version " + versionHeader + " is not served; this LRS serves 2.0.0 and 1.0.3 (1.0.x)"));
        Principal principal = authenticate ? authenticator.authenticate(headers.get("authorization")) : null;
        return new XapiRequest(method, path, parameters, headers, body, version, principal);
    }

    private static Map<String, String> headers(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        Enumeration<String> names = ctx.req().getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            headers.put(name.toLowerCase(Locale.ROOT), ctx.req().getHeader(name));
        }
        return headers;
    }

    /** application/x-www-form-urlencoded, strictly: a field that is not name=value is a 400. */
    static Map<String, List<String>> form(String body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return fields;
        }
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new InvalidRequestException("the form body is not application/x-www-form-urlencoded (field '" + pair + "')");
            }
            try {
                String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("the form body has a malformed %-escape in '" + pair + "'");
            }
        }
        return fields;
    }
}
