package org.pelita.packager.definition;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;
import org.pelita.packager.model.Page;

/**
 * Renders a page's Markdown to HTML and checks it: a title heading, links and images that point to something,
 * files that stay inside the module, no raw HTML, no images from other sites (content makes no third-party requests).
 */
final class MarkdownPages {
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto", "tel");

    private final Path moduleDir;
    private final Problems problems;
    private final Assets assets;

    MarkdownPages(Path moduleDir, Problems problems, Assets assets) {
        this.moduleDir = moduleDir;
        this.problems = problems;
        this.assets = assets;
    }

    Optional<Page.PageContent> render(Path file, String language, PageLinks links) {
        String relative = moduleDir.relativize(file).toString().replace('\\', '/');
        SourceLocation at = SourceLocation.of(relative);
        Optional<String> source = SourceFiles.readUtf8(file, at, problems);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Node document = PARSER.parse(source.get());
        Node first = document.getFirstChild();
        if (!(first instanceof Heading heading) || heading.getLevel() != 1) {
            problems.error(at.atLine(first == null ? 1 : line(first)), "the page has no title",
                    "start the file with a title line such as `# Why passwords matter`");
            return Optional.empty();
        }
        String title = plainText(heading).strip();
        heading.unlink();
        document.accept(new Checker(file, relative, language, links));
        String html = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).softbreak(softBreak(language))
                .attributeProviderFactory(context -> (node, tag, attributes) -> {
                    if (node instanceof Link link && !link.getDestination().startsWith("#")) {
                        attributes.put("target", "_blank");
                        attributes.put("rel", "noopener noreferrer");
                    } else if (node instanceof Link link && link.getDestination().startsWith("#")) {
                        attributes.put("class", "step-link");
                    }
                })
                .nodeRendererFactory(AudioRenderer::new)
                .build().render(document)
                // A table wider than the screen scrolls in its own box, which the keyboard can reach to scroll (WCAG
                // 2.1.1, 1.4.10). Every "<table>" is the renderer's: Markdown's raw HTML is escaped.
                .replace("<table>", "<div class=\"table\" tabindex=\"0\"><table>").replace("</table>", "</table></div>");
        return Optional.of(new Page.PageContent(title, html));
    }

    private static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        if (spans.isEmpty()) {
            return node.getParent() == null ? 0 : line(node.getParent());
        }
        return spans.get(0).getLineIndex() + 1;
    }

    static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(org.commonmark.node.Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /** Walks the page: checks and rewrites link and image targets, keeps headings below the page title. */
    private final class Checker extends AbstractVisitor {
        private final Path file;
        private final String relative;
        private final String language;
        private final PageLinks links;

        Checker(Path file, String relative, String language, PageLinks links) {
            this.file = file;
            this.relative = relative;
            this.language = language;
            this.links = links;
        }

        private SourceLocation at(Node node) {
            return new SourceLocation(relative, line(node), 0);
        }

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() == 1) {
                problems.warning(at(heading), "a second level-1 heading: the page title is the first line only",
                        "use `##` for sections inside a page");
                // The page title is the step's h1: `##` stays h2, so heading levels go up one at a time (WCAG 1.3.1).
                heading.setLevel(2);
            }
            visitChildren(heading);
        }

        @Override
        public void visit(HtmlBlock html) {
            rawHtml(html);
        }

        @Override
        public void visit(HtmlInline html) {
            rawHtml(html);
        }

        private void rawHtml(Node node) {
            problems.warning(at(node), "raw HTML is not allowed in pages and will be shown as text",
                    "use Markdown instead (see docs/authoring.md)");
        }

        @Override
        public void visit(Link link) {
            link.setDestination(target(link, link.getDestination(), false));
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            if (plainText(image).isBlank()) {
                problems.warning(at(image), "the image '" + image.getDestination() + "' has no description",
                        "write what it shows between the brackets: ![A phone showing a login code](...)");
            }
            image.setDestination(target(image, image.getDestination(), true));
        }

        /** The destination to render, after checking it; "" where it is wrong (the error is reported). */
        private String target(Node node, String destination, boolean embedded) {
            String what = embedded ? "the image" : "the link";
            if (destination == null || destination.isBlank()) {
                problems.error(at(node), what + " has no target", "write the file or address between the parentheses");
                return "";
            }
            if (destination.startsWith("#")) {
                return destination;
            }
            if (destination.startsWith("//") || SCHEME.matcher(destination).find()) {
                String scheme = destination.startsWith("//") ? "" : destination.substring(0, destination.indexOf(':')).toLowerCase();
                if (embedded) {
                    problems.error(at(node), what + " '" + destination + "' is on another site; pages must not load anything from other sites",
                            "download the file into the module folder (e.g. media/) and link to it there");
                    return "";
                }
                if (!LINK_SCHEMES.contains(scheme)) {
                    problems.error(at(node), what + " '" + destination + "' uses a kind of address pages may not use",
                            "use an https:// address, or mailto: for e-mail");
                    return "";
                }
                return destination;
            }
            String path = destination;
            int cut = indexOfAny(path, '#', '?');
            String fragment = cut >= 0 ? path.substring(cut) : "";
            path = cut >= 0 ? path.substring(0, cut) : path;
            Path resolved;
            try {
                resolved = file.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8)).toAbsolutePath().normalize();
            } catch (RuntimeException e) {
                problems.error(at(node), what + " '" + destination + "' is not a valid path", "write a path relative to this file");
                return "";
            }
            if (!resolved.startsWith(moduleDir)) {
                problems.error(at(node), what + " '" + destination + "' points outside the module folder",
                        "copy the file into the module folder and link to the copy");
                return "";
            }
            if (!Files.isRegularFile(resolved)) {
                problems.error(at(node), what + " '" + destination + "' points to " + moduleDir.relativize(resolved).toString().replace('\\', '/')
                        + ", which does not exist", "fix the path (it is relative to this file) or add the file");
                return "";
            }
            if (resolved.toString().endsWith(".md")) {
                Optional<PageLinks.PageRef> page = links.find(resolved);
                if (embedded || page.isEmpty()) {
                    problems.error(at(node), what + " '" + destination + "' points to a Markdown file that is not a page of this module",
                            "list the page under a lesson in module.yaml, or link to a listed page");
                    return "";
                }
                if (!page.get().language().equals(language)) {
                    problems.error(at(node), what + " '" + destination + "' points to the '" + page.get().language()
                            + "' version of a page from a '" + language + "' page", "link to the page in the same language folder");
                    return "";
                }
                return "#" + language + ":" + page.get().stepKey();
            }
            String extension = Assets.extension(resolved.toString());
            if (embedded && !Assets.IMAGE_TYPES.contains(extension) && !Assets.AUDIO_TYPES.contains(extension)) {
                problems.error(at(node), what + " '" + destination + "' is neither an image nor an audio file",
                        "embed " + String.join(", ", new java.util.TreeSet<>(Assets.IMAGE_TYPES)) + " images or "
                                + String.join(", ", new java.util.TreeSet<>(Assets.AUDIO_TYPES)) + " audio; link other files with [text](file)");
                return "";
            }
            return assets.add(resolved, at(node)).map(p -> p + (fragment.startsWith("#") ? fragment : "")).orElse("");
        }

        private int indexOfAny(String text, char a, char b) {
            int i = text.indexOf(a);
            int j = text.indexOf(b);
            return i < 0 ? j : j < 0 ? i : Math.min(i, j);
        }
    }

    /** Audio embedded with image syntax becomes a native, keyboard-usable player that loads nothing until played. */
    private static final class AudioRenderer implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        AudioRenderer(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Image.class);
        }

        @Override
        public void render(Node node) {
            Image image = (Image) node;
            String src = image.getDestination();
            String alt = plainText(image);
            if (Assets.AUDIO_TYPES.contains(Assets.extension(src))) {
                html.tag("span", ordered("class", "audio"));
                html.tag("audio", ordered("controls", "", "preload", "none", "src", context.encodeUrl(src), "aria-label", alt));
                html.tag("/audio");
                html.tag("span", ordered("class", "audio-label"));
                html.text(alt);
                html.tag("/span");
                html.tag("/span");
            } else {
                Map<String, String> attributes = ordered("src", context.encodeUrl(src), "alt", alt);
                if (image.getTitle() != null) {
                    attributes.put("title", image.getTitle());
                }
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
                html.tag("img", attributes, true);
            }
        }

        /** Attributes in the order given: output must not depend on hash order (builds are byte-identical). */
        private static Map<String, String> ordered(String... keysAndValues) {
            Map<String, String> map = new java.util.LinkedHashMap<>();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                map.put(keysAndValues[i], keysAndValues[i + 1]);
            }
            return map;
        }
    }

    /** Scripts written without spaces between words (Thai, Lao, Khmer, Burmese, Chinese, Japanese). */
    private static final Set<String> NO_SPACES = Set.of("th", "lo", "km", "my", "zh", "ja");

    /**
     * A line break inside a paragraph is a space in the page (CommonMark's soft break), which in a script without
     * spaces between words shows as a gap in the middle of a phrase: there it joins the lines instead.
     */
    static String softBreak(String language) {
        String primary = language.contains("-") ? language.substring(0, language.indexOf('-')) : language;
        return NO_SPACES.contains(primary.toLowerCase(java.util.Locale.ROOT)) ? "" : "\n";
    }
}
