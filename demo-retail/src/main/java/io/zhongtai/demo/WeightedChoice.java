package io.zhongtai.demo;

/** Picks an index with probability proportional to its weight. */
final class WeightedChoice {
    private final double[] cumulative;

    WeightedChoice(double[] weights) {
        if (weights.length == 0) {
            throw new IllegalArgumentException("no weights");
        }
        cumulative = new double[weights.length];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            // Positive only: a zero weight could still be hit when rounding lands on the total.
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " is not a positive finite number: " + weights[i]);
            }
            total += weights[i];
            cumulative[i] = total;
        }
    }

    int draw(RandomDraws draws) {
        double target = draws.uniform() * cumulative[cumulative.length - 1];
        // The first slot whose running total exceeds the target.
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
