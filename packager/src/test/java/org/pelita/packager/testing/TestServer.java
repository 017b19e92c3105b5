package org.pelita.packager.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** A static file server for browser tests: 127.0.0.1 only, a free port, stopped by close(). */
public final class TestServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript",
            "css", "text/css", "svg", "image/svg+xml", "png", "image/png", "wav", "audio/wav", "xml", "application/xml",
            "xsd", "application/xml", "mp3", "audio/mpeg");

    private final HttpServer server;
    private final Map<String, Path> roots = new LinkedHashMap<>();

    public TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    /** Serves {@code directory} under {@code /prefix/}. */
    public TestServer mount(String prefix, Path directory) {
        roots.put("/" + prefix + "/", directory.toAbsolutePath().normalize());
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = URLDecoder.decode(exchange.getRequestURI().getPath(), StandardCharsets.UTF_8);
            for (Map.Entry<String, Path> root : roots.entrySet()) {
                if (path.startsWith(root.getKey())) {
                    Path file = root.getValue().resolve(path.substring(root.getKey().length())).normalize();
                    if (file.startsWith(root.getValue()) && Files.isRegularFile(file)) {
                        byte[] body = Files.readAllBytes(file);
                        String name = file.getFileName().toString();
                        String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
                        exchange.getResponseHeaders().set("Content-Type", type);
                        exchange.getResponseHeaders().set("Cache-Control", "no-store");
                        exchange.sendResponseHeaders(200, body.length);
                        try (OutputStream out = exchange.getResponseBody()) {
                            out.write(body);
                        }
                        return;
                    }
                }
            }
            exchange.sendResponseHeaders(404, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
