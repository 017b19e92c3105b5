package org.pelita.lrs.research;

import java.util.Arrays;
import java.util.List;

/** The statistics of the reports, on plain numbers (docs/reports.md says which report uses which). */
public final class Statistics {
    private Statistics() {
    }

    /** First quartile, median and third quartile. */
    public record Quartiles(double q1, double median, double q3) {
    }

    /** Quartiles by linear interpolation between the closest ranks (R's default, type 7); null for no values. */
    public static Quartiles quartiles(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Quartiles(quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75));
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }

    public static Double mean(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Counts of scores (0..1) in ten bins of 0.1: [0, 0.1), [0.1, 0.2) … [0.9, 1.0]; 1.0 goes into the last. */
    public static int[] histogram(double[] scores) {
        int[] bins = new int[10];
        for (double s : scores) {
            // Round first so that 0.7 (stored as 0.69999…) falls into [0.7, 0.8).
            int bin = (int) Math.floor(Math.round(s * 1e9) / 1e8);
            bins[Math.max(0, Math.min(9, bin))]++;
        }
        return bins;
    }

    /**
     * Pearson's correlation between an item's 0/1 scores and the learners' totals: with the total of the other items
     * (the "corrected" item-total correlation), an item does not correlate with itself. Null when either side has no
     * variance (everyone right, or everyone wrong), where discrimination is undefined.
     */
    public static Double pointBiserial(double[] item, double[] rest) {
        int n = item.length;
        if (n < 2) {
            return null;
        }
        double meanItem = mean(item);
        double meanRest = mean(rest);
        double covariance = 0;
        double varianceItem = 0;
        double varianceRest = 0;
        for (int i = 0; i < n; i++) {
            covariance += (item[i] - meanItem) * (rest[i] - meanRest);
            varianceItem += (item[i] - meanItem) * (item[i] - meanItem);
            varianceRest += (rest[i] - meanRest) * (rest[i] - meanRest);
        }
        if (varianceItem == 0 || varianceRest == 0) {
            return null;
        }
        return covariance / Math.sqrt(varianceItem * varianceRest);
    }

    /**
     * Upper–lower discrimination index: the share right among the 27% with the highest totals minus the share right among
     * the 27% with the lowest (Kelley's groups). Null under 4 learners, where the groups would be empty.
     */
    public static Double upperLower(double[] item, double[] total) {
        int n = item.length;
        int group = (int) Math.round(n * 0.27);
        if (group < 1 || n < 4) {
            return null;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // Ties in the total are broken by position, which is the learners' order of first answer: stable and repeatable.
        Arrays.sort(order, (a, b) -> Double.compare(total[a], total[b]));
        double lower = 0;
        double upper = 0;
        for (int i = 0; i < group; i++) {
            lower += item[order[i]];
            upper += item[order[n - 1 - i]];
        }
        return (upper - lower) / group;
    }

    /** Hake's normalised gain of class means: (post - pre) / (1 - pre); null when pre is 1 (nothing left to gain). */
    public static Double normalisedGain(double pre, double post) {
        return pre >= 1 ? null : (post - pre) / (1 - pre);
    }

    public static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
