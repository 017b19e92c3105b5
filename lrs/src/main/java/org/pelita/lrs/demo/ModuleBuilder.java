package org.pelita.lrs.demo;

import java.io.PrintWriter;
import java.util.List;

/** Runs the packager's command line ({@code pelita-packager <args>}) and returns its exit code. */
@FunctionalInterface
public interface ModuleBuilder {
    int run(List<String> args, PrintWriter out, PrintWriter err) throws Exception;
}
