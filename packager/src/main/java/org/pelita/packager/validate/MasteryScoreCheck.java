package org.pelita.packager.validate;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * adlcp:masteryscore must be a number from 0 to 100. Moodle compares the SCO's raw score with it and overwrites
 * the status with passed or failed, so a wrong value silently changes learners' results.
 */
final class MasteryScoreCheck implements ManifestCheck {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public void check(ManifestContext context, Findings findings) {
        ManifestModel manifest = context.manifest();
        for (ManifestModel.Item item : manifest.allItems()) {
            String score = item.masteryScore();
            if (score == null) {
                continue;
            }
            Location where = ManifestContext.at(item.masteryLine());
            if (!inRange(score)) {
                findings.error("mastery-score-invalid", where, "adlcp:masteryscore of item '" + item.identifier()
                        + "' is '" + score + "', not a number from 0 to 100. Moodle compares the raw score with it to"
                        + " set passed or failed. Write a plain number such as 80 (no % sign).");
            }
            Optional<ManifestModel.Resource> resource = Optional.ofNullable(item.identifierref()).flatMap(manifest::resource);
            if (item.identifierref() == null || (resource.isPresent() && !resource.get().isSco())) {
                findings.warning("mastery-score-not-sco", where, "Item '" + item.identifier() + "' has a mastery score"
                        + " but does not launch a SCO, so no score is ever reported against it. Move the mastery score"
                        + " to the item of the SCO that reports the score, or remove it.");
            }
        }
    }

    private static boolean inRange(String score) {
        if (!NUMBER.matcher(score).matches()) {
            return false;
        }
        BigDecimal value = new BigDecimal(score.startsWith("+") ? score.substring(1) : score);
        return value.signum() >= 0 && value.compareTo(HUNDRED) <= 0;
    }
}
