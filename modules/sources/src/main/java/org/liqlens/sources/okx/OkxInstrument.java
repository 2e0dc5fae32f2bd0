package org.liqlens.sources.okx;

/**
 * The contract facts needed to turn OKX sizes (in contracts) into base units.
 *
 * @param contractValue {@code ctVal}: base units per contract for linear contracts ({@code 0.01} BTC for
 *                      BTC-USDT-SWAP), quote units per contract for inverse ones ({@code 100} USD for BTC-USD-SWAP)
 */
public record OkxInstrument(String instId, double contractValue, String contractValueCurrency, String contractType,
                            double tickSize, double lotSize, String state) {

    /** Contracts to base units; an inverse contract's value is in quote currency, so it is divided by price. */
    public double baseQuantity(double contracts, double price) {
        return "inverse".equals(contractType) ? contracts * contractValue / price : contracts * contractValue;
    }
}
