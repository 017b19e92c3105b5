package org.pelita.lrs.http;

/** One resource method: turns a checked request into a response (throwing the xAPI exceptions for errors). */
@FunctionalInterface
public interface XapiHandler {
    XapiResponse handle(XapiRequest request);
}
