package org.pelita.lrs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The reports' statistics against values worked out by hand (R's quantile type 7, Pearson's r, Hake's gain). */
class StatisticsTest {
    @Test
    void quartilesInterpolateBetweenTheClosestRanks() {
        Statistics.Quartiles q = Statistics.quartiles(new double[] {30, 5, 20, 10});

        assertThat(q.q1()).isEqualTo(8.75);
        assertThat(q.median()).isEqualTo(15);
        assertThat(q.q3()).isEqualTo(22.5);
        assertThat(Statistics.quartiles(new double[] {7}).median()).isEqualTo(7);
        assertThat(Statistics.quartiles(new double[0])).isNull();
    }

    @Test
    void aScoreOnABinsLowerEdgeFallsIntoThatBinAndAPerfectScoreIntoTheLast() {
        assertThat(Statistics.histogram(new double[] {0, 0.7, 0.69999, 0.1 + 0.2, 1.0, 0.95}))
                .containsExactly(1, 0, 0, 1, 0, 0, 1, 1, 0, 2);
    }

    @Test
    void pointBiserialIsPearsonsCorrelationOfTheItemWithTheRestOfTheQuiz() {
        assertThat(Statistics.pointBiserial(new double[] {0, 0, 1}, new double[] {1, 0, 2})).isCloseTo(Math.sqrt(3) / 2, within(1e-12));
        assertThat(Statistics.pointBiserial(new double[] {1, 0, 1, 0}, new double[] {0, 3, 0, 3})).isCloseTo(-1, within(1e-12));
    }

    @Test
    void discriminationIsUndefinedWhenEveryoneGaveTheSameAnswer() {
        assertThat(Statistics.pointBiserial(new double[] {1, 1, 1}, new double[] {0, 1, 2})).isNull();
        assertThat(Statistics.pointBiserial(new double[] {1}, new double[] {1})).isNull();
    }

    @Test
    void theUpperLowerIndexComparesTheTopAndBottom27Percent() {
        // 10 learners: groups of round(2.7) = 3. Top three by total all right, bottom three one right.
        double[] item = {0, 1, 0, 1, 0, 1, 0, 1, 1, 1};
        double[] total = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(Statistics.upperLower(item, total)).isCloseTo(1 - 1.0 / 3, within(1e-12));
        assertThat(Statistics.upperLower(new double[] {1, 0, 1}, new double[] {1, 2, 3})).isNull();
    }

    @Test
    void theNormalisedGainIsTheShareOfWhatWasLeftToLearn() {
        assertThat(Statistics.normalisedGain(0.5, 0.75)).isEqualTo(0.5);
        assertThat(Statistics.normalisedGain(0.6, 0.4)).isCloseTo(-0.5, within(1e-12));
        assertThat(Statistics.normalisedGain(1.0, 1.0)).isNull();
    }
}
