package org.liqlens.sources.file;

import org.liqlens.engine.market.CandleSeries;
import org.liqlens.engine.market.OpenInterestSeries;

/** Price candles and open interest read together from one file. */
public record PriceAndOpenInterest(CandleSeries candles, OpenInterestSeries openInterest) {
}
