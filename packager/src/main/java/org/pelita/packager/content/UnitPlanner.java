package org.pelita.packager.content;

import java.util.ArrayList;
import java.util.List;
import org.pelita.packager.model.Lesson;
import org.pelita.packager.model.LessonStep;
import org.pelita.packager.model.Module;
import org.pelita.packager.model.Quiz;

/** Orders a module's content into units: intro, pre-test, lessons (pages and checks), post-test, summary. */
public final class UnitPlanner {
    public static final String LAUNCH_FILE = "index.html";

    private UnitPlanner() {
    }

    public static List<Unit> plan(Module module, UnitLayout layout) {
        return layout == UnitLayout.SINGLE ? List.of(single(module)) : perLesson(module);
    }

    private static Unit single(Module module) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step.Intro());
        module.preTest().ifPresent(q -> steps.add(new Step.QuizStep(q, null)));
        for (Lesson lesson : module.lessons()) {
            steps.addAll(lessonSteps(lesson));
        }
        module.postTest().ifPresent(q -> steps.add(new Step.QuizStep(q, null)));
        steps.add(new Step.Summary());
        return new Unit("module", LAUNCH_FILE, module.title(), steps);
    }

    /** The first unit carries the intro and launches from index.html, where LMSs look first. */
    private static List<Unit> perLesson(Module module) {
        List<Unit> units = new ArrayList<>();
        if (module.preTest().isPresent()) {
            Quiz pre = module.preTest().get();
            units.add(new Unit("pre-test", "pre-test.html", pre.title(),
                    List.of(new Step.Intro(), new Step.QuizStep(pre, null), new Step.Summary())));
        }
        for (Lesson lesson : module.lessons()) {
            List<Step> steps = new ArrayList<>();
            if (units.isEmpty()) {
                steps.add(new Step.Intro());
            }
            steps.addAll(lessonSteps(lesson));
            steps.add(new Step.Summary());
            units.add(new Unit("lesson-" + lesson.id(), "lesson-" + lesson.id() + ".html", lesson.title(), steps));
        }
        if (module.postTest().isPresent()) {
            Quiz post = module.postTest().get();
            units.add(new Unit("post-test", "post-test.html", post.title(), List.of(new Step.QuizStep(post, null), new Step.Summary())));
        }
        Unit first = units.get(0);
        units.set(0, new Unit(first.id(), LAUNCH_FILE, first.title(), first.steps()));
        return units;
    }

    private static List<Step> lessonSteps(Lesson lesson) {
        List<Step> steps = new ArrayList<>();
        for (LessonStep step : lesson.steps()) {
            if (step instanceof LessonStep.PageStep page) {
                steps.add(new Step.PageStep(lesson, page.page()));
            } else if (step instanceof LessonStep.CheckStep check) {
                steps.add(new Step.QuizStep(check.quiz(), lesson));
            }
        }
        return steps;
    }
}
