package org.pelita.packager.model;

import java.util.List;

public record Lesson(String id, LocalizedText title, List<LessonStep> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }
}
