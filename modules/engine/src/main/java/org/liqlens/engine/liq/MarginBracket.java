package org.liqlens.engine.liq;

/**
 * One row of an exchange's leverage/maintenance-margin table: positions whose notional lies in
 * {@code [notionalFloor, notionalCap)} may use at most {@code maxLeverage} and are maintained at rate
 * {@code mmr} less the fixed amount {@code cum} (Binance's "maintenance amount"; Bybit calls the same
 * quantity the maintenance-margin deduction). {@code cum} makes the maintenance margin continuous across
 * bracket boundaries: {@code cum_n = floor_n * (mmr_n - mmr_{n-1}) + cum_{n-1}}.
 */
public record MarginBracket(double notionalFloor, double notionalCap, double maxLeverage, double mmr, double cum) {

    public MarginBracket {
        if (!(notionalFloor >= 0) || !(notionalCap > notionalFloor)) {
            throw new IllegalArgumentException("bracket needs 0 <= floor < cap: floor=" + notionalFloor + " cap=" + notionalCap);
        }
        if (!(maxLeverage > 0) || !Double.isFinite(maxLeverage)) {
            throw new IllegalArgumentException("max leverage must be positive: " + maxLeverage);
        }
        if (!(mmr >= 0 && mmr < 1)) {
            throw new IllegalArgumentException("maintenance margin rate must be in [0, 1): " + mmr);
        }
        if (!Double.isFinite(cum)) {
            throw new IllegalArgumentException("maintenance amount must be finite: " + cum);
        }
    }

    /** Whether {@code notional} falls in this bracket ({@code floor <= notional < cap}). */
    public boolean contains(double notional) {
        return notional >= notionalFloor && notional < notionalCap;
    }

    /** Maintenance margin of a position of this notional under this bracket: {@code notional * mmr - cum}. */
    public double maintenanceMargin(double notional) {
        return notional * mmr - cum;
    }
}
