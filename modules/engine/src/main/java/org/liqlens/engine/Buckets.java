package org.liqlens.engine;

/** Equal-width price buckets over a range; shared by the map and the heatmap so both cut prices alike. */
final class Buckets {
    final double low, high;
    final int count;
    final double perUnit;   // buckets per unit of price
    final double width;

    Buckets(double low, double high, int count) {
        this.low = low;
        this.high = high;
        this.count = count;
        this.perUnit = count / (high - low);
        this.width = (high - low) / count;
    }

    int bucketOf(double p) {
        double x = (p - low) * perUnit;
        return x >= 0 && x < count ? (int) x : -1;
    }

    double bucketLow(int b) { return low + b * width; }

    double bucketHigh(int b) { return b == count - 1 ? high : low + (b + 1) * width; }

    double bucketCentre(int b) { return low + (b + 0.5) * width; }
}
