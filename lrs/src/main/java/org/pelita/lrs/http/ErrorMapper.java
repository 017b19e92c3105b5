package org.pelita.lrs.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.pelita.lrs.xapi.ConflictException;
import org.pelita.lrs.xapi.ForbiddenException;
import org.pelita.lrs.xapi.GoneException;
import org.pelita.lrs.xapi.InvalidRequestException;
import org.pelita.lrs.xapi.Json;
import org.pelita.lrs.xapi.NotFoundException;
import org.pelita.lrs.xapi.PayloadTooLargeException;
import org.pelita.lrs.xapi.PreconditionFailedException;
import org.pelita.lrs.xapi.UnauthorizedException;
import org.pelita.lrs.xapi.XapiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where errors become HTTP responses: each xAPI exception has the status the specification names. */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static XapiResponse toResponse(Exception e) {
        int status;
        if (e instanceof InvalidRequestException) {
            status = 400;
        } else if (e instanceof UnauthorizedException) {
            return body(401, e.getMessage()).withHeader("WWW-Authenticate", "Basic realm=\"xAPI\"");
        } else if (e instanceof ForbiddenException) {
            status = 403;
        } else if (e instanceof NotFoundException) {
            status = 404;
        } else if (e instanceof ConflictException) {
            status = 409;
        } else if (e instanceof GoneException) {
            status = 410;
        } else if (e instanceof PreconditionFailedException) {
            status = 412;
        } else if (e instanceof PayloadTooLargeException) {
            status = 413;
        } else if (e instanceof XapiException) {
            status = 400;
        } else if (e instanceof HttpResponseException http) {
            status = http.getStatus();
            return body(status, status == 413 ? "the request body is larger than this LRS accepts" : http.getMessage());
        } else {
            LOG.error("request failed", e);
            return body(500, "the LRS could not complete the request; the error is in its log");
        }
        return body(status, e.getMessage());
    }

    private static XapiResponse body(int status, String message) {
        ObjectNode error = Json.MAPPER.createObjectNode();
        error.put("status", status);
        error.put("message", message);
        return XapiResponse.json(status, Json.write(error), Map.of());
    }
}
