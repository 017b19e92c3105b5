package org.pelita.packager.content;

import java.util.List;
import java.util.Map;
import org.pelita.packager.model.Module;

/**
 * The two static pages of the web target around the module's pages (learn-&lt;lang&gt;.html): index.html, which lists
 * the module's language versions, and one start page per version, where the learner enters a pseudonymous code
 * (runtime/web-start.js). Their texts are built in for English and Indonesian; other languages get the English ones.
 */
public final class WebPages {
    /** Start-page texts; the first drafts other than English are to be reviewed by native speakers. */
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.ofEntries(
                    Map.entry("choose", "Choose your language"),
                    Map.entry("codeLabel", "Your code"),
                    Map.entry("codeHelp", "Enter the code you were given, or make one up and keep it: it is how your answers are kept together."
                            + " Use 4 to 40 letters, digits, dots, dashes or underscores."),
                    Map.entry("noEmail", "Never use your e-mail address, your name or your phone number: the code is sent with your answers"
                            + " to the research team, and it should not say who you are."),
                    Map.entry("emailRefused", "This looks like an e-mail address. Please use a code instead: your answers must not be linked to your e-mail."),
                    Map.entry("invalid", "Use 4 to 40 letters, digits, dots, dashes or underscores."),
                    Map.entry("storage", "This browser cannot remember your code (private mode or full storage)."),
                    Map.entry("start", "Start"),
                    Map.entry("known", "You are using the code"),
                    Map.entry("continue", "Continue"),
                    Map.entry("forget", "Not you? Use another code"),
                    Map.entry("device", "The code is remembered in this browser on this device until you choose another one.")),
            "id", Map.ofEntries(
                    Map.entry("choose", "Pilih bahasa Anda"),
                    Map.entry("codeLabel", "Kode Anda"),
                    Map.entry("codeHelp", "Masukkan kode yang Anda terima, atau buat sendiri dan simpan: kode itu menyatukan jawaban-jawaban Anda."
                            + " Gunakan 4 sampai 40 huruf, angka, titik, tanda hubung, atau garis bawah."),
                    Map.entry("noEmail", "Jangan pernah memakai alamat e-mail, nama, atau nomor telepon Anda: kode dikirim bersama jawaban Anda"
                            + " kepada tim peneliti, dan tidak boleh menunjukkan siapa Anda."),
                    Map.entry("emailRefused", "Ini tampak seperti alamat e-mail. Gunakan kode: jawaban Anda tidak boleh terhubung dengan e-mail Anda."),
                    Map.entry("invalid", "Gunakan 4 sampai 40 huruf, angka, titik, tanda hubung, atau garis bawah."),
                    Map.entry("storage", "Peramban ini tidak dapat mengingat kode Anda (mode pribadi atau penyimpanan penuh)."),
                    Map.entry("start", "Mulai"),
                    Map.entry("known", "Anda memakai kode"),
                    Map.entry("continue", "Lanjutkan"),
                    Map.entry("forget", "Bukan Anda? Gunakan kode lain"),
                    Map.entry("device", "Kode diingat di peramban ini pada perangkat ini sampai Anda memilih kode lain.")));

    /** Pages that send nothing: scripts and styles from the site only, no connection at all. */
    private static final String CSP = new RenderOptions("web-start.js", List.of()).contentSecurityPolicy();

    private WebPages() {
    }

    /** One version of the module on the site: its languages, its start page and its learning page. */
    public record Version(List<String> languages, String startPage, String learnPage) {
    }

    static Map<String, String> texts(String language) {
        String primary = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
        return TEXTS.getOrDefault(primary, TEXTS.get("en"));
    }

    /** index.html: the module's title and description, and a link per version, each in its own language. */
    public static String index(Module module, List<Version> versions) {
        String first = versions.get(0).languages().get(0);
        StringBuilder html = head(first, module.title().in(first), module, "");
        html.append("<main id=\"main\">\n<h1>").append(escape(module.title().in(first))).append("</h1>\n");
        html.append("<p class=\"lead\">").append(escape(module.description().in(first))).append("</p>\n");
        html.append("<h2>").append(escape(texts(first).get("choose"))).append("</h2>\n<ul class=\"versions\">\n");
        for (Version version : versions) {
            String l = version.languages().get(0);
            String name = version.languages().size() == 1 ? UnitViews.autonym(l)
                    : String.join(" · ", version.languages().stream().map(UnitViews::autonym).toList());
            html.append("<li lang=\"").append(escape(l)).append("\" dir=\"").append(UnitViews.dir(l)).append("\"><a href=\"")
                    .append(escape(version.startPage())).append("\">").append(escape(name)).append("</a>: ")
                    .append(escape(module.title().in(l))).append("</li>\n");
        }
        return html.append("</ul>\n</main>\n</body>\n</html>\n").toString();
    }

    /** A start page: the code form (or the remembered code, with "Not you?"), in the version's first language. */
    public static String start(Module module, Version version) {
        String l = version.languages().get(0);
        Map<String, String> t = texts(l);
        StringBuilder html = head(l, module.title().in(l), module, "<script src=\"" + RuntimeFiles.DIR + "/web-start.js\" defer></script>\n");
        html.append("<main id=\"main\">\n<h1>").append(escape(module.title().in(l))).append("</h1>\n");
        html.append("<p class=\"notice\">").append(escape(t.get("noEmail"))).append("</p>\n");
        html.append("<form id=\"code-form\" data-next=\"").append(escape(version.learnPage())).append("\" novalidate>\n");
        html.append("<label for=\"code\">").append(escape(t.get("codeLabel"))).append("</label>\n");
        html.append("<p class=\"hint\" id=\"code-help\">").append(escape(t.get("codeHelp"))).append("</p>\n");
        html.append("<input id=\"code\" name=\"code\" type=\"text\" autocomplete=\"off\" autocapitalize=\"none\" spellcheck=\"false\""
                + " maxlength=\"80\" aria-describedby=\"code-help code-error\">\n");
        html.append("<p class=\"error\" id=\"code-error\" role=\"alert\" hidden data-email=\"").append(escape(t.get("emailRefused")))
                .append("\" data-invalid=\"").append(escape(t.get("invalid"))).append("\" data-storage=\"")
                .append(escape(t.get("storage"))).append("\"></p>\n");
        html.append("<p><button type=\"submit\">").append(escape(t.get("start"))).append("</button></p>\n</form>\n");
        html.append("<div id=\"code-known\" hidden>\n<p>").append(escape(t.get("known"))).append(" <strong id=\"code-value\"></strong>.</p>\n");
        html.append("<p><a class=\"button\" id=\"code-continue\" href=\"").append(escape(version.learnPage())).append("\">")
                .append(escape(t.get("continue"))).append("</a></p>\n");
        html.append("<p><button type=\"button\" id=\"code-forget\">").append(escape(t.get("forget"))).append("</button></p>\n</div>\n");
        html.append("<p class=\"hint\">").append(escape(t.get("device"))).append("</p>\n");
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static StringBuilder head(String language, String title, Module module, String scripts) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(language)).append("\" dir=\"").append(UnitViews.dir(language))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(escape(CSP)).append("\">\n");
        html.append("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        html.append("<title>").append(escape(title)).append("</title>\n");
        html.append("<link rel=\"stylesheet\" href=\"").append(RuntimeFiles.DIR).append("/").append(RuntimeFiles.STYLESHEET).append("\">\n");
        html.append(scripts).append("</head>\n<body>\n");
        html.append("<header class=\"bar\"><p class=\"module-title\">").append(escape(title)).append("</p>");
        html.append("<a class=\"quick-exit\" href=\"").append(escape(module.quickExitUrl().toString()))
                .append("\" target=\"_top\" rel=\"noreferrer\">").append(escape(module.ui().get(language).get("quickExit"))).append("</a></header>\n");
        return html;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
