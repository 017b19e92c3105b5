package org.pelita.lrs.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The packager's own command line ({@code org.pelita.packager.cli.PelitaPackager}), run in this JVM.
 *
 * <p>The LRS module cannot depend on the packager at build time: the packager's browser tests already depend on the
 * LRS (they run it in-process), and Maven refuses the cycle. So the packager is found at run time: on the class
 * path when it is there (the packager's tests), else in its shaded jar, which {@code mvn package} builds next to
 * this one ({@code packager/target/pelita-packager.jar}), loaded in a class loader of its own so that its libraries
 * and the LRS's do not mix. The contract used is the documented command line ({@code build ... --target web}).
 */
public final class PackagerCli implements ModuleBuilder, AutoCloseable {
    static final String MAIN = "org.pelita.packager.cli.PelitaPackager";
    static final String JAR = "pelita-packager.jar";

    private final ClassLoader loader;
    private final String where;

    private PackagerCli(ClassLoader loader, String where) {
        this.loader = loader;
        this.where = where;
    }

    /**
     * @param jar the packager's jar when given; else the class path, then {@code packager/target/pelita-packager.jar}
     *            under the working folder, then beside or two folders above this jar (the repository layout)
     * @throws IllegalStateException when none is found, saying how to build it
     */
    public static PackagerCli locate(Optional<Path> jar) throws IOException {
        if (jar.isPresent()) {
            if (!Files.isRegularFile(jar.get())) {
                throw new IllegalStateException("no packager jar at " + jar.get());
            }
            return fromJar(jar.get());
        }
        ClassLoader own = PackagerCli.class.getClassLoader();
        try {
            Class.forName(MAIN, false, own);
            return new PackagerCli(own, "the class path");
        } catch (ClassNotFoundException e) {
            // not bundled: look for its jar
        }
        for (Path candidate : candidates()) {
            if (Files.isRegularFile(candidate)) {
                return fromJar(candidate);
            }
        }
        throw new IllegalStateException("the demo builds the samples with the packager, and found no " + JAR + " (looked in "
                + String.join(", ", candidates().stream().map(Path::toString).toList())
                + "). Build it first (mvn -B -q package -DskipTests) or give --packager <jar>.");
    }

    private static List<Path> candidates() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("packager", "target", JAR));
        try {
            Path self = Path.of(PackagerCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(self) && self.getParent() != null) {
                candidates.add(self.getParent().resolve(JAR));
                // lrs/target/pelita-lrs.jar -> packager/target/pelita-packager.jar
                candidates.add(self.getParent().resolve("../../packager/target").resolve(JAR).normalize());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: the working folder is all there is
        }
        return candidates;
    }

    private static PackagerCli fromJar(Path jar) throws IOException {
        URL url = jar.toAbsolutePath().toUri().toURL();
        // The platform loader as parent: the packager sees the JDK and its own jar only, never the LRS's libraries.
        return new PackagerCli(new URLClassLoader("pelita-packager", new URL[] {url}, ClassLoader.getPlatformClassLoader()),
                jar.toString());
    }

    /** Where the packager was found, for messages. */
    public String where() {
        return where;
    }

    /** {@code PelitaPackager.commandLine().setOut(out).setErr(err).execute(args)}, through reflection. */
    @Override
    public int run(List<String> args, PrintWriter out, PrintWriter err) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Object commandLine = Class.forName(MAIN, true, loader).getMethod("commandLine").invoke(null);
            Class<?> type = commandLine.getClass();
            type.getMethod("setOut", PrintWriter.class).invoke(commandLine, out);
            type.getMethod("setErr", PrintWriter.class).invoke(commandLine, err);
            return (Integer) type.getMethod("execute", String[].class).invoke(commandLine, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        if (loader instanceof URLClassLoader own) {
            own.close();
        }
    }
}
