package org.pelita.lrs.xapi.validation;

/**
 * The JSON path of a value inside a request body ({@code $[3].context.contextActivities.parent[0].id}). Paths are
 * a chain of small nodes, turned into text only when a value is rejected, so the happy path builds no strings.
 */
final class JsonPath {
    private final JsonPath parent;
    private final String text;   // the root text, or a property name
    private final int index;     // an array index, or -1 for a root or a property

    private JsonPath(JsonPath parent, String text, int index) {
        this.parent = parent;
        this.text = text;
        this.index = index;
    }

    static JsonPath root(String root) {
        return new JsonPath(null, root == null || root.isEmpty() ? "$" : root, -1);
    }

    JsonPath key(String name) {
        return new JsonPath(this, name, -1);
    }

    JsonPath index(int i) {
        return new JsonPath(this, null, i);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(64);
        appendTo(out);
        return out.toString();
    }

    private void appendTo(StringBuilder out) {
        if (parent == null) {
            out.append(text);
            return;
        }
        parent.appendTo(out);
        if (text == null) {
            out.append('[').append(index).append(']');
        } else if (isPlainName(text)) {
            out.append('.').append(text);
        } else {
            // IRIs (extension keys) and other odd names are quoted so the path stays unambiguous.
            out.append("['");
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\'' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append("']");
        }
    }

    private static boolean isPlainName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
