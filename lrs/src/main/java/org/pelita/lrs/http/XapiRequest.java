package org.pelita.lrs.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pelita.lrs.auth.Principal;
import org.pelita.lrs.xapi.XapiVersion;

/**
 * A request as the xAPI handlers see it, whether it came as a plain HTTP request or in the Alternate Request
 * Syntax (xAPI 1.0.3 Communication §1.3): method, parameters, headers (lower-case names), body, version, caller.
 */
public record XapiRequest(String method, String path, Map<String, List<String>> parameters, Map<String, String> headers,
                          byte[] body, XapiVersion version, Principal principal) {
    public XapiRequest {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The media type without parameters, lower-case ("application/json"), or "" when none was sent. */
    public String mediaType() {
        return header("content-type").map(t -> t.split(";")[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    public String contentType() {
        return header("content-type").orElse("application/octet-stream");
    }
}
