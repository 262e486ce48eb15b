package io.zhongtai.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Every random value of the demo warehouse, drawn from one {@link SplittableRandom} in the order the
 * generator asks for them.
 *
 * <p>Only {@link SplittableRandom#nextLong()} is used: its SplitMix64 output is fixed by the algorithm,
 * while the JDK's bounded and Gaussian helpers are not specified bit for bit across releases. Derived
 * values use {@link StrictMath}, because {@link Math#log} and friends may differ between platforms. So a
 * seed gives the same warehouse on every JDK and machine.
 */
final class RandomDraws {
    private final SplittableRandom random;

    RandomDraws(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in [0, 1), from the top 53 bits as {@code SplittableRandom.nextDouble()} does. */
    double uniform() {
        return (random.nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int below(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) (uniform() * bound);
    }

    /** Uniform in [low, high], both included. */
    int between(int low, int high) {
        if (high < low) {
            throw new IllegalArgumentException("empty range " + low + ".." + high);
        }
        return low + below(high - low + 1);
    }

    /** Uniform in [low, high). */
    double between(double low, double high) {
        return low + (high - low) * uniform();
    }

    boolean chance(double probability) {
        return uniform() < probability;
    }

    /** Standard normal, by Box-Muller (one value per call, to keep the draw order simple). */
    double gaussian() {
        double radius = StrictMath.sqrt(-2.0 * StrictMath.log(1.0 - uniform()));
        return radius * StrictMath.cos(2.0 * StrictMath.PI * uniform());
    }

    /** Log-normal around 1: a positive factor whose spread grows with sigma. */
    double logNormal(double sigma) {
        return StrictMath.exp(sigma * gaussian());
    }

    <T> T pick(List<T> items) {
        return items.get(below(items.size()));
    }
}
