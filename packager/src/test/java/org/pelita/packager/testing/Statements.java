package org.pelita.packager.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.pelita.packager.content.QuestionRevisions;
import org.pelita.packager.definition.DefinitionException;
import org.pelita.packager.definition.ModuleLoader;
import org.pelita.packager.model.LessonStep;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Question;

/** Reading statements fetched from the LRS in browser tests. */
public final class Statements {
    public static final String VERBS = "http://adlnet.gov/expapi/verbs/";

    private Statements() {
    }

    /** How many statements of each ADL verb (by its last segment), in name order. */
    public static Map<String, Long> verbCounts(List<JsonNode> statements) {
        return statements.stream().collect(Collectors.groupingBy(s -> s.at("/verb/id").asText().substring(VERBS.length()),
                TreeMap::new, Collectors.counting()));
    }

    /**
     * A question's activity IRI in a sample module: {@code <module>/questions/<quiz>/<question>/<revision>}, the
     * revision being the question's (docs/xapi-profile.md).
     */
    public static String questionIri(String moduleIri, String sample, String quiz, String question) {
        try {
            Module module = new ModuleLoader().load(Repository.sample(sample)).module();
            Question found = Stream.of(module.preTest().stream(), module.postTest().stream(),
                            module.lessons().stream().flatMap(l -> l.steps().stream())
                                    .filter(s -> s instanceof LessonStep.CheckStep).map(s -> ((LessonStep.CheckStep) s).quiz()))
                    .flatMap(q -> q).filter(q -> q.id().equals(quiz)).flatMap(q -> q.questions().stream())
                    .filter(q -> q.id().equals(question)).findFirst().orElseThrow();
            return moduleIri + "/questions/" + quiz + "/" + question + "/" + QuestionRevisions.of(found, module.languages().get(0));
        } catch (DefinitionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one statement with this ADL verb about this object; fails if there is none or more than one. */
    public static JsonNode one(List<JsonNode> statements, String verb, String object) {
        List<JsonNode> found = statements.stream()
                .filter(s -> s.at("/verb/id").asText().equals(VERBS + verb) && s.at("/object/id").asText().equals(object)).toList();
        assertThat(found).as(verb + " " + object).hasSize(1);
        return found.get(0);
    }
}
