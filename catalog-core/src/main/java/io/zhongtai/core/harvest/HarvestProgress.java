package io.zhongtai.core.harvest;

/**
 * How far a harvest has come: {@code done} of {@code total} tables read, and a line for the
 * run's log.
 */
public record HarvestProgress(int done, int total, String message) {
    public double fraction() {
        return total == 0 ? 0 : Math.min(1.0, (double) done / total);
    }
}
