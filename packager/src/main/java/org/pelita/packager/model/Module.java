package org.pelita.packager.model;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A module as its author defined it: every text in every language, checked and ready to render.
 *
 * @param languages  BCP 47 tags; the first is the default
 * @param masteryScore percentage of the post-test needed to pass; present only with a post-test
 * @param ui         interface texts per language (built-in texts merged with the module's overrides)
 * @param changelog  what changed in each version, newest first as written (the release notes)
 */
public record Module(String id, String version, List<String> languages, LocalizedText title, LocalizedText description,
                     OptionalInt masteryScore, URI quickExitUrl, Optional<Quiz> preTest, List<Lesson> lessons,
                     Optional<Quiz> postTest, List<Asset> assets, Map<String, Map<String, String>> ui,
                     List<ChangelogEntry> changelog) {
    public Module {
        languages = List.copyOf(languages);
        changelog = List.copyOf(changelog);
        lessons = List.copyOf(lessons);
        assets = List.copyOf(assets);
        ui = Map.copyOf(ui);
    }

    /** The changelog's entry for this module's own version, if the author wrote one. */
    public Optional<ChangelogEntry> releaseNotes() {
        return changelog.stream().filter(entry -> entry.version().equals(version)).findFirst();
    }
}
